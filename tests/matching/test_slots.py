from datetime import UTC, date, datetime, timedelta

import pytest

from matching.schedule import SEOUL
from matching.slots import (
    WEEKLY_WEEKS,
    Availability,
    AvailabilityAnswer,
    korean_clock,
    korean_time,
    parse_availability,
)

# Sunday 22 November 2026, 10:00 in Seoul.
NOW = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)


def _kst(month: int, day: int, hour: int, minute: int = 0, year: int = 2026) -> datetime:
    """A Korean wall-clock time (hour 24 is the next midnight) as an aware UTC datetime."""
    midnight = datetime(year, month, day, tzinfo=SEOUL)
    return (midnight + timedelta(hours=hour, minutes=minute)).astimezone(UTC)


def _window(
    month: int, day: int, start: tuple[int, int], end: tuple[int, int], minutes: int = 30
) -> Availability:
    return Availability(_kst(month, day, *start), _kst(month, day, *end), minutes)


def _parse(text: str, now: datetime = NOW, default_minutes: int = 30) -> AvailabilityAnswer:
    return parse_availability(text, now=now, default_minutes=default_minutes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12월 3일 14:00-17:00, 30분", _window(12, 3, (14, 0), (17, 0))),
        ("12/3 14:00~17:00 30분", _window(12, 3, (14, 0), (17, 0))),
        ("12월 3일 오후 2시-5시", _window(12, 3, (14, 0), (17, 0))),
        ("12월 3일 오후 2시부터 5시까지 40분씩", _window(12, 3, (14, 0), (17, 0), 40)),
        ("12.3 10:00-12:00", _window(12, 3, (10, 0), (12, 0))),
        ("내일 10시-12시", _window(11, 23, (10, 0), (12, 0))),
        ("모레 오후 3시~4시", _window(11, 24, (15, 0), (16, 0))),
        ("내일모레 10-12시", _window(11, 24, (10, 0), (12, 0))),
        ("오늘 오후 3시-5시", _window(11, 22, (15, 0), (17, 0))),
        ("12월 3일 (목) 14:00-17:00", _window(12, 3, (14, 0), (17, 0))),
        ("12월 3일 목요일 14:00-17:00", _window(12, 3, (14, 0), (17, 0))),
        ("12/3(목) 14:00~17:00", _window(12, 3, (14, 0), (17, 0))),
        ("12월3일 14시-17시", _window(12, 3, (14, 0), (17, 0))),
        ("2026년 12월 3일 14-16시", _window(12, 3, (14, 0), (16, 0))),
        ("2026-12-03 14:00-16:00", _window(12, 3, (14, 0), (16, 0))),
        ("2026. 12. 3. 14:00-16:00", _window(12, 3, (14, 0), (16, 0))),
        ("12월 3일 오후 2시 30분-4시", _window(12, 3, (14, 30), (16, 0))),
        ("12월 3일 2시 반-4시 반", _window(12, 3, (14, 30), (16, 30))),
        ("12월 3일 2시 30분-4시 30분", _window(12, 3, (14, 30), (16, 30))),
        ("12월 3일 2시부터 5시 30분까지", _window(12, 3, (14, 0), (17, 30))),
        ("12월 3일 2시-5시 40분", _window(12, 3, (14, 0), (17, 0), 40)),
        ("12월 3일 14-16시 1시간", _window(12, 3, (14, 0), (16, 0), 60)),
        ("12월 3일 14-17시 1시간 30분", _window(12, 3, (14, 0), (17, 0), 90)),
        ("12월 3일 14-17시 한 시간 반", _window(12, 3, (14, 0), (17, 0), 90)),
        ("12월 3일 14-17시 1.5시간", _window(12, 3, (14, 0), (17, 0), 90)),
        ("40분씩 12월 3일 14-17시", _window(12, 3, (14, 0), (17, 0), 40)),
        ("12월 3일 오전 10시-12시", _window(12, 3, (10, 0), (12, 0))),
        ("12월 3일 오전 11시-1시", _window(12, 3, (11, 0), (13, 0))),
        ("12월 3일 10시-오후 1시", _window(12, 3, (10, 0), (13, 0))),
        ("12월 3일 2시-오후 5시", _window(12, 3, (14, 0), (17, 0))),
        ("12월 3일 10-2시", _window(12, 3, (10, 0), (14, 0))),
        ("12월 3일 낮 12시-2시", _window(12, 3, (12, 0), (14, 0))),
        ("12월 3일 07:00-09:00", _window(12, 3, (7, 0), (9, 0))),
        ("12월 3일 7시-9시", _window(12, 3, (19, 0), (21, 0))),
        ("12월 3일 저녁 7시~9시", _window(12, 3, (19, 0), (21, 0))),
        ("12월 3일 오후 10시-12시", _window(12, 3, (22, 0), (24, 0))),
        ("12월 3일 14:00 - 17:00 상담 가능합니다", _window(12, 3, (14, 0), (17, 0))),
        ("😀 １２월 ３일 １４:００∼１７:００ 🙏", _window(12, 3, (14, 0), (17, 0))),
        ("12월 3일 14-17시 (목)", _window(12, 3, (14, 0), (17, 0))),
    ],
)
def test_understood_windows(text: str, expected: Availability) -> None:
    answer = _parse(text)
    assert answer.problems == ()
    assert answer.windows == (expected,)
    assert answer.windows[0].start.tzinfo is UTC


