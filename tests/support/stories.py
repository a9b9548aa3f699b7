"""Approved stories on the board, for tests of what seniors read."""

from datetime import datetime

from db.models import Role, StoryOutcome, StoryStatus
from db.stories import StoryDraft, review_story, submit_story
from db.users import ensure_role
from tests.support.harness import ADMIN, BotHarness


def draft(
    job: str, industry: str, advice: str = "건강 관리 얘기를 구체적으로 하세요."
) -> StoryDraft:
    return StoryDraft(
        job=job,
        industry=industry,
        interview_format="대면",
        questions="야간 근무 괜찮으세요?\n예전 일은 왜 그만두셨어요?",
        what_helped="예전 일을 숫자로 정리해 갔어요.",
        advice=advice,
        outcome=StoryOutcome.HIRED,
        author_career=job,
        age_band="50대 후반",
    )


async def approved_story(bot: BotHarness, story: StoryDraft, at: datetime) -> int:
    """Submit and approve `story`; returns its id."""
    async with bot.application.bot_data.sessions.begin() as session:
        admin = await ensure_role(session, ADMIN.id, Role.ADMIN)
        saved = await submit_story(session, story, None)
        await review_story(session, saved.id, StoryStatus.APPROVED, admin.id, at)
        return saved.id
