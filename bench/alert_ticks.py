"""The alert ticks with 100,000 subscribers in the database.

    .venv/bin/python bench/alert_ticks.py                      # SQLite file in a temp dir
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench .venv/bin/python \\
        bench/alert_ticks.py                                   # an empty PostgreSQL database

The synthetic seekers (`synthetic.seekers`) are written as users with instant alerts,
profiles and careers, signed up a day before. Then one new posting at a time is stored and
the real `AlertTicks.new_postings` runs: the first tick of a process reads every
subscriber; each later one reads only who changed, and before each, `--changes` seekers
edit their profile. Last, everyone switches to a daily digest at the same hour (as with
the default 09:00) and a new process runs `AlertTicks.digests` once. Next to them, from
the same run: a bare SELECT of the same subscriber columns (the floor of reading them at
all). Matching alone is `new_posting.py`'s figure. Figures, not a test.
"""

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # bench/ is not a package: found through sys.path
from sqlalchemy import func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.alerts import AlertTicks
from bot.runner import database
from db.models import AlertMode, CareerEntry, Company, Posting, Profile, Role, User, Vetting
from matching.engine import SeekerFacts
from matching.postings import PostingText

NOW = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)  # 10:00 in Seoul, synthetic.TODAY
SIGNED_UP = datetime.now(UTC) - timedelta(days=1)


async def _subscribers(
    sessions: async_sessionmaker[AsyncSession], seekers: list[SeekerFacts]
) -> None:
    """Each seeker as a user with instant alerts, a finished profile and its careers."""
    people: list[dict[str, object]] = []
    profiles: list[dict[str, object]] = []
    careers: list[dict[str, object]] = []
    for number, seeker in enumerate(seekers, start=1):
        people.append(
            {
                "id": number,
                "telegram_id": 10_000_000 + number,
                "role": Role.SEEKER,
                "consented_at": NOW,
                "alert_mode": AlertMode.INSTANT,
                "updated_at": SIGNED_UP,
            }
        )
        profiles.append(
            {
                "id": number,
                "user_id": number,
                "desired_jobs": list(seeker.desired_jobs),
                "certificates": list(seeker.certificates),
                "regions": list(seeker.regions),
                "pay_monthly": seeker.pay_monthly,
                "employment_types": list(seeker.employment_types),
                "birth_year": seeker.birth_year,
                "completed_at": NOW,
                "updated_at": SIGNED_UP,
            }
        )
        careers.extend(
            {"profile_id": number, "position": position, "title": title, "months": months}
            for position, (title, months) in enumerate(seeker.careers)
        )
    async with sessions.begin() as session:
        for model, rows in ((User, people), (Profile, profiles), (CareerEntry, careers)):
            for start in range(0, len(rows), 10_000):
                await session.execute(insert(model), rows[start : start + 10_000])
    await _analyzed(sessions)


async def _analyzed(sessions: async_sessionmaker[AsyncSession]) -> None:
    """On PostgreSQL, table statistics as autovacuum keeps them: within a minute of a big
    change, and so always between two days' digests. Without them, the planner takes
    100,000 fresh rows for one and loops over them."""
    async with sessions.begin() as session:
        if session.get_bind().dialect.name == "postgresql":
            await session.execute(text("ANALYZE"))


async def _store(sessions: async_sessionmaker[AsyncSession], posting: PostingText) -> None:
    async with sessions.begin() as session:
        company = await session.scalar(select(Company.id).where(Company.name == posting.company))
        if company is None:
            row = {"name": posting.company, "vetting": Vetting.APPROVED}
            added = await session.execute(insert(Company).returning(Company.id), [row])
            company = added.scalar_one()
        await session.execute(
            insert(Posting),
            [
                {
                    "external_id": posting.key,
                    "company_id": company,
                    "title": posting.title,
                    "region": posting.region,
                    "salary": posting.salary,
                    "employment_type": posting.employment_type,
                    "experience": posting.experience,
                    "age": posting.age,
                    "certificates": list(posting.certificates),
                    "description": posting.description,
                    "deadline": posting.deadline,
                    "start": posting.start,
                }
            ],
        )


