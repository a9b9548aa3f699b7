"""When a senior can start, as they answer "언제부터 일하실 수 있으세요?"."""

from datetime import date

import pytest

from matching.availability import parse_available_from

TODAY = date(2026, 12, 8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("바로 가능해요", TODAY),
        ("즉시", TODAY),
        ("지금 당장", TODAY),
        ("언제든지요", TODAY),
        ("협의", TODAY),
        ("즉시 출근 가능", TODAY),
        ("다음 달부터", date(2027, 1, 1)),
        ("다음달부터 가능합니다", date(2027, 1, 1)),
        ("1월부터", date(2027, 1, 1)),
        ("1월 중순", date(2027, 1, 15)),
        ("12월 말", date(2026, 12, 25)),
        ("3월부터 가능", date(2027, 3, 1)),
        ("1월 5일부터 일할 수 있어요", date(2027, 1, 5)),
        ("2027-01-05", date(2027, 1, 5)),
        ("1/5", date(2027, 1, 5)),
        ("내일부터", date(2026, 12, 9)),
        ("2주 뒤", date(2026, 12, 22)),
        ("일주일 뒤", date(2026, 12, 15)),
        ("한 달 후", date(2027, 1, 7)),
        ("3개월 후", date(2027, 3, 8)),
        ("12월 1일", TODAY),  # a day gone by: they can start now
    ],
)
def test_reads_when_they_can_start(text: str, expected: date) -> None:
    assert parse_available_from(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    ["", "😊", "아무거나", "13월", "2028-01-01", "월요일부터", "잘 모르겠어요", "1월" * 2_500],
)
def test_refuses_what_is_not_a_day(text: str) -> None:
    assert parse_available_from(text, TODAY) is None
