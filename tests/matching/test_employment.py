"""Employment-type answers: buttons, lists, everyday words, "don't mind" and exclusions."""

import pytest

from matching.employment import (
    EMPLOYMENT_LABELS,
    EmploymentAnswer,
    EmploymentType,
    parse_employment_types,
)

FULL = EmploymentType.FULL_TIME
CONTRACT = EmploymentType.CONTRACT
PART = EmploymentType.PART_TIME
DAILY = EmploymentType.DAILY
FREE = EmploymentType.FREELANCE
ANY = EmploymentAnswer(types=(), any_type=True)


def _types(*types: EmploymentType) -> EmploymentAnswer:
    return EmploymentAnswer(types=types, any_type=False)


@pytest.mark.parametrize(("kind", "label"), list(EMPLOYMENT_LABELS.items()))
def test_every_button_label_parses_to_its_type(kind: EmploymentType, label: str) -> None:
    assert parse_employment_types(label) == _types(kind)


def test_labels_cover_every_type_in_order() -> None:
    assert tuple(EMPLOYMENT_LABELS) == tuple(EmploymentType)
    labels = ("정규직", "계약직", "시간제", "일용직", "프리랜서")
    assert tuple(EMPLOYMENT_LABELS.values()) == labels
    assert [kind.value for kind in EmploymentType] == [
        "full_time",
        "contract",
        "part_time",
        "daily",
        "freelance",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("정규직", _types(FULL)),
        ("정규직이요", _types(FULL)),
        ("정규직 원해요", _types(FULL)),
        ("정직원", _types(FULL)),
        ("풀타임", _types(FULL)),
        ("Full-time", _types(FULL)),
        ("무기계약직", _types(FULL)),
        ("계약직", _types(CONTRACT)),
        ("단기 계약직", _types(CONTRACT)),
        ("기간제", _types(CONTRACT)),
        ("촉탁직", _types(CONTRACT)),
        ("비정규직", _types(CONTRACT)),
        ("시간제", _types(PART)),
        ("파트타임", _types(PART)),
        ("파트 타임", _types(PART)),
        ("알바", _types(PART)),
        ("아르바이트", _types(PART)),
        ("단시간", _types(PART)),
        ("주 3일 알바", _types(PART)),
        ("하루 4시간 알바", _types(PART)),
        ("일용직", _types(DAILY)),
        ("일당", _types(DAILY)),
        ("일당직", _types(DAILY)),
        ("프리랜서", _types(FREE)),
        ("위촉직", _types(FREE)),
        ("도급", _types(FREE)),
        ("3.3% 프리", _types(FREE)),
        # how many days, or how long, instead of a type
        ("주 3일", _types(PART)),
        ("주3일 근무", _types(PART)),
        ("격일 근무", _types(PART)),
        ("주말만", _types(PART)),
        ("단기", _types(CONTRACT)),
    ],
)
def test_single_types(text: str, expected: EmploymentAnswer) -> None:
    assert parse_employment_types(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("계약직, 시간제", _types(CONTRACT, PART)),
        ("계약직,시간제", _types(CONTRACT, PART)),
        ("정규직 또는 계약직", _types(FULL, CONTRACT)),
        ("정규직 아니면 계약직", _types(FULL, CONTRACT)),
        ("계약직이나 시간제", _types(CONTRACT, PART)),
        ("정규직/계약직/프리랜서", _types(FULL, CONTRACT, FREE)),
        ("정규직계약직", _types(FULL, CONTRACT)),
        ("시간제 그리고 일용직", _types(PART, DAILY)),
        ("알바, 아르바이트, 시간제", _types(PART)),
        ("정규직 계약직 다 좋아요", _types(FULL, CONTRACT)),
        ("정규직, 계약직 상관없어요", _types(FULL, CONTRACT)),
    ],
)
def test_lists_keep_order_and_drop_duplicates(text: str, expected: EmploymentAnswer) -> None:
    assert parse_employment_types(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "무관",
        "상관없음",
        "상관 없어요",
        "아무거나",
        "아무거나 괜찮아요",
        "다 좋아요",
        "다좋아요",
        "다 괜찮습니다",
        "모두 가능",
        "뭐든 좋아요",
        "고용형태 무관",
        "시간 상관없어요",
    ],
)
def test_dont_mind_means_any_type(text: str) -> None:
    assert parse_employment_types(text) == ANY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("일용직 말고 다 좋아요", _types(FULL, CONTRACT, PART, FREE)),
        ("알바는 싫어요", _types(FULL, CONTRACT, DAILY, FREE)),
        ("일용직 빼고", _types(FULL, CONTRACT, PART, FREE)),
        ("정규직 아니고 계약직", _types(CONTRACT)),
        ("계약직, 일용직은 안돼요", _types(CONTRACT)),
    ],
)
def test_exclusions(text: str, expected: EmploymentAnswer) -> None:
    assert parse_employment_types(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("게약직", _types(CONTRACT)),
        ("졍규직", _types(FULL)),
        ("프리렌서", _types(FREE)),
        ("아르바이뜨", _types(PART)),
        ("정규직, 블라블라", _types(FULL)),
        ("계약직 우주비행사", _types(CONTRACT)),
    ],
)
def test_typos_and_unknown_words_next_to_known_ones(text: str, expected: EmploymentAnswer) -> None:
    assert parse_employment_types(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "😀", "ㅋㅋ", "네", "아니요", "없어요", "아파트", "우주비행사", "오전만", "시간"],
)
def test_nothing_understood_is_none(text: str) -> None:
    assert parse_employment_types(text) is None


def test_answer_is_immutable_and_comparable() -> None:
    answer = parse_employment_types("정규직")
    assert answer is not None
    assert answer == EmploymentAnswer(types=(FULL,), any_type=False)
    with pytest.raises(AttributeError):
        answer.any_type = True  # type: ignore[misc]


def test_types_are_str_values_for_storage() -> None:
    answer = parse_employment_types("계약직, 알바")
    assert answer is not None
    assert [str(kind) for kind in answer.types] == ["contract", "part_time"]
