"""Days as people type them: "12월 3일", "2026-12-03", "12/3", "오늘", "내일", "어제".

Coaches type dates inside their free times (`matching.slots` builds its tokens from
`DATE_PATTERNS`); staff type one date as a whole answer (`parse_day`): the day they
visited a company, a posting's deadline. Which year a date without one means depends on
the question, decided once in `calendar_day`:

- looking ahead (deadlines, coaching), it is the next such date counted from today,
  today included; a date passed less than `RECENT_PAST` ago stays in this year, so a
  typo is reported as past rather than read as next year's;
- looking back (a visit), it is the latest such date up to today; a date less than
  `RECENT_PAST` ahead stays in this year too, for the question to refuse as a typo.

A date that does not exist in that year ("2월 29일" in 2026, "12월 32일") is None, never
moved to another year.
"""

import re
from datetime import date, timedelta

from matching.text import normalize

RECENT_PAST = timedelta(days=31)
RELATIVE_DAYS = {"오늘": 0, "내일": 1, "모레": 2, "내일모레": 2, "글피": 3}
PAST_DAYS = {"어제": -1, "그제": -2, "그저께": -2}

# Named groups, so a pattern can sit in a larger alternation (as in `matching.slots`).
DATE_PATTERNS = {
    "full_date": (
        r"(?<![\d.:/])(?P<full_year>\d{4})\s*"
        r"(?:년\s*(?P<full_month>\d{1,2})\s*월\s*(?P<full_day>\d{1,2})\s*일"
        r"|(?P<full_sep>[./-])\s*(?P<full_month2>\d{1,2})\s*(?P=full_sep)\s*"
        r"(?P<full_day2>\d{1,2})(?!\d)\.?)"
    ),
    "month_day": r"(?<![\d.:/])(?P<md_month>\d{1,2})\s*월\s*(?P<md_day>\d{1,2})\s*일",
    "numeric_date": (
        r"(?<![\d.:/])(?P<num_month>\d{1,2})[/.](?P<num_day>\d{1,2})(?![\d:])(?:\.|\s*일)?"
    ),
    "relative": r"내일\s*모레|오늘|내일|모레|글피",
}
_PAST = "|".join(PAST_DAYS)
_ONE_DAY = re.compile(
    "|".join(f"(?P<{kind}>{body})" for kind, body in {**DATE_PATTERNS, "past": _PAST}.items())
)
_DIGIT = re.compile(r"\d")
# A posting open until it is filled: "상시", "상시 채용", "수시 모집", "채용 시 마감".
_ALWAYS_OPEN = ("상시", "수시", "채용시")


def always_open(text: str) -> bool:
    """Whether a deadline as typed says there is none."""
    spaceless = normalize(text).replace(" ", "")
    return any(word in spaceless for word in _ALWAYS_OPEN)


def calendar_day(
    today: date, year: int | None, month: int, day: int, *, past: bool = False
) -> date | None:
    """The date, or None if it does not exist; without a year, see the module docstring."""
    try:
        if year is not None:
            return date(year, month, day)
        this_year = date(today.year, month, day)
    except ValueError:
        this_year = None
    if past:
        if this_year is not None and this_year <= today + RECENT_PAST:
            return this_year
        year = today.year - 1
    elif this_year is not None and this_year >= today - RECENT_PAST:
        return this_year
    else:
        year = today.year + 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def token_day(token: re.Match[str], today: date, *, past: bool = False) -> tuple[date | None, str]:
    """The day a match of `DATE_PATTERNS` names (None if no such day) and how to name it."""
    words = token[0].replace(" ", "")
    if words in RELATIVE_DAYS or words in PAST_DAYS:
        found = today + timedelta(days=RELATIVE_DAYS.get(words, PAST_DAYS.get(words, 0)))
        return found, f"{found.month}월 {found.day}일"
    year = int(token["full_year"]) if token["full_year"] else None
    month = int(_first(token, "full_month", "full_month2", "md_month", "num_month"))
    day = int(_first(token, "full_day", "full_day2", "md_day", "num_day"))
    named = f"{month}월 {day}일" if year is None else f"{year}년 {month}월 {day}일"
    return calendar_day(today, year, month, day, past=past), named


def parse_day(text: str, today: date, *, past: bool = False) -> date | None:
    """The one day a whole answer names ("11월 20일에 갔어요", "어제"); None if not exactly one.

    Words around the date are fine; other digits are not ("11월 20일, 21일" is unclear).
    """
    cleaned = normalize(text)
    tokens = list(_ONE_DAY.finditer(cleaned))
    if len(tokens) != 1 or _DIGIT.search(_ONE_DAY.sub(" ", cleaned)):
        return None
    return token_day(tokens[0], today, past=past)[0]


def _first(token: re.Match[str], *names: str) -> str:
    """The one group that matched among the date spellings' alternatives."""
    return next(token[name] for name in names if token[name] is not None)
