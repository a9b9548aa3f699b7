"""The generic vocabulary: exact, ambiguous, near-certain, suggested and free-text answers."""

import pytest

from matching.vocabulary import (
    CERTAIN_SCORE,
    MAX_SUGGESTIONS,
    SUGGEST_SCORE,
    TermResolution,
    Vocabulary,
)

VOCABULARY = Vocabulary(
    {
        "품질관리": ("QC", "품질", "품질관리원"),
        "품질보증": ("QA",),
        "경비": ("경비원", "보안요원"),
        "요양보호사": ("간병인", "간병"),
        "컴퓨터활용능력 1급": ("컴활 1급", "컴활"),
        "컴퓨터활용능력 2급": ("컴활 2급", "컴활"),
        "사회복지사 1급": ("사회복지사1급",),
        "사회복지사 2급": ("사회복지사2급",),
        "지게차운전기능사": ("지게차",),
    },
    ignored_suffixes=("자격증", "있어요", "님"),
)


def _certain_known(term: str) -> TermResolution:
    return TermResolution(value=term, certain=True, known=True, suggestions=())


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("품질관리", "품질관리"),
        ("품질 관리", "품질관리"),
        (" 품질  관리 ", "품질관리"),
        ("품질관리원", "품질관리"),
        ("QC", "품질관리"),
        ("qc", "품질관리"),
        ("Ｑｃ", "품질관리"),
        ("경비원", "경비"),
        ("경비 원", "경비"),
        ("보안요원👮", "경비"),
        ("간병인", "요양보호사"),
        ("요양 보호사", "요양보호사"),
        ("요양-보호사", "요양보호사"),
        ("컴활 1급", "컴퓨터활용능력 1급"),
        ("컴활1급", "컴퓨터활용능력 1급"),
        ("컴퓨터 활용 능력 2급", "컴퓨터활용능력 2급"),
    ],
)
def test_exact_canonical_or_alias_ignoring_spaces_is_certain(text: str, term: str) -> None:
    assert VOCABULARY.resolve(text) == _certain_known(term)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("지게차 자격증", "지게차운전기능사"),
        ("지게차 있어요", "지게차운전기능사"),
        ("지게차 자격증 있어요", "지게차운전기능사"),
        ("경비원님", "경비"),
    ],
)
def test_filler_endings_are_ignored(text: str, term: str) -> None:
    assert VOCABULARY.resolve(text) == _certain_known(term)


def test_filler_ending_alone_is_not_stripped_to_nothing() -> None:
    result = VOCABULARY.resolve("자격증")
    assert result.value == "자격증"
    assert not result.known


@pytest.mark.parametrize("text", ["컴활", "컴 활", "컴활 자격증"])
def test_alias_shared_by_several_terms_asks_which(text: str) -> None:
    assert VOCABULARY.resolve(text) == TermResolution(
        value=text,
        certain=False,
        known=False,
        suggestions=("컴퓨터활용능력 1급", "컴퓨터활용능력 2급"),
    )


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("품질괸리", "품질관리"),
        ("품질곤리", "품질관리"),
        ("경비웡", "경비"),
        ("겅비원", "경비"),
        ("요양보호샤", "요양보호사"),
        ("간벙인", "요양보호사"),
    ],
)
def test_close_typo_is_offered_back_not_taken(text: str, suggestion: str) -> None:
    result = VOCABULARY.resolve(text)
    assert result.value == text
    assert not result.certain
    assert not result.known
    assert result.suggestions[0] == suggestion


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("지게차운전기능샤", "지게차운전기능사"),
        ("지게차운전기넝사", "지게차운전기능사"),
        ("사회복지샤 1급", "사회복지사 1급"),
    ],
)
def test_one_slip_in_a_long_term_is_taken_without_asking(text: str, term: str) -> None:
    assert VOCABULARY.resolve(text) == _certain_known(term)


