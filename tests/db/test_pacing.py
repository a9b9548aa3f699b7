"""One sending rate per channel, whichever process sends: moments are taken from one row."""

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.runner import database
from db.pacing import reserve_send

INTERVAL = 0.25


async def test_moments_are_spaced_by_the_interval_whoever_takes_them(database_url: str) -> None:
    async with database(database_url) as one, database(database_url) as two:
        moments = []
        for sessions in (one, two, one, two):
            async with sessions.begin() as session:
                moments.append(await reserve_send(session, "telegram", INTERVAL, 1_000.0))
        assert moments == [1_000.0, 1_000.25, 1_000.5, 1_000.75]

        async with two.begin() as session:  # after a quiet spell, the next goes at once
            assert await reserve_send(session, "telegram", INTERVAL, 2_000.0) == 2_000.0
        async with one.begin() as session:  # another channel has a rate of its own
            assert await reserve_send(session, "kakao", INTERVAL, 1_000.0) == 1_000.0


async def test_concurrent_senders_never_share_a_moment(database_url: str) -> None:
    async with database(database_url) as one, database(database_url) as two:

        async def take(sessions: async_sessionmaker[AsyncSession], count: int) -> list[float]:
            taken = []
            for _ in range(count):
                async with sessions.begin() as session:
                    taken.append(await reserve_send(session, "telegram", INTERVAL, 1_000.0))
            return taken

        first, second = await asyncio.gather(take(one, 10), take(two, 10))
        assert sorted(first + second) == [1_000.0 + INTERVAL * n for n in range(20)]
