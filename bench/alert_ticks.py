"""The new-posting alert tick with 100,000 instant subscribers in the database.

    .venv/bin/python bench/alert_ticks.py                      # SQLite file in a temp dir
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench .venv/bin/python \\
        bench/alert_ticks.py                                   # an empty PostgreSQL database

The synthetic seekers (`synthetic.seekers`) are written as users with instant alerts,
profiles and careers; then one new posting at a time is stored and the real
`AlertTicks.new_postings` runs: read every subscriber, match, queue the alerts. Next to
it, from the same run: a bare SELECT of the same subscriber columns (the floor of reading
them at all). Matching alone is `new_posting.py`'s figure. Figures, not a test.
"""

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # bench/ is not a package: found through sys.path
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.alerts import AlertTicks
from bot.runner import database
from db.models import AlertMode, CareerEntry, Company, Posting, Profile, Role, User, Vetting
from matching.engine import SeekerFacts
from matching.postings import PostingText

NOW = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)  # 10:00 in Seoul, synthetic.TODAY


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


async def _store(sessions: async_sessionmaker[AsyncSession], text: PostingText) -> None:
    async with sessions.begin() as session:
        company = await session.scalar(select(Company.id).where(Company.name == text.company))
        if company is None:
            row = {"name": text.company, "vetting": Vetting.APPROVED}
            added = await session.execute(insert(Company).returning(Company.id), [row])
            company = added.scalar_one()
        await session.execute(
            insert(Posting),
            [
                {
                    "external_id": text.key,
                    "company_id": company,
                    "title": text.title,
                    "region": text.region,
                    "salary": text.salary,
                    "employment_type": text.employment_type,
                    "experience": text.experience,
                    "age": text.age,
                    "certificates": list(text.certificates),
                    "description": text.description,
                    "deadline": text.deadline,
                    "start": text.start,
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


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--postings", type=int, default=5, help="new postings, one per tick")
    args = parser.parse_args()
    seekers = synthetic.seekers(args.profiles)
    texts = synthetic.arriving_postings(args.postings)
    url = os.environ.get("DATABASE_URL")
    with tempfile.TemporaryDirectory() as folder:
        url = url or f"sqlite+aiosqlite:///{folder}/bench.sqlite3"
        async with database(url) as sessions:
            await _subscribers(sessions, seekers)
            ticks = AlertTicks(sessions, lambda: NOW)
            ticked: list[float] = []
            queued: list[int] = []
            for text in texts:
                await _store(sessions, text)
                start = time.perf_counter()
                queued.append(await ticks.new_postings())
                ticked.append(time.perf_counter() - start)
            read = statistics.median([await _bare_read(sessions) for _ in texts])
    tick = statistics.median(ticked)
    print(f"database: {url.split('://')[0]}, {args.profiles:,} instant subscribers")
    print(f"new-posting tick: median {tick:.2f} s (each: {', '.join(f'{t:.2f}' for t in ticked)})")
    print(f"alerts queued per posting: {', '.join(f'{n:,}' for n in queued)}")
    print(f"bare read of the subscribers: {read:.2f} s; tick ÷ bare read: {tick / read:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