def test_an_end_at_midnight_belongs_to_the_start_day() -> None:
    (window,) = _parse("12월 3일 밤 10시-12시").windows
    assert window.end == datetime(2026, 12, 4, tzinfo=SEOUL)


@pytest.mark.parametrize(
    "text",
    [
        "12월 3일 14:00-17:00 / 12월 4일 10:00-12:00",
        "12월 3일 14:00-17:00; 12월 4일 10:00-12:00",
        "12월 3일 14:00-17:00 | 12월 4일 10:00-12:00",
        "12월 3일 14:00-17:00\n12월 4일 10:00-12:00",
        "12/3 14:00-17:00 / 12/4 10:00-12:00",
        "12월 3일 14:00-17:00 ； 12월 4일 10:00-12:00",
    ],
)
def test_several_windows_in_typed_order(text: str) -> None:
    answer = _parse(text)
    assert answer.problems == ()
    assert answer.windows == (_window(12, 3, (14, 0), (17, 0)), _window(12, 4, (10, 0), (12, 0)))


def test_a_date_carries_to_ranges_after_it() -> None:
    answer = _parse("12월 3일\n10-12시, 14-16시 40분\n12월 4일 10-11시")
    assert answer.problems == ()
    assert answer.windows == (
        _window(12, 3, (10, 0), (12, 0), 40),  # the line's only length
        _window(12, 3, (14, 0), (16, 0), 40),
        _window(12, 4, (10, 0), (11, 0)),
    )


def test_each_range_keeps_its_own_length() -> None:
    answer = _parse("12월 3일 10-12시 20분, 14-16시 1시간")
    assert [window.minutes for window in answer.windows] == [20, 60]


def test_a_length_between_a_date_and_its_range_belongs_to_that_range() -> None:
    answer = _parse("12월 3일 10-12시 20분 12월 4일 1시간 14-16시")
    assert [window.minutes for window in answer.windows] == [20, 60]


def test_the_same_length_twice_is_fine_two_different_ones_are_not() -> None:
    assert _parse("12월 3일 14-17시 30분 30분씩").windows
    assert _parse("12월 3일 14-17시 30분 40분").problems == (
        "상담 길이를 하나만 적어 주세요: '30분, 40분'. 예: 14:00-17:00, 30분",
    )


def test_a_line_with_only_a_length_applies_to_windows_without_one() -> None:
    answer = _parse("12월 3일 10-12시\n12월 4일 10-12시 1시간\n모두 40분씩")
    assert answer.problems == ()
    assert [window.minutes for window in answer.windows] == [40, 60]


