"""Interview stories: submitted (in the chat or imported), moderated, read and pushed as tips.

A story is stored as its author wrote it; masking happens whenever it is shown
(handlers/stories/view.py), so an admin's edit or a better masking rule reaches every
story already stored. Only approved stories ever leave this module's queries for peers.
"""

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.inserts import insert_ignoring_duplicates
from db.models import Company, Story, StoryFeedback, StoryOutcome, StoryStatus, TipDelivery


@dataclass(frozen=True)
class StoryDraft:
    """What the guided form or a CSV row holds, before moderation."""

    job: str
    industry: str
    interview_format: str
    questions: str
    what_helped: str
    advice: str
    outcome: StoryOutcome
    company: str | None = None
    would_change: str | None = None
    author_career: str | None = None
    age_band: str | None = None
    author_names: list[str] = field(default_factory=list)


def unsaved_story(draft: StoryDraft, **fields: Any) -> Story:
    """`draft` as a Story not (yet) in the database: to preview, or to add."""
    return Story(status=StoryStatus.PENDING, **asdict(draft), **fields)


async def submit_story(session: AsyncSession, draft: StoryDraft, author_id: int | None) -> Story:
    """A new story from the chat; it waits for an admin."""
    story = unsaved_story(draft, author_id=author_id)
    story.company_size = await _company_size(session, draft.company)
    session.add(story)
    await session.flush()
    return story


async def _company_size(session: AsyncSession, name: str | None) -> str | None:
    """The size of a company we know (vetted or not), shown instead of its name."""
    if not name:
        return None
    return await session.scalar(select(Company.size).where(Company.name == name))


async def import_story(session: AsyncSession, external_id: str, draft: StoryDraft) -> bool:
    """Add or refresh a story staff collected offline; True if it is new or changed.

    A changed story goes back to the moderation queue: what the admin approved is not
    what would be shown any more.
    """
    existing = await session.scalar(select(Story).where(Story.external_id == external_id))
    if existing is None:
        story = unsaved_story(draft, external_id=external_id)
        story.company_size = await _company_size(session, draft.company)
        session.add(story)
        await session.flush()
        return True
    values = asdict(draft)
    if all(getattr(existing, name) == value for name, value in values.items()):
        return False
    for name, value in values.items():
        setattr(existing, name, value)
    existing.company_size = await _company_size(session, draft.company)
    existing.status = StoryStatus.PENDING
    await session.flush()
    return True


async def next_pending(session: AsyncSession, after_id: int = 0) -> Story | None:
    """The oldest story waiting for a verdict (after `after_id`, to skip one for now)."""
    return await session.scalar(
        select(Story)
        .where(Story.status == StoryStatus.PENDING, Story.id > after_id)
        .order_by(Story.id)
        .limit(1)
    )


async def pending_stories(session: AsyncSession) -> list[Story]:
    result = await session.scalars(
        select(Story).where(Story.status == StoryStatus.PENDING).order_by(Story.id)
    )
    return list(result)


async def count_pending(session: AsyncSession) -> int:
    count = await session.scalar(
        select(func.count()).select_from(Story).where(Story.status == StoryStatus.PENDING)
    )
    return count or 0


async def find_story(session: AsyncSession, story_id: int) -> Story | None:
    return await session.get(Story, story_id)


async def review_story(
    session: AsyncSession,
    story_id: int,
    verdict: StoryStatus,
    reviewer_id: int,
    now: datetime,
    *,
    company_public: bool = False,
) -> Story | None:
    """Approve or reject a pending story; None if it was already decided (an old button)."""
    story = await session.scalar(
        select(Story).where(Story.id == story_id, Story.status == StoryStatus.PENDING)
    )
    if story is None:
        return None
    story.status = verdict
    story.company_public = company_public and verdict is StoryStatus.APPROVED
    story.reviewed_by = reviewer_id
    story.reviewed_at = now
    await session.flush()
    return story


EDITABLE = ("job", "industry", "questions", "what_helped", "would_change", "advice")


async def edit_story(session: AsyncSession, story_id: int, name: str, value: str) -> Story | None:
    """An admin's correction of one field of a story still waiting for review."""
    if name not in EDITABLE:
        raise ValueError(f"not an editable field: {name}")
    story = await session.scalar(
        select(Story).where(Story.id == story_id, Story.status == StoryStatus.PENDING)
    )
    if story is None:
        return None
    setattr(story, name, value)
    await session.flush()
    return story


async def approved_stories(session: AsyncSession) -> list[Story]:
    """Every approved story, newest first: the pool tips are ranked from."""
    result = await session.scalars(
        select(Story)
        .where(Story.status == StoryStatus.APPROVED)
        .order_by(Story.reviewed_at.desc(), Story.id.desc())
    )
    return list(result)


async def recent_successes(session: AsyncSession, limit: int, offset: int = 0) -> list[Story]:
    """Approved stories of people who were hired, newest first."""
    result = await session.scalars(
        select(Story)
        .where(Story.status == StoryStatus.APPROVED, Story.outcome == StoryOutcome.HIRED)
        .order_by(Story.reviewed_at.desc(), Story.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return list(result)


async def mark_helpful(session: AsyncSession, user_id: int, story_id: int) -> bool:
    """Count "도움이 됐어요" once per senior; False if they had pressed it already."""
    inserted = await session.execute(
        insert_ignoring_duplicates(
            session,
            StoryFeedback,
            [{"user_id": user_id, "story_id": story_id}],
            [StoryFeedback.user_id, StoryFeedback.story_id],
        ).returning(StoryFeedback.id)
    )
    if inserted.scalar_one_or_none() is None:
        return False
    await session.execute(
        update(Story).where(Story.id == story_id).values(helpful_count=Story.helpful_count + 1)
    )
    return True


async def delivered_story_ids(session: AsyncSession, user_id: int) -> set[int]:
    result = await session.scalars(
        select(TipDelivery.story_id).where(TipDelivery.user_id == user_id)
    )
    return set(result)


async def had_tip_on(session: AsyncSession, user_id: int, day: date) -> bool:
    found = await session.scalar(
        select(TipDelivery.id).where(TipDelivery.user_id == user_id, TipDelivery.sent_on == day)
    )
    return found is not None


async def record_tip(
    session: AsyncSession, user_id: int, story_id: int, day: date, moment: str
) -> bool:
    """Note a pushed tip; False if this senior already had this story (never twice)."""
    inserted = await session.execute(
        insert_ignoring_duplicates(
            session,
            TipDelivery,
            [{"user_id": user_id, "story_id": story_id, "sent_on": day, "moment": moment}],
            [TipDelivery.user_id, TipDelivery.story_id],
        ).returning(TipDelivery.id)
    )
    return inserted.scalar_one_or_none() is not None