async def _bare_read(sessions: async_sessionmaker[AsyncSession]) -> float:
    """The floor: the subscribers' columns and careers, read and thrown away."""
    start = time.perf_counter()
    async with sessions() as session:
        (
            await session.execute(
                select(User.id, User.alert_mode, User.digest_hour, User.quiet_nights, Profile)
                .join(User.profile)
                .where(User.alert_mode == AlertMode.INSTANT)
            )
        ).all()
        (await session.execute(select(CareerEntry.profile_id, CareerEntry.title))).all()
    return time.perf_counter() - start


async def _edit_profiles(sessions: async_sessionmaker[AsyncSession], count: int) -> None:
    """`count` seekers raise their desired pay a little, as people edit between ticks."""
    async with sessions.begin() as session:
        chosen = select(Profile.id).order_by(func.random()).limit(count).scalar_subquery()
        await session.execute(
            update(Profile)
            .where(Profile.id.in_(chosen))
            .values(pay_monthly=Profile.pay_monthly + 100_000)
        )


async def _everyone_daily(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions.begin() as session:
        await session.execute(update(User).values(alert_mode=AlertMode.DAILY, digest_hour=10))


async def _timed(tick: Callable[[], Awaitable[int]]) -> tuple[float, int]:
    start = time.perf_counter()
    queued = await tick()
    return time.perf_counter() - start, queued


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--postings", type=int, default=5, help="new postings, one per tick")
    parser.add_argument("--changes", type=int, default=50, help="profiles edited between ticks")
    parser.add_argument("--digest-postings", type=int, default=20, help="new each digest day")
    args = parser.parse_args()
    seekers = synthetic.seekers(args.profiles)
    texts = synthetic.arriving_postings(args.postings + 2 * args.digest_postings)
    arriving, first_day, second_day = (
        texts[: args.postings],
        texts[args.postings : args.postings + args.digest_postings],
        texts[args.postings + args.digest_postings :],
    )
    clock = [NOW]
    url = os.environ.get("DATABASE_URL")
    with tempfile.TemporaryDirectory() as folder:
        url = url or f"sqlite+aiosqlite:///{folder}/bench.sqlite3"
        async with database(url) as sessions:
            await _subscribers(sessions, seekers)
            ticks = AlertTicks(sessions, lambda: clock[0])
            ticked: list[tuple[float, int]] = []
            for number, posting in enumerate(arriving):
                if number:
                    await _edit_profiles(sessions, args.changes)
                await _store(sessions, posting)
                ticked.append(await _timed(ticks.new_postings))
            read = statistics.median([await _bare_read(sessions) for _ in arriving])
            await _everyone_daily(sessions)
            digested: list[tuple[float, int]] = []
            ticks = AlertTicks(sessions, lambda: clock[0])  # a process started after the switch
            for day, texts_of_day in enumerate((first_day, second_day)):
                clock[0] = NOW + timedelta(days=day)
                for posting in texts_of_day:
                    await _store(sessions, posting)
                await _analyzed(sessions)
                digested.append(await _timed(ticks.digests))
    first, later = ticked[0][0], statistics.median(seconds for seconds, _ in ticked[1:])
    print(f"database: {url.split('://')[0]}, {args.profiles:,} subscribers")
    print(f"bare read of the subscribers: {read:.2f} s")
    print(f"first new-posting tick of a process: {first:.2f} s ({first / read:.2f} × bare read)")
    print(
        f"later ticks, {args.changes} profiles edited before each: median {later:.2f} s "
        f"({later / read:.2f} × bare read; each: {', '.join(f'{s:.2f}' for s, _ in ticked[1:])})"
    )
    print(f"alerts queued per posting: {', '.join(f'{n:,}' for _, n in ticked)}")
    for name, (seconds, sent) in zip(("first", "next"), digested, strict=True):
        print(
            f"digest tick, everyone due at once, {name} day of a process: {seconds:.2f} s "
            f"({seconds / read:.2f} × bare read), {sent:,} digests queued"
        )


if __name__ == "__main__":
    asyncio.run(main())
