"""Locks shared by every process on one database: PostgreSQL advisory locks.

Several `encore` processes can serve one bot from one PostgreSQL database. A person's
updates must still take turns across them, and a scheduler tick must run in one process
at a time; an advisory lock does both without a coordination service. It is held by a
connection of its own, so a process that dies (even by SIGKILL) releases it as its
connection drops. SQLite serves one process, whose own locks suffice: there the lock is
granted at once.
"""

import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from enum import IntEnum

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker


class LockSpace(IntEnum):
    """The first half of an advisory lock's key, so chats and ticks never share a lock."""

    CHAT = 1
    TICK = 2
    MIGRATE = 3


@asynccontextmanager
async def shared_lock(
    sessions: async_sessionmaker[AsyncSession], space: LockSpace, name: str, *, wait: bool
) -> AsyncIterator[bool]:
    """Hold the lock called `name` in `space` while inside; yields whether it was taken.

    With `wait` the caller queues for it; without, it is taken only if free. Names are
    hashed into PostgreSQL's 32-bit key: two names that collide merely take turns.
    """
    engine: AsyncEngine = sessions.kw["bind"]
    if engine.dialect.name != "postgresql":
        yield True
        return
    key = {"space": int(space), "key": zlib.crc32(name.encode()) - 2**31}
    async with engine.connect() as connection:
        autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
        if wait:
            await autocommit.execute(text("SELECT pg_advisory_lock(:space, :key)"), key)
            taken = True
        else:
            lock = text("SELECT pg_try_advisory_lock(:space, :key)")
            taken = bool(await autocommit.scalar(lock, key))
        try:
            yield taken
        finally:
            if taken:
                await autocommit.execute(text("SELECT pg_advisory_unlock(:space, :key)"), key)