@pytest.mark.parametrize("default", [20, 30, 60])
def test_default_minutes_when_no_length(default: int) -> None:
    (window,) = _parse("12월 3일 14-17시", default_minutes=default).windows
    assert window.minutes == default


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("12월 32일 10-12시", "'12월 32일'은 없는 날짜예요. 예: 12월 3일 14:00-17:00, 30분"),
        ("13월 1일 10-12시", "'13월 1일'은 없는 날짜예요."),
        ("2월 29일 10-12시", "'2월 29일'은 없는 날짜예요."),
        ("12/31 25시-26시", "없는 시간이에요"),
        ("12월 3일 14:75-16:00", "없는 시간이에요"),
        ("12월 3일 오전 13시-14시", "없는 시간이에요"),
        ("12월 3일 17-14시", "끝나는 시간이 시작보다 늦어야 해요"),
        ("12월 3일 14:00-14:00", "끝나는 시간이 시작보다 늦어야 해요"),
        ("12월 3일 8시-21시", "한 번에 12시간까지만"),
        ("12월 3일 14-17시 5분", "10분에서 3시간 사이로"),
        ("12월 3일 14-17시 4시간", "10분에서 3시간 사이로"),
        ("12월 3일 14:00-14:20", "상담 한 번(30분)보다 짧은 시간이에요"),
        (
            "12월 3일 14-15시 1시간 30분",
            "(90분)보다 짧은 시간이에요: '12월 3일 14-15시'. 예: 14:00-15:30, 90분",
        ),
        ("오늘 9시-11시", "이미 지난 시간이에요: '11월 22일 (일) 오전 9:00~오전 11:00'"),
        ("11월 21일 14-17시", "이미 지난 시간이에요"),
        ("2025년 12월 3일 14-17시", "이미 지난 시간이에요"),
        ("12월 3일 (수) 14:00-17:00", "'12월 3일'은 목요일이에요. 날짜와 요일을 확인해 주세요."),
        ("수요일 14-17시", "요일만으로는 날짜를 알 수 없어요"),
        ("오후 2시-5시", "날짜를 함께 적어 주세요: '오후 2시-5시'. 예: 12월 3일 오후 2시-5시"),
        ("12월 3일 오후 2시", "끝나는 시간도 적어 주세요: '오후 2시'"),
        ("12월 3일", "'12월 3일'의 시간을 적어 주세요"),
        ("12월 3일 14:00-17:00 30", "'12월 3일 14:00-17:00 30' 부분을 이해하지 못했어요"),
        ("12월 3일, 4일 14-16시", "부분을 이해하지 못했어요"),
        ("안녕하세요", "'안녕하세요' 부분을 이해하지 못했어요. 예: 12월 3일 14:00-17:00, 30분"),
        ("", "상담 가능한 날짜와 시간을 적어 주세요"),
        ("🙏🙏", "상담 가능한 날짜와 시간을 적어 주세요"),
        ("30분씩", "상담 가능한 날짜와 시간을 적어 주세요"),
    ],
)
def test_rejected_with_a_polite_example(text: str, problem: str) -> None:
    answer = _parse(text)
    assert answer.windows == ()
    assert len(answer.problems) == 1
    assert problem in answer.problems[0]
    assert "예:" in answer.problems[0]


@pytest.mark.parametrize(
    "text",
    [
        "ㅋㅋㅋ",
        "12월",
        "3일",
        "-~:/.,()",
        "99999999999999999999",
        "12/3/4/5",
        "시간 분 오후 오전 내일",
        "12월 3일 오후 2시부터",
        "1시간-2시간",
        "(월)(화)",
        "12.3.4 14:00-",
        "밤 12시-새벽 3시",
        "０１０-１２３４-５６７８",
        "a" * 5000,
        "12월 3일 14:00-17:00 " * 50,
        "매주",
        "매주 매주",
        "마다",
        "매주 월~",
        "매주 화/목/",
        "매주 " * 500,
        "화목마다",
        "월 " * 2000 + "가마다",
    ],
)
def test_garbage_never_raises(text: str) -> None:
    answer = _parse(text)
    assert answer.windows or answer.problems
    assert all(problem and "예:" in problem for problem in answer.problems)


def test_good_windows_survive_bad_ones_and_problems_follow_line_order() -> None:
    answer = _parse("12월 32일 10-12시\n12월 3일 14-17시\n안녕하세요\n12월 4일 17-14시")
    assert answer.windows == (_window(12, 3, (14, 0), (17, 0)),)
    assert len(answer.problems) == 3
    assert answer.problems[0].startswith("'12월 32일'은 없는 날짜예요")
    assert answer.problems[1].startswith("'안녕하세요' 부분을")
    assert answer.problems[2].startswith("끝나는 시간이 시작보다")


