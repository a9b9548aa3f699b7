"""Sample data for the demo, loaded once into a fresh database.

Realistic Korean companies (with the centre's visit log), postings and seniors met
offline come from `data/` beside this file, through the same importers staff use.
Coaches' availability and interview stories wait there for the features that use them.
"""

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.updates import Person
from bot.imports.csv_rows import read_rows
from bot.imports.jobs import JOB_COLUMNS, import_jobs
from bot.imports.profiles import PROFILE_COLUMNS, import_profiles
from db.companies import get_or_add_company, record_visit
from db.models import Company, Role, Vetting
from db.users import ensure_role

DATA = Path(__file__).parent / "data"
COMPANY_COLUMNS = (
    "name",
    "industry",
    "size",
    "region",
    "vetting",
    "visited_on",
    "visitor",
    "notes",
)

DEMO_SENIOR = Person(10_001, "영수", "김")
DEMO_COACH = Person(20_001, "민정", "박")
DEMO_ADMIN = Person(30_001, "지현", "이")


async def seed_demo(sessions: async_sessionmaker[AsyncSession], now: datetime) -> None:
    """Fill a fresh demo database; a database that has companies already is left alone."""
    async with sessions.begin() as session:
        if await session.scalar(select(func.count()).select_from(Company)):
            return
        await ensure_role(session, DEMO_COACH.id, Role.COACH)
        for row in read_rows(DATA / "companies.csv", COMPANY_COLUMNS):
            company, _ = await get_or_add_company(session, row.get("name"))
            company.industry = row.get("industry") or None
            company.size = row.get("size") or None
            company.region = row.get("region") or None
            verdict = Vetting(row.get("vetting") or Vetting.PENDING.value)
            if verdict is not Vetting.PENDING:
                visited = row.get("visited_on")
                await record_visit(
                    session,
                    company,
                    verdict,
                    visited_on=date.fromisoformat(visited) if visited else None,
                    visitor=row.get("visitor") or None,
                    notes=row.get("notes") or None,
                )
    await import_jobs(sessions, read_rows(DATA / "jobs.csv", JOB_COLUMNS))
    await import_profiles(sessions, read_rows(DATA / "profiles.csv", PROFILE_COLUMNS), now)
