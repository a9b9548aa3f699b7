"""When a senior can start work, from what they answer to "언제부터 일하실 수 있으세요?".

AllWork weighs hiring timing from both sides: a company that needs someone 즉시 and a
senior who can only start next month are a poorer fit. People answer with a word ("바로",
"지금", "협의"), a month ("다음 달부터", "1월부터"), a day ("1월 5일", "2027-01-05") or a
wait ("2주 뒤", "한 달 후"). The answer is stored as a day: the day it was given for "now",
so that "바로" stays true as time passes.
"""

import re
from datetime import date, timedelta

from matching.dates import parse_day
from matching.text import compact

LONGEST_WAIT = timedelta(days=366)
"""Further ahead than this is a typo, or not a job search yet."""

_NOW = re.compile(r"(?:즉시|바로|지금|당장|언제든지?|아무때나|오늘|협의|무관|상관없\w*)+")
_TAIL = re.compile(
    r"(?:부터|이후|쯤|정도|경|에)*(?:출근|근무)?"
    r"(?:가능\w*|할수있\w*|일할수있\w*|일가능\w*|돼요|됩니다|요|\.)*$"
)
_NEXT_MONTH = re.compile(r"(?:다음달|담달|내달|다음월)")
_MONTH = re.compile(r"(?P<month>\d{1,2})월(?P<part>초|중순|중|말)?")
_PART_DAYS = {None: 1, "초": 1, "중순": 15, "중": 15, "말": 25}
_WAIT = re.compile(
    r"(?P<count>\d{1,2}|한|두|세|일)\s*(?P<unit>주|주일|달|개월)(?:후|뒤|있다가|지나서)"
)
_WORD_COUNTS = {"한": 1, "두": 2, "세": 3, "일": 1}


def parse_available_from(text: str, today: date) -> date | None:
    """The first day the senior can work, or None when the answer is not understood."""
    answer = _TAIL.sub("", compact(text))
    if not answer or len(answer) > 30:
        return None
    found = _read(answer, today)
    if found is None or found - today > LONGEST_WAIT:
        return None
    return max(found, today)


def _read(answer: str, today: date) -> date | None:
    if _NOW.fullmatch(answer):
        return today
    if _NEXT_MONTH.fullmatch(answer):
        return _first_of_next_month(today)
    if month := _MONTH.fullmatch(answer):
        return _in_month(int(month["month"]), _PART_DAYS[month["part"]], today)
    if wait := _WAIT.fullmatch(answer):
        return _after(wait, today)
    return parse_day(answer, today)


def _first_of_next_month(today: date) -> date:
    return date(today.year + today.month // 12, today.month % 12 + 1, 1)


def _in_month(month: int, day: int, today: date) -> date | None:
    """ "1월부터", "1월 중순": this month means this year, a month gone by means next year's."""
    if not 1 <= month <= 12:
        return None
    return date(today.year + (month < today.month), month, day)


def _after(wait: re.Match[str], today: date) -> date:
    count = _WORD_COUNTS.get(wait["count"]) or int(wait["count"])
    if wait["unit"].startswith("주"):
        return today + timedelta(weeks=count)
    return today + timedelta(days=30 * count)