def test_overlapping_windows_keep_the_first() -> None:
    answer = _parse("12월 3일 14-17시\n12월 3일 15-18시")
    assert answer.windows == (_window(12, 3, (14, 0), (17, 0)),)
    assert answer.problems == (
        "앞에 적은 시간과 겹쳐요: '12월 3일 (목) 오후 3:00~오후 6:00'. "
        "예: 12월 3일 14:00-17:00, 30분",
    )


def test_touching_windows_do_not_overlap() -> None:
    answer = _parse("12월 3일 10-12시, 12-14시")
    assert answer.problems == ()
    assert len(answer.windows) == 2


def test_a_window_starting_right_now_is_accepted() -> None:
    assert _parse("오늘 10시-12시").windows == (_window(11, 22, (10, 0), (12, 0)),)


@pytest.mark.parametrize(
    ("now", "text", "expected_start"),
    [
        # Late December: January is next year.
        (_kst(12, 28, 9), "1월 5일 10-12시", _kst(1, 5, 10, year=2027)),
        (_kst(12, 28, 9), "1/5 10-12시", _kst(1, 5, 10, year=2027)),
        (_kst(12, 28, 9), "12월 30일 10-12시", _kst(12, 30, 10)),
        # Passed more than a month ago: next year's.
        (NOW, "10월 1일 14-17시", _kst(10, 1, 14, year=2027)),
        # Today still counts as this year's.
        (NOW, "11월 22일 14-17시", _kst(11, 22, 14)),
        # 2월 29일 exists in the coming February of a leap year.
        (_kst(11, 22, 9, year=2027), "2월 29일 10-12시", _kst(2, 29, 10, year=2028)),
    ],
)
def test_year_of_a_date_without_one(now: datetime, text: str, expected_start: datetime) -> None:
    (window,) = _parse(text, now=now).windows
    assert window.start == expected_start


@pytest.mark.parametrize(
    ("now", "text", "expected_start"),
    [
        (NOW, "내일 10시-12시", _kst(11, 23, 10)),
        (NOW, "모레 10시-12시", _kst(11, 24, 10)),
        (NOW, "글피 10시-12시", _kst(11, 25, 10)),
        # 23:30 in Seoul is still 14:30 UTC the same day; "내일" follows Seoul.
        (_kst(11, 22, 23, 30), "내일 10시-12시", _kst(11, 23, 10)),
        (_kst(11, 23, 0, 30), "내일 10시-12시", _kst(11, 24, 10)),
        (_kst(11, 30, 9), "내일 10시-12시", _kst(12, 1, 10)),
        (_kst(12, 31, 9), "내일 10시-12시", _kst(1, 1, 10, year=2027)),
        (_kst(12, 31, 9), "모레 10시-12시", _kst(1, 2, 10, year=2027)),
    ],
)
def test_relative_days(now: datetime, text: str, expected_start: datetime) -> None:
    (window,) = _parse(text, now=now).windows
    assert window.start == expected_start


def test_a_weekday_is_checked_against_a_relative_day() -> None:
    assert _parse("내일 (월) 10-12시").windows
    assert "월요일이에요" in _parse("내일 (화) 10-12시").problems[0]


@pytest.mark.parametrize(
    ("start", "end", "minutes", "expected"),
    [
        ((14, 0), (17, 0), 30, 6),
        ((14, 0), (17, 0), 40, 4),  # 16:40-17:00 is too short and dropped
        ((14, 0), (17, 0), 60, 3),
        ((14, 0), (17, 0), 180, 1),
        ((14, 0), (14, 50), 30, 1),
        ((14, 0), (14, 20), 30, 0),
        ((23, 0), (24, 0), 15, 4),
    ],
)
def test_slots_count(
    start: tuple[int, int], end: tuple[int, int], minutes: int, expected: int
) -> None:
    assert len(_window(12, 3, start, end, minutes).slots()) == expected


