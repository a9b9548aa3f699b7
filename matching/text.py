"""Normalisation of what people type, shared by every parser.

Seniors type on phones: full-width digits, stray emoji, double spaces, "３００만원",
"~" written as "∼" or "〜". Every parser first passes text through `normalize` so each
one only has to understand plain Korean, ASCII digits and a few punctuation marks.
"""

import re
import unicodedata

_TILDES = str.maketrans({"∼": "~", "〜": "~", "～": "~", "–": "-", "—": "-", "‐": "-"})
_KEPT_PUNCTUATION = frozenset(",.~-/()·:+%")
_SPACES = re.compile(r"\s+")
_ITEM_SEPARATORS = re.compile(r"\s*(?:[,/、;]|\s그리고\s|\s및\s)\s*")


def _is_kept(char: str) -> bool:
    """Letters, digits, spaces and a few meaningful punctuation marks survive; emoji do not."""
    if char.isspace() or char in _KEPT_PUNCTUATION:
        return True
    category = unicodedata.category(char)
    return category[0] in "LN"


def normalize(text: str) -> str:
    """Return `text` in NFKC form with emoji and symbols removed and spaces collapsed."""
    folded = unicodedata.normalize("NFKC", text).translate(_TILDES)
    kept = "".join(char if _is_kept(char) else " " for char in folded)
    return _SPACES.sub(" ", kept).strip()


# "Anything is fine" phrases, spaceless: an answer that names nothing in particular.
ANYTHING_PHRASES: tuple[str, ...] = (
    "무관", "상관없", "상관안", "상관x", "아무거나", "아무거라도", "아무래도괜찮", "다좋",
    "다괜찮", "다가능", "다돼", "다됩", "다해요", "다할수", "모두좋", "모두괜찮", "모두가능",
    "전부좋", "전부괜찮", "전부가능", "뭐든", "뭐라도", "어떤형태든", "어느것이든",
    "가리지않", "안가려", "안가림", "상관없음", "아무일", "무슨일이든", "어떤일이든",
)  # fmt: skip


def says_anything(text: str) -> bool:
    """Whether an answer opens with "anything is fine" ("아무거나요", "상관없어요")."""
    return compact(text).casefold().startswith(ANYTHING_PHRASES)


def split_items(text: str) -> list[str]:
    """Split a typed list ("수원시, 화성시", "경비/시설관리") into its non-empty items."""
    items = (
        item.strip()
        for line in text.splitlines()
        for item in _ITEM_SEPARATORS.split(f" {normalize(line)} ")
    )
    return [item for item in items if item]


def compact(text: str) -> str:
    """Return `normalize(text)` without spaces, for comparing "품질 관리" with "품질관리"."""
    return normalize(text).replace(" ", "")
