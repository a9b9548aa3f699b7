"""Licences and certificates: everyday names to official ones, asking when a grade is missing."""

import pytest

from matching.certificates import CERTIFICATES, POPULAR_CERTIFICATES
from matching.text import normalize


@pytest.mark.parametrize(
    ("text", "certificate"),
    [
        ("1종 보통", "운전면허 1종 보통"),
        ("1종보통", "운전면허 1종 보통"),
        ("1종", "운전면허 1종 보통"),
        ("운전면허 1종", "운전면허 1종 보통"),
        ("1종 보통 있어요", "운전면허 1종 보통"),
        ("1종보통면허증", "운전면허 1종 보통"),
        ("운전면허1종보통", "운전면허 1종 보통"),
        ("대형면허", "운전면허 1종 대형"),
        ("1종 대형", "운전면허 1종 대형"),
        ("2종 보통", "운전면허 2종 보통"),
        ("2종", "운전면허 2종 보통"),
        ("지게차", "지게차운전기능사"),
        ("지게차 자격증", "지게차운전기능사"),
        ("지게차 있어요", "지게차운전기능사"),
        ("굴삭기", "굴착기운전기능사"),
        ("포크레인", "굴착기운전기능사"),
        ("요양보호사", "요양보호사"),
        ("요양보호사 취득", "요양보호사"),
        ("사회복지사 2급", "사회복지사 2급"),
        ("사회복지사2급 자격증", "사회복지사 2급"),
        ("간조", "간호조무사"),
        ("전기기능사", "전기기능사"),
        ("전기 산업기사", "전기산업기사"),
        ("소방안전관리자 2급", "소방안전관리자 2급"),
        ("소방 1급", "소방안전관리자 1급"),
        ("공조냉동", "공조냉동기계기능사"),
        ("보일러기능사", "에너지관리기능사"),
        ("위험물산기", "위험물산업기사"),
        ("산안기", "산업안전기사"),
        ("용접", "용접기능사"),
        ("조리기능사", "한식조리기능사"),
        ("한식 조리 기능사", "한식조리기능사"),
        ("양식조리", "양식조리기능사"),
        ("제과", "제과기능사"),
        ("컴활 1급", "컴퓨터활용능력 1급"),
        ("컴활2급", "컴퓨터활용능력 2급"),
        ("컴활 2급 있어요", "컴퓨터활용능력 2급"),
        ("워드", "워드프로세서"),
        ("itq", "ITQ"),
        ("ITQ 엑셀", "ITQ"),
        ("전산회계1급", "전산회계 1급"),
        ("공인중개사", "공인중개사"),
        ("주택관리사보", "주택관리사보"),
        ("주택관리사(보)", "주택관리사보"),
        ("주택관리사", "주택관리사"),
        ("직업상담사", "직업상담사 2급"),
        ("경비지도사", "경비지도사"),
        ("경비교육", "일반경비 신임교육 이수"),
        ("신임교육", "일반경비 신임교육 이수"),
        ("경비 신임교육 이수증", "일반경비 신임교육 이수"),
        ("정처기", "정보처리기사"),
        ("버스운전자격", "버스운전자격"),
        ("택시 자격증", "택시운전자격"),
        ("택시운전자격 있습니다", "택시운전자격"),
        ("화물운송 자격증", "화물운송종사자격"),
        ("보육교사 2급", "보육교사"),
        ("한국어교원 2급", "한국어교원"),
    ],
)
def test_everyday_names_resolve_to_official_ones(text: str, certificate: str) -> None:
    result = CERTIFICATES.resolve(text)
    assert (result.value, result.certain, result.known, result.suggestions) == (
        certificate,
        True,
        True,
        (),
    )


@pytest.mark.parametrize(
    ("text", "choices"),
    [
        ("컴활", {"컴퓨터활용능력 1급", "컴퓨터활용능력 2급"}),
        ("컴활 자격증", {"컴퓨터활용능력 1급", "컴퓨터활용능력 2급"}),
        ("사회복지사", {"사회복지사 1급", "사회복지사 2급"}),
        ("사회복지사 자격증", {"사회복지사 1급", "사회복지사 2급"}),
        ("운전면허", {"운전면허 1종 보통", "운전면허 1종 대형", "운전면허 2종 보통"}),
        ("운전면허 있어요", {"운전면허 1종 보통", "운전면허 1종 대형", "운전면허 2종 보통"}),
        ("전기", {"전기기능사", "전기산업기사", "전기기사"}),
        ("소방안전관리자", {"소방안전관리자 1급", "소방안전관리자 2급"}),
        ("위험물", {"위험물기능사", "위험물산업기사"}),
        ("전산회계", {"전산회계 1급", "전산회계 2급"}),
        ("소방설비기사", {"소방설비기사(전기)", "소방설비기사(기계)"}),
    ],
)
def test_a_name_without_its_grade_asks_which(text: str, choices: set[str]) -> None:
    result = CERTIFICATES.resolve(text)
    assert not result.certain
    assert not result.known
    assert result.value == text
    assert set(result.suggestions) == choices


