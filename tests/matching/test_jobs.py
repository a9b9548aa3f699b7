"""Desired-job titles and families, as seniors actually type them."""

import pytest

from matching.jobs import JOB_FAMILIES, JOB_TITLES, POPULAR_TITLES, JobFamily, family_of
from matching.text import compact, normalize


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("경비", "경비"),
        ("경비원", "경비"),
        ("보안요원", "경비"),
        ("보안", "경비"),
        ("아파트 경비", "경비"),
        ("아파트경비원", "경비"),
        ("경비 일", "경비"),
        ("경비 일을 하고 싶어요", "경비"),
        ("경비원으로 일하고 싶습니다", "경비"),
        ("경비 일자리", "경비"),
        ("아파트 경비요", "경비"),
        ("관리소장 하고싶습니다", "관리소장"),
        ("요양보호사 일 찾아요", "요양보호사"),
        ("시설관리 쪽 일 원합니다", "시설관리"),
        ("조리원 자리 구해요", "조리원"),
        ("미화원이요", "미화원"),
        ("요양보호사", "요양보호사"),
        ("요양 보호사", "요양보호사"),
        ("간병인", "요양보호사"),
        ("간병", "요양보호사"),
        ("방문요양", "요양보호사"),
        ("경리", "경리"),
        ("회계", "경리"),
        ("경리 회계", "경리"),
        ("회계담당", "경리"),
        ("지게차", "지게차"),
        ("지게차 운전", "지게차"),
        ("품질관리", "품질관리"),
        ("품질 관리", "품질관리"),
        ("QC", "품질관리"),
        ("qa", "품질보증"),
        ("시설 관리", "시설관리"),
        ("시설관리원", "시설관리"),
        ("주택관리사", "관리소장"),
        ("청소", "미화원"),
        ("환경미화원", "미화원"),
        ("청소부", "미화원"),
        ("택배기사님", "배송기사"),
        ("택배", "배송기사"),
        ("운전", "운전기사"),
        ("운전 기사", "운전기사"),
        ("마을버스", "버스기사"),
        ("개인택시", "택시기사"),
        ("화물차 운전", "화물운전"),
        ("조리 실무사", "조리원"),
        ("주방 보조", "주방보조"),
        ("사무 보조", "사무보조"),
        ("사무직", "사무보조"),
        ("텔레마케터", "상담원"),
        ("콜센터", "상담원"),
        ("숲 해설사", "숲해설가"),
        ("문화관광해설사", "문화해설사"),
        ("방과후 강사", "방과후강사"),
        ("안전 관리자", "안전관리"),
        ("포크레인", "중장비"),
        ("캐드", "설계"),
        ("프로그래머", "개발자"),
        ("IT 관리", "전산"),
        ("활동보조", "활동지원사"),
        ("베이비시터", "아이돌보미"),
        ("산모도우미", "산후관리사"),
        ("품질관리 업무", "품질관리"),
    ],
)
def test_common_spellings_and_synonyms_resolve_with_certainty(text: str, title: str) -> None:
    result = JOB_TITLES.resolve(text)
    assert (result.value, result.certain, result.known, result.suggestions) == (
        title,
        True,
        True,
        (),
    )


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("품질괸리", "품질관리"),
        ("겅비", "경비"),
        ("경배", "경비"),
        ("보얀요원", "경비"),
        ("시섫관리", "시설관리"),
        ("요양보호샤", "요양보호사"),
        ("택시기샤", "택시기사"),
        ("주방보쪼", "주방보조"),
        ("미화웜", "미화원"),
        ("지게ㅊ", "지게차"),
    ],
)
def test_typos_are_offered_back(text: str, suggestion: str) -> None:
    result = JOB_TITLES.resolve(text)
    assert not result.certain
    assert not result.known
    assert result.value == normalize(text)
    assert result.suggestions[0] == suggestion
    assert len(result.suggestions) <= 3


