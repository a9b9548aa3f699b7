from datetime import date

import pytest

from matching.careers import MAX_CAREER_MONTHS, RoleAnswer, describe_months, parse_roles

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "title", "months"),
    [
        ("자동차부품 품질관리 20년", "자동차부품 품질관리", 240),
        ("경리 10년 6개월", "경리", 126),
        ("경리 10년6개월", "경리", 126),
        ("경비 6개월", "경비", 6),
        ("경비 6달", "경비", 6),
        ("경비 1년 반", "경비", 18),
        ("품질관리 20년 했습니다", "품질관리", 240),
        ("품질관리 20년 했어요", "품질관리", 240),
        ("품질관리 약 20년", "품질관리", 240),
        ("품질관리 20여년", "품질관리", 240),
        ("품질관리 20여 년", "품질관리", 240),
        ("품질관리 20년간", "품질관리", 240),
        ("품질관리 20년 동안", "품질관리", 240),
        ("품질관리 20년 넘게", "품질관리", 240),
        ("품질관리 20년 이상", "품질관리", 240),
        ("품질관리 20년 정도", "품질관리", 240),
        ("품질관리 한 20년", "품질관리", 240),
        ("20년 품질관리", "품질관리", 240),
        ("20년간 품질관리 했습니다", "품질관리", 240),
        ("품질관리(20년)", "품질관리", 240),
        ("품질관리 일 20년", "품질관리", 240),
        ("품질관리 경력 20년", "품질관리", 240),
        ("품질관리 20년 근무", "품질관리", 240),
        ("경력: 경비 10년", "경비", 120),
        ("경비로 20년 일했습니다", "경비", 240),
        ("품질관리를 20년 했어요", "품질관리", 240),
        ("택배 기사 3년 정도 했어요", "택배 기사", 36),
        ("도로 포장 10년", "도로 포장", 120),
        ("품질관리 ２０년 😊", "품질관리", 240),
        ("품질관리", "품질관리", None),
        ("아파트 경비", "아파트 경비", None),
        ("품질관리 했습니다", "품질관리", None),
        # year spans
        ("1995~2015 경리", "경리", 240),
        ("1995-2015 경리", "경리", 240),
        ("경리 1995~2015", "경리", 240),
        ("1995년부터 2015년까지 경리", "경리", 240),
        ("1995년~2015년 경리", "경리", 240),
        ("2010년~현재 경비", "경비", 192),
        ("2010년부터 지금까지 경비", "경비", 192),
        ("영업 10년차", "영업", 120),
        ("3년차 경리", "경리", 36),
        ("5년간 경비", "경비", 60),
        # a word after the duration that goes on belongs to the title
        ("3년 간호조무사", "간호조무사", 36),
        ("2년 차량운전", "차량운전", 24),
    ],
)
def test_parses_one_role(text: str, title: str, months: int | None) -> None:
    assert parse_roles(text, today=TODAY) == [RoleAnswer(title=title, months=months)]


@pytest.mark.parametrize(
    "text",
    [
        "경비 5년, 시설관리 10년",
        "경비 5년 / 시설관리 10년",
        "경비 5년\n시설관리 10년",
        "경비 5년 그리고 시설관리 10년",
        "경비 5년 시설관리 10년",
        "5년 경비 10년 시설관리",
        "경비 5년 했고 시설관리 10년 했습니다",
        "경비(5년), 시설관리(10년)",
    ],
)
def test_parses_several_roles(text: str) -> None:
    assert parse_roles(text, today=TODAY) == [
        RoleAnswer(title="경비", months=60),
        RoleAnswer(title="시설관리", months=120),
    ]


def test_roles_without_durations_are_kept_apart() -> None:
    assert parse_roles("경비, 청소\n주차관리", today=TODAY) == [
        RoleAnswer(title="경비", months=None),
        RoleAnswer(title="청소", months=None),
        RoleAnswer(title="주차관리", months=None),
    ]


def test_span_up_to_now_uses_today() -> None:
    assert parse_roles("2010년~현재 경비", today=date(2030, 1, 1)) == [
        RoleAnswer(title="경비", months=240)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😊",
        "20년",
        "20년 했습니다",
        "10년 6개월",
        "123 20년",
        "1995~2015",
        "---",
        "경비 0년",
        "경비 0개월",
        "경비 61년",  # over MAX_CAREER_MONTHS
        "경비 800개월",
        "2015~1995 경리",  # span backwards
        "2015~2015 경리",  # zero length
        "2020~2030 경비",  # ends in the future
        "1995~2015 경리 20년",  # two durations for one role
        "경비 5년 시설관리 10년 청소",  # a title with no duration of its own
        "경비 5년, 20년",  # one item has no title
        "가" * 41,
        "가" * 41 + " 10년",
        "경비 10년 " + "아" * 5000,
    ],
)
def test_rejects_what_is_not_a_role(text: str) -> None:
    assert parse_roles(text, today=TODAY) == []


def test_max_career_is_allowed() -> None:
    assert parse_roles("농사 60년", today=TODAY) == [
        RoleAnswer(title="농사", months=MAX_CAREER_MONTHS)
    ]


def test_title_of_exactly_forty_characters_is_allowed() -> None:
    title = "가" * 40
    assert parse_roles(f"{title} 3년", today=TODAY) == [RoleAnswer(title=title, months=36)]


@pytest.mark.parametrize(
    ("months", "expected"),
    [(240, "20년"), (126, "10년 6개월"), (6, "6개월"), (12, "1년"), (13, "1년 1개월")],
)
def test_describe_months(months: int, expected: str) -> None:
    assert describe_months(months) == expected
