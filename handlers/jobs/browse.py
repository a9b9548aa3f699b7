"""/jobs and the buttons under every job card: details, interest, not interested.

Buttons stay meaningful however old the message: each one names its posting, and a
posting that has closed since gets a clear answer, never an error.
"""

import asyncio
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from db.alerts import (
    admins,
    dismissed_postings,
    find_posting,
    postings_by_external_id,
    record_dismissal,
    record_interest,
    record_shown,
)
from db.models import Posting, Profile, User, Vetting
from db.outbox import enqueue
from db.postings import open_postings
from db.profiles import load_profile
from db.users import find_user
from handlers import texts
from handlers.context import BotContext
from handlers.jobs.cards import DETAILS, INTERESTED, NOT_INTERESTED, Payload, card, details
from handlers.jobs.facts import posting_facts, seeker_facts
from handlers.people import person_name
from handlers.profile.fields import career_line
from handlers.replies import Reply, pressed, send, send_payload
from handlers.stories.tips import push_tip
from matching.engine import Match, SeekerFacts, rank_postings
from matching.schedule import korean_date

PAGE_SIZE = 3
MAX_BROWSED = 30
MORE_CALLBACK = "jobs:more"
_BROWSING = "browsing"


async def show_jobs(update: Update, context: BotContext) -> None:
    """/jobs and the 일자리 보기 button: the best open postings, a few at a time."""
    person = update.effective_user
    assert person is not None
    today = korean_date(context.now())
    async with context.sessions() as session:
        profile = await load_profile(session, person.id)
        if profile is None or not profile.desired_jobs:
            await send(update, Reply(texts.JOBS_NEED_PROFILE))
            return
        postings = await open_postings(session, today, vetted_only=True)
        dismissed = await dismissed_postings(session, [profile.user_id or 0])
    hidden = {posting.id for _, posting in dismissed}
    disliked = frozenset(f for _, p in dismissed for f in posting_facts(p).families)
    seeker = seeker_facts(profile, disliked)
    visible = [posting for posting in postings if posting.id not in hidden]
    matches = await asyncio.to_thread(_ranked, seeker, visible, today)
    if not matches:
        await send(update, Reply(texts.JOBS_NONE))
        return
    context.scratch[_BROWSING] = [
        [m.posting_key, m.score, list(m.reasons)] for m in matches[:MAX_BROWSED]
    ]
    await send(update, Reply(texts.jobs_heading(len(matches[:MAX_BROWSED]))))
    await _show_page(update, context, profile, 0)


def _ranked(seeker: SeekerFacts, postings: list[Posting], today: date) -> list[Match]:
    """Parse (or recall) and rank off the event loop: thousands of postings take a while."""
    facts = [posting_facts(posting) for posting in postings]
    return rank_postings(seeker, facts, today=today, vetted_only=True)


async def more_jobs(update: Update, context: BotContext) -> None:
    """The 더 보기 button under a page of /jobs."""
    press = await pressed(update)
    if press is None:
        return
    offset = int(press.parts[-1])
    async with context.sessions() as session:
        profile = await load_profile(session, press.person_id)
    if profile is None or offset >= len(context.scratch.get(_BROWSING, [])):
        await send(update, Reply(texts.JOBS_NO_MORE))
        return
    await _show_page(update, context, profile, offset)


async def _show_page(update: Update, context: BotContext, profile: Profile, offset: int) -> None:
    browsing = context.scratch.get(_BROWSING, [])
    page = browsing[offset : offset + PAGE_SIZE]
    async with context.sessions.begin() as session:
        postings = await postings_by_external_id(session, [key for key, _, _ in page])
        shown = [postings[key] for key, _, _ in page if key in postings]
        if profile.user_id is not None:
            await record_shown(session, [(profile.user_id, p.id) for p in shown])
    for key, score, reasons in page:
        if key in postings:
            posting = postings[key]
            vetted = posting.company.vetting is Vetting.APPROVED
            await send_payload(update, card(posting, Match(key, score, tuple(reasons), vetted)))
    if offset + PAGE_SIZE < len(browsing):
        more = [[{"text": texts.BUTTON_MORE, "data": f"{MORE_CALLBACK}:{offset + PAGE_SIZE}"}]]
        await send_payload(update, {"text": texts.MORE_PROMPT, "buttons": more})


async def job_button(update: Update, context: BotContext) -> None:
    """자세히 / 관심 있어요 / 관심 없어요 under a job card, however old the card is."""
    press = await pressed(update)
    if press is None:
        return
    _, action, posting_id = press.parts
    async with context.sessions.begin() as session:
        account = await find_user(session, press.person_id)
        posting = await find_posting(session, int(posting_id))
        if account is None or posting is None or not _still_offered(posting):
            reply: Payload = {"text": texts.POSTING_GONE}
        elif action == DETAILS:
            reply = details(posting)
        elif action == INTERESTED:
            reply = {"text": await _interested(session, context, account, posting)}
        elif action == NOT_INTERESTED:
            await record_dismissal(session, account.id, posting.id)
            reply = {"text": texts.DISMISSED}
        else:
            reply = {"text": texts.POSTING_GONE}
    await send_payload(update, reply)


def _still_offered(posting: Posting) -> bool:
    """Not closed, and its company still approved: rejecting a company withdraws its cards."""
    return posting.closed_at is None and posting.company.vetting is Vetting.APPROVED


async def _interested(
    session: AsyncSession, context: BotContext, account: User, posting: Posting
) -> str:
    """Record the interest and tell every admin, through the outbox."""
    if not await record_interest(session, account.id, posting.id):
        return texts.INTEREST_ALREADY
    await push_tip(
        session,
        account.id,
        [posting.title],
        [],
        lead=texts.TIP_WITH_INTEREST,
        moment="interest",
        now=context.now(),
    )
    profile = await load_profile(session, account.telegram_id)
    name = person_name(profile)
    careers = career_line(profile) if profile else ""
    key = profile.external_id if profile and profile.external_id else str(account.telegram_id)
    notice = texts.interest_for_admins(
        name, posting.title, posting.company.name, careers or "-", key
    )
    for admin in await admins(session):
        await enqueue(
            session,
            user_id=admin.id,
            kind="notice",
            payload={"text": notice},
            dedupe_key=f"interest:{account.id}:{posting.id}:{admin.id}",
            not_before=context.now(),
        )
    return texts.INTEREST_NOTED
