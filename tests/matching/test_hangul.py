"""Jamo decomposition: typo distance must be measured per keystroke, not per syllable."""

import unicodedata

import pytest
from rapidfuzz import fuzz

from matching.hangul import to_jamo
from matching.text import normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("품질관리", "ㅍㅜㅁㅈㅣㄹㄱㅘㄴㄹㅣ"),
        ("가", "ㄱㅏ"),
        ("힣", "ㅎㅣㅎ"),
        ("값", "ㄱㅏㅄ"),
        ("까뜰", "ㄲㅏㄸㅡㄹ"),
        ("의사", "ㅇㅢㅅㅏ"),
        ("경비원", "ㄱㅕㅇㅂㅣㅇㅝㄴ"),
        ("", ""),
    ],
)
def test_syllables_become_compatibility_jamo(text: str, expected: str) -> None:
    assert to_jamo(text) == expected


@pytest.mark.parametrize("text", ["abc", "ITQ", "123", "QC-1", " -·(", "☺", "Ä"])
def test_non_hangul_passes_through(text: str) -> None:
    assert to_jamo(text) == text


def test_mixed_text_keeps_order_and_non_hangul() -> None:
    assert to_jamo("컴활 2급") == "ㅋㅓㅁㅎㅘㄹ 2ㄱㅡㅂ"


def test_typed_compatibility_jamo_pass_through() -> None:
    assert to_jamo("ㅋㅋㅎㅎ") == "ㅋㅋㅎㅎ"


def test_conjoining_jamo_fold_to_the_same_alphabet() -> None:
    """NFD input and NFKC-normalised lone jamo compare equal to decomposed syllables."""
    assert to_jamo(unicodedata.normalize("NFD", "품질관리")) == to_jamo("품질관리")
    assert to_jamo(normalize("지게ㅊ")) == "ㅈㅣㄱㅔㅊ"


def test_one_mistyped_jamo_is_a_small_distance() -> None:
    """The reason this module exists: "괸" for "관" is close over jamo, far over syllables."""
    over_jamo = fuzz.ratio(to_jamo("품질괸리"), to_jamo("품질관리"))
    over_syllables = fuzz.ratio("품질괸리", "품질관리")
    assert over_jamo > 90
    assert over_syllables == 75
