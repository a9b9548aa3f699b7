"""Ranking postings for a seeker without looking at every posting.

A seeker is compared only with postings filed under job titles related to theirs (through
the taxonomy, `matching.titles.RELATED`, or fuzzy similarity of free-text titles) in places
they accept. Titles are visited best first; every candidate gets an upper bound from its
cheap exact parts plus the best its title and experience could do, and is only scored in
full if that bound can still enter the top list. The result is exactly what scoring every
posting would give, at a fraction of the cost.
"""

import heapq
from collections.abc import Sequence
from functools import lru_cache

from matching.fit import (
    PreparedSeeker,
    Relations,
    bounds,
    core,
    in_context,
    licences_held,
    make_match,
    total,
)
from matching.matches import Match
from matching.posting_index import PostingIndex
from matching.regionfit import ANYWHERE
from matching.scoring import (
    MIN_CONTAINED_LENGTH,
    MIN_RELATED_SCORE,
    MIN_RELEVANCE,
    UNKNOWN_CAREER_MONTHS,
    W_DISLIKED,
    W_EXPERIENCE,
    W_LICENCE,
    W_REGION,
    W_TITLE,
    Source,
    experience_fit,
    is_match,
    term_relation,
    title_fit,
)
from matching.similarity import FuzzyHits, jamo
from matching.title_data import GENERIC_TITLES
from matching.titles import CLOSE, CONTAINED, RELATED, SAME, analyse_title

EPSILON = 1e-6


def relation_map(
    sources: Sequence[Source],
) -> tuple[tuple[str, float, float, float, float], ...]:
    """(job title, desired, career, desired after, career after) for every related title.

    Relations are upper bounds (qualifiers are checked later). Titles come best first; the
    "after" values are the best relations of this title and every later one, which bound any
    posting first reached through them, so ranking can stop once they cannot beat the top list.
    """
    has_desired = any(source.desired for source in sources)
    best: dict[str, list[float]] = {}
    for source in sources:
        slot = 0 if source.desired else 1
        for title, value in _source_relations(source.text)[0].items():
            row = best.get(title)
            if row is None:
                row = best[title] = [0.0, 0.0]
            if value > row[slot]:
                row[slot] = value

    def fit(d: float, c: float) -> float:
        return title_fit(d if has_desired else c, c)

    ordered = sorted(best.items(), key=lambda item: -fit(*item[1]))
    after: list[tuple[float, float]] = []
    d_after = c_after = 0.0
    for _, (d, c) in reversed(ordered):
        d_after, c_after = max(d_after, d), max(c_after, c)
        after.append((d_after, c_after))
    after.reverse()
    return tuple(
        (title, d, c, d_rest, c_rest)
        for (title, (d, c)), (d_rest, c_rest) in zip(ordered, after, strict=True)
    )


@lru_cache(maxsize=1 << 16)
def _source_relations(
    text: str,
) -> tuple[
    dict[str, float],
    frozenset[str],
    frozenset[str],
    tuple[str, tuple[str, ...]] | None,
    frozenset[str],
]:
    """(relation per job title, close titles, generic titles, containment, related titles).

    `term_relation` is the reference; these give the same numbers without walking the
    taxonomy per posting. Generic titles defer to it: their relation depends on qualifiers.
    """
    terms = analyse_title(text)
    values: dict[str, float] = {}
    close: set[str] = set()
    generic: set[str] = set()
    for ours, weight in terms.terms:
        for theirs, relation in RELATED[ours].items():
            if relation == SAME and theirs in GENERIC_TITLES:
                generic.add(theirs)
            elif relation >= CLOSE:
                close.add(theirs)
            value = weight * relation
            if value > values.get(theirs, 0.0):
                values[theirs] = value
    compact = terms.compact
    names = tuple(title for title, _ in terms.terms)
    contain = (compact, names) if len(compact) >= MIN_CONTAINED_LENGTH else None
    return values, frozenset(close), frozenset(generic), contain, frozenset(values)


class _SourceMap:
    """One source's relations to every job title, and its fuzzy hits in this batch."""

    __slots__ = ("close", "contain", "fuzzy", "generic", "related", "source", "values")

    def __init__(self, source: Source, fuzzy: dict[int, float]) -> None:
        self.source = source
        self.fuzzy = fuzzy
        found = _source_relations(source.text)
        self.values, self.close, self.generic, self.contain, self.related = found


