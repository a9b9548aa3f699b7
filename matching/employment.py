"""Employment types a senior is willing to take, parsed from buttons or free text.

Answers come as button labels ("정규직"), lists ("계약직, 시간제", "정규직 또는 계약직"),
everyday words ("알바", "일당"), "don't mind" phrases ("상관없어요", "다 좋아요") and
exclusions ("일용직 말고"). Keywords are found anywhere in the spaceless text, so
"단기 계약직", "계약직이요" and "정규직계약직" all work; leftover words get one fuzzy try
for typos ("게약직").
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from matching.text import ANYTHING_PHRASES, normalize
from matching.vocabulary import Vocabulary


class EmploymentType(StrEnum):
    """Employment types as stored; values are stable English keys."""

    FULL_TIME = "full_time"
    CONTRACT = "contract"
    PART_TIME = "part_time"
    DAILY = "daily"
    FREELANCE = "freelance"


EMPLOYMENT_LABELS: Mapping[EmploymentType, str] = MappingProxyType(
    {
        EmploymentType.FULL_TIME: "정규직",
        EmploymentType.CONTRACT: "계약직",
        EmploymentType.PART_TIME: "시간제",
        EmploymentType.DAILY: "일용직",
        EmploymentType.FREELANCE: "프리랜서",
    }
)
"""Short Korean labels for buttons and display, in button order."""


@dataclass(frozen=True)
class EmploymentAnswer:
    """The accepted types; `any_type` (with empty `types`) means the person does not mind."""

    types: tuple[EmploymentType, ...]
    any_type: bool


_T = EmploymentType
# Keywords as they appear in spaceless, case-folded text. Longer keywords win where they
# overlap ("비정규직" before "정규직", "무기계약" before "계약").
_KEYWORDS: dict[str, EmploymentType] = {
    "정규직": _T.FULL_TIME, "정규": _T.FULL_TIME, "정직원": _T.FULL_TIME,
    "정사원": _T.FULL_TIME, "풀타임": _T.FULL_TIME, "상용직": _T.FULL_TIME,
    "전일제": _T.FULL_TIME, "무기계약": _T.FULL_TIME, "fulltime": _T.FULL_TIME,
    "full-time": _T.FULL_TIME,
    "계약직": _T.CONTRACT, "계약": _T.CONTRACT, "기간제": _T.CONTRACT,
    "촉탁": _T.CONTRACT, "임시직": _T.CONTRACT, "비정규": _T.CONTRACT,
    "비정규직": _T.CONTRACT, "파견": _T.CONTRACT, "용역": _T.CONTRACT,
    "시간제": _T.PART_TIME, "파트타임": _T.PART_TIME, "파트타이머": _T.PART_TIME,
    "아르바이트": _T.PART_TIME, "알바": _T.PART_TIME, "단시간": _T.PART_TIME,
    "시간선택제": _T.PART_TIME, "반일제": _T.PART_TIME, "반일": _T.PART_TIME,
    "parttime": _T.PART_TIME, "part-time": _T.PART_TIME, "주1일": _T.PART_TIME,
    "주2일": _T.PART_TIME, "주3일": _T.PART_TIME, "주4일": _T.PART_TIME, "격일": _T.PART_TIME,
    "주말만": _T.PART_TIME, "단기": _T.CONTRACT,
    "일용직": _T.DAILY, "일용": _T.DAILY, "일당": _T.DAILY, "일당직": _T.DAILY,
    "프리랜서": _T.FREELANCE, "프리랜스": _T.FREELANCE, "프리": _T.FREELANCE,
    "위촉": _T.FREELANCE, "도급": _T.FREELANCE, "외주": _T.FREELANCE,
    "개인사업자": _T.FREELANCE, "3.3": _T.FREELANCE,
}  # fmt: skip


# A keyword directly followed by one of these is excluded: "일용직 말고", "알바는 싫어요".
# "아니면" is deliberately absent: "정규직 아니면 계약직" offers both.
_EXCLUSION = re.compile(
    r"(?:은|는|이|가|만|도|을|를|직)?"
    r"(?:말고|빼고|제외|싫|아닌|아니고|안돼|안됨|안해|안함|안할|못해|불가|별로|x)"
)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_KEYWORD_PATTERN = re.compile(rf"(?<!아)(?:{_alternation(list(_KEYWORDS))})")
"""The lookbehind keeps "아파트" from reading as "파트"(-타임)."""
_ANY_PATTERN = re.compile(_alternation(list(ANYTHING_PHRASES)))
"""Only used when no type is named: "정규직, 계약직 다 좋아요" means those two, not anything."""

# Typo fallback for words no keyword covered ("게약직", "졍규직").
_FUZZY = Vocabulary(
    {
        "정규직": ("정규", "정직원", "풀타임"),
        "계약직": ("계약", "기간제", "촉탁직"),
        "시간제": ("파트타임", "아르바이트", "알바", "단시간"),
        "일용직": ("일당", "일용"),
        "프리랜서": ("위촉직", "도급", "외주"),
    },
    ignored_suffixes=("이요", "요", "이나", "나", "도", "이면", "면", "으로", "로", "만", "이든"),
)
_TYPE_BY_LABEL: dict[str, EmploymentType] = {
    label: kind for kind, label in EMPLOYMENT_LABELS.items()
}
_MIN_GUESSED_WORD = 3
_WORD_PUNCTUATION = re.compile(r"[,./~\-()·:+%]+")


@dataclass(frozen=True)
class _Mention:
    position: int
    kind: EmploymentType
    excluded: bool


def _fuzzy_type(word: str) -> EmploymentType | None:
    """Return the type `word` is a typo of, if the match points at a single type.

    A mere "maybe" is accepted here (the five types look nothing alike) but only for words
    of 3+ characters: shorter ones are more often other words ("시간 상관없어요").
    """
    resolution = _FUZZY.resolve(word)
    if resolution.known:
        return _TYPE_BY_LABEL[resolution.value]
    if (
        len(word) >= _MIN_GUESSED_WORD
        and not resolution.certain
        and len(resolution.suggestions) == 1
    ):
        return _TYPE_BY_LABEL[resolution.suggestions[0]]
    return None


def _mentions(text: str) -> tuple[list[_Mention], bool]:
    """Find every type mentioned in `text`, in order, and whether a "don't mind" was said."""
    words = text.casefold().split()
    spaceless = "".join(words)
    covered: set[int] = set()
    mentions: list[_Mention] = []
    for match in _KEYWORD_PATTERN.finditer(spaceless):
        excluded = _EXCLUSION.match(spaceless, match.end())
        end = excluded.end() if excluded else match.end()
        covered.update(range(match.start(), end))
        mentions.append(_Mention(match.start(), _KEYWORDS[match.group()], excluded is not None))
    any_matches = list(_ANY_PATTERN.finditer(spaceless))
    for match in any_matches:
        covered.update(range(match.start(), match.end()))
    offset = 0
    for word in words:
        span = range(offset, offset + len(word))
        offset += len(word)
        if covered.intersection(span):
            continue
        for part in _WORD_PUNCTUATION.split(word):
            kind = _fuzzy_type(part) if part else None
            if kind is not None:
                mentions.append(_Mention(span.start, kind, excluded=False))
    mentions.sort(key=lambda mention: mention.position)
    return mentions, bool(any_matches)


def parse_employment_types(text: str) -> EmploymentAnswer | None:
    """Parse which employment types are acceptable; None when nothing was understood.

    Named types win over "don't mind" phrases; words that are not understood are ignored as
    long as something was. Only exclusions ("일용직 말고") mean every other type.
    """
    mentions, any_type = _mentions(normalize(text))
    excluded = {mention.kind for mention in mentions if mention.excluded}
    included: list[EmploymentType] = []
    for mention in mentions:
        if not mention.excluded and mention.kind not in excluded and mention.kind not in included:
            included.append(mention.kind)
    if included:
        return EmploymentAnswer(types=tuple(included), any_type=False)
    if excluded:
        others = tuple(kind for kind in EmploymentType if kind not in excluded)
        return EmploymentAnswer(types=others, any_type=False) if others else None
    if any_type:
        return EmploymentAnswer(types=(), any_type=True)
    return None
