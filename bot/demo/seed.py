"""Sample people for the demo, so `/as coach` and `/as admin` have someone to be.

Realistic Korean sample data for companies, postings, profiles, coaches and interview
stories ships beside this file in `data/`; each feature loads its part as it is built.
"""

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.updates import Person
from db.models import Role
from db.users import ensure_role, find_user

DEMO_SENIOR = Person(10_001, "영수", "김")
DEMO_COACH = Person(20_001, "민정", "박")
DEMO_ADMIN = Person(30_001, "지현", "이")


async def seed_demo(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Create the demo coach once; the admin comes from the demo's admin ids."""
    async with sessions.begin() as session:
        if await find_user(session, DEMO_COACH.id) is None:
            await ensure_role(session, DEMO_COACH.id, Role.COACH)