class _Ranking:
    """One seeker's pass over the index, keeping the best `top` matches in a heap."""

    def __init__(
        self, seeker: PreparedSeeker, index: PostingIndex, hits: FuzzyHits, top: int | None
    ) -> None:
        self.seeker = seeker
        self.index = index
        self.top = top
        self.maps: list[_SourceMap] = []
        for source in seeker.sources:
            found: dict[int, float] = {}
            for form, _ in source.terms.forms:
                for form_id, fit in hits.get(jamo(form), ()):
                    if fit > found.get(form_id, 0.0):
                        found[form_id] = fit
            self.maps.append(_SourceMap(source, found))
        self.map = relation_map(seeker.sources)
        # Careers that might relate to a posting: (months, related titles, map); used to
        # bound the experience part before any relation is worked out.
        self.careers = [
            (
                UNKNOWN_CAREER_MONTHS if m.source.months is None else m.source.months,
                m.related,
                m,
            )
            for m in self.maps
            if not m.source.desired
        ]
        self.heap: list[tuple[float, int, float, Relations]] = []
        self.pay_points = index.pay_points(seeker.pay, seeker.part_time)
        self.experience_max, self.rest_bound = bounds(seeker)
        self.age_points = index.age_points(seeker.age)
        self.type_points = index.type_points(seeker.types)
        self.start_points = index.start_points(seeker.available_from)

    def kth(self) -> float:
        """The score a new match must reach: the top list's last, or MIN_RELATED_SCORE."""
        heap = self.heap
        return heap[0][0] if self.top is not None and len(heap) >= self.top else MIN_RELATED_SCORE

    def evaluate(self, i: int) -> tuple[Relations, float | None]:
        """Relations and title-and-experience points (`fit.core`) for posting `i`.

        The relation of each source is exactly `term_relation` (or its fuzzy relation, if
        higher), computed from the per-source maps. The one-posting path uses the same two
        and must agree.
        """
        index = self.index
        terms, titles = index.terms[i], index.term_sets[i]
        values: list[float] = []
        shared: list[bool] = []
        for source_map in self.maps:
            if source_map.generic and not source_map.generic.isdisjoint(titles):
                value, trade = term_relation(
                    source_map.source,
                    terms,
                    index.qualifiers[i],
                    index.context[i],
                    index.title_keys[i],
                    titles,
                )
            else:
                value, trade = 0.0, False
                contain = source_map.contain
                if (
                    contain is not None
                    and contain[0] in index.title_keys[i]
                    and all(name in titles for name in contain[1])
                ):
                    value, trade = CONTAINED, True
                known = source_map.values
                for title, weight in terms:
                    relation = known.get(title)
                    if relation is not None and relation * weight > value:
                        value = relation * weight
                if not trade and not source_map.close.isdisjoint(titles):
                    trade = True
            fuzzy = source_map.fuzzy
            if fuzzy:
                for form in index.forms[i]:
                    found = fuzzy.get(form, 0.0)
                    if found > value:
                        value = found
            values.append(value)
            shared.append(trade)
        relations = (values, shared)
        return relations, core(self.seeker, index, i, relations)

    def experience_bound(self, i: int) -> float:
        """The experience part if every career that might relate to posting `i` did, fully."""
        index = self.index
        titles = index.term_sets[i]
        required, preferred = index.experience[i]
        if not self.careers:
            return W_EXPERIENCE * experience_fit(None, required, preferred)
        months = 0
        for length, related, source_map in self.careers:
            if not related.isdisjoint(titles) or self._free_hit(source_map, i):
                months += length
        return W_EXPERIENCE * experience_fit(months, required, preferred)

    def _free_hit(self, source_map: _SourceMap, i: int) -> bool:
        """Whether a relation outside the taxonomy (fuzzy, containment) may link them."""
        index = self.index
        fuzzy = source_map.fuzzy
        if fuzzy and any(form in fuzzy for form in index.forms[i]):
            return True
        contain = source_map.contain
        return contain is not None and not contain[1] and contain[0] in index.title_keys[i]

    def consider(self, candidates: dict[int, float], upper: float) -> None:
        """Score the candidates that can still enter the top list, most promising first.

        `upper` bounds their title fit. Each candidate is bounded from its exact cheap parts
        and the experience its related careers could give; they are then scored best bound
        first, so the top list fills with good matches early and the rest are cut off.
        """
        seeker, index = self.seeker, self.index
        floor = self.kth() - EPSILON
        title_room = W_TITLE * upper
        context = seeker.context_bound
        room = title_room + self.experience_max + context
        quick = title_room + self.rest_bound
        pay_points, age_points, type_points = self.pay_points, self.age_points, self.type_points
        start_points = self.start_points
        timing, has_rules, listed, families = (
            index.timing_points,
            index.has_rules,
            index.listed_keys,
            index.families,
        )
        held, disliked = seeker.held, seeker.disliked
        bounded: list[tuple[float, int, float, float]] = []
        for i, tier in candidates.items():
            region = W_REGION * tier
            if region + quick < floor:
                continue
            age = age_points[i]
            if age is None:
                continue
            if has_rules[i] and not licences_held(seeker, index, i):
                continue
            cheap = region + pay_points[i] + type_points[i] + age + timing[i] + start_points[i]
            if held and not listed[i].isdisjoint(held):
                cheap += W_LICENCE
            if disliked and not families[i].isdisjoint(disliked):
                cheap -= W_DISLIKED
            if cheap + room < floor:
                continue
            bound = cheap + title_room + self.experience_bound(i) + context
            if bound >= floor:
                bounded.append((bound, -i, tier, cheap))
        bounded.sort(reverse=True)
        heap, top = self.heap, self.top
        for bound, negative, tier, cheap in bounded:
            if bound < floor:
                return
            i = -negative
            found, points = self.evaluate(i)
            if points is None:
                continue
            base = cheap + points
            if base + context < floor:
                continue
            score = total(base, bool(context) and in_context(seeker, index, i, found[0]))
            if not is_match(score, found[0]):
                continue
            item = (score, negative, tier, found)
            if top is None or len(heap) < top:
                heapq.heappush(heap, item)
            elif item[:2] > heap[0][:2]:
                heapq.heapreplace(heap, item)
            else:
                continue
            floor = self.kth() - EPSILON

    def run(self) -> list[Match]:
        seeker, index = self.seeker, self.index
        accept = seeker.accept
        seen: set[int] = set()
        fuzzy_candidates: dict[int, float] = {}
        for source_map in self.maps:
            for form_id in source_map.fuzzy:
                for i in index.form_postings[form_id]:
                    if i in fuzzy_candidates:
                        continue
                    tier = (
                        ANYWHERE
                        if accept is None
                        else max((accept.get(k, -1.0) for k in index.keys[i]), default=-1.0)
                    )
                    if tier >= 0.0:
                        fuzzy_candidates[i] = tier
        seen.update(fuzzy_candidates)
        self.consider(fuzzy_candidates, 1.0)
        # Free-text sources can be spelled inside any title, whatever it is filed under.
        sources = seeker.sources
        free_desired = CONTAINED if any(s.desired and not s.terms.terms for s in sources) else 0.0
        free_career = (
            CONTAINED if any(not s.desired and not s.terms.terms for s in sources) else 0.0
        )
        best_tier = ANYWHERE if accept is None else max(accept.values(), default=0.0)
        accept_items = None if accept is None else list(accept.items())
        for title, _, _, d_after, c_after in self.map:
            d_after, c_after = max(d_after, free_desired), max(c_after, free_career)
            upper = title_fit(d_after if seeker.has_desired else c_after, c_after)
            bound = W_TITLE * upper + self.rest_bound
            if (
                upper < MIN_RELEVANCE - EPSILON
                or bound + W_REGION * best_tier < self.kth() - EPSILON
            ):
                break
            candidates: dict[int, float] = {}
            if accept_items is None:
                for i in index.by_term.get(title, ()):
                    if i not in seen:
                        candidates[i] = ANYWHERE
            else:
                by_key = index.by_term_key.get(title)
                if by_key is None:
                    continue
                # A place whose fit cannot lift this title into the top list is skipped.
                lowest = (self.kth() - EPSILON - bound) / W_REGION
                if accept is not None and len(by_key) < len(accept_items):  # the shorter
                    for region_key, postings in by_key.items():
                        tier = accept.get(region_key, -1.0)
                        if tier >= 0.0 and tier >= lowest:
                            for i in postings:
                                if i not in seen and candidates.get(i, -1.0) < tier:
                                    candidates[i] = tier
                else:
                    for region_key, tier in accept_items:
                        if tier >= lowest and (filed := by_key.get(region_key)):
                            for i in filed:
                                if i not in seen and candidates.get(i, -1.0) < tier:
                                    candidates[i] = tier
            seen.update(candidates)
            self.consider(candidates, upper)
        ordered = sorted(self.heap, key=lambda item: (-item[0], -item[1]))
        return [
            make_match(seeker, index, -negative, score, tier, found)
            for score, negative, tier, found in ordered
        ]


def rank_one(
    seeker: PreparedSeeker, index: PostingIndex, hits: FuzzyHits, top: int | None
) -> list[Match]:
    """The seeker's best `top` postings (all that pass if `top` is None), best first."""
    if not seeker.sources:
        return []
    return _Ranking(seeker, index, hits, top).run()
