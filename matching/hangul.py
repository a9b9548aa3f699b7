"""Hangul syllables split into jamo, so typo distance is measured per keystroke.

On a phone keyboard a typo replaces one jamo ("괸" for "관"), not a whole syllable. Over
syllables "품질괸리" and "품질관리" differ in a quarter of their characters; over jamo only
one of eleven differs, which is what fuzzy matching needs to see.
"""

_SYLLABLE_FIRST = 0xAC00
_SYLLABLE_LAST = 0xD7A3
_VOWELS_TIMES_FINALS = 21 * 28
_FINALS = 28

# Compatibility jamo (the ones keyboards type on their own), in Unicode syllable order.
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINAL_JAMO = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")

# NFKC (used by `normalize`) turns a typed lone "ㅋ" into conjoining U+110F; fold conjoining
# jamo back so typed jamo and decomposed syllables use one alphabet.
_CONJOINING_TO_COMPATIBILITY = str.maketrans(
    {
        **{0x1100 + i: jamo for i, jamo in enumerate(_INITIALS)},
        **{0x1161 + i: jamo for i, jamo in enumerate(_MEDIALS)},
        **{0x11A8 + i: jamo for i, jamo in enumerate(_FINAL_JAMO[1:])},
    }
)


def _decompose(char: str) -> str:
    """Return the compatibility jamo of one precomposed syllable, or `char` unchanged."""
    code = ord(char)
    if not _SYLLABLE_FIRST <= code <= _SYLLABLE_LAST:
        return char
    index = code - _SYLLABLE_FIRST
    initial, rest = divmod(index, _VOWELS_TIMES_FINALS)
    medial, final = divmod(rest, _FINALS)
    return _INITIALS[initial] + _MEDIALS[medial] + _FINAL_JAMO[final]


def to_jamo(text: str) -> str:
    """Return `text` with every Hangul syllable spelled as compatibility jamo.

    "품질관리" -> "ㅍㅜㅁㅈㅣㄹㄱㅘㄴㄹㅣ". Compound vowels and finals stay one jamo each
    (as typed on a 2-set keyboard). Conjoining jamo become compatibility jamo too;
    non-Hangul characters pass through unchanged.
    """
    return "".join(_decompose(char) for char in text).translate(_CONJOINING_TO_COMPATIBILITY)
