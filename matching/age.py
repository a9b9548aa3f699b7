"""Birth year from what a senior types when asked "나이 또는 출생연도".

People answer with an age ("58세", "만 58세"), a birth year ("68년생", "1968") or a
birth date ("1968.03.05", "1968년 5월생"). Storing the birth year keeps the fact true next year;
the age is derived with `age_on`.

Matching is anchored on the whole answer so that stray numbers in other text
("전화 010-1234-5678") are never taken for an age.
"""

import datetime
import re

from matching.text import compact

MIN_AGE = 18
MAX_AGE = 99

# Words around the figure that carry no information: "제 나이는 58세입니다".
_PREFIX = (
    r"(?:저는|제|올해|현재|지금)?"
    r"(?:나이|연세|생년월일|생년|출생연도|출생년도|출생년|태어난해)?"
    r"(?:는|은|가|:)?"
)
_SUFFIX = r"(?:입니다|이에요|예요|이요|이고요|이구요|임|이다|요)?\.?"
_BIRTH = r"(?:생|출생)?"

_AGE = re.compile(rf"{_PREFIX}만?(?P<age>\d{{2}})(?:세|살)?{_SUFFIX}")
_FULL_YEAR = re.compile(rf"{_PREFIX}(?P<year>(?:19|20)\d{{2}})(?:년도?)?{_BIRTH}{_SUFFIX}")
_SHORT_YEAR = re.compile(rf"{_PREFIX}(?P<year>\d{{2}})(?:년도?{_BIRTH}|생){_SUFFIX}")
_DOTTED_DATE = re.compile(
    rf"{_PREFIX}(?P<year>(?:19|20)\d{{2}}|\d{{2}})"
    rf"(?P<sep>[.\-/])(?P<month>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}})\.?{_BIRTH}{_SUFFIX}"
)
# Two ways of saying one age, or an age and the person's sex: "56세(1970년생)", "58 (남)".
_PARTS = re.compile(r"[\s()\[\],/·]+")
_SEX = re.compile(r"(?:남|여)(?:성|자)?(?:입니다|이에요|예요|요)?")
_KOREAN_DATE = re.compile(
    rf"{_PREFIX}(?P<year>(?:19|20)\d{{2}}|\d{{2}})년"
    rf"(?P<month>\d{{1,2}})월(?:(?P<day>\d{{1,2}})일)?{_BIRTH}{_SUFFIX}"
)


def age_on(birth_year: int, *, today: datetime.date) -> int:
    """Age by year difference; birthdays are ignored because we only store the year."""
    return today.year - birth_year


def parse_birth_year(text: str, *, today: datetime.date) -> int | None:
    """Return the birth year meant by `text`, or None when unclear or the age is implausible.

    Some say it twice ("56세(1970년생)", "1968년생 58세") or add their sex ("58 (남)"), as on
    a CV. Then each part is read alone, the sex left out, and the parts must agree within
    a year (a birthday still to come); the birth year is kept over the age."""
    year = _stated_year(compact(text), today) or _year_of_parts(text, today)
    if year is None or not MIN_AGE <= age_on(year, today=today) <= MAX_AGE:
        return None
    return year


def _stated_year(answer: str, today: datetime.date) -> int | None:
    return _year_from_birth(answer, today) or _year_from_age(answer, today)


def _year_from_birth(answer: str, today: datetime.date) -> int | None:
    return _year_from_date(answer, today) or _year_from_year(answer, today)


def _year_from_age(answer: str, today: datetime.date) -> int | None:
    match = _AGE.fullmatch(answer)
    return today.year - int(match["age"]) if match else None


def _year_of_parts(text: str, today: datetime.date) -> int | None:
    """Each part read alone; a part that says nothing yet ("만" of "만 57세") joins the next."""
    parts = [part for part in map(compact, _PARTS.split(text)) if part]
    if len(parts) < 2:
        return None  # nothing set apart: the whole answer was already tried
    years: list[int] = []
    births: list[int] = []
    pending = ""
    for part in parts:
        if not pending and _SEX.fullmatch(part):
            continue
        pending += part
        if (birth := _year_from_birth(pending, today)) is not None:
            births.append(birth)
        if (year := birth or _year_from_age(pending, today)) is not None:
            years.append(year)
            pending = ""
    if pending or not years or max(years) - min(years) > 1:
        return None
    return (births or years)[0]


def _year_from_date(answer: str, today: datetime.date) -> int | None:
    """A full date is only trusted when it is a real calendar day."""
    match = _DOTTED_DATE.fullmatch(answer) or _KOREAN_DATE.fullmatch(answer)
    if match is None:
        return None
    year = _full_year(match["year"], today)
    try:  # "1968년 5월생" names no day: any real day of that month will do
        datetime.date(year, int(match["month"]), int(match["day"] or 1))
    except ValueError:
        return None
    return year


def _year_from_year(answer: str, today: datetime.date) -> int | None:
    if match := _FULL_YEAR.fullmatch(answer):
        return int(match["year"])
    if match := _SHORT_YEAR.fullmatch(answer):
        return _full_year(match["year"], today)
    return None


def _full_year(digits: str, today: datetime.date) -> int:
    """ "68" means 1968; "05" means 2005 because 1905 would make the person over MAX_AGE."""
    if len(digits) == 4:
        return int(digits)
    year = 1900 + int(digits)
    if age_on(year, today=today) > MAX_AGE:
        year += 100
    return year


def age_band(age: int) -> str:
    """ "50대 후반": close enough to tell peers apart, too coarse to identify anyone."""
    decade = age // 10 * 10
    part = age % 10
    third = "초반" if part <= 3 else "중반" if part <= 6 else "후반"
    return f"{decade}대 {third}"