@pytest.mark.parametrize(
    ("text", "certificate"),
    [
        ("지게차운전기능샤", "지게차운전기능사"),
        ("운전면허 1종 보동", "운전면허 1종 보통"),
        ("사회복지샤 1급", "사회복지사 1급"),
        ("공인중게사", "공인중개사"),
    ],
)
def test_one_slip_in_a_long_name_is_taken(text: str, certificate: str) -> None:
    result = CERTIFICATES.resolve(text)
    assert (result.value, result.certain, result.known) == (certificate, True, True)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("전기기능샤", "전기기능사"),
        ("요양보호샤", "요양보호사"),
        ("간호조무샤", "간호조무사"),
    ],
)
def test_typos_in_short_names_are_offered_back(text: str, suggestion: str) -> None:
    result = CERTIFICATES.resolve(text)
    assert (result.value, result.certain, result.known) == (text, False, False)
    assert result.suggestions[0] == suggestion


@pytest.mark.parametrize(
    ("text", "grades"),
    [
        ("컴활 3급", {"컴퓨터활용능력 1급", "컴퓨터활용능력 2급"}),
        ("사회복지사 3급", {"사회복지사 1급", "사회복지사 2급"}),
        ("운전면허 3종 보통", {"운전면허 1종 보통", "운전면허 2종 보통"}),
    ],
)
def test_a_grade_that_does_not_exist_is_never_guessed(text: str, grades: set[str]) -> None:
    result = CERTIFICATES.resolve(text)
    assert not result.certain
    assert not result.known
    assert grades <= set(result.suggestions)


@pytest.mark.parametrize("text", ["우주비행사 자격", "없음", "미용사", "드론 조종", "ㅋㅋ"])
def test_other_certificates_are_accepted_as_typed(text: str) -> None:
    result = CERTIFICATES.resolve(text)
    assert (result.value, result.certain, result.known, result.suggestions) == (
        normalize(text),
        True,
        False,
        (),
    )


@pytest.mark.parametrize("text", ["", "🚗", "  "])
def test_empty_text_is_invalid(text: str) -> None:
    result = CERTIFICATES.resolve(text)
    assert (result.value, result.certain, result.known) == ("", False, False)


@pytest.mark.parametrize("certificate", CERTIFICATES.terms)
def test_every_official_name_resolves_to_itself(certificate: str) -> None:
    result = CERTIFICATES.resolve(certificate)
    assert (result.value, result.certain, result.known) == (certificate, True, True)


def test_shared_aliases_are_only_the_grade_less_names() -> None:
    """Any alias that does not resolve to its own term must be an intended "which grade?"."""
    asking = {
        alias
        for term in CERTIFICATES.terms
        for alias in CERTIFICATES.aliases(term)
        if CERTIFICATES.resolve(alias).value != term
    }
    for alias in asking:
        result = CERTIFICATES.resolve(alias)
        assert not result.certain, alias
        assert len(result.suggestions) >= 2, alias
    assert "컴활" in asking
    assert "지게차" not in asking


def test_popular_certificates_are_canonical_and_distinct() -> None:
    assert 6 <= len(POPULAR_CERTIFICATES) <= 10
    assert len(set(POPULAR_CERTIFICATES)) == len(POPULAR_CERTIFICATES)
    for certificate in POPULAR_CERTIFICATES:
        assert certificate in CERTIFICATES
        assert len(certificate) <= 12


@pytest.mark.parametrize(
    ("short", "certificate"),
    [
        ("운전면허 1종", "운전면허 1종 보통"),
        ("운전면허 2종", "운전면허 2종 보통"),
        ("지게차", "지게차운전기능사"),
        ("요양보호사", "요양보호사"),
        ("전기기능사", "전기기능사"),
        ("조리기능사", "한식조리기능사"),
        ("컴활 2급", "컴퓨터활용능력 2급"),
        ("경비교육", "일반경비 신임교육 이수"),
    ],
)
def test_popular_short_names_map_to_the_popular_buttons(short: str, certificate: str) -> None:
    assert certificate in POPULAR_CERTIFICATES
    assert CERTIFICATES.resolve(short).value == certificate
