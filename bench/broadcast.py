"""Deciding and queuing an announcement to 100,000 people, and the dispatcher's sending rate.

    .venv/bin/python bench/broadcast.py                       # SQLite file in a temp dir
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench .venv/bin/python \\
        bench/broadcast.py --people 100000                    # an empty PostgreSQL database

Part 1 times `start_broadcast` (read every active user, decide the segment, insert one
outbox row each, in one transaction) for everyone and for one province, next to a bare
INSERT of the same number of outbox rows in the same run (the floor: writing the rows at
all). Part 2 drains outbox messages through the real Dispatcher and its default limits
against a local transport that accepts everything, and prints the rate against the
configured limit: it should sit just under it. Figures, not a test.
"""

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot

from bot.channels.local import LocalRequest
from bot.delivery import DeliveryLimits, Dispatcher
from bot.runner import database
from db.models import Broadcast, OutboxMessage, OutboxStatus, Profile, Role, User
from handlers.admin.broadcasts import start_broadcast
from matching.audience import Audience, AudienceKind
from matching.jobs import JOB_FAMILIES

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 11:00 in Seoul
REGIONS = (
    "경기도 수원시",
    "서울특별시 강남구",
    "부산광역시 해운대구",
    "세종특별자치시",
    "area:경기 남부",
)
DRAFT = {"text": "12월 5일 오후 2시, 중장년 채용박람회가 열려요."}
PAYLOAD = {"text": f"[앙코르 공지]\n{DRAFT['text']}"}


async def _people(sessions: async_sessionmaker[AsyncSession], count: int) -> None:
    """`count` consented seniors with a profile each, inserted in bulk."""
    rng = random.Random(3)
    titles = [title for family in JOB_FAMILIES for title in family.titles]
    async with sessions.begin() as session:
        for start in range(0, count, 5000):
            chunk = range(start, min(start + 5000, count))
            users = [
                {"telegram_id": 10_000_000 + n, "role": Role.SEEKER, "consented_at": NOW}
                for n in chunk
            ]
            ids = list(await session.scalars(insert(User).returning(User.id), users))
            profiles = [
                {
                    "user_id": user_id,
                    "birth_year": rng.randint(1959, 1986),
                    "regions": rng.sample(REGIONS, 2),
                    "desired_jobs": rng.sample(titles, 2),
                    "completed_at": NOW if rng.random() < 0.9 else None,
                }
                for user_id in ids
            ]
            await session.execute(insert(Profile), profiles)


async def _time_broadcast(
    sessions: async_sessionmaker[AsyncSession], audience: Audience
) -> tuple[float, int]:
    start = time.perf_counter()
    async with sessions.begin() as session:
        queued = await start_broadcast(session, None, DRAFT, audience, False, NOW)
    return time.perf_counter() - start, queued


async def _time_bare_insert(sessions: async_sessionmaker[AsyncSession], count: int) -> float:
    """The floor: the same number of outbox rows, written without deciding anything."""
    async with sessions() as session:
        ids = list(await session.scalars(select(User.id).limit(count)))
    rows = [
        {
            "user_id": user_id,
            "kind": "bare",
            "payload": PAYLOAD,
            "dedupe_key": f"bare:{user_id}",
            "status": OutboxStatus.PENDING,
            "attempts": 0,
            "not_before": NOW,
        }
        for user_id in ids
    ]
    start = time.perf_counter()
    async with sessions.begin() as session:
        await session.execute(insert(OutboxMessage), rows)
    return time.perf_counter() - start


async def _empty_outbox(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions.begin() as session:
        await session.execute(delete(OutboxMessage))
        await session.execute(delete(Broadcast))


async def _sending_rate(sessions: async_sessionmaker[AsyncSession], messages: int) -> float:
    """Steady messages a second of the real Dispatcher against a transport that accepts all.

    The first batch is left out of the timing, as it pays for the first connections.
    Every message takes its moment from the shared pacing row (`db.pacing`), as it would
    with several dispatching processes.
    """
    await _empty_outbox(sessions)
    async with sessions.begin() as session:
        ids = list(await session.scalars(select(User.id).limit(messages)))
        rows = [
            {
                "user_id": user_id,
                "kind": "rate",
                "payload": PAYLOAD,
                "dedupe_key": f"rate:{user_id}",
                "status": OutboxStatus.PENDING,
                "attempts": 0,
                "not_before": NOW,
            }
            for user_id in ids
        ]
        await session.execute(insert(OutboxMessage), rows)
    bot = Bot("local:bench", request=LocalRequest())
    await bot.initialize()
    dispatcher = Dispatcher(sessions, bot, lambda: NOW)
    warm = (await dispatcher.run_once()).sent
    sent = 0
    start = time.perf_counter()
    while warm + sent < messages:
        sent += (await dispatcher.run_once()).sent
    elapsed = time.perf_counter() - start
    await bot.shutdown()
    return sent / elapsed


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=560, help="for the sending rate")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL")
    with tempfile.TemporaryDirectory() as folder:
        url = url or f"sqlite+aiosqlite:///{folder}/bench.sqlite3"
        async with database(url) as sessions:
            await _people(sessions, args.people)
            # Each measurement starts from an empty outbox, so they compare fairly.
            bare = await _time_bare_insert(sessions, args.people)
            await _empty_outbox(sessions)
            everyone, recipients = await _time_broadcast(sessions, Audience(AudienceKind.EVERYONE))
            await _empty_outbox(sessions)
            province, in_province = await _time_broadcast(
                sessions, Audience(AudienceKind.REGION, "경기")
            )
            rate = await _sending_rate(sessions, args.messages)
    limit = DeliveryLimits().messages_per_second
    print(f"database: {url.split('://')[0]}, {args.people:,} people")
    print(f"broadcast to everyone: {everyone:.2f} s for {recipients:,} recipients")
    print(f"broadcast to 경기: {province:.2f} s for {in_province:,} recipients")
    print(f"bare insert of {recipients:,} outbox rows: {bare:.2f} s")
    print(f"broadcast to everyone ÷ bare insert: {everyone / bare:.2f}")
    print(f"sending rate: {rate:.1f} messages/s; limit {limit:.0f}/s")
    print(f"sending rate ÷ limit: {rate / limit:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
