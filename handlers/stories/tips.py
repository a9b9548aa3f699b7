"""Tips from people who got hired: /tips on demand, pushed at the right moments, /success.

/tips ranks every approved story for this senior (matching/tips.py) and shows a few at a
time; "도움이 됐어요" counts once per person and lifts a story among equally relevant
ones. Pushed tips come with a booking confirmation, the evening before a coaching
session and an interest in a posting: through the outbox, never the same story twice to
one senior, at most one a day, and only when a story is relevant to that moment.
"""

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from db.models import Profile, Story
from db.outbox import enqueue
from db.profiles import load_profile
from db.stories import (
    approved_stories,
    delivered_story_ids,
    had_tip_on,
    mark_helpful,
    recent_successes,
    record_tip,
)
from db.users import find_user
from handlers import texts
from handlers.context import BotContext
from handlers.jobs.cards import Payload
from handlers.replies import Reply, pressed, send, send_payload
from handlers.stories.view import author_label, heading, shown, story_text
from matching.schedule import korean_date
from matching.tips import TipCandidate, rank_tips

PREFIX = "tip"
PAGE_SIZE = 3
SUCCESS_PAGE = 5
ADVICE_PREVIEW = 80


def tip_payload(story: Story, lead: str | None = None) -> Payload:
    text = story_text(story) if lead is None else f"{lead}\n\n{story_text(story)}"
    return {
        "text": text,
        "buttons": [[{"text": texts.BUTTON_HELPFUL, "data": f"{PREFIX}:h:{story.id}"}]],
    }


def _candidate(story: Story) -> TipCandidate:
    return TipCandidate(
        story_id=story.id,
        job=story.job,
        industry=story.industry,
        helpful=story.helpful_count,
        published_at=story.reviewed_at or story.created_at,
    )


def _titles(profile: Profile) -> tuple[list[str], list[str]]:
    """What the senior wants to do, and what they have done."""
    return list(profile.desired_jobs or []), [entry.title for entry in profile.careers]


def ranked(
    stories: list[Story], desired: list[str], past: list[str], now: datetime
) -> list[tuple[Story, float]]:
    by_id = {story.id: story for story in stories}
    return [
        (by_id[candidate.story_id], score)
        for candidate, score in rank_tips(map(_candidate, stories), desired, past, now)
    ]


async def show_tips(update: Update, context: BotContext) -> None:
    """/tips: the most relevant approved stories for this senior."""
    await _tips_page(update, context, 0)


async def tips_button(update: Update, context: BotContext) -> None:
    """더 보기 (tip:more:N) and 도움이 됐어요 (tip:h:ID)."""
    press = await pressed(update)
    if press is None:
        return
    _, action, number = press.parts
    if action == "more":
        await _tips_page(update, context, int(number))
        return
    async with context.sessions.begin() as session:
        account = await find_user(session, press.person_id)
        counted = account is not None and await mark_helpful(session, account.id, int(number))
    await send(update, Reply(texts.HELPFUL_THANKS if counted else texts.HELPFUL_ALREADY))


async def _tips_page(update: Update, context: BotContext, offset: int) -> None:
    person = update.effective_user
    assert person is not None
    async with context.sessions() as session:
        profile = await load_profile(session, person.id)
        stories = await approved_stories(session)
    if profile is None or not profile.desired_jobs:
        await send(update, Reply(texts.TIPS_NEED_PROFILE))
        return
    order = ranked(stories, *_titles(profile), context.now())
    page = order[offset : offset + PAGE_SIZE]
    if not page:
        await send(update, Reply(texts.TIPS_NONE))
        return
    if offset == 0:
        relevant = page[0][1] > 0
        await send(update, Reply(texts.TIPS_INTRO if relevant else texts.TIPS_OTHER_FIELDS))
    for story, _ in page:
        await send_payload(update, tip_payload(story))
    if offset + PAGE_SIZE < len(order):
        more = [[{"text": texts.BUTTON_MORE, "data": f"{PREFIX}:more:{offset + PAGE_SIZE}"}]]
        await send_payload(update, {"text": texts.MORE_PROMPT, "buttons": more})


async def push_tip(
    session: AsyncSession,
    user_id: int,
    desired: list[str],
    past: list[str],
    *,
    lead: str,
    moment: str,
    now: datetime,
) -> bool:
    """Queue the best unseen relevant tip for this moment, within one unasked tip a day."""
    today = korean_date(now)
    if await had_tip_on(session, user_id, today):
        return False
    seen = await delivered_story_ids(session, user_id)
    fresh = [story for story in await approved_stories(session) if story.id not in seen]
    best = next((story for story, score in ranked(fresh, desired, past, now) if score > 0), None)
    if best is None or not await record_tip(session, user_id, best.id, today, moment):
        return False
    await enqueue(
        session,
        user_id=user_id,
        kind="tip",
        payload=tip_payload(best, lead),
        dedupe_key=f"tip:{user_id}:{best.id}",
        not_before=now,
    )
    return True


async def push_tip_for_profile(
    session: AsyncSession, profile: Profile, *, lead: str, moment: str, now: datetime
) -> bool:
    if profile.user_id is None:
        return False
    return await push_tip(
        session, profile.user_id, *_titles(profile), lead=lead, moment=moment, now=now
    )


async def show_successes(update: Update, context: BotContext) -> None:
    """/success: recent hires, anonymised, so seniors see that people like them get hired."""
    await _successes_page(update, context, 0)


async def successes_button(update: Update, context: BotContext) -> None:
    press = await pressed(update)
    if press is not None:
        await _successes_page(update, context, int(press.parts[-1]))


async def _successes_page(update: Update, context: BotContext, offset: int) -> None:
    async with context.sessions() as session:
        stories = await recent_successes(session, SUCCESS_PAGE + 1, offset)
    if not stories:
        await send(update, Reply(texts.SUCCESS_NONE))
        return
    lines = [
        texts.success_line(author_label(s), heading(s), shown(s, s.advice, ADVICE_PREVIEW))
        for s in stories[:SUCCESS_PAGE]
    ]
    text = "\n\n".join([texts.SUCCESS_INTRO, *lines]) if offset == 0 else "\n\n".join(lines)
    if len(stories) > SUCCESS_PAGE:
        more = [[{"text": texts.BUTTON_MORE, "data": f"success:more:{offset + SUCCESS_PAGE}"}]]
        await send_payload(update, {"text": text, "buttons": more})
    else:
        await send(update, Reply(text))
