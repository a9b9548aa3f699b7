"""Which postings fit a seeker, best first, with short Korean reasons: the matching engine.

A match must make sense to a senior at a glance, and no posting that truly fits may be
missed, so the hard filters drop only what is impossible (closed, a place the seeker did
not accept, an age limit that excludes them, a licence the work requires, unrelated work);
pay, employment type, experience and everything else are scored; `matching.scoring`
holds the weights and thresholds. Everything is pure: no database, no bot.

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
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar, cast

from matching.fit import PreparedSeeker
from matching.matches import Match, SeekerFacts
from matching.new_posting import seekers_for
from matching.posting_index import PostingIndex, posting_index
from matching.postings import PostingFacts, PostingText, parse_posting
from matching.ranking import rank_one
from matching.regionfit import Neighbours, default_neighbours
from matching.scoring import MIN_SCORE
from matching.similarity import distinct_sources, fuzzy_hits

__all__ = [
    "MIN_SCORE",
    "Match",
    "SeekerFacts",
    "key_and_matches",
    "rank_all",
    "rank_each",
    "rank_postings",
    "ranking",
    "seekers_for_posting",
]


_CHUNK = 2_000
"""Seekers per task when ranking in several processes (fewer when there are few seekers,
so that every worker gets some)."""

T = TypeVar("T")

_worker: (
    tuple[
        PostingIndex, datetime.date, Neighbours, int | None, Callable[[str, list[Match]], object]
    ]
    | None
) = None
"""What a worker process ranks against: the posting index it built once at start."""


def rank_all(
    seekers: Sequence[SeekerFacts],
    postings: Sequence[PostingFacts],
    *,
    today: datetime.date,
    top: int | None = 10,
    vetted_only: bool = False,
    neighbours: Neighbours | None = None,
    workers: int = 1,
) -> dict[str, list[Match]]:
    """Each seeker's best `top` postings (fewer if fewer fit, maybe none), by seeker key."""
    return dict(
        rank_each(
            seekers,
            postings,
            key_and_matches,
            today=today,
            top=top,
            vetted_only=vetted_only,
            neighbours=neighbours,
            workers=workers,
        )
    )


def rank_each(
    seekers: Sequence[SeekerFacts],
    postings: Sequence[PostingFacts | PostingText],
    render: Callable[[str, list[Match]], T],
    *,
    today: datetime.date,
    top: int | None = 10,
    vetted_only: bool = False,
    neighbours: Neighbours | None = None,
    workers: int = 1,
) -> Iterator[T]:
    """`render(seeker key, best postings)` for each seeker in turn, as soon as it is ranked.

    See `ranking` for `workers`, `render` and `neighbours`.
    """
    with ranking(
        postings,
        render,
        today=today,
        top=top,
        vetted_only=vetted_only,
        neighbours=neighbours,
        workers=workers if len(seekers) > 1 else 1,
    ) as rank:
        yield from rank(seekers)


@contextmanager
def ranking(
    postings: Sequence[PostingFacts | PostingText],
    render: Callable[[str, list[Match]], T],
    *,
    today: datetime.date,
    top: int | None = 10,
    vetted_only: bool = False,
    neighbours: Neighbours | None = None,
    workers: int = 1,
) -> Iterator[Callable[[Sequence[SeekerFacts]], Iterator[T]]]:
    """A ranker of seekers against `postings`, ready before the seekers are.

    Postings given as text are parsed here. `workers` > 1 starts that many processes
    through a fork server, never forked from the caller, so it is safe in a process with
    threads (an event loop, a database driver). They start, parse and index the postings
    while the caller is still loading its seekers; then they rank chunks of seekers and
    render each result, so output such as JSON is made on every core and only the
    rendered result travels back. Results come in input order and equal the one-process
    ones. `render` and a custom `neighbours` must then be module-level functions.
    """
    around = neighbours or default_neighbours
    if workers <= 1:
        index = posting_index(_parsed(postings), today=today, vetted_only=vetted_only)

        def rank_here(seekers: Sequence[SeekerFacts]) -> Iterator[T]:
            with _quiet_gc():
                yield from _ranked(seekers, index, today, around, top, render)

        yield rank_here
        return
    context = multiprocessing.get_context("forkserver")
    start = (list(postings), today, vetted_only, around, top, render)
    with context.Pool(workers, initializer=_start_worker, initargs=start) as pool:

        def rank_in_workers(seekers: Sequence[SeekerFacts]) -> Iterator[T]:
            size = max(1, min(_CHUNK, len(seekers) // (4 * workers)))
            chunks = [seekers[at : at + size] for at in range(0, len(seekers), size)]
            for part in pool.imap(_rank_chunk, chunks):
                yield from cast(list[T], part)  # what `render` made in the worker

        yield rank_in_workers


def _parsed(postings: Sequence[PostingFacts | PostingText]) -> list[PostingFacts]:
    return [p if isinstance(p, PostingFacts) else parse_posting(p) for p in postings]


def key_and_matches(key: str, matches: list[Match]) -> tuple[str, list[Match]]:
    """The plain `render` for `rank_each`."""
    return key, matches


def _ranked(
    seekers: Sequence[SeekerFacts],
    index: PostingIndex,
    today: datetime.date,
    around: Neighbours,
    top: int | None,
    render: Callable[[str, list[Match]], T],
) -> Iterator[T]:
    hits = fuzzy_hits(distinct_sources(seekers), index)
    for seeker in seekers:
        yield render(seeker.key, rank_one(PreparedSeeker(seeker, today, around), index, hits, top))


def _start_worker(
    postings: list[PostingFacts | PostingText],
    today: datetime.date,
    vetted_only: bool,
    around: Neighbours,
    top: int | None,
    render: Callable[[str, list[Match]], object],
) -> None:
    global _worker
    index = posting_index(_parsed(postings), today=today, vetted_only=vetted_only)
    _worker = (index, today, around, top, render)


def _rank_chunk(seekers: Sequence[SeekerFacts]) -> list[object]:
    """One worker's task: a chunk of seekers against the index built at the worker's start."""
    assert _worker is not None, "only called in a worker started by rank_each"
    index, today, around, top, render = _worker
    with _quiet_gc():
        return list(_ranked(seekers, index, today, around, top, render))


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
