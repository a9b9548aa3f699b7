"""Career profiles: loaded whole, edited field by field, saved as each answer arrives."""

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from db.models import CareerEntry, Profile, User


async def load_profile(session: AsyncSession, telegram_id: int) -> Profile | None:
    """The profile of this Telegram user with its career entries, or None if not registered."""
    return await session.scalar(
        select(Profile)
        .join(Profile.user)
        .where(User.telegram_id == telegram_id)
        .options(selectinload(Profile.careers), selectinload(Profile.user))
    )


def add_career(profile: Profile, title: str, months: int | None) -> CareerEntry:
    """Append a past role at the end of the profile's career list."""
    entry = CareerEntry(title=title, months=months, position=len(profile.careers))
    profile.careers.append(entry)
    return entry


def clear_careers(profile: Profile) -> None:
    """Forget every past role, for a person who wants to type them again."""
    profile.careers.clear()


async def find_by_external_id(session: AsyncSession, external_id: str) -> Profile | None:
    """A profile registered by staff, by the id in their spreadsheet."""
    return await session.scalar(
        select(Profile)
        .where(Profile.external_id == external_id)
        .options(selectinload(Profile.careers))
    )


async def link_code_taken(session: AsyncSession, code: str) -> bool:
    return await session.scalar(select(Profile.id).where(Profile.link_code == code)) is not None


async def profiles_for_matching(session: AsyncSession) -> list[Profile]:
    """Every profile that says what work its owner wants, with careers loaded."""
    result = await session.scalars(
        select(Profile)
        .where(Profile.desired_jobs.is_not(None))
        .options(selectinload(Profile.careers))
        .order_by(Profile.id)
    )
    return list(result)


async def find_by_link_code(session: AsyncSession, code: str) -> Profile | None:
    """A staff-registered profile still waiting for its owner to open the bot."""
    return await session.scalar(
        select(Profile).where(Profile.link_code == code, Profile.user_id.is_(None))
    )


async def attach_profile(session: AsyncSession, user: User, profile: Profile) -> None:
    """Make `profile` the user's own, replacing the empty one they had; the code is spent."""
    await session.execute(delete(Profile).where(Profile.user_id == user.id))
    await session.flush()
    profile.user_id = user.id
    profile.link_code = None
    await session.flush()
