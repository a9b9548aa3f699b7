"""One new posting against every seeker, for alerts: who should hear about it, best first.

Looping over 100,000 seekers in Python for every new posting would be the slow part, so the
seekers are indexed (and the index kept up to date between calls): every distinct title
string, and which seekers wrote it. A new posting is related to
the distinct strings once; only the seekers who wrote a related one are looked at further.
"""

import datetime
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from matching.fit import PreparedSeeker, cheap_parts, finish, make_match
from matching.matches import Match, SeekerFacts
from matching.posting_index import PostingIndex
from matching.ranking import EPSILON
from matching.regionfit import ANYWHERE, Neighbours, acceptance
from matching.scoring import (
    FUZZY_CUTOFF,
    MIN_RELEVANCE,
    Source,
    fuzzy_fit,
    is_match,
    make_source,
    term_relation,
)
from matching.similarity import jamo, similar_pairs, similarity_passes
from matching.titles import RELATED


class SeekerIndex:
    """Distinct desired-job and career strings, and the keys of the seekers using each.

    Kept between calls: each call brings it up to date by the seekers whose facts are not
    the same objects as last time (a tick reloads only the people who changed), so 50 edits
    among 100,000 seekers cost 50 updates, not a rebuild."""

    def __init__(self) -> None:
        self.facts: dict[str, SeekerFacts] = {}
        self.writers: dict[str, set[str]] = {}
        self.sources: dict[str, Source] = {}

    def update(self, seekers: Sequence[SeekerFacts]) -> None:
        """Index exactly `seekers` from now on."""
        facts = self.facts
        for seeker in seekers:
            kept = facts.get(seeker.key)
            if kept is not seeker:
                if kept is not None:
                    self._remove(kept)
                self._add(seeker)
        if len(facts) != len(seekers):
            present = {seeker.key for seeker in seekers}
            for gone in [facts[key] for key in facts if key not in present]:
                self._remove(gone)

    def _add(self, seeker: SeekerFacts) -> None:
        self.facts[seeker.key] = seeker
        for text in _titles(seeker):
            self.writers.setdefault(text, set()).add(seeker.key)
            if text not in self.sources and (source := make_source(True, text, None)):
                self.sources[text] = source

    def _remove(self, seeker: SeekerFacts) -> None:
        del self.facts[seeker.key]
        for text in _titles(seeker):
            keys = self.writers[text]
            keys.discard(seeker.key)
            if not keys:
                del self.writers[text]
                self.sources.pop(text, None)


def _titles(seeker: SeekerFacts) -> set[str]:
    return {*seeker.desired_jobs, *(text for text, _ in seeker.careers)}


_index = SeekerIndex()
_index_lock = threading.Lock()


@contextmanager
def seeker_index(seekers: Sequence[SeekerFacts]) -> Iterator[SeekerIndex]:
    """The process's index, brought up to `seekers` and held for this caller alone (ticks
    match in worker threads)."""
    with _index_lock:
        _index.update(seekers)
        yield _index


class _Relations:
    """Relation of every distinct title to the one posting in `index`."""

    def __init__(self, index: PostingIndex, seekers: SeekerIndex) -> None:
        self._index = index
        fuzzy: dict[str, float] = {}
        for queries, choice_ids in similarity_passes(
            seekers.sources.values(), index.form_texts, index.form_has_terms
        ):
            # One posting has a handful of forms: compare each against the seekers' forms.
            for form_id in choice_ids:
                found = similar_pairs([index.form_texts[form_id]], queries, cutoff=FUZZY_CUTOFF)
                for position, score in found[0]:
                    form = queries[position]
                    fuzzy[form] = max(fuzzy.get(form, 0.0), fuzzy_fit(score))
        self._fuzzy = fuzzy
        self._by_text: dict[str, tuple[float, bool, bool]] = {}
        self.relevant: list[str] = []
        """Titles related enough that a seeker who wrote one may be matched."""
        for text, source in seekers.sources.items():
            found_relation = self._compute(source)
            self._by_text[source.text] = found_relation
            value, _, reached = found_relation
            if reached and value >= MIN_RELEVANCE - EPSILON:
                self.relevant.append(text)

    def _compute(self, source: Source) -> tuple[float, bool, bool]:
        """(relation, trade shared, reached): reached means ranking would consider the pair."""
        index = self._index
        fuzzy = max((self._fuzzy.get(jamo(f), 0.0) for f, _ in source.terms.forms), default=0.0)
        value, trade = term_relation(
            source,
            index.terms[0],
            index.qualifiers[0],
            index.context[0],
            index.title_keys[0],
            index.term_sets[0],
        )
        reached = fuzzy > 0.0 or any(
            title in RELATED[ours] for ours, _ in source.terms.terms for title, _ in index.terms[0]
        )
        return max(value, fuzzy), trade, reached

    def of(self, source: Source) -> tuple[float, bool, bool]:
        found = self._by_text.get(source.text)
        if found is None:
            found = self._by_text[source.text] = self._compute(source)
        return found


def _may_pass(facts: SeekerFacts, index: PostingIndex, today: datetime.date) -> bool:
    """The age filter straight from the facts, before preparing a seeker.

    Exactly the check `cheap_parts` makes first; preparing a seeker in full costs far more
    than this lookup.
    """
    age = today.year - facts.birth_year if facts.birth_year else None
    return index.age_points(age)[0] is not None


def seekers_for(
    posting_index: PostingIndex,
    seekers: Sequence[SeekerFacts],
    today: datetime.date,
    neighbours: Neighbours,
) -> list[tuple[str, Match]]:
    """(seeker key, match) for everyone the index's one posting fits, best first."""
    with seeker_index(seekers) as index:
        return _seekers_for(posting_index, index, today, neighbours)


def _seekers_for(
    posting_index: PostingIndex,
    index: SeekerIndex,
    today: datetime.date,
    neighbours: Neighbours,
) -> list[tuple[str, Match]]:
    relations = _Relations(posting_index, index)
    candidates: set[str] = set()
    for text in relations.relevant:
        candidates.update(index.writers[text])
    region_keys = posting_index.keys[0]
    found: list[tuple[float, str, Match]] = []
    for key in candidates:
        facts = index.facts[key]
        accept = acceptance(tuple(facts.regions), neighbours)
        if accept is None:
            tier = ANYWHERE
        else:
            tier = max((accept.get(k, -1.0) for k in region_keys), default=-1.0)
            if tier < 0.0:
                continue
        if not _may_pass(facts, posting_index, today):
            continue
        seeker = PreparedSeeker(facts, today, neighbours)
        cheap = cheap_parts(seeker, posting_index, 0, tier) if seeker.sources else None
        if cheap is None:
            continue
        values: list[float] = []
        shared: list[bool] = []
        reached = False
        for source in seeker.sources:
            value, trade, reach = relations.of(source)
            values.append(value)
            shared.append(trade)
            reached = reached or reach
        if not reached:
            continue
        score = finish(seeker, posting_index, 0, cheap, (values, shared))
        if score is None or not is_match(score, values):
            continue
        match = make_match(seeker, posting_index, 0, score, tier, (values, shared))
        found.append((-score, key, match))
    found.sort(key=lambda item: item[:2])
    return [(key, match) for _, key, match in found]