@pytest.mark.parametrize("text", ["사회복지사 3급", "사회복지샤 3급", "컴활 3급"])
def test_a_different_number_is_never_a_typo(text: str) -> None:
    """1급 vs 3급 differs by one character but is a different licence: ask, never assume."""
    result = VOCABULARY.resolve(text)
    assert not result.certain
    assert not result.known
    assert result.value == text
    assert len(result.suggestions) == 2


@pytest.mark.parametrize(
    "text",
    ["우주비행사", "자동차부품 품질관리", "품질관리 및 생산관리 경험 20년", "ㅋㅋ", "차", "농사"],
)
def test_unrelated_or_richer_text_is_accepted_as_typed(text: str) -> None:
    """Only whole-string matches count: a qualifier keeps the person's own words."""
    result = VOCABULARY.resolve(text)
    assert result.certain
    assert not result.known
    assert result.suggestions == ()
    assert result.value not in VOCABULARY


def test_free_text_value_is_the_cleaned_text() -> None:
    assert VOCABULARY.resolve("  우주   비행사 🚀 ").value == "우주 비행사"


@pytest.mark.parametrize("text", ["", "   ", "🙂👍", "!!!", "...", "\n"])
def test_empty_or_symbol_only_text_is_invalid(text: str) -> None:
    assert VOCABULARY.resolve(text) == TermResolution(
        value="", certain=False, known=False, suggestions=()
    )


def test_suggestions_are_capped_and_distinct() -> None:
    many = Vocabulary({f"경비{suffix}": () for suffix in "가나다라마바"})
    result = many.resolve("경비")
    assert not result.certain
    assert len(result.suggestions) == MAX_SUGGESTIONS
    assert len(set(result.suggestions)) == MAX_SUGGESTIONS


def test_aliases_of_one_term_do_not_crowd_out_other_terms() -> None:
    vocabulary = Vocabulary({"품질관리": ("품질관리1", "품질관리2"), "품질보증": ()})
    assert vocabulary.resolve("품질괸리").suggestions == ("품질관리",)


def test_near_tie_between_two_terms_asks() -> None:
    vocabulary = Vocabulary({"가나다라마바사아": (), "가나다라마바사자": ()})
    result = vocabulary.resolve("가나다라마바사하")
    assert not result.certain
    assert set(result.suggestions) == {"가나다라마바사아", "가나다라마바사자"}


def test_thresholds_are_ordered() -> None:
    assert 0 < SUGGEST_SCORE < CERTAIN_SCORE <= 100


def test_terms_membership_and_aliases() -> None:
    assert VOCABULARY.terms[:3] == ("품질관리", "품질보증", "경비")
    assert len(VOCABULARY) == len(VOCABULARY.terms) == 9
    assert "경비" in VOCABULARY
    assert "경비원" not in VOCABULARY
    assert "품질 관리" not in VOCABULARY
    assert VOCABULARY.aliases("경비") == ("경비원", "보안요원")


@pytest.mark.parametrize(
    "entries",
    [
        {"경비": (), "경 비": ()},
        {"경비": ("보안",), "보안": ()},
        {"경비": ("🙂",)},
        {"!!": ()},
    ],
)
def test_inconsistent_entries_are_rejected_at_import(entries: dict[str, tuple[str, ...]]) -> None:
    with pytest.raises(ValueError, match=r"term|alias"):
        Vocabulary(entries)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("품질관리, 경비", ["품질관리", "경비"]),
        ("품질관리랑 경비", ["품질관리", "경비"]),
        ("품질관리하고 경비 하고 싶어요", ["품질관리", "경비"]),
        ("간병인이나 경비원", ["요양보호사", "경비"]),
        ("요양보호사나 간병", ["요양보호사"]),  # one term, named twice
        ("품질관리 있고 경비도 있어요", ["품질관리", "경비"]),
        ("과수원 관리와 텃밭", ["과수원 관리와 텃밭"]),  # nothing known: kept whole
    ],
)
def test_a_said_list_resolves_term_by_term(text: str, terms: list[str]) -> None:
    assert [r.value for r in VOCABULARY.resolve_list(text)] == terms
