"""A closed list of canonical terms that recognises what people actually type.

Seniors write the same job or licence many ways: with or without spaces ("요양 보호사"),
with synonyms ("간병인"), with typos ("품질괸리"). A `Vocabulary` maps all of those to one
canonical term, asks back when it is only fairly sure, and otherwise keeps the person's own
words: an unknown desired job is still a valid answer, just not one we can normalise.

Fuzzy matching uses `rapidfuzz.fuzz.ratio` (normalised Indel similarity) over jamo strings.
`ratio` compares whole strings, which is what we want: partial or token scorers (`WRatio`,
`partial_ratio`) reward containment, so "자동차부품 품질관리" would be pulled onto "품질관리",
losing the qualifier, and short junk would match long terms. Over jamo, one mistyped
jamo in an 11-jamo word scores about 91 (ask back), in a 13+-jamo word 92+ (accept).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from matching.hangul import to_jamo
from matching.text import compact, normalize, split_items

# How a list is said rather than written: "지게차랑 요양보호사", "1종 보통하고 지게차도 있어요".
_JOINING_ENDINGS = ("이랑", "랑", "하고", "이며", "이고", "이나", "나", "와", "과")
_JOINING_WORDS = frozenset((
    "그리고", "및", "또", "또는", "하고", "랑", "이랑", "와", "과", "있고", "있고요",
    "있구요", "갖고", "있으며",
))  # fmt: skip
_SAYING_WORDS = frozenset((
    "있어요", "있습니다", "있음", "있어", "싶어요", "싶습니다", "해요", "합니다", "요",
    "입니다", "이에요", "예요", "도",
))  # fmt: skip

CERTAIN_SCORE = 92.0
"""A fuzzy hit at or above this is taken without asking (a one-jamo slip in a long term)."""
SUGGEST_SCORE = 76.0
"""A fuzzy hit at or above this is offered back as "'X'가 맞으세요?"; below it is free text.

