"""Job titles reduced to taxonomy terms, so a posting and a career can be compared by meaning.

Both sides write titles freely: "아파트 시설관리 기사", "물류창고 야간경비 겸 미화",
"자동차부품 품질관리", "품질보증(QA) 엔지니어". Matching needs to know which taxonomy titles
(`matching.jobs`) a title is about, which of them is the job itself (the head) and which only
describes the setting (a modifier), and what words are left over (qualifiers such as
"자동차부품" or "꽃꽂이").

* Terms are found as substrings of the spaceless title, longest first, keeping only matches
  not contained in a longer one ("전기안전관리자" is 전기관리, not 전기 + 안전관리).
* Generic words ("기사", "시설", "현장", "엔지니어") count only when nothing more specific
  is in the same segment: "시설관리 기사" is 시설관리, "기사" alone is 운전기사.
* In Korean the job comes last: the last term of a segment is its head, earlier ones are
  modifiers ("물류창고 야간경비" is 경비 in a 물류 setting). Segments are split on "·", "/",
  "겸", "및"; text in brackets only modifies.
* A word with no exact term gets one fuzzy try over jamo ("품질괸리" is 품질관리).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from matching.hangul import to_jamo
from matching.jobs import JOB_FAMILIES, JOB_TITLES
from matching.text import normalize
from matching.title_data import (
    BLOCKERS,
    CLOSE_GROUPS,
    EXTRA_ALIASES,
    STOP_WORDS,
    SUFFIX_KEYS,
    WEAK_KEYS,
)

HEAD_WEIGHT = 1.0
MODIFIER_WEIGHT = 0.4
"""A modifier ("물류" in "물류창고 경비") says where the job is, not what it is."""

SAME = 1.0
CLOSE = 0.75
"""Titles one naturally moves between (품질관리 and 품질보증, 경비 and 주차관리)."""
FAMILY = 0.45
"""Same family, different work (품질관리 and 포장): related, but not what they do."""
CONTAINED = 0.9
"""One title spelled inside the other ("IT 헬프데스크" in "IT 헬프데스크 상담원")."""
GENERIC_MISMATCH = 0.6
"""A generic title whose qualifiers disagree ("꽃꽂이 강사" vs "전기 강사")."""

_FUZZY_CUTOFF = 88.0
_FUZZY_MARGIN = 3.0
_FUZZY_MIN_LENGTH = 3

_SEGMENT_SEPARATORS = re.compile(r"\s*(?:[·/,&+|]|\s겸\s|\s및\s|\s또는\s|\s혹은\s)\s*")
_BRACKETS = re.compile(r"\(([^()]*)\)")
_LATIN = re.compile(r"[a-z]")
_NOT_KEY = re.compile(r"[^0-9a-z가-힣]")


def key(text: str) -> str:
    """The comparison form of `text`: normalised, case-folded, letters and digits only."""
    return _NOT_KEY.sub("", normalize(text).casefold())


def _build_terms() -> dict[str, str]:
    terms: dict[str, str] = {}
    for title in JOB_TITLES.terms:
        terms.setdefault(key(title), title)
        for alias in JOB_TITLES.aliases(title):
            terms.setdefault(key(alias), title)
    for alias, title in EXTRA_ALIASES.items():
        terms.setdefault(key(alias), title)
    return terms


_TERMS = _build_terms()
_MAX_KEY = max(len(term_key) for term_key in _TERMS)
_FUZZY_KEYS = [term_key for term_key in _TERMS if len(term_key) >= 2]
_FUZZY_JAMO = [to_jamo(term_key) for term_key in _FUZZY_KEYS]
_FAMILY_OF: dict[str, str] = {
    title: family.key for family in JOB_FAMILIES for title in family.titles
}


def _build_related() -> dict[str, dict[str, float]]:
    """For every canonical title, the titles related to it and how closely."""
    related: dict[str, dict[str, float]] = {}
    for title, family in _FAMILY_OF.items():
        row = {
            other: FAMILY for other, other_family in _FAMILY_OF.items() if other_family == family
        }
        related[title] = row
    for group in CLOSE_GROUPS:
        for title in group:
            if title not in _FAMILY_OF:
                raise ValueError(f"close group names unknown title {title!r}")
            for other in group:
                related[title][other] = max(related[title].get(other, 0.0), CLOSE)
    for title, row in related.items():
        row[title] = SAME
    return related


RELATED: dict[str, dict[str, float]] = _build_related()
"""canonical title -> {related canonical title: SAME, CLOSE or FAMILY}."""


def family_key(title: str) -> str | None:
    """The family key of a canonical title (None for free text)."""
    return _FAMILY_OF.get(title)


@dataclass(frozen=True)
class TitleTerms:
    """What a job title is about, for matching."""

    text: str  # normalised, brackets and stop words removed: "아파트 시설관리 기사"
    segments: tuple[str, ...]  # each segment the same way: ("경리", "회계") for "경리·회계 담당"
    terms: tuple[
        tuple[str, float], ...
    ]  # (canonical title, HEAD_ or MODIFIER_WEIGHT), heads first
    qualifiers: tuple[str, ...]  # leftover words, spaceless: ("자동차부품",)
    forms: tuple[tuple[str, bool], ...]  # (spaceless text for fuzzy matching, has terms)
    compact: str = ""  # `text` without spaces, for containment checks

    @property
    def heads(self) -> tuple[str, ...]:
        return tuple(title for title, weight in self.terms if weight >= HEAD_WEIGHT)

    @property
    def families(self) -> frozenset[str]:
        """Families of the head titles: what kind of job this is."""
        return frozenset(f for title in self.heads if (f := _FAMILY_OF.get(title)) is not None)


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    title: str | None  # None: a blocker ("지점장"), which only hides the terms inside it
    weak: bool

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def _word_is_latin(text: str, start: int, end: int) -> bool:
    """Whether a Latin key at [start, end) is a whole Latin word ("qa", not the "qa" in "aqua")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not _LATIN.match(before) and not _LATIN.match(after)


