from datetime import date

import pytest

from matching.age import MAX_AGE, MIN_AGE, age_on, parse_birth_year

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ages
        ("58", 1968),
        ("58세", 1968),
        ("만 58세", 1968),
        ("만58세", 1968),
        ("58살", 1968),
        ("나이 58", 1968),
        ("나이: 58", 1968),
        ("58세입니다", 1968),
        ("58살이에요", 1968),
        ("58이요", 1968),
        ("제 나이는 58세입니다", 1968),
        ("올해 58세", 1968),
        ("58세 😊", 1968),
        ("５８세", 1968),
        ("  58 세  ", 1968),
        # birth years
        ("1968년생", 1968),
        ("1968", 1968),
        ("1968년", 1968),
        ("1968년도", 1968),
        ("1968년생입니다", 1968),
        ("68년생", 1968),
        ("68년 생", 1968),
        ("68년생이에요", 1968),
        ("68년", 1968),
        ("68생", 1968),
        ("출생연도 1968", 1968),
        ("１９６８년생", 1968),
        ("59년생 🙂", 1959),
        # full birth dates
        ("1968.03.05", 1968),
        ("1968.3.5.", 1968),
        ("1968. 3. 5.", 1968),
        ("1968-3-5", 1968),
        ("1968/03/05", 1968),
        ("68.3.5", 1968),
        ("1968년 3월 5일", 1968),
        ("68년 3월 5일생", 1968),
        ("1968년 5월생", 1968),  # a month without the day
        ("68년 5월생이에요", 1968),
        # said twice, or with the person's sex, as on a CV: the birth year is kept
        ("56세(1970년생)", 1970),
        ("1968년생 58세", 1968),
        ("1968년생, 만 57세", 1968),  # a birthday still to come this year
        ("1968.03.05 (58세)", 1968),
        ("58 (남)", 1968),
        ("58세 여", 1968),
        ("남자 58세", 1968),
        ("58세 남자입니다", 1968),
        # two-digit years that would make someone older than MAX_AGE are 20yy
        ("05년생", 2005),
        ("08년생", 2008),
        ("27년생", 1927),
    ],
)
def test_parses_birth_year(text: str, expected: int) -> None:
    assert parse_birth_year(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "😊",
        "5",
        "200",
        "오십팔",
        "58세 아니고 60세",
        "전화 010-1234-5678",
        "010-1234-5678",
        "19680",
        "12345",
        "1968.13.05",  # no 13th month
        "1968.02.30",  # no 30 February
        "1968년 13월생",
        "68-3/5",  # mixed separators
        "58년생 60세",
        "58세(1960년생)",  # the two disagree
        "58 60",
        "경비 58",
        "남",
        "나이는 비밀",
        "58kg",
        "58명",
    ],
)
def test_rejects_what_is_not_an_age(text: str) -> None:
    assert parse_birth_year(text, today=TODAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "17",  # too young
        "17세",
        "2010",
        "2010년생",
        "1920",  # 106 years old
        "1926년생",  # 100 years old
        "25년생",  # 1925 is too old and 2025 too young
    ],
)
def test_rejects_ages_outside_the_allowed_range(text: str) -> None:
    assert parse_birth_year(text, today=TODAY) is None


@pytest.mark.parametrize(("age", "year"), [(MIN_AGE, 2008), (MAX_AGE, 1927)])
def test_accepts_the_edges_of_the_range(age: int, year: int) -> None:
    assert parse_birth_year(f"{age}세", today=TODAY) == year
    assert parse_birth_year(str(year), today=TODAY) == year


def test_age_on_is_the_year_difference() -> None:
    assert age_on(1968, today=TODAY) == 58
    assert age_on(1968, today=date(2027, 1, 1)) == 59