def test_slots_are_back_to_back_from_the_start() -> None:
    slots = _window(12, 3, (14, 0), (17, 0), 40).slots()
    assert slots == [
        (_kst(12, 3, 14, 0), _kst(12, 3, 14, 40)),
        (_kst(12, 3, 14, 40), _kst(12, 3, 15, 20)),
        (_kst(12, 3, 15, 20), _kst(12, 3, 16, 0)),
        (_kst(12, 3, 16, 0), _kst(12, 3, 16, 40)),
    ]
    assert all(begin.tzinfo is UTC for begin, _ in slots)


def test_parsed_window_slots() -> None:
    (window,) = _parse("12월 3일 오후 2시부터 5시까지 40분씩").windows
    assert [korean_clock(begin) for begin, _ in window.slots()] == [
        "오후 2:00",
        "오후 2:40",
        "오후 3:20",
        "오후 4:00",
    ]


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        ({"minutes": 0}, "positive"),
        ({"minutes": -30}, "positive"),
        ({"start": datetime(2026, 12, 3, 5, 0)}, "aware"),
    ],
)
def test_availability_refuses_what_would_break_slots(bad: dict[str, object], error: str) -> None:
    fields: dict[str, object] = {
        "start": _kst(12, 3, 14),
        "end": _kst(12, 3, 17),
        "minutes": 30,
    } | bad
    with pytest.raises(ValueError, match=error):
        Availability(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (_kst(12, 3, 9, 5), "12월 3일 (목) 오전 9:05"),
        (_kst(12, 3, 11, 59), "12월 3일 (목) 오전 11:59"),
        (_kst(12, 3, 12, 0), "12월 3일 (목) 낮 12:00"),
        (_kst(12, 3, 12, 30), "12월 3일 (목) 낮 12:30"),
        (_kst(12, 3, 13, 0), "12월 3일 (목) 오후 1:00"),
        (_kst(12, 3, 14, 0), "12월 3일 (목) 오후 2:00"),
        (_kst(12, 3, 23, 45), "12월 3일 (목) 오후 11:45"),
        (_kst(12, 4, 0, 0), "12월 4일 (금) 오전 12:00"),
        (_kst(12, 4, 0, 30), "12월 4일 (금) 오전 12:30"),
        # 15:00 UTC on the 3rd is already midnight of the 4th in Seoul.
        (datetime(2026, 12, 3, 15, 0, tzinfo=UTC), "12월 4일 (금) 오전 12:00"),
    ],
)
def test_korean_time(moment: datetime, expected: str) -> None:
    assert korean_time(moment) == expected
    assert korean_clock(moment) == expected.split(") ")[1]


@pytest.mark.parametrize(
    "utc",
    [
        datetime(2026, 1, 15, 5, 0, tzinfo=UTC),
        datetime(2026, 3, 29, 5, 0, tzinfo=UTC),  # Europe's switch to summer time
        datetime(2026, 7, 15, 5, 0, tzinfo=UTC),
        datetime(2026, 11, 1, 5, 0, tzinfo=UTC),  # America's switch back
    ],
)
def test_no_daylight_saving_in_korea(utc: datetime) -> None:
    assert korean_clock(utc) == "오후 2:00"
    month, day = utc.month, utc.day
    (window,) = _parse(f"{month}월 {day}일 14-17시", now=utc - timedelta(days=1)).windows
    assert window.start == utc
    assert window.end - window.start == timedelta(hours=3)


def test_korean_time_needs_an_aware_datetime() -> None:
    with pytest.raises(ValueError, match="aware"):
        korean_time(datetime(2026, 12, 3, 14, 0))


