from datetime import date

import pytest

from matching.dates import calendar_day, parse_day

TODAY = date(2026, 11, 22)  # a Sunday


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-31", date(2026, 12, 31)),
        ("2027년 1월 5일", date(2027, 1, 5)),
        ("12월 31일", date(2026, 12, 31)),
        ("12/31", date(2026, 12, 31)),
        ("1월 5일", date(2027, 1, 5)),  # next January
        ("11월 1일", date(2026, 11, 1)),  # three weeks ago: a typo, kept in this year
        ("오늘", TODAY),
        ("내일", date(2026, 11, 23)),
        ("어제", date(2026, 11, 21)),
        ("마감은 12월 15일이에요", date(2026, 12, 15)),
    ],
)
def test_days_ahead(typed: str, expected: date) -> None:
    assert parse_day(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("11월 20일", date(2026, 11, 20)),
        ("3월 12일에 다녀왔어요", date(2026, 3, 12)),
        ("12월 30일", date(2025, 12, 30)),  # last December
        ("11월 25일", date(2026, 11, 25)),  # days ahead: a typo, for the form to refuse
        ("2025.12.30", date(2025, 12, 30)),
        ("어제", date(2026, 11, 21)),
        ("그저께", date(2026, 11, 20)),
    ],
)
def test_days_looking_back(typed: str, expected: date) -> None:
    assert parse_day(typed, TODAY, past=True) == expected


@pytest.mark.parametrize(
    "typed", ["", "다음 주쯤", "11월 20일, 21일", "2월 30일", "13/45", "20일", "11월 20일 3시"]
)
def test_anything_but_one_day_is_none(typed: str) -> None:
    assert parse_day(typed, TODAY) is None


def test_a_day_that_does_not_exist_is_never_moved_to_another_year() -> None:
    assert calendar_day(date(2026, 1, 10), None, 2, 29) is None
    assert calendar_day(date(2027, 3, 1), None, 2, 29, past=True) is None
    assert calendar_day(date(2028, 3, 1), None, 2, 29, past=True) == date(2028, 2, 29)
