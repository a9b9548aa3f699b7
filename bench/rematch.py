"""Full rematch: every profile against every open posting, as a nightly job would run it.

    .venv/bin/python bench/rematch.py                      # 100,000 profiles x 10,000 postings
    .venv/bin/python bench/rematch.py --profiles 2000 --postings 1000 --workers 1

Prints wall times per stage, peak memory, and how the title-similarity stage compares with a
bare rapidfuzz call over the same strings in the same run. Figures, not a test.
"""

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # bench/ is not a package: found through sys.path

from matching.engine import rank_all
from matching.posting_index import posting_index
from matching.postings import parse_posting
from matching.scoring import FUZZY_CUTOFF
from matching.similarity import (
    bare_similarity,
    distinct_sources,
    fuzzy_hits,
    similarity_passes,
)


def peak_mib() -> tuple[float, float]:
    """Peak resident memory of this process and of its (finished) worker processes, MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--postings", type=int, default=10_000)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    texts = synthetic.postings(args.postings)
    seekers = synthetic.seekers(args.profiles)
    generated = time.perf_counter()
    postings = [parse_posting(text) for text in texts]
    parsed = time.perf_counter()

    # The similarity stage on its own, next to a bare rapidfuzz call over the same strings.
    index = posting_index(postings, today=synthetic.TODAY, vetted_only=False)
    indexed = time.perf_counter()
    sources = distinct_sources(seekers)
    stage_start = time.perf_counter()
    fuzzy_hits(sources, index)
    stage = time.perf_counter() - stage_start
    passes = [
        (queries, [index.form_texts[i] for i in choices])
        for queries, choices in similarity_passes(sources, index.form_texts, index.form_has_terms)
    ]
    bare_start = time.perf_counter()
    for queries, choices in passes:
        bare_similarity(queries, choices, cutoff=FUZZY_CUTOFF)
    bare = time.perf_counter() - bare_start
    pairs = sum(len(queries) * len(choices) for queries, choices in passes)

    ranking_start = time.perf_counter()
    ranked = rank_all(seekers, postings, today=synthetic.TODAY, top=args.top, workers=args.workers)
    ranking = time.perf_counter() - ranking_start
    own, children = peak_mib()

    counts = [len(matches) for matches in ranked.values()]
    print(f"profiles x postings       {args.profiles:,} x {args.postings:,} ({len(index):,} open)")
    print(f"generate synthetic data   {generated - started:7.2f} s")
    print(f"parse postings            {parsed - generated:7.2f} s")
    print(f"index postings            {indexed - parsed:7.2f} s")
    print(f"rank_all (workers={args.workers})     {ranking:7.2f} s   <- full rematch")
    print(f"  per profile             {ranking / args.profiles * 1e6:7.0f} us")
    print(f"rematch incl. parsing     {ranking + indexed - generated:7.2f} s")
    print(
        f"title similarity stage    {stage:7.3f} s over {len(sources):,} distinct titles, "
        f"{pairs:,} string pairs"
    )
    yardstick = "process.cdist"
    print(f"  bare {yardstick}  {bare:7.3f} s   ratio {stage / bare:.2f}")
    print(f"peak memory               {own:7.0f} MiB (workers: {children:.0f} MiB each at most)")
    print(
        f"matches per profile       mean {statistics.mean(counts):.1f}, "
        f"none for {counts.count(0) / len(counts):.1%}, full top-{args.top} for "
        f"{counts.count(args.top) / len(counts):.1%}"
    )


if __name__ == "__main__":
    main()
