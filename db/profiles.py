"""Career profiles: loaded whole, edited field by field, saved as each answer arrives."""

from sqlalchemy import select
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
