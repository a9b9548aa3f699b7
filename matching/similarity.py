"""Fuzzy similarity between many short job titles at once, computed in C.

Titles are compared as jamo strings with `fuzz.ratio` (see `matching.vocabulary` for why
`ratio` and not a partial scorer). Only distinct strings are compared: 100,000 profiles
share a few thousand distinct titles, so the matrix is small.

`rapidfuzz.process.cdist` needs numpy. Where numpy is installed it is used, row block by
row block so memory stays bounded, on every core; otherwise each query is scored against
all choices with `process.extract`, whose loop over choices is also in C. Both return the
same scores, rounded to 0.1 so they agree exactly.
"""

from collections.abc import Sequence
from importlib.util import find_spec

from rapidfuzz import fuzz, process

HAS_NUMPY = find_spec("numpy") is not None
_CELLS_PER_BLOCK = 4_000_000  # 16 MB of float32 per cdist block


def similar_pairs(
    queries: Sequence[str], choices: Sequence[str], *, cutoff: float
) -> list[list[tuple[int, float]]]:
    """For each query, every (choice index, score) with `fuzz.ratio` score >= `cutoff`."""
    if not queries or not choices:
        return [[] for _ in queries]
    if HAS_NUMPY:
        return _with_cdist(queries, choices, cutoff)
    return [
        [
            (index, round(score, 1))
            for _, score, index in process.extract(
                query, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
            )
        ]
        for query in queries
    ]


def _with_cdist(
    queries: Sequence[str], choices: Sequence[str], cutoff: float
) -> list[list[tuple[int, float]]]:
    import numpy as np

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
    """The same comparisons in one call and no bookkeeping, as a yardstick for benchmarks.

    That is `process.cdist` where numpy is installed, else the `process.extract` loop.
    """
    if not queries or not choices:
        return
    if HAS_NUMPY:
        import numpy as np

        process.cdist(
            queries, choices, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8, workers=-1
        )
        return
    for query in queries:
        process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