def _substring_hits(text: str, spans: list[tuple[int, int]]) -> list[_Hit]:
    """The longest term (or blocker) starting at each position of `text`.

    A term may run over several words ("재고 관리") only if it starts where a word starts:
    the end of "생산관리" and the next word "과장" do not make "관리과장".
    """
    starts = {start for start, _ in spans}
    # word_end[p]: where the word holding position p ends.
    word_end = [end for start, end in spans for _ in range(start, end)]
    hits: list[_Hit] = []
    for start in range(len(text)):
        longest = len(text) if start in starts else word_end[start]
        for end in range(min(longest, start + _MAX_KEY), start + 1, -1):
            candidate = text[start:end]
            if candidate in BLOCKERS:
                hits.append(_Hit(start, end, None, weak=True))
                break
            title = _TERMS.get(candidate)
            if title is None:
                continue
            if _LATIN.match(candidate[0]) and not _word_is_latin(text, start, end):
                continue
            hits.append(_Hit(start, end, title, candidate in WEAK_KEYS))
            break
    return hits


def _find_hits(words: list[str]) -> tuple[list[_Hit], list[_Hit], list[tuple[int, int]]]:
    """Kept and weak-dropped term occurrences in the spaceless segment, and each word's span."""
    spans: list[tuple[int, int]] = []
    position = 0
    for word in words:
        spans.append((position, position + len(word)))
        position += len(word)
    hits = _substring_hits("".join(words), spans)
    for word, (start, end) in zip(words, spans, strict=True):
        if len(word) == 1 and (title := _TERMS.get(word)) is not None:
            hits.append(_Hit(start, end, title, weak=False))
    for word, (start, end) in zip(words, spans, strict=True):
        inside = [hit for hit in hits if hit.overlaps(start, end)]
        if word in STOP_WORDS or any(not hit.weak for hit in inside):
            continue
        title = _fuzzy_title(word) if not inside or _uncovered(start, end, inside) else None
        if title is not None:  # "품질괸리": the typo replaces whatever weak part it had
            hits = [hit for hit in hits if hit not in inside]
            hits.append(_Hit(start, end, title, weak=False))
    maximal = [
        hit
        for hit in hits
        if not any(
            other is not hit
            and other.start <= hit.start
            and hit.end <= other.end
            and (other.end - other.start) > (hit.end - hit.start)
            for other in hits
        )
    ]
    maximal = sorted(
        (hit for hit in maximal if hit.title is not None), key=lambda hit: (hit.start, hit.end)
    )
    if all(hit.weak for hit in maximal):
        return maximal, [], spans
    # Generic words give way to a specific one, except a generic job named last, which is
    # the head ("택시 배차 사무" is office work); suffix words never are ("시설관리 기사").
    last = maximal[-1]
    kept = [
        hit
        for hit in maximal
        if not hit.weak or (hit is last and text_of(words, hit) not in SUFFIX_KEYS)
    ]
    dropped = [hit for hit in maximal if hit not in kept]
    return kept, dropped, spans


def text_of(words: list[str], hit: _Hit) -> str:
    return "".join(words)[hit.start : hit.end]


def _uncovered(start: int, end: int, hits: list[_Hit]) -> bool:
    """Whether some of [start, end) is outside every hit."""
    return any(not any(hit.start <= p < hit.end for hit in hits) for p in range(start, end))


@lru_cache(maxsize=8192)
def _fuzzy_title(word: str) -> str | None:
    """The title a long unknown word is a typo of ("품질괸리"), if one clearly stands out."""
    if len(word) < _FUZZY_MIN_LENGTH or not re.fullmatch(r"[가-힣]+", word):
        return None
    found = process.extract(
        to_jamo(word), _FUZZY_JAMO, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=5
    )
    if not found:
        return None
    best = _TERMS[_FUZZY_KEYS[found[0][2]]]
    for _, score, index in found[1:]:
        if _TERMS[_FUZZY_KEYS[index]] != best and found[0][1] - score < _FUZZY_MARGIN:
            return None
    return best


