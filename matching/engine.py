"""Which postings fit a seeker, best first, with short Korean reasons: the matching engine.

A match must make sense to a senior at a glance, so postings pass hard filters first (still
open, a place the seeker accepts, pay not far below the asked minimum, age inside a hard
limit, the required licences, an acceptable employment type, related work at all) and are
then scored; `matching.scoring` holds the weights and thresholds. Everything is pure: no
database, no bot.

* `rank_postings`: one seeker's matches; it is `rank_all` for a single seeker.
* `rank_all`: every seeker's top matches. Postings are indexed once (`PostingIndex`),
  distinct title strings are compared once (`matching.similarity`), and each seeker only
  reaches postings under related titles in accepted places (`matching.ranking`).
* `seekers_for_posting`: one new posting against everyone, for alerts; a seeker gets it
  exactly when `rank_postings` would list it for them, with the same score.

Region neighbours come from `matching.region_neighbours` unless a `neighbours` callable is
passed (tests pass their own map).
"""

import datetime
import gc
import multiprocessing
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from matching.fit import PreparedSeeker
from matching.matches import Match, SeekerFacts
from matching.new_posting import seekers_for
from matching.posting_index import PostingIndex, posting_index
from matching.postings import PostingFacts
from matching.ranking import rank_one
from matching.regionfit import Neighbours, default_neighbours
from matching.scoring import MIN_SCORE
from matching.similarity import FuzzyHits, distinct_sources, fuzzy_hits

__all__ = [
    "MIN_SCORE",
    "Match",
    "SeekerFacts",
    "rank_all",
    "rank_postings",
    "seekers_for_posting",
]


_CHUNK = 2_000
"""Seekers per task when ranking in several processes."""

_job: tuple[Sequence[SeekerFacts], PostingIndex, FuzzyHits, datetime.date, Neighbours, int] | None
_job = None
"""What forked workers rank: set just before the fork, so nothing is pickled to them."""


def rank_all(
    seekers: Sequence[SeekerFacts],
    postings: Sequence[PostingFacts],
    *,
    today: datetime.date,
    top: int = 10,
    vetted_only: bool = False,
    neighbours: Neighbours | None = None,
    workers: int = 1,
) -> dict[str, list[Match]]:
    """Each seeker's best `top` postings (fewer if fewer fit, maybe none), by seeker key.

    `workers` > 1 ranks in that many forked processes (Linux; the result is identical). Only
    use it from a process without threads, such as a nightly command, never from the bot.
    """
    global _job
    index = posting_index(postings, today=today, vetted_only=vetted_only)
    around = neighbours or default_neighbours
    hits = fuzzy_hits(distinct_sources(seekers), index)
    if workers <= 1 or len(seekers) < 2:
        with _quiet_gc():
            return {
                seeker.key: rank_one(PreparedSeeker(seeker, today, around), index, hits, top)
                for seeker in seekers
            }
    _job = (seekers, index, hits, today, around, top)
    gc.freeze()  # workers then never touch (and so never copy) the parent's objects for GC
    try:
        chunk = max(1, min(_CHUNK, len(seekers) // (4 * workers)))
        ranges = [(start, start + chunk) for start in range(0, len(seekers), chunk)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_rank_range, ranges, chunksize=1)
    finally:
        _job = None
        gc.unfreeze()
    return {key: matches for part in parts for key, matches in part}


@contextmanager
def _quiet_gc() -> Iterator[None]:
    """Pause the cycle collector while ranking: it allocates millions of small objects but
    no cycles, so reference counting frees everything and the collector's passes over
    every live object are pure overhead (about 5-10%)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _rank_range(bounds: tuple[int, int]) -> list[tuple[str, list[Match]]]:
    """One worker's share of `rank_all`: the seekers in [start, end)."""
    assert _job is not None, "only called in a worker forked by rank_all"
    seekers, index, hits, today, around, top = _job
    start, end = bounds
    with _quiet_gc():
        return [
            (seeker.key, rank_one(PreparedSeeker(seeker, today, around), index, hits, top))
            for seeker in seekers[start:end]
        ]


def rank_postings(
    seeker: SeekerFacts,
    postings: Sequence[PostingFacts],
    *,
    today: datetime.date,
    top: int | None = None,
    vetted_only: bool = False,
    neighbours: Neighbours | None = None,
) -> list[Match]:
    """The postings that fit `seeker`, best first; all of them unless `top` is given."""
    index = posting_index(postings, today=today, vetted_only=vetted_only)
    prepared = PreparedSeeker(seeker, today, neighbours or default_neighbours)
    return rank_one(prepared, index, fuzzy_hits(prepared.sources, index), top)


def seekers_for_posting(
    posting: PostingFacts,
    seekers: Sequence[SeekerFacts],
    *,
    today: datetime.date,
    vetted_only: bool = True,
    neighbours: Neighbours | None = None,
) -> list[tuple[str, Match]]:
    """(seeker key, match) for everyone a new posting fits, best first (ties: input order).

    Only seekers who wrote a title related to the posting are looked at (`matching.new_posting`);
    pass the same seeker objects again and their index is reused.
    """
    index = PostingIndex([posting], today=today, vetted_only=vetted_only)
    if not len(index):
        return []
    return seekers_for(index, seekers, today, neighbours or default_neighbours)
