"""Locks shared across processes on PostgreSQL; on SQLite (one process) always granted."""

import asyncio

from bot.runner import database
from db.locks import LockSpace, shared_lock
from tests.conftest import ON_POSTGRES


async def test_a_tick_is_taken_by_one_process_at_a_time(database_url: str) -> None:
    """Two engines stand for two processes: while one holds a tick, the other skips it."""
    async with database(database_url) as one, database(database_url) as two:
        async with shared_lock(one, LockSpace.TICK, "alerts", wait=False) as first:
            assert first
            async with shared_lock(two, LockSpace.TICK, "alerts", wait=False) as second:
                assert second is not ON_POSTGRES
            async with shared_lock(two, LockSpace.TICK, "digests", wait=False) as other:
                assert other  # another tick is free
            async with shared_lock(two, LockSpace.CHAT, "alerts", wait=False) as chat:
                assert chat  # the same name in another space is another lock
        async with shared_lock(two, LockSpace.TICK, "alerts", wait=False) as after:
            assert after  # released on leaving


async def test_a_chat_waits_for_its_turn_in_another_process(database_url: str) -> None:
    async with database(database_url) as one, database(database_url) as two:
        happened: list[str] = []
        released, entered = asyncio.Event(), asyncio.Event()

        async def first() -> None:
            async with shared_lock(one, LockSpace.CHAT, "42", wait=True):
                happened.append("first in")
                entered.set()
                await released.wait()
                happened.append("first out")

        async def second() -> None:
            async with shared_lock(two, LockSpace.CHAT, "42", wait=True):
                happened.append("second in")

        holding = asyncio.create_task(first())
        await entered.wait()
        waiting = asyncio.create_task(second())
        await asyncio.sleep(0.2)
        expected_meanwhile = ["first in"] if ON_POSTGRES else ["first in", "second in"]
        assert happened == expected_meanwhile
        released.set()
        await asyncio.gather(holding, waiting)
        assert sorted(happened) == ["first in", "first out", "second in"]
