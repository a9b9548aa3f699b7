"""`encore progress PROFILE POSTING --to STEP`: staff move a senior along an application."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import joinedload

from bot.commands.match import UnknownProfileError
from db.models import ApplicationStatus, Posting
from db.profiles import find_by_external_id
from handlers import texts
from handlers.jobs.progress import move_application


class UnknownPostingError(Exception):
    """No posting has the external id asked for."""


async def progress_command(
    sessions: async_sessionmaker[AsyncSession],
    profile_id: str,
    posting_id: str,
    status: ApplicationStatus,
    now: datetime,
) -> str:
    async with sessions.begin() as session:
        profile = await find_by_external_id(session, profile_id)
        if profile is None:
            raise UnknownProfileError(texts.match_unknown_profile(profile_id))
        if profile.user_id is None:
            raise UnknownProfileError(texts.progress_not_linked(profile_id))
        posting = await session.scalar(
            select(Posting)
            .where(Posting.external_id == posting_id)
            .options(joinedload(Posting.company))
        )
        if posting is None:
            raise UnknownPostingError(texts.progress_unknown_posting(posting_id))
        moved = await move_application(session, profile.user_id, posting, status, now)
    name = profile.name or profile_id
    label = f"{posting.company.name} · {posting.title}"
    if not moved:
        return texts.progress_unchanged(name, label, status)
    return texts.progress_recorded(name, label, status)
