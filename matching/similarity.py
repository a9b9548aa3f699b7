"""Fuzzy similarity between many short job titles at once, computed in C.

Titles are compared as jamo strings with `fuzz.ratio` (see `matching.vocabulary` for why
`ratio` and not a partial scorer). Only distinct strings are compared: 100,000 profiles
share a few thousand distinct titles, so the matrix is small.

`rapidfuzz.process.cdist` compares them row block by row block, so memory stays bounded,
on every core; scores are rounded to 0.1 so every path agrees exactly.
"""

from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from matching.hangul import to_jamo
from matching.matches import SeekerFacts
from matching.posting_index import PostingIndex
from matching.scoring import FUZZY_CUTOFF, Source, fuzzy_fit, make_sources

_CELLS_PER_BLOCK = 4_000_000  # 16 MB of float32 per cdist block


def similar_pairs(
    queries: Sequence[str], choices: Sequence[str], *, cutoff: float
) -> list[list[tuple[int, float]]]:
    """For each query, every (choice index, score) with `fuzz.ratio` score >= `cutoff`."""
    if not queries or not choices:
        return [[] for _ in queries]
    found: list[list[tuple[int, float]]] = [[] for _ in queries]
    rows = max(1, _CELLS_PER_BLOCK // len(choices))
    for first in range(0, len(queries), rows):
        block = process.cdist(
            queries[first : first + rows],
            choices,
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            dtype=np.float32,
            workers=-1,
        )
        for row, column in zip(*np.nonzero(block), strict=True):
            found[first + int(row)].append((int(column), round(float(block[row, column]), 1)))
    return found


def bare_similarity(queries: Sequence[str], choices: Sequence[str], *, cutoff: float) -> None:
    """The same comparisons as one bare `process.cdist` call, as a yardstick for benchmarks."""
    if not queries or not choices:
        return
    process.cdist(
        queries, choices, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8, workers=-1
    )


# --- The title-similarity stage of ranking ---------------------------------------------------

FuzzyHits = dict[str, list[tuple[int, float]]]
"""Seeker title form (jamo) -> [(posting form id, relation)] for pairs above the cutoff."""


@lru_cache(maxsize=1 << 16)
def jamo(text: str) -> str:
    return to_jamo(text)


def distinct_sources(seekers: Iterable[SeekerFacts]) -> tuple[Source, ...]:
    """One source per distinct title any seeker wrote (relations do not depend on who)."""
    texts: set[str] = set()
    for seeker in seekers:
        texts.update(seeker.desired_jobs)
        texts.update(title for title, _ in seeker.careers)
    return make_sources(sorted(texts), ())


def similarity_passes(
    sources: Iterable[Source], form_texts: Sequence[str], form_has_terms: Sequence[bool]
) -> list[tuple[list[str], list[int]]]:
    """The (queries, choice ids) to compare: only pairs where one side is free text.

    Two titles that both name taxonomy terms are judged by the taxonomy; typos inside known
    words were resolved when the title was analysed. So free-text seeker forms ("항공정비")
    meet every posting form, and named seeker forms meet free-text posting forms only.
    """
    forms: dict[str, bool] = {}
    for source in sources:
        for form, has_terms in source.terms.forms:
            key = jamo(form)
            forms[key] = forms.get(key, False) or has_terms
    free = [form for form, has_terms in forms.items() if not has_terms]
    named = [form for form, has_terms in forms.items() if has_terms]
    every = list(range(len(form_texts)))
    posting_free = [i for i in every if not form_has_terms[i]]
    return [(free, every), (named, posting_free)]


def fuzzy_hits(sources: Iterable[Source], index: PostingIndex) -> FuzzyHits:
    """The similarity stage: distinct seeker forms against distinct posting forms, in C."""
    hits: FuzzyHits = {}
    for queries, choice_ids in similarity_passes(sources, index.form_texts, index.form_has_terms):
        choices = [index.form_texts[i] for i in choice_ids]
        found_all = similar_pairs(queries, choices, cutoff=FUZZY_CUTOFF)
        for query, found in zip(queries, found_all, strict=True):
            for position, score in found:
                hits.setdefault(query, []).append((choice_ids[position], fuzzy_fit(score)))
    return hits
