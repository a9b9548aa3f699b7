"""Sample data for the demo, loaded once into a fresh database.

Realistic Korean companies (with the centre's visit log), postings, seniors met
offline, coaches with their free times and interview stories come from `data/` beside
this file, read by the same code staff and coaches use. Stories in which masking finds
personal data are left pending, so the admin persona has something to /review.
"""

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.updates import Person
from bot.imports.csv_rows import read_rows
from bot.imports.jobs import JOB_COLUMNS, import_jobs
from bot.imports.profiles import PROFILE_COLUMNS, import_profiles
from bot.imports.programmes import PROGRAMME_COLUMNS, import_programmes
from bot.imports.stories import STORY_COLUMNS, import_stories
from db.coaching import add_slots, register_coach
from db.companies import get_or_add_company, record_visit
from db.models import Company, Role, StoryStatus, Vetting
from db.stories import pending_stories, review_story
from db.users import ensure_role
from handlers.stories.view import has_hidden_data
from matching.schedule import korean_date
from matching.slots import parse_availability

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

COACH_COLUMNS = ("name", "specialties", "introduction", "how", "availability")

DEMO_SENIOR = Person(10_001, "영수", "김")
DEMO_COACH = Person(20_001, "민정", "박")
DEMO_ADMIN = Person(30_001, "지현", "이")


async def seed_demo(sessions: async_sessionmaker[AsyncSession], now: datetime) -> None:
    """Fill a fresh demo database; a database that has companies already is left alone."""
    async with sessions.begin() as session:
        if await session.scalar(select(func.count()).select_from(Company)):
            return
        await _seed_coaches(session, now)
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
    await import_jobs(sessions, read_rows(DATA / "jobs.csv", JOB_COLUMNS), korean_date(now))
    await import_profiles(sessions, read_rows(DATA / "profiles.csv", PROFILE_COLUMNS), now)
    await import_stories(sessions, read_rows(DATA / "stories.csv", STORY_COLUMNS))
    programmes = read_rows(DATA / "programmes.csv", PROGRAMME_COLUMNS)
    await import_programmes(sessions, programmes, korean_date(now))
    async with sessions.begin() as session:
        admin = await ensure_role(session, DEMO_ADMIN.id, Role.ADMIN)
        for story in await pending_stories(session):
            if not has_hidden_data(story):
                await review_story(session, story.id, StoryStatus.APPROVED, admin.id, now)


async def _seed_coaches(session: AsyncSession, now: datetime) -> None:
    """The first sample coach is the demo's coach persona; each opens the times it lists."""
    for number, row in enumerate(read_rows(DATA / "coaches.csv", COACH_COLUMNS)):
        user = await ensure_role(session, DEMO_COACH.id + number, Role.COACH)
        coach = await register_coach(
            session,
            user.id,
            name=row.get("name"),
            specialties=row.items("specialties"),
            introduction=row.get("introduction"),
            how=row.get("how"),
        )
        free = parse_availability("\n".join(row.items("availability")), now=now)
        await add_slots(
            session, coach, [pair for window in free.windows for pair in window.slots()]
        )