Just above 75, the score of any two 2-syllable words one jamo apart ("교사" vs "기사"):
those are as often different words as typos.
"""
CERTAIN_MARGIN = 3.0
"""A near-certain hit must beat the best other canonical by this much, or we ask instead."""
MAX_SUGGESTIONS = 3
MIN_FUZZY_LENGTH = 2
"""Shorter text ("일", "차") is too short to tell a typo from a different word: free text."""


@dataclass(frozen=True)
class TermResolution:
    """What a typed term resolved to, and whether the bot should confirm it with the user."""

    value: str
    certain: bool
    known: bool
    suggestions: tuple[str, ...]


def _key(text: str) -> str:
    """Return the comparison form of `text`: normalised, case-folded, letters and digits only.

    Spaces and punctuation carry no meaning in a term ("지게차 운전", "지게차-운전"), and
    Latin abbreviations are typed in any case ("itq", "QC").
    """
    return "".join(char for char in compact(text).casefold() if char.isalnum())


def _digits(text: str) -> str:
    """Return the digits of `text`: "1종" vs "2종" is a different licence, not a typo."""
    return "".join(char for char in text if char.isdigit())


class Vocabulary:
    """Canonical terms with aliases, resolved exactly first and fuzzily over jamo second.

    An alias may be listed under several canonicals on purpose ("컴활" under both grades of
    컴퓨터활용능력): typing it then asks which one is meant instead of guessing.
    """

    def __init__(
        self, entries: Mapping[str, Iterable[str]], *, ignored_suffixes: Iterable[str] = ()
    ) -> None:
        """Index `entries` (canonical term -> aliases); `ignored_suffixes` are filler endings.

        Filler endings ("자격증", "있어요", "님") say nothing about which term is meant, so
        they are dropped when the text as typed has no exact match.
        """
        self._suffixes: tuple[str, ...] = tuple(
            sorted({_key(suffix) for suffix in ignored_suffixes} - {""}, key=len, reverse=True)
        )
        self._terms: tuple[str, ...] = tuple(entries)
        self._term_set = frozenset(self._terms)
        self._aliases: dict[str, tuple[str, ...]] = {}
        canonical_keys: dict[str, str] = {}
        for term in self._terms:
            key = _key(term)
            if not key:
                raise ValueError(f"canonical term {term!r} has no letters or digits")
            if key in canonical_keys:
                raise ValueError(f"{term!r} and {canonical_keys[key]!r} are the same term")
            canonical_keys[key] = term
        # key -> canonicals it stands for, in definition order (several = ambiguous alias).
        index: dict[str, list[str]] = {key: [term] for key, term in canonical_keys.items()}
        for term in self._terms:
            aliases = tuple(entries[term])
            self._aliases[term] = aliases
            for alias in aliases:
                key = _key(alias)
                if not key:
                    raise ValueError(f"alias {alias!r} of {term!r} has no letters or digits")
                owner = canonical_keys.get(key)
                if owner is not None and owner != term:
                    raise ValueError(f"alias {alias!r} of {term!r} is the canonical {owner!r}")
                canonicals = index.setdefault(key, [])
                if term not in canonicals:
                    canonicals.append(term)
        self._index: dict[str, tuple[str, ...]] = {
            key: tuple(terms) for key, terms in index.items()
        }
        # Precomputed once: the fuzzy pass scores the query against every key's jamo.
        self._keys: tuple[str, ...] = tuple(self._index)
        self._jamo_keys: tuple[str, ...] = tuple(to_jamo(key) for key in self._keys)

    @property
    def terms(self) -> tuple[str, ...]:
        """Canonical terms in definition order (the order buttons and lists show them)."""
        return self._terms

    def __contains__(self, term: object) -> bool:
        """Whether `term` is exactly a canonical term, e.g. a value safe to store as known."""
        return term in self._term_set

    def __len__(self) -> int:
        return len(self._terms)

    def aliases(self, term: str) -> tuple[str, ...]:
        """The aliases listed for canonical `term` (KeyError if it is not canonical)."""
        return self._aliases[term]

    def resolve(self, text: str) -> TermResolution:
        """Resolve typed `text` to a canonical term, a question back, or free text.

        Exact (ignoring spaces, punctuation, case and filler endings) canonical or alias:
        certain and known; an alias shared by several canonicals asks which one.
        Fuzzy score >= CERTAIN_SCORE with a clear winner and the same digits: certain, known.
        Fuzzy score >= SUGGEST_SCORE: not certain; the canonicals are offered as suggestions.
        Anything else: accepted as typed (certain, unknown). Empty text: value "", uncertain.
        """
        cleaned = normalize(text)
        key = _key(cleaned)
        if not key:
            return TermResolution(value="", certain=False, known=False, suggestions=())
        candidates = self._strippings(key)
        for candidate in candidates:
            exact = self._index.get(candidate)
            if exact is not None:
                if len(exact) == 1:
                    return TermResolution(value=exact[0], certain=True, known=True, suggestions=())
                return self._ask(cleaned, exact)
        return self._fuzzy(cleaned, candidates[-1])

    def resolve_list(self, text: str) -> list[TermResolution]:
        """Resolve every term of a typed list, written ("지게차, 요양보호사") or said
        ("지게차랑 요양보호사 있어요").

        An item that resolves as a whole is never split; a said list is only taken apart
        when that finds a known term, so an unknown name with "과" in it stays whole.
        """
        resolutions: list[TermResolution] = []
        for item in split_items(text):
            whole = self.resolve(item)
            parts = [] if whole.known else [self.resolve(part) for part in _said_parts(item)]
            if len(parts) < 2 or not any(part.known for part in parts):
                resolutions.append(whole)
            else:
                resolutions.extend(parts)
        first_of_each: dict[str, TermResolution] = {}  # "요양보호사나 간병" names one term
        for resolution in resolutions:
            first_of_each.setdefault(resolution.value, resolution)
        return list(first_of_each.values())

    def _strippings(self, key: str) -> list[str]:
        """Return `key`, then `key` without each trailing filler ending in turn, shortest last."""
        keys = [key]
        stripped = True
        while stripped:
            stripped = False
            for suffix in self._suffixes:
                current = keys[-1]
                if current.endswith(suffix) and len(current) > len(suffix):
                    keys.append(current[: -len(suffix)])
                    stripped = True
                    break
        return keys

    def _fuzzy(self, cleaned: str, key: str) -> TermResolution:
        """Score `key` against every alias and canonical over jamo and apply the thresholds."""
        if len(key) < MIN_FUZZY_LENGTH:
            return TermResolution(value=cleaned, certain=True, known=False, suggestions=())
        hits = process.extract(
            to_jamo(key),
            self._jamo_keys,
            scorer=fuzz.ratio,
            score_cutoff=SUGGEST_SCORE,
            limit=None,
        )
        if not hits:
            return TermResolution(value=cleaned, certain=True, known=False, suggestions=())
        best_score: dict[str, float] = {}
        for _, score, position in hits:  # sorted best first, ties in definition order
            for term in self._index[self._keys[position]]:
                best_score.setdefault(term, score)
        ranked = sorted(best_score, key=lambda term: -best_score[term])
        _, top_score, top_position = hits[0]
        top_key = self._keys[top_position]
        top_terms = self._index[top_key]
        runner_up = best_score[ranked[1]] if len(ranked) > 1 else 0.0
        if (
            top_score >= CERTAIN_SCORE
            and len(top_terms) == 1
            and top_score - runner_up >= CERTAIN_MARGIN
            and _digits(key) == _digits(top_key)
        ):
            return TermResolution(value=top_terms[0], certain=True, known=True, suggestions=())
        return self._ask(cleaned, tuple(ranked))

    @staticmethod
    def _ask(cleaned: str, candidates: tuple[str, ...]) -> TermResolution:
        """Keep what was typed and offer the best canonicals for the user to confirm."""
        return TermResolution(
            value=cleaned,
            certain=False,
            known=False,
            suggestions=candidates[:MAX_SUGGESTIONS],
        )


def _said_parts(item: str) -> list[str]:
    """The parts of a list said in one sentence, without the words that join or carry it."""
    parts: list[list[str]] = [[]]
    for word in normalize(item).split():
        ending = next((e for e in _JOINING_ENDINGS if word.endswith(e) and word != e), None)
        bare = word.removesuffix("도") if len(word) > 1 else word
        if word in _JOINING_WORDS:
            parts.append([])
        elif ending is not None:
            parts[-1].append(word[: -len(ending)])
            parts.append([])
        elif word not in _SAYING_WORDS:
            parts[-1].append(bare)
    return [" ".join(words) for words in parts if words]
