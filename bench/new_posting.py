"""One new posting against every profile, as an alert would run when a posting arrives.

    .venv/bin/python bench/new_posting.py                  # 100,000 profiles, 20 new postings
    .venv/bin/python bench/new_posting.py --profiles 5000 --postings 5

The first call pays for analysing every distinct title in the process and indexing the
seekers; later calls with the same seeker objects reuse that index, and calls with freshly
built seeker objects (every profile reloaded) index them all again. An alert tick reloads
only who changed, and the index is updated for those (`bench/alert_ticks.py`).
Figures, not a test.
"""

import argparse
import dataclasses
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # bench/ is not a package: found through sys.path

from matching.engine import SeekerFacts, seekers_for_posting
from matching.new_posting import seeker_index
from matching.posting_index import PostingIndex
from matching.postings import PostingFacts, parse_posting
from matching.scoring import FUZZY_CUTOFF
from matching.similarity import bare_similarity, similar_pairs, similarity_passes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--postings", type=int, default=20, help="new postings to try")
    args = parser.parse_args()

    seekers = synthetic.seekers(args.profiles)
    texts = synthetic.arriving_postings(args.postings)
    postings = [parse_posting(text) for text in texts]

    def run(posting: PostingFacts, people: list[SeekerFacts]) -> tuple[float, int]:
        start = time.perf_counter()
        found = seekers_for_posting(posting, people, today=synthetic.TODAY, vetted_only=False)
        return time.perf_counter() - start, len(found)

    first, _ = run(postings[0], seekers)
    warm: list[float] = []
    alerted: list[int] = []
    for posting in postings:
        elapsed, count = run(posting, seekers)
        warm.append(elapsed)
        alerted.append(count)
    fresh: list[float] = []
    for posting in postings[: max(1, args.postings // 4)]:
        copies = [dataclasses.replace(seeker) for seeker in seekers]
        fresh.append(run(posting, copies)[0])

    # The similarity stage for one posting, next to a bare rapidfuzz call over the same strings.
    index = PostingIndex([postings[0]], today=synthetic.TODAY, vetted_only=False)
    with seeker_index(seekers) as seeker_titles:
        sources = list(seeker_titles.sources.values())
    passes = [
        (queries, [index.form_texts[i] for i in choices])
        for queries, choices in similarity_passes(sources, index.form_texts, index.form_has_terms)
    ]
    stage_start = time.perf_counter()
    for queries, choices in passes:
        for choice in choices:
            similar_pairs([choice], queries, cutoff=FUZZY_CUTOFF)
    stage = time.perf_counter() - stage_start
    bare_start = time.perf_counter()
    for queries, choices in passes:
        bare_similarity(choices, queries, cutoff=FUZZY_CUTOFF)
    bare = time.perf_counter() - bare_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"profiles                      {args.profiles:,}; {len(postings)} new postings")
    print(f"first call (cold process)     {first:6.3f} s")
    print(
        f"same seekers, index reused    median {statistics.median(warm):6.3f} s, "
        f"max {max(warm):6.3f} s   <- one new posting"
    )
    print(
        f"fresh seeker objects          median {statistics.median(fresh):6.3f} s, "
        f"max {max(fresh):6.3f} s"
    )
    print(f"profiles alerted per posting  median {statistics.median(alerted):,.0f}")
    yardstick = "process.cdist"
    print(f"title similarity stage        {stage:6.4f} s over {len(sources):,} distinct titles")
    print(f"  bare {yardstick}  {bare:6.4f} s   ratio {stage / max(bare, 1e-9):.2f}")
    print(f"peak memory                   {peak:6.0f} MiB")


if __name__ == "__main__":
    main()
