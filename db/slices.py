"""Long lists cut into slices that one statement can carry.

PostgreSQL takes at most 65,535 parameters in a statement and SQLite 32,766, so a tick
that asks about 100,000 people does it a slice at a time.
"""

from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")

IDS_PER_STATEMENT = 5_000


def slices(items: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
