import pytest

from matching.amounts import has_big_unit, parse_korean_amount


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("300", 300),
        ("3,500", 3_500),
        ("12,000", 12_000),
        ("1,234,567", 1_234_567),
        ("3천", 3_000),
        ("3천5백", 3_500),
        ("3천500", 3_500),
        ("5백", 500),
        ("2십", 20),
        ("1.5천", 1_500),
        ("1만2천", 12_000),
        ("1만 2천", 12_000),
        ("1만2000", 12_000),
        ("300만", 3_000_000),
        ("300 만원", 3_000_000),
        ("3천만", 30_000_000),
        ("3천5백만", 35_000_000),
        ("3,500만", 35_000_000),
        ("3,500만원", 35_000_000),
        ("1.2만", 12_000),
        ("250.5만원", 2_505_000),
        ("2억", 200_000_000),
        ("1억2천만", 120_000_000),
        ("1억 5000만원", 150_000_000),
        ("만원", 10_000),
        ("천만원", 10_000_000),
        ("12,000원", 12_000),
        ("３００만원", 3_000_000),
        ("300만원 😊", 3_000_000),
        ("0", 0),
    ],
)
def test_parses_korean_amounts(text: str, expected: int) -> None:
    assert parse_korean_amount(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "😊",
        "많이",
        "-300",
        "+300",
        "3 500",  # two numbers, not one
        "3,50",  # commas must group by threes
        "1,2345",
        "1.5",  # not a whole number of won
        "3천5000",  # the part after 천 must be below 1,000
        "1만20000",  # the part after 만 must be below 10,000
        "5백3천",  # units must shrink left to right
        "1만2억",
        "10천",  # 천 takes a single digit
        "12000만",  # 만 takes a group below 10,000
        "300만원 이상",
        "300~350",
        "삼백",
        "1.2.3",
        "1" * 5000,
    ],
)
def test_rejects_what_is_not_one_number(text: str) -> None:
    assert parse_korean_amount(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("300만원", True), ("2억", True), ("3천", False), ("12,000원", False), ("300", False)],
)
def test_has_big_unit(text: str, expected: bool) -> None:
    assert has_big_unit(text) is expected
