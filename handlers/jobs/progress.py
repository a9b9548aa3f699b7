"""Telling a senior how their application moves: applied, interview, hired, not this time.

Staff move a senior along (today `encore progress`; the admin console later). Each step
reaches the senior in kind words through the outbox. Reaching the interview or being
hired also asks, once per person ever, whether they would share their story: that is
when the memory is fresh and the wish to help others strongest.
"""

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from db.alerts import set_application_status
from db.models import ApplicationStatus, Posting
from db.outbox import enqueue
from handlers import texts

ASK_TO_SHARE = (ApplicationStatus.INTERVIEW, ApplicationStatus.HIRED)


async def move_application(
    session: AsyncSession,
    user_id: int,
    posting: Posting,
    status: ApplicationStatus,
    now: datetime,
) -> bool:
    """Record the step and tell the senior; False if they were at that step already."""
    application_id = await set_application_status(session, user_id, posting.id, status)
    if application_id is None:
        return False
    label = f"{posting.company.name} · {posting.title}"
    await enqueue(
        session,
        user_id=user_id,
        kind="progress",
        payload={"text": texts.application_moved(status, label)},
        dedupe_key=f"progress:{application_id}:{status.value}",
        not_before=now,
    )
    if status in ASK_TO_SHARE:
        await enqueue(
            session,
            user_id=user_id,
            kind="story",
            payload={"text": texts.STORY_INVITATION},
            dedupe_key=f"story-ask:{user_id}",
            not_before=now,
        )
    return True