@pytest.mark.parametrize(
    ("now", "default", "error"),
    [
        (datetime(2026, 11, 22, 10, 0), 30, "aware"),
        (NOW, 5, "default_minutes"),
        (NOW, 181, "default_minutes"),
    ],
)
def test_programming_errors_raise(now: datetime, default: int, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        parse_availability("12월 3일 14-17시", now=now, default_minutes=default)


# Weekly patterns. NOW is Sunday 22 November, so the four weeks run 11/22-12/19.
TUESDAYS_AND_THURSDAYS = (
    date(2026, 11, 24),
    date(2026, 11, 26),
    date(2026, 12, 1),
    date(2026, 12, 3),
    date(2026, 12, 8),
    date(2026, 12, 10),
    date(2026, 12, 15),
    date(2026, 12, 17),
)


def _days(answer: AvailabilityAnswer) -> list[date]:
    return [window.start.astimezone(SEOUL).date() for window in answer.windows]


def _weekly(
    days: tuple[date, ...], start: tuple[int, int], end: tuple[int, int], minutes: int = 30
) -> tuple[Availability, ...]:
    return tuple(_window(day.month, day.day, start, end, minutes) for day in days)


def test_the_sample_weekly_line_opens_four_weeks_of_tuesdays_and_thursdays() -> None:
    answer = _parse("매주 화·목 오전 10시~12시, 20분")
    assert answer.problems == ()
    assert answer.windows == _weekly(TUESDAYS_AND_THURSDAYS, (10, 0), (12, 0), 20)
    assert all(len(window.slots()) == 6 for window in answer.windows)


@pytest.mark.parametrize(
    "days",
    [
        "매주 화·목",
        "매주 화,목",
        "매주 화, 목",
        "매주 화、목",
        "매주 화 목",
        "매주 화목",
        "매주화목",
        "매주 화/목",
        "매주 화 / 목",
        "매주 화요일/목요일",
        "매주 화와 목",
        "매주 화요일과 목요일",
        "매주 화 및 목",
        "매주 화랑 목",
        "매주 화·목요일",
        "매주 화요일, 목요일",
        "매주 화·목요일에",
        "매주 화목마다",
        "화·목마다",
        "화요일과 목요일마다",
    ],
)
def test_weekday_separators(days: str) -> None:
    answer = _parse(f"{days} 10-12시")
    assert answer.problems == ()
    assert answer.windows == _weekly(TUESDAYS_AND_THURSDAYS, (10, 0), (12, 0))


@pytest.mark.parametrize(
    ("text", "weekdays"),
    [
        ("매주 화요일 14:00-17:00", {1}),
        ("매주 화 14:00-17:00", {1}),
        ("화요일마다 14-16시", {1}),
        ("매주 월, 수, 금 10-12시", {0, 2, 4}),
        ("매주 평일 10:00-12:00", {0, 1, 2, 3, 4}),
        ("매주 월~금 10-12시", {0, 1, 2, 3, 4}),
        ("매주 월-금 10-12시", {0, 1, 2, 3, 4}),
        ("매주 월요일부터 금요일까지 10-12시", {0, 1, 2, 3, 4}),
        ("매주 금~월 10-12시", {4, 5, 6, 0}),
        ("매주 주말 14-16시", {5, 6}),
        ("매주말 14-16시", {5, 6}),
        ("주말마다 14-16시", {5, 6}),
        ("매주 토·일요일 14-16시", {5, 6}),
        ("매주 평일, 토요일 10-12시", {0, 1, 2, 3, 4, 5}),
        ("매주 일요일 14-16시", {6}),
        ("매주 월 화 수 목 금 토 일 14-16시", {0, 1, 2, 3, 4, 5, 6}),
    ],
)
def test_weekly_days(text: str, weekdays: set[int]) -> None:
    answer = _parse(text)
    assert answer.problems == ()
    assert {day.weekday() for day in _days(answer)} == weekdays
    assert len(answer.windows) == WEEKLY_WEEKS * len(weekdays)


@pytest.mark.parametrize(
    ("now", "text", "first", "last"),
    [
        # The 28 days starting today: this Sunday counts, the fifth Sunday does not.
        (NOW, "매주 일요일 14-16시", date(2026, 11, 22), date(2026, 12, 13)),
        (NOW, "매주 토요일 14-16시", date(2026, 11, 28), date(2026, 12, 19)),
        # 00:30 on Monday in Seoul is still Sunday in UTC; the weeks follow Seoul.
        (_kst(11, 23, 0, 30), "매주 일요일 14-16시", date(2026, 11, 29), date(2026, 12, 20)),
        (_kst(11, 23, 0, 30), "매주 월요일 14-16시", date(2026, 11, 23), date(2026, 12, 14)),
        # Across the new year.
        (_kst(12, 20, 9), "매주 금요일 10-12시", date(2026, 12, 25), date(2027, 1, 15)),
    ],
)
def test_weekly_span_is_the_weeks_starting_today(
    now: datetime, text: str, first: date, last: date
) -> None:
    days = _days(_parse(text, now=now))
    assert days == [first + timedelta(weeks=week) for week in range(WEEKLY_WEEKS)]
    assert days[-1] == last


def test_a_weekly_window_already_begun_today_is_skipped_silently() -> None:
    # NOW is Sunday 10:00: today's 9-11 has begun, today's 14-16 is still ahead.
    answer = _parse("매주 일요일 9-11시, 14-16시")
    assert answer.problems == ()
    sundays = tuple(date(2026, 11, 22) + timedelta(weeks=week) for week in range(4))
    assert answer.windows == (
        *_weekly(sundays[1:], (9, 0), (11, 0)),
        *_weekly(sundays, (14, 0), (16, 0)),
    )


def test_a_weekly_window_starting_right_now_is_kept() -> None:
    assert _days(_parse("매주 일요일 10-12시"))[0] == date(2026, 11, 22)


def test_a_dated_window_already_past_is_still_reported() -> None:
    answer = _parse("오늘 9시-11시\n매주 일요일 9-11시")
    assert answer.problems == (
        "이미 지난 시간이에요: '11월 22일 (일) 오전 9:00~오전 11:00'. "
        "예: 12월 3일 14:00-17:00, 30분",
    )
    assert len(answer.windows) == 3


@pytest.mark.parametrize(
    "text",
    [
        "매주 화·목 10-12시\n12월 3일 14-16시",
        "매주 화·목 10-12시 / 12월 3일 14-16시",
        "매주 화·목 10-12시, 12월 3일 14-16시",
    ],
)
def test_weekly_and_dated_windows_in_one_message(text: str) -> None:
    answer = _parse(text)
    assert answer.problems == ()
    assert answer.windows == (
        *_weekly(TUESDAYS_AND_THURSDAYS, (10, 0), (12, 0)),
        _window(12, 3, (14, 0), (16, 0)),
    )


def test_a_weekly_and_a_dated_line_like_the_sample_coach() -> None:
    # The sample's "12월 6일 토요일" is a Saturday in 2025; 12월 5일 is one in 2026.
    answer = _parse("매주 화·목 오전 10시~12시, 20분|12월 5일 토요일 09:00-11:00, 30분")
    assert answer.problems == ()
    assert answer.windows == (
        *_weekly(TUESDAYS_AND_THURSDAYS, (10, 0), (12, 0), 20),
        _window(12, 5, (9, 0), (11, 0)),
    )


def test_a_dated_window_overlapping_a_weekly_one_is_reported() -> None:
    answer = _parse("매주 목 10-12시\n12월 3일 11-13시")
    assert answer.problems == (
        "앞에 적은 시간과 겹쳐요: '12월 3일 (목) 오전 11:00~오후 1:00'. "
        "예: 12월 3일 14:00-17:00, 30분",
    )
    assert answer.windows == _weekly(TUESDAYS_AND_THURSDAYS[1::2], (10, 0), (12, 0))


def test_a_weekly_window_overlapping_a_dated_one_is_reported_the_other_weeks_kept() -> None:
    answer = _parse("12월 3일 11-13시\n매주 목 10-12시")
    assert answer.problems == (
        "앞에 적은 시간과 겹쳐요: '12월 3일 (목) 오전 10:00~낮 12:00'. "
        "예: 12월 3일 14:00-17:00, 30분",
    )
    thursdays = tuple(day for day in TUESDAYS_AND_THURSDAYS[1::2] if day.day != 3)
    assert answer.windows == (
        _window(12, 3, (11, 0), (13, 0)),
        *_weekly(thursdays, (10, 0), (12, 0)),
    )


def test_two_weekly_patterns_overlap_day_by_day() -> None:
    answer = _parse("매주 화 10-12시\n매주 평일 11-13시")
    assert len(answer.problems) == WEEKLY_WEEKS
    assert all("(화) 오전 11:00~오후 1:00" in problem for problem in answer.problems)
    assert len(answer.windows) == WEEKLY_WEEKS + 4 * WEEKLY_WEEKS


def test_a_weekly_pattern_carries_to_later_lines_until_a_date() -> None:
    answer = _parse("매주 화·목\n10-12시\n14-16시 1시간\n12월 4일\n15-17시")
    assert answer.problems == ()
    assert answer.windows == (
        *_weekly(TUESDAYS_AND_THURSDAYS, (10, 0), (12, 0)),
        *_weekly(TUESDAYS_AND_THURSDAYS, (14, 0), (16, 0), 60),
        _window(12, 4, (15, 0), (17, 0)),
    )


def test_two_weekly_patterns_on_one_line() -> None:
    answer = _parse("매주 화 10:00-12:00, 매주 목 14:00-16:00")
    assert answer.problems == ()
    assert answer.windows == (
        *_weekly(TUESDAYS_AND_THURSDAYS[::2], (10, 0), (12, 0)),
        *_weekly(TUESDAYS_AND_THURSDAYS[1::2], (14, 0), (16, 0)),
    )


def test_a_word_after_the_weekdays_is_not_read_as_one() -> None:
    answer = _parse("매주 화요일 수업 10-12시")  # 수업 is a lesson, not Wednesday
    assert answer.problems == ()
    assert _days(answer) == list(TUESDAYS_AND_THURSDAYS[::2])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("매주 10-12시", "'매주' 뒤에 요일을 적어 주세요. 예: 매주 화·목 10:00-12:00"),
        ("매주 오후 2-4시", "'매주' 뒤에 요일을 적어 주세요. 예: 매주 화·목 10:00-12:00"),
        ("매주 화·목", "'매주 화·목'의 시간을 적어 주세요. 예: 매주 화·목 14:00-17:00, 30분"),
        ("화요일마다", "'매주 화요일'의 시간을 적어 주세요. 예: 매주 화요일 14:00-17:00, 30분"),
        (
            "매주 화·목 14:00-14:20",
            "상담 한 번(30분)보다 짧은 시간이에요: '매주 화·목 14:00-14:20'. "
            "예: 14:00-14:30, 30분",
        ),
        (
            "매주 화 17-14시",
            "끝나는 시간이 시작보다 늦어야 해요: '매주 화요일 17-14시'. 예: 14:00-17:00",
        ),
        (
            "매주 평일 8-21시",
            "한 번에 12시간까지만 적어 주세요: '매주 월·화·수·목·금 8-21시'. 예: 09:00-18:00",
        ),
        ("매주 화 25-26시", "없는 시간이에요: '25-26시'. 예: 14:00-17:00"),
        (
            "매주 화 10-12시, 목요일 14-16시",
            "요일마다 '매주'를 붙여 적어 주세요: '목요일'. "
            "예: 매주 화 10:00-12:00, 매주 목 14:00-16:00",
        ),
        (
            "매주 화·목 10-12시 (목) 14-16시",
            "요일마다 '매주'를 붙여 적어 주세요: '목요일'. "
            "예: 매주 화 10:00-12:00, 매주 목 14:00-16:00",
        ),
        (
            "목요일 10-12시",
            "요일만으로는 날짜를 알 수 없어요. 날짜나 '매주'를 함께 적어 주세요. "
            "예: 12월 3일 14:00-17:00 또는 매주 화·목 10:00-12:00",
        ),
        ("평일 10-12시", "날짜를 함께 적어 주세요: '10-12시'. 예: 12월 3일 10-12시"),
        ("매일마다 10-12시", "날짜를 함께 적어 주세요: '10-12시'. 예: 12월 3일 10-12시"),
        ("3일마다 10-12시", "'3일마다 10-12시' 부분을 이해하지 못했어요."),
    ],
)
def test_weekly_problems(text: str, problem: str) -> None:
    answer = _parse(text)
    assert answer.windows == ()
    assert len(answer.problems) == 1
    assert answer.problems[0].startswith(problem)


def test_a_weekday_repeating_a_weekly_pattern_is_fine() -> None:
    answer = _parse("매주 화요일 (화) 10-12시")
    assert answer.problems == ()
    assert len(answer.windows) == WEEKLY_WEEKS


def test_a_slash_after_a_date_still_separates() -> None:
    answer = _parse("12/3 10-12시/12/4 14-16시 / 매주 화 9-10시")
    assert answer.problems == ()
    assert answer.windows == (
        _window(12, 3, (10, 0), (12, 0)),
        _window(12, 4, (14, 0), (16, 0)),
        *_weekly(TUESDAYS_AND_THURSDAYS[::2], (9, 0), (10, 0)),
    )
