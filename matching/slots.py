"""Coaches' free time, typed in plain Korean, turned into bookable coaching sessions.

A coach answers "언제 시간이 되세요?" the way they would text a friend: "12월 3일 오후
2시-5시, 30분씩", "내일 10시-12시". `parse_availability` keeps every window it can read
and explains each piece it cannot, politely and with an example; it never raises on what
people type, so the handler can always answer. Times are Korean (Asia/Seoul, which has no
daylight saving time); everything returned is aware UTC.

How ambiguous typing is read, decided once here:

- Windows are separated by new lines, ";", "|" or a "/" that is not between digits
  ("12/3" is a date; "12/3 10-12시 / 12/4 14-16시" are two windows) nor between weekday
  letters ("매주 화/목" is one weekly pattern). On one line, every time range is its own
  window: "12월 3일 10-12시, 14-16시".
- A date without a year is the next such date counted from today in Seoul, today
  included: typed in December, "1월 5일" is next January. Exception: a date passed less
  than `matching.dates.RECENT_PAST` (31 days) ago is a typo, reported as past rather than
  read as next year's. A date that does not exist in that year ("2월 29일" in 2026, "12월
  32일") is a problem, never moved to a later year.
- A range without its own date uses the last date written before it, on its line or an
  earlier one ("12월 3일" on one line, "10-12시" and "14-16시" on the next ones).
- A weekly pattern takes the place of a date: "매주 화·목", "매주 화요일과 목요일",
  "매주 월, 수, 금", "매주 화목", "매주 평일" (월-금), "매주 주말" or "매주말" (토·일),
  "매주 월~금", "화요일마다". Its weekdays (seven at most) are separated by "·", ",",
  "、", "/", spaces, 와/과/및/랑 or nothing, each with or without "요일". It means every
  such day among the `WEEKLY_WEEKS` × 7 days starting today in Seoul, so each weekday
  comes `WEEKLY_WEEKS` times ("앞으로 4주", as the coach is told). A day whose window has
  already started is dropped without a word, as the coach meant the coming weeks; only a
  range with no day left would be reported as past. Each day's window is checked for
  overlaps like a dated one. "매주" without a weekday is a problem, not every day.
- A start hour without 오전/오후: 0 and 8-23 are taken as written, 1-7 mean the afternoon
  ("2시-5시" is 14:00-17:00), as coaching happens in working hours; written with a leading
  zero ("07:00") it is a 24-hour clock and taken as written. A start without 오전/오후
  before an end with one shares it unless that puts it after the end ("2시-오후 5시" is
  14:00, "10시-오후 1시" 10:00). An end without 오전/오후 is the first time after the
  start that the clock reads so, within the start's half first: "오전 11시-1시" ends at
  13:00, "10시-2시" at 14:00, "오후 11시-12시" at 24:00.
- "N시 M분" ending a range is a clock time before "까지" or after a start with minutes
  ("2시부터 5시 30분까지", "2시 30분-4시 30분"); otherwise M분 is the session length
  ("2시-5시 30분" is 14:00-17:00 in 30-minute sessions).
- A session length ("30분", "40분씩", "1시간", "1시간 30분", "한 시간 반") belongs to the
  range just before it, or when written between a date and a range, to that range. Ranges
  without one take the first length on their line, then a line that holds only a length
  ("모두 40분씩"), then `default_minutes`. Two different lengths after one range are a
  problem.
- A weekday ("(수)", "수요일") must agree with the date before it on its line. After a
  weekly pattern on its line it has no date to agree with, but is reported unless it
  repeats the pattern's only day: "매주 화 10-12시, 목요일 14-16시" must not put Thursday's
  hours on Tuesdays. A weekday without a date or weekly pattern, or a line with digits that
  fit no pattern ("12월 3일, 4일 ...", "14:00-17:00 30"), is reported whole rather than
  guessed.
- Words around what is understood are ignored ("가능합니다", "상담"), emoji and
  full-width characters are folded away by `normalize`.
- Windows must not start before `now` nor overlap one another; they last at most 12
  hours, end on the day they start (24:00 at the latest) and hold at least one session;
  a session lasts 10-180 minutes.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from matching.dates import DATE_PATTERNS, token_day
from matching.schedule import SEOUL, korean_date
from matching.text import normalize

WEEKDAYS = "월화수목금토일"

MIN_SESSION_MINUTES = 10
MAX_SESSION_MINUTES = 180
MAX_WINDOW = timedelta(hours=12)
WEEKLY_WEEKS = 4  # how far ahead a weekly pattern opens sessions
EXAMPLE = "12월 3일 14:00-17:00, 30분"
_WEEKLY_EXAMPLE = "매주 화·목 10:00-12:00"
_MAX_QUOTE = 30  # problems quote what was typed; a whole pasted paragraph helps no one

_MORNING = frozenset({"오전", "아침", "새벽"})
_EVENING = frozenset({"저녁", "밤"})
_HALF_DAY = r"오전|오후|아침|낮|저녁|밤|새벽"
_KOREAN_HOURS = {"한": 1, "두": 2, "세": 3}


def _time(prefix: str, *, end: bool = False, marked: bool = False) -> str:
    """Regex for one clock time ("14:00", "오후 2시 30분", "2시 반", bare "2").

    At the end of a range "시 M분" is a clock time only before "까지" or after a start
    with minutes ("2시 30분-4시 30분"); otherwise "M분" is left for the session length.
    `marked` demands ":" or "시" after the hour.
    """
    minutes_word = rf"시\s*(?P<{prefix}_word>\d{{1,2}})\s*분"
    if end:
        minutes_word += r"(?(start_colon)|(?(start_word)|(?(start_thirty)|(?=\s*까지))))"
    return (
        rf"(?:(?P<{prefix}_half>{_HALF_DAY})\s*)?"
        rf"(?<![\d.:/])(?P<{prefix}_hour>\d{{1,2}})(?!\d)"
        rf"(?P<{prefix}_mark>"
        rf"\s*:\s*(?P<{prefix}_colon>\d{{2}})(?!\d)"
        rf"|\s*{minutes_word}"
        rf"|\s*시\s*(?P<{prefix}_thirty>반)"
        rf"|\s*시(?!간)"
        rf"){'' if marked else '?'}"
    )


_WEEKDAY_NAMES = f"[{WEEKDAYS}]"
_WEEKDAY_GROUPS = {"평일": range(5), "주말": range(5, 7)}
# One weekday, a named group of them, or a span: "화", "수요일", "평일", "월~금".
_DAY_UNIT = (
    rf"평일|주말|{_WEEKDAY_NAMES}(?:요일)?"
    rf"(?:\s*(?:~|-|부터)\s*{_WEEKDAY_NAMES}(?:요일)?(?:\s*까지)?)?"
)
# At most seven days, as a week has no more. The bound, and joins that never match the
# same text two ways, keep a list that fails ("월 화 수 ... 가마다") from being scanned
# again from each of its letters.
_DAYS = rf"(?:{_DAY_UNIT})(?:(?:\s*(?:[·,]|와|과|및|랑)\s*|\s+)?(?:{_DAY_UNIT})){{0,6}}"
_TOKEN_PATTERNS = {
    # Order matters where two patterns could start at one position: a length ("1시간")
    # before a time ("1시"), full dates before month/day before time ranges.
    "length": (
        r"(?:(?<![\d.:/])(?P<len_hours>\d{1,2}(?:\.\d)?|[한두세])\s*시간"
        r"(?:\s*(?P<len_extra>\d{1,2})\s*분|\s*(?P<len_half>반))?"
        r"|(?<![\d.:/])(?P<len_minutes>\d{1,3})\s*분)(?:\s*씩)?"
    ),
    **DATE_PATTERNS,
    # Before "weekday", which would take "화요일" out of "매주 화요일". Never followed by a
    # letter, so "매주 화요일 수업" is not Tuesdays and Wednesdays; "...마다" never after
    # one or a digit, so "매일마다" and "3일마다" are not Sundays.
    "weekly": (
        rf"(?:(?:매(?=주말)|매주)\s*(?:(?P<wk_days>{_DAYS})(?:\s*마다)?)?"
        rf"|(?<![가-힣\d])(?P<wk_every>{_DAYS})\s*마다)(?:에는|에|은|는)?(?![가-힣])"
    ),
    "weekday": (
        rf"\(\s*(?P<wd_paren>{_WEEKDAY_NAMES})(?:요일)?\s*\)|(?P<wd_word>{_WEEKDAY_NAMES})요일"
    ),
    "range": (
        _time("start") + r"\s*(?:-|~|부터|에서)\s*" + _time("end", end=True) + r"(?:\s*까지)?"
    ),
    "single": _time("one", marked=True),
}
_TOKEN = re.compile("|".join(f"(?P<{kind}>{body})" for kind, body in _TOKEN_PATTERNS.items()))
_DATE_KINDS = frozenset({"full_date", "month_day", "numeric_date", "relative", "weekly"})
_DAY_UNITS = re.compile(_DAY_UNIT)
# NFKC first, so full-width "；", "｜" and "／" separate too.
_PIECE_SEPARATORS = re.compile(r"[\r\n;|\u2028\u2029]|(?<!\d)\s*/|/\s*(?!\d)")
# "화/목" is one weekly pattern, not two pieces; "3일/목" still splits after a date.
_WEEKDAY_SLASH = re.compile(
    rf"(?<={_WEEKDAY_NAMES})(?<!\d{_WEEKDAY_NAMES})\s*/\s*(?={_WEEKDAY_NAMES})"
)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Availability:
    """One window a coach is free in, cut into sessions of `minutes` each."""

    start: datetime  # aware, UTC
    end: datetime  # aware, UTC
    minutes: int  # length of one session

    def __post_init__(self) -> None:
        # A zero length would make `slots` loop forever; naive times would compare wrongly.
        if self.minutes <= 0:
            raise ValueError(f"session length must be positive, got {self.minutes}")
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("Availability needs timezone-aware start and end")

    def slots(self) -> list[tuple[datetime, datetime]]:
        """Back-to-back sessions from `start`; a leftover shorter than a session is dropped."""
        length = timedelta(minutes=self.minutes)
        sessions: list[tuple[datetime, datetime]] = []
        begin = self.start
        while begin + length <= self.end:
            sessions.append((begin, begin + length))
            begin += length
        return sessions


@dataclass(frozen=True)
class AvailabilityAnswer:
    """What was understood, and one short Korean explanation per piece that was not."""

    windows: tuple[Availability, ...]
    problems: tuple[str, ...]


def korean_clock(moment: datetime) -> str:
    """ "오후 2:00" in Korean time, the way Korean phones show it.

    The midnight hour reads "오전 12:30" (phones' convention), the noon hour "낮 12:00"
    so that nobody has to wonder whether 오후 12시 is noon or midnight.
    """
    local = _seoul(moment)
    hour, minute = local.hour, local.minute
    if hour == 0:
        return f"오전 12:{minute:02d}"
    if hour < 12:
        return f"오전 {hour}:{minute:02d}"
    if hour == 12:
        return f"낮 12:{minute:02d}"
    return f"오후 {hour - 12}:{minute:02d}"


def korean_time(moment: datetime) -> str:
    """ "12월 3일 (목) 오후 2:00": a session's start as messages show it."""
    local = _seoul(moment)
    weekday = WEEKDAYS[local.weekday()]
    return f"{local.month}월 {local.day}일 ({weekday}) {korean_clock(local)}"


def _seoul(moment: datetime) -> datetime:
    """`moment` in Korean time; a naive datetime is a bug, since its zone is a guess."""
    if moment.tzinfo is None:
        raise ValueError("a timezone-aware datetime is needed")
    return moment.astimezone(SEOUL)


@dataclass
class _Date:
    """The day(s) ranges on this and later lines fall back to; no day if unreadable.

    A date names one day, a weekly pattern ("매주 화·목") every day it covers.
    """

    days: tuple[date, ...]
    text: str
    line: int
    weekly: bool = False
    used: bool = False


@dataclass
class _Range:
    """A time range found on a line, waiting for its date and session length."""

    match: re.Match[str]
    date: _Date | None
    line: int
    length: re.Match[str] | None = None
    second_length: re.Match[str] | None = None  # "14-17시 30분 40분": which one is meant?
    leading_length: re.Match[str] | None = None  # "12월 4일 1시간 14-16시"


@dataclass
class _Reading:
    """Everything gathered while reading one message, line by line."""

    now: datetime
    default_minutes: int
    message_length: re.Match[str] | None  # from a line holding only a length
    today: date = field(init=False)
    windows: list[Availability] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    current: _Date | None = None

    def __post_init__(self) -> None:
        self.today = korean_date(self.now)

    def problem(self, text: str) -> None:
        if text not in self.problems:
            self.problems.append(text)

    def new_date(self, replacement: _Date | None) -> None:
        """Switch the fallback date, first reporting a date that no time range used."""
        old = self.current
        if old is not None and old.days and not old.used:
            self.problem(f"'{old.text}'의 시간을 적어 주세요. 예: {old.text} 14:00-17:00, 30분")
        self.current = replacement


def parse_availability(
    text: str, *, now: datetime, default_minutes: int = 30
) -> AvailabilityAnswer:
    """Read the windows a coach typed; see the module docstring for the reading rules.

    Raises only on programming errors (naive `now`, impossible `default_minutes`), never
    on what a person typed.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if not MIN_SESSION_MINUTES <= default_minutes <= MAX_SESSION_MINUTES:
        raise ValueError(f"default_minutes out of range: {default_minutes}")
    folded = _WEEKDAY_SLASH.sub("·", unicodedata.normalize("NFKC", text))
    pieces = _PIECE_SEPARATORS.split(folded)
    lines = [(line, list(_TOKEN.finditer(line))) for piece in pieces if (line := normalize(piece))]
    length_lines = [tokens for line, tokens in lines if _only_lengths(line, tokens)]
    reading = _Reading(now, default_minutes, length_lines[0][0] if length_lines else None)
    for index, (line, tokens) in enumerate(lines):
        if not _only_lengths(line, tokens):
            _read_line(reading, index, line, tokens)
    reading.new_date(None)
    if not reading.windows and not reading.problems:
        reading.problem(f"상담 가능한 날짜와 시간을 적어 주세요. 예: {EXAMPLE}")
    return AvailabilityAnswer(windows=tuple(reading.windows), problems=tuple(reading.problems))


def _only_lengths(line: str, tokens: list[re.Match[str]]) -> bool:
    """A line like "모두 40분씩": a length for every window that names none."""
    lengths = all(token.lastgroup == "length" for token in tokens)
    return bool(tokens) and lengths and not _stray_digits(line, tokens)


def _stray_digits(line: str, tokens: list[re.Match[str]]) -> bool:
    """Digits that no pattern claimed are a sign of a misreading: "14:00-17:00 30"."""
    bounds = [0, *(edge for token in tokens for edge in token.span()), len(line)]
    return any(
        _DIGIT.search(line[begin:end])
        for begin, end in zip(bounds[::2], bounds[1::2], strict=True)
    )


def _give_up(reading: _Reading, problem: str) -> None:
    """Skip an unclear line; its date (if any) is spent, and later lines need their own."""
    if reading.current is not None:
        reading.current.used = True
    reading.new_date(None)
    reading.problem(problem)


def _read_line(reading: _Reading, index: int, line: str, tokens: list[re.Match[str]]) -> None:
    """Collect one line's dates and ranges, or one problem saying why the line is unclear."""
    if not tokens or _stray_digits(line, tokens):
        _give_up(reading, f"'{_quote(line)}' 부분을 이해하지 못했어요. 예: {EXAMPLE}")
        return
    kinds = [token.lastgroup for token in tokens]
    if "weekday" in kinds and not _DATE_KINDS.intersection(kinds[: kinds.index("weekday")]):
        _give_up(
            reading,
            "요일만으로는 날짜를 알 수 없어요. 날짜나 '매주'를 함께 적어 주세요. "
            f"예: 12월 3일 14:00-17:00 또는 {_WEEKLY_EXAMPLE}",
        )
        return

    ranges: list[_Range] = []
    latest_range: _Range | None = None  # no longer latest once a date follows it
    leading: re.Match[str] | None = None  # a length written after a date, before its range
    line_length: re.Match[str] | None = None
    for token in tokens:
        kind = token.lastgroup
        if kind in _DATE_KINDS:
            latest_range = None
            reading.new_date(_read_date(reading, token, index))
        elif kind == "weekday":
            _check_weekday(reading, token)
        elif kind == "range":
            latest_range = _Range(token, reading.current, index, leading_length=leading)
            leading = None
            ranges.append(latest_range)
            if reading.current is not None:
                reading.current.used = True
        elif kind == "length":
            if latest_range is None:
                leading = leading or token
            elif latest_range.length is None:
                latest_range.length = token
            else:
                latest_range.second_length = latest_range.second_length or token
            line_length = line_length or token
        elif kind == "single":
            if reading.current is not None:
                reading.current.used = True
            reading.problem(
                f"끝나는 시간도 적어 주세요: '{_quote(token[0])}'. 예: 12월 3일 14:00-17:00"
            )
    for found in ranges:
        length = found.length or found.leading_length or line_length or reading.message_length
        _add_windows(reading, found, length)


def _read_date(reading: _Reading, token: re.Match[str], line: int) -> _Date:
    """The date a token names, or a `_Date` without a day after reporting why."""
    if token.lastgroup == "weekly":
        return _weekly_days(reading, token, line)
    found, named = token_day(token, reading.today)
    if found is None:
        reading.problem(f"'{named}'은 없는 날짜예요. 예: {EXAMPLE}")
    return _Date(() if found is None else (found,), named, line)


def _weekly_days(reading: _Reading, token: re.Match[str], line: int) -> _Date:
    """Every day a weekly pattern covers in the `WEEKLY_WEEKS` weeks starting today."""
    typed = token["wk_days"] or token["wk_every"]
    if typed is None:
        reading.problem(f"'매주' 뒤에 요일을 적어 주세요. 예: {_WEEKLY_EXAMPLE}")
        return _Date((), "매주", line, weekly=True)
    weekdays = sorted(_weekday_numbers(typed))
    span = (reading.today + timedelta(days=offset) for offset in range(WEEKLY_WEEKS * 7))
    days = tuple(day for day in span if day.weekday() in weekdays)
    if len(weekdays) == 1:
        named = f"매주 {WEEKDAYS[weekdays[0]]}요일"
    else:
        named = "매주 " + "·".join(WEEKDAYS[number] for number in weekdays)
    return _Date(days, named, line, weekly=True)


def _weekday_numbers(typed: str) -> set[int]:
    """Weekdays (Monday is 0) in "화·목", "화요일과 목요일", "평일", "월~금" or "금~월"."""
    numbers: set[int] = set()
    for unit in _DAY_UNITS.finditer(typed):
        if unit[0] in _WEEKDAY_GROUPS:
            numbers.update(_WEEKDAY_GROUPS[unit[0]])
            continue
        # Without "요일", whose 일 is no Sunday, a span's ends are its first and last letter.
        letters = [
            WEEKDAYS.index(letter) for letter in unit[0].replace("요일", "") if letter in WEEKDAYS
        ]
        first, last = letters[0], letters[-1]
        numbers.update((first + step) % 7 for step in range((last - first) % 7 + 1))
    return numbers


def _check_weekday(reading: _Reading, token: re.Match[str]) -> None:
    """A weekday that disagrees with its date means one of them is a typo: ask, do not guess."""
    current = reading.current
    if current is None or not current.days:
        return
    typed = token["wd_paren"] or token["wd_word"]
    if current.weekly:
        # Not a typo check but a guard: "매주 화·목 10-12시, 목요일 14-16시" means Thursdays
        # only for the second range, which the pattern cannot say. Only "매주 화요일 (화)"
        # repeats the pattern harmlessly.
        if {WEEKDAYS[day.weekday()] for day in current.days} != {typed}:
            current.days = ()
            reading.problem(
                f"요일마다 '매주'를 붙여 적어 주세요: '{typed}요일'. "
                "예: 매주 화 10:00-12:00, 매주 목 14:00-16:00"
            )
        return
    actual = WEEKDAYS[current.days[0].weekday()]
    if typed != actual:
        current.days = ()
        reading.problem(
            f"'{current.text}'은 {actual}요일이에요. 날짜와 요일을 확인해 주세요. "
            f"예: {current.text} ({actual}) 14:00-17:00"
        )


def _add_windows(reading: _Reading, found: _Range, length_token: re.Match[str] | None) -> None:
    """Keep the windows a range describes, one per day of its date, or report why not.

    The range is checked once; only whether it is past and what it overlaps differ by day.
    Past days are dropped quietly: for a weekly pattern they are this week's, already gone,
    while the coach meant the coming weeks; a range left with no day at all is reported.
    """
    typed = _quote(found.match[0])
    if found.date is None or (not found.date.days and found.date.line != found.line):
        reading.problem(f"날짜를 함께 적어 주세요: '{typed}'. 예: 12월 3일 {typed}")
        return
    if not found.date.days:
        return  # the date's own problem already covers this line
    shown = f"{found.date.text} {typed}"
    checked = _checked_range(reading, found, length_token, shown)
    if checked is None:
        return
    begin, finish, minutes = checked
    windows = [_window_on(day, begin, finish, minutes) for day in found.date.days]
    upcoming = [window for window in windows if window.start >= reading.now]
    if not upcoming:
        reading.problem(f"이미 지난 시간이에요: '{_describe(windows[0])}'. 예: {EXAMPLE}")
        return
    if finish - begin < minutes:
        fitting = f"14:00-{14 + minutes // 60}:{minutes % 60:02d}, {minutes}분"
        reading.problem(f"상담 한 번({minutes}분)보다 짧은 시간이에요: '{shown}'. 예: {fitting}")
        return
    for window in upcoming:
        if any(window.start < other.end and other.start < window.end for other in reading.windows):
            reading.problem(f"앞에 적은 시간과 겹쳐요: '{_describe(window)}'. 예: {EXAMPLE}")
        else:
            reading.windows.append(window)


def _checked_range(
    reading: _Reading, found: _Range, length_token: re.Match[str] | None, shown: str
) -> tuple[int, int, int] | None:
    """Start and end (minutes after midnight) and session minutes, or None after a problem.

    `shown` is the range with its date, as problems quote it.
    """
    second = found.second_length
    if second and length_token and _length_minutes(second) != _length_minutes(length_token):
        both = f"{_quote(length_token[0])}, {_quote(second[0])}"
        reading.problem(f"상담 길이를 하나만 적어 주세요: '{both}'. 예: 14:00-17:00, 30분")
        return None
    minutes = reading.default_minutes
    if length_token is not None:
        minutes = _length_minutes(length_token)
        if not MIN_SESSION_MINUTES <= minutes <= MAX_SESSION_MINUTES:
            shown = _quote(length_token[0])
            reading.problem(f"상담 한 번은 10분에서 3시간 사이로 적어 주세요: '{shown}'. 예: 30분")
            return None
    clock = _range_minutes(found.match)
    if clock is None:
        reading.problem(f"없는 시간이에요: '{_quote(found.match[0])}'. 예: 14:00-17:00")
        return None
    begin, finish = clock
    if finish <= begin:
        reading.problem(f"끝나는 시간이 시작보다 늦어야 해요: '{shown}'. 예: 14:00-17:00")
        return None
    if finish - begin > MAX_WINDOW // timedelta(minutes=1):
        reading.problem(f"한 번에 12시간까지만 적어 주세요: '{shown}'. 예: 09:00-18:00")
        return None
    return begin, finish, minutes


def _window_on(day: date, begin: int, finish: int, minutes: int) -> Availability:
    """The window from `begin` to `finish` minutes after Seoul midnight of `day`."""
    midnight = datetime.combine(day, datetime.min.time(), tzinfo=SEOUL)
    return Availability(
        start=(midnight + timedelta(minutes=begin)).astimezone(UTC),
        end=(midnight + timedelta(minutes=finish)).astimezone(UTC),
        minutes=minutes,
    )


def _length_minutes(token: re.Match[str]) -> int:
    """Minutes in "40분", "1시간 30분", "1.5시간", "한 시간 반"."""
    if token["len_minutes"]:
        return int(token["len_minutes"])
    hours_text = token["len_hours"]
    hours = _KOREAN_HOURS.get(hours_text) or float(hours_text)
    extra = int(token["len_extra"] or 0) + (30 if token["len_half"] else 0)
    return round(hours * 60) + extra


def _range_minutes(match: re.Match[str]) -> tuple[int, int] | None:
    """Start and end as minutes after midnight, with 오전/오후 settled; None if impossible."""
    start_half, end_half = match["start_half"], match["end_half"]
    start_hour, start_minute = _hour_and_minute(match, "start")
    end_hour, end_minute = _hour_and_minute(match, "end")
    if start_minute > 59 or end_minute > 59:
        return None
    written_end = _hour_with_half(end_hour, end_half) if end_half else None
    if start_half:
        start = _hour_with_half(start_hour, start_half)
    elif end_half and written_end is not None:
        start = _start_before(start_hour, start_minute, end_half, written_end * 60 + end_minute)
    else:
        start = _bare_hour(match["start_hour"])
    if start is None:
        return None
    begin = start * 60 + start_minute
    end = written_end if end_half else _end_after(end_hour, end_minute, start_half, begin)
    if end is None:
        return None
    finish = end * 60 + end_minute
    if begin >= 24 * 60 or finish > 24 * 60:
        return None
    return begin, finish


def _start_before(hour: int, minute: int, half: str, finish: int) -> int | None:
    """A start sharing the end's 오전/오후 unless that puts it after the end.

    "2시-오후 5시" starts at 14:00, "10시-오후 1시" at 10:00.
    """
    start = _hour_with_half(hour, half)
    if start is not None and start >= 12 and hour <= 12 and start * 60 + minute >= finish:
        return start - 12
    return start


def _end_after(hour: int, minute: int, start_half: str | None, begin: int) -> int | None:
    """An end without its own 오전/오후: the first time after the start the clock reads so.

    "오후 2시-5시" ends at 17:00, "오전 11시-1시" at 13:00, "10시-2시" at 14:00.
    """
    if hour > 12:
        return hour if hour <= 24 else None
    base = _hour_with_half(hour, start_half) if start_half else hour
    if base is None:
        return None
    for candidate in (base, base + 12):
        if candidate <= 24 and candidate * 60 + minute > begin:
            return candidate
    return base


def _hour_and_minute(match: re.Match[str], prefix: str) -> tuple[int, int]:
    minute_text = match[f"{prefix}_colon"] or match[f"{prefix}_word"]
    minute = 30 if match[f"{prefix}_thirty"] else int(minute_text or 0)
    return int(match[f"{prefix}_hour"]), minute


def _hour_with_half(hour: int, half: str) -> int | None:
    """24-hour clock for "오전 12시" (0), "오후 12시" (12), "밤 12시" (24), "오후 2시" (14)."""
    if hour > 24:
        return None
    if hour > 12:
        return None if half in _MORNING else hour  # "오후 14시" is plain 14:00
    if half in _MORNING:
        return 0 if hour == 12 else hour
    if half == "낮":
        return hour + 12 if hour < 7 else hour
    if hour == 12:
        return 24 if half in _EVENING else 12
    return hour + 12


def _bare_hour(hour_text: str) -> int | None:
    """A start hour without 오전/오후: 1-7 are afternoon unless written "07"."""
    hour = int(hour_text)
    if hour > 24:
        return None
    if 1 <= hour <= 7 and not hour_text.startswith("0"):
        return hour + 12
    return hour


def _describe(window: Availability) -> str:
    return f"{korean_time(window.start)}~{korean_clock(window.end)}"


def _quote(text: str) -> str:
    return text if len(text) <= _MAX_QUOTE else text[: _MAX_QUOTE - 1] + "…"
