"""Korean-style numbers: "3천5백", "1만 2천", "3,500만원", "1.2만", "이백오십만원".

Seniors write amounts the way they say them, mixing digits with the unit syllables
십/백/천/만/억. Pay parsing (and anything else that reads money) needs the plain integer
behind such text, so the grammar lives here once.

The Korean rule: 십/백/천 build a "section" below 만, and 만/억 multiply the section
accumulated so far ("3천5백만" = (3000 + 500) x 10,000).
"""

import re
from fractions import Fraction

from matching.text import normalize

SMALL_UNITS: dict[str, int] = {"십": 10, "백": 100, "천": 1_000}
BIG_UNITS: dict[str, int] = {"만": 10_000, "억": 100_000_000}
UNIT_VALUES: dict[str, int] = SMALL_UNITS | BIG_UNITS
UNIT_CHARACTERS = "".join(UNIT_VALUES)

# "3,500" must group by threes; "3,50" is a typo, not a number.
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_TOKEN = re.compile(rf"(?P<number>{_NUMBER})|(?P<unit>[{UNIT_CHARACTERS}])")
_AMOUNT = re.compile(rf"(?:{_NUMBER}|[{UNIT_CHARACTERS}])+")
_SPACE_BETWEEN_DIGITS = re.compile(r"\d\s+\d")
_NO_LIMIT = 10**20
_MAX_LENGTH = 40  # far beyond any real amount; keeps huge digit strings away from int()


class _Reader:
    """Folds the tokens of one amount left to right, refusing malformed orders."""

    def __init__(self) -> None:
        self.total = Fraction(0)  # finished 억/만 groups
        self.section = Fraction(0)  # 천/백/십 part of the group being built
        self.pending: Fraction | None = None  # a number not yet multiplied by a unit
        self.small_limit = _NO_LIMIT  # 천 may not follow 백, and so on
        self.big_limit = _NO_LIMIT  # 억 may not follow 만

    def number(self, value: Fraction) -> bool:
        if self.pending is not None:  # "1,2345" splits into two numbers in a row
            return False
        self.pending = value
        return True

    def small_unit(self, unit: int) -> bool:
        multiplier = 1 if self.pending is None else self.pending
        if unit >= self.small_limit or not 0 < multiplier < 10:
            return False
        self.section += multiplier * unit
        self.small_limit = unit
        self.pending = None
        return True

    def big_unit(self, unit: int) -> bool:
        if unit >= self.big_limit or not self._pending_fits():
            return False
        group = self._open_group()
        if self.pending is None and self.section == 0:
            group = Fraction(1)  # "만원" on its own is 10,000
        if group >= 10_000:
            return False
        self.total += group * unit
        self.section, self.pending = Fraction(0), None
        self.small_limit, self.big_limit = _NO_LIMIT, unit
        return True

    def result(self) -> Fraction | None:
        if not self._pending_fits():
            return None
        rest = self._open_group()
        if rest >= min(self.big_limit, 10**12):  # "1만20000" is not 30,000
            return None
        return self.total + rest

    def _open_group(self) -> Fraction:
        return self.section + (self.pending or 0)

    def _pending_fits(self) -> bool:
        """A number after 천 must be below 1,000: "3천500" is fine, "3천5000" is not."""
        return self.pending is None or self.section == 0 or self.pending < self.small_limit


_SPOKEN_DIGIT_VALUES = {digit: str(value) for value, digit in enumerate("일이삼사오육칠팔구", 1)}
# A number written in words, standing on its own: "이백오십", "삼천", "만", "십오만". It must
# start a word and end before a non-number ("원", "이요", a space), so "월급이 천만원" keeps
# its 이, "이만하면" is not 20,000 and "천천히" is not a number at all.
_SPOKEN_NUMBER = re.compile(
    r"(?<![가-힣0-9.,])"
    rf"((?:[일이삼사오육칠팔구]?[{UNIT_CHARACTERS}])+)"
    rf"(?![{UNIT_CHARACTERS}]|[일이삼사오육칠팔구][{UNIT_CHARACTERS}])"
    r"(?=$|[^가-힣]|원|요|이|정도|쯤|이상|이하|까지|부터|에서|사이|넘게|초과|선|은|는)"
)


def spoken_digits(text: str) -> str:
    """`text` with numbers written in words turned into digits: "월 이백오십" -> "월 2백5십".

    A number starting with a unit gets its implied 1 ("만원" -> "1만원"), so the result
    always starts with a digit where a number was meant.
    """

    def digits(match: re.Match[str]) -> str:
        run = "".join(_SPOKEN_DIGIT_VALUES.get(char, char) for char in match[1])
        return run if run[0].isdigit() else f"1{run}"

    return _SPOKEN_NUMBER.sub(digits, normalize(text))


def parse_korean_amount(text: str) -> int | None:
    """Return the integer written in `text`, or None when it is not exactly one number.

    A trailing "원" is allowed, spaces between unit groups are allowed ("1만 2천"),
    but a space between two digits is not ("3 500" is two numbers).
    """
    cleaned = normalize(text)
    if _SPACE_BETWEEN_DIGITS.search(cleaned):
        return None
    cleaned = cleaned.replace(" ", "").removesuffix("원")
    if len(cleaned) > _MAX_LENGTH or not _AMOUNT.fullmatch(cleaned):
        return None
    reader = _Reader()
    for token in _TOKEN.finditer(cleaned):
        number, unit = token.group("number"), token.group("unit")
        if number is not None:
            accepted = reader.number(Fraction(number.replace(",", "")))
        elif unit in SMALL_UNITS:
            accepted = reader.small_unit(SMALL_UNITS[unit])
        else:
            accepted = reader.big_unit(BIG_UNITS[unit])
        if not accepted:
            return None
    value = reader.result()
    if value is None or value.denominator != 1:  # "1.5" on its own is not a won amount
        return None
    return int(value)


def has_big_unit(text: str) -> bool:
    """True when the amount is written with 만 or 억, i.e. already scaled by the writer."""
    return any(unit in text for unit in BIG_UNITS)
