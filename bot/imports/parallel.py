"""Reading a large file's rows on every core while the caller stores what was read.

A 100,000-row file of profiles takes longer to read (each cell through the chat's parsers)
than to store, so batches are read ahead in worker processes started by a fork server
(never forked from this process, whose database driver runs threads) while the event loop
writes the batches already read. A small file is read in this process: starting workers
costs more than it saves.
"""

import asyncio
import multiprocessing
import os
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from bot.imports.csv_rows import Row, batches

T = TypeVar("T")


async def read_batches(
    rows: list[Row], read: Callable[[list[Row]], T], *, workers: int | None = None
) -> AsyncIterator[T]:
    """What `read` makes of each batch of `rows`, in order.

    `read` must be a module-level function (it is sent to the workers by name).
    """
    parts = list(batches(rows))
    count = min(workers or os.cpu_count() or 1, len(parts))
    if count <= 1:
        for part in parts:
            yield read(part)
        return
    loop = asyncio.get_running_loop()
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(count, mp_context=context) as pool:
        pending = [loop.run_in_executor(pool, read, part) for part in parts]
        for future in pending:
            yield await future