def _words(text: str) -> list[str]:
    """Spaceless, case-folded words of `text`, without words that carry digits ("1톤").

    Stop words stay: terms are found across them ("재고 관리" is 창고관리); they are only
    left out of the forms compared by similarity and of the qualifiers.
    """
    words = []
    for raw in text.split():
        word = key(raw)
        if word and not any(char.isdigit() for char in word):
            words.append(word)
    return words


def _leftovers(words: list[str], spans: list[tuple[int, int]], hits: list[_Hit]) -> list[str]:
    """Parts of words no term covers ("해외" of "해외영업"), at least two characters long.

    `hits` includes generic words that were dropped as terms: they are not qualifiers either.
    """
    text = "".join(words)
    covered = [False] * len(text)
    for hit in hits:
        for position in range(hit.start, hit.end):
            covered[position] = True
    found: list[str] = []
    for start, end in spans:
        run = ""
        for position in range(start, end + 1):
            if position < end and not covered[position]:
                run += text[position]
                continue
            if len(run) >= 2 and run not in STOP_WORDS:
                found.append(run)
            run = ""
    return found


def _merge(terms: dict[str, float], title: str, weight: float) -> None:
    if weight > terms.get(title, 0.0):
        terms[title] = weight


@lru_cache(maxsize=65536)
def analyse_title(text: str) -> TitleTerms:
    """Analyse one job title (a posting title, a desired job or a career role)."""
    cleaned = normalize(text)
    bracketed = [inner for inner in _BRACKETS.findall(cleaned)]
    main = _BRACKETS.sub(" ", cleaned).replace("(", " ").replace(")", " ")
    terms: dict[str, float] = {}
    qualifiers: list[str] = []
    segments: list[str] = []
    forms: list[tuple[str, bool]] = []
    for segment in _SEGMENT_SEPARATORS.split(f" {main} "):
        words = _words(segment)
        if not words:
            continue
        hits, dropped, spans = _find_hits(words)
        head_end = max((hit.end for hit in hits), default=0)
        for hit in hits:
            if hit.title is not None:
                weight = HEAD_WEIGHT if hit.end == head_end else MODIFIER_WEIGHT
                _merge(terms, hit.title, weight)
        qualifiers.extend(_leftovers(words, spans, hits + dropped))
        content = [(w, span) for w, span in zip(words, spans, strict=True) if w not in STOP_WORDS]
        if not content:
            continue
        segments.append(" ".join(word for word, _ in content))
        forms.append(("".join(word for word, _ in content), bool(hits)))
        last, last_span = content[-1]
        if len(content) > 1 and not any(hit.overlaps(*last_span) for hit in hits + dropped):
            forms.append((last, False))  # an unknown head word: "미싱" of "봉제 미싱"
    # Brackets only modify ("(전기)", "(QA)"), unless the title names no job outside them:
    # "시니어 인턴 (사무보조)" is office work.
    bracket_weight = MODIFIER_WEIGHT if terms else HEAD_WEIGHT
    for inner in bracketed:
        words = _words(inner)
        if not words:
            continue
        hits, dropped, spans = _find_hits(words)
        for hit in hits:
            if hit.title is not None:
                _merge(terms, hit.title, bracket_weight)
        qualifiers.extend(_leftovers(words, spans, hits + dropped))
        if not segments:  # nothing outside the brackets: they are the title
            kept = [word for word in words if word not in STOP_WORDS]
            if kept:
                segments.append(" ".join(kept))
                forms.append(("".join(kept), bool(hits)))
    ordered = sorted(terms.items(), key=lambda item: -item[1])
    return TitleTerms(
        text=" ".join(segments),
        compact="".join(segments).replace(" ", ""),
        segments=tuple(segments),
        terms=tuple(ordered),
        qualifiers=tuple(dict.fromkeys(qualifiers)),
        forms=tuple(dict.fromkeys(forms)),
    )


def qualifiers_agree(
    ours: Iterable[str], our_text: str, theirs: Iterable[str], their_text: str
) -> bool:
    """Whether two titles' qualifiers are compatible: one side has none, or they overlap.

    A qualifier overlaps when it, or its first or last half, appears in the other side's text
    ("자동차부품" finds "자동차 브레이크 부품"); halves keep compound nouns from missing.
    """
    ours, theirs = tuple(ours), tuple(theirs)
    if not ours or not theirs:
        return True
    return any(appears(q, their_text) for q in ours) or any(appears(q, our_text) for q in theirs)


def appears(qualifier: str, text: str) -> bool:
    if qualifier in text:
        return True
    if len(qualifier) >= 4:
        half = (len(qualifier) + 1) // 2
        return qualifier[:half] in text or qualifier[half:] in text
    return False
