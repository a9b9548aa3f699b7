"""People who talk to the bot, and their roles."""

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Profile, Role, User


async def find_user(session: AsyncSession, telegram_id: int) -> User | None:
    """The user with this Telegram id, or None before they agreed to anything."""
    return await session.scalar(select(User).where(User.telegram_id == telegram_id))


async def register_seeker(
    session: AsyncSession, telegram_id: int, *, consented_at: datetime
) -> User:
    """Create a job seeker with an empty profile, once they agreed to the data notice."""
    user = User(telegram_id=telegram_id, role=Role.SEEKER, consented_at=consented_at)
    user.profile = Profile()
    session.add(user)
    await session.flush()
    return user


async def ensure_role(session: AsyncSession, telegram_id: int, role: Role) -> User:
    """Make sure staff named in configuration exist with their role, creating them if new."""
    user = await find_user(session, telegram_id)
    if user is None:
        user = User(telegram_id=telegram_id, role=role)
        session.add(user)
    else:
        user.role = role
    await session.flush()
    return user


async def delete_user(session: AsyncSession, telegram_id: int) -> bool:
    """Remove a person and everything stored about them; False if nothing was stored."""
    result = await session.execute(delete(User).where(User.telegram_id == telegram_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def staff_with_role(session: AsyncSession, role: Role) -> list[User]:
    result = await session.scalars(select(User).where(User.role == role).order_by(User.id))
    return list(result)