@pytest.mark.parametrize(
    "text",
    ["우주비행사", "자동차부품 품질관리", "ㅋㅋ", "미용사", "농사", "선생님", "청소하는일"],
)
def test_other_jobs_are_accepted_as_typed(text: str) -> None:
    result = JOB_TITLES.resolve(text)
    assert result.certain
    assert not result.known
    assert result.suggestions == ()
    assert family_of(text) is None


def test_richer_text_keeps_the_users_words() -> None:
    assert JOB_TITLES.resolve("자동차부품  품질관리").value == "자동차부품 품질관리"


@pytest.mark.parametrize("text", ["", "  ", "😀😀", "!?"])
def test_empty_text_is_invalid(text: str) -> None:
    result = JOB_TITLES.resolve(text)
    assert (result.value, result.certain, result.known) == ("", False, False)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("경비원", "보안요원"),
        ("요양보호사", "간병인"),
        ("경리", "회계"),
        ("경비", "주차관리"),
        ("운전기사", "지게차"),
        ("품질관리", "검사원"),
        ("미화원", "방역"),
    ],
)
def test_synonyms_and_neighbours_share_a_family(first: str, second: str) -> None:
    first_family = family_of(first)
    assert first_family is not None
    assert first_family == family_of(second)


@pytest.mark.parametrize(
    ("text", "key", "label"),
    [
        ("품질관리", "production_quality", "생산·품질"),
        ("경비원", "security", "경비·보안"),
        ("간병인", "care", "돌봄·요양"),
        ("회계", "office", "사무·회계"),
        ("지게차", "driving_logistics", "운전·물류"),
        ("청소", "cleaning", "청소·미화"),
        ("조리원", "cooking", "조리·급식"),
        ("보일러", "facility", "시설·건물관리"),
        ("텔레마케터", "sales", "영업·판매"),
        ("숲해설가", "education", "교육·강사"),
        ("안전관리", "construction", "건설·기술"),
        ("연구원", "research", "연구개발"),
        ("프로그래머", "it", "IT"),
    ],
)
def test_family_of_resolves_first(text: str, key: str, label: str) -> None:
    family = family_of(text)
    assert isinstance(family, JobFamily)
    assert (family.key, family.label) == (key, label)


def test_family_of_does_not_trust_a_guess() -> None:
    assert family_of("품질괸리") is None


def test_every_title_is_in_exactly_one_family() -> None:
    titles = [title for family in JOB_FAMILIES for title in family.titles]
    assert len(titles) == len(set(titles))
    assert tuple(titles) == JOB_TITLES.terms
    for family in JOB_FAMILIES:
        for title in family.titles:
            assert family_of(title) is family


def test_family_keys_and_labels_are_unique() -> None:
    assert len({family.key for family in JOB_FAMILIES}) == len(JOB_FAMILIES)
    assert len({family.label for family in JOB_FAMILIES}) == len(JOB_FAMILIES)
    for family in JOB_FAMILIES:
        assert family.key.isascii()
        assert family.key == family.key.lower()
    assert all(family.titles for family in JOB_FAMILIES)


@pytest.mark.parametrize("title", JOB_TITLES.terms)
def test_every_alias_resolves_to_its_own_title(title: str) -> None:
    """No alias is shared between titles: a desired job never needs a "which one?"."""
    assert JOB_TITLES.resolve(title).value == title
    for alias in JOB_TITLES.aliases(title):
        result = JOB_TITLES.resolve(alias)
        assert (result.value, result.certain, result.known) == (title, True, True), alias


def test_titles_are_short_button_labels() -> None:
    assert all(len(title) <= 7 for title in JOB_TITLES.terms)
    assert all("·" not in title for title in JOB_TITLES.terms)
    assert all(compact(title) == title for title in JOB_TITLES.terms)


def test_popular_titles_are_canonical_short_and_distinct() -> None:
    assert 6 <= len(POPULAR_TITLES) <= 10
    assert len(set(POPULAR_TITLES)) == len(POPULAR_TITLES)
    for title in POPULAR_TITLES:
        assert title in JOB_TITLES
        assert len(title) <= 7
