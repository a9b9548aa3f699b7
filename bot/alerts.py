"""Alert ticks: decide which postings to push to whom, and put them in the outbox.

Both ticks hold no state: "new" postings are those the tick has not stamped
(`matched_at`), digests are due by each person's chosen hour and `last_digest_on`, and
"never twice" is the alerted_postings table. So a restart, or a tick running late or
twice, changes nothing. Matching runs in a worker thread to keep the bot responsive.
"""

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.alerts import (
    dismissed_postings,
    mark_digest_sent,
    mark_matched,
    record_shown,
    shown_posting_ids,
    subscribers,
    unmatched_postings,
)
from db.models import AlertMode, Posting, User
from db.outbox import enqueue
from db.postings import open_postings
from handlers.jobs.cards import card, digest
from handlers.jobs.facts import posting_facts, seeker_facts
from matching.engine import Match, SeekerFacts, key_and_matches, rank_each, seekers_for_posting
from matching.schedule import digest_due, first_allowed, korean_date

DIGEST_SIZE = 5


@dataclass
class AlertTicks:
    sessions: async_sessionmaker[AsyncSession]
    clock: Callable[[], datetime]

    async def new_postings(self) -> int:
        """Push each newly approved posting to the instant subscribers it fits."""
        now = self.clock()
        today = korean_date(now)
        async with self.sessions() as session:
            postings = await unmatched_postings(session, today)
            if not postings:
                return 0
            users = await subscribers(session, [AlertMode.INSTANT])
            seekers, user_of = await _seekers(session, users)
            shown = await shown_posting_ids(session, [user.id for user in users])
        fits = await asyncio.to_thread(_fits_of_each, postings, seekers, today)
        queued = 0
        async with self.sessions.begin() as session:
            for posting, matches in zip(postings, fits, strict=True):
                for key, match in matches:
                    user = user_of[key]
                    if (user.id, posting.id) not in shown:
                        queued += await _enqueue_alert(session, user, posting, match, now)
            await mark_matched(session, [posting.id for posting in postings], now)
        return queued

    async def digests(self) -> int:
        """Send each daily or weekly subscriber whose hour has come their best new postings."""
        now = self.clock()
        today = korean_date(now)
        async with self.sessions() as session:
            candidates = await subscribers(session, [AlertMode.DAILY, AlertMode.WEEKLY])
            users = [user for user in candidates if _digest_due(user, now)]
            if not users:
                return 0
            postings = await open_postings(session, today, vetted_only=True)
            seekers, _ = await _seekers(session, users)
            shown = await shown_posting_ids(session, [user.id for user in users])
        by_key = {posting.external_id: posting for posting in postings}
        ranked = await asyncio.to_thread(_rank_each, seekers, postings, today)
        sent = 0
        async with self.sessions.begin() as session:
            for user, matches in zip(users, ranked, strict=True):
                unseen = [(by_key[m.posting_key], m) for m in matches]
                unseen = [(p, m) for p, m in unseen if (user.id, p.id) not in shown]
                if unseen:
                    sent += await _enqueue_digest(session, user, unseen[:DIGEST_SIZE], now, today)
                await mark_digest_sent(session, user.id, today)
        return sent


def _digest_due(user: User, now: datetime) -> bool:
    return digest_due(
        now,
        weekly=user.alert_mode is AlertMode.WEEKLY,
        hour=user.digest_hour,
        last_sent_on=user.last_digest_on,
    )


async def _seekers(
    session: AsyncSession, users: list[User]
) -> tuple[list[SeekerFacts], dict[str, User]]:
    """Each user's facts (with the job families they dismissed) and who each key is."""
    disliked: dict[int, set[str]] = {}
    for user_id, posting in await dismissed_postings(session, [user.id for user in users]):
        disliked.setdefault(user_id, set()).update(posting_facts(posting).families)
    seekers, user_of = [], {}
    for user in users:
        assert user.profile is not None  # subscribers() only returns people with a profile
        seeker = seeker_facts(user.profile, frozenset(disliked.get(user.id, ())))
        seekers.append(seeker)
        user_of[seeker.key] = user
    return seekers, user_of


def _fits_of_each(
    postings: Sequence[Posting], seekers: Sequence[SeekerFacts], today: date
) -> list[list[tuple[str, Match]]]:
    """Run in a thread, parsing included: the event loop keeps answering people meanwhile."""
    facts = [posting_facts(posting) for posting in postings]
    return [seekers_for_posting(posting, seekers, today=today) for posting in facts]


def _rank_each(
    seekers: Sequence[SeekerFacts], postings: Sequence[Posting], today: date
) -> list[list[Match]]:
    """Run in a thread, parsing included: the event loop keeps answering people meanwhile.

    Every posting that fits, not a top few: the digest leaves out the ones already shown.
    The postings are indexed once for all the digest's subscribers."""
    facts = [posting_facts(posting) for posting in postings]
    ranked = rank_each(seekers, facts, key_and_matches, today=today, top=None, vetted_only=True)
    return [matches for _, matches in ranked]


async def _enqueue_alert(
    session: AsyncSession, user: User, posting: Posting, match: Match, now: datetime
) -> int:
    await record_shown(session, user.id, [posting.id])
    queued = await enqueue(
        session,
        user_id=user.id,
        kind="alert",
        payload=card(posting, match),
        dedupe_key=f"alert:{user.id}:{posting.id}",
        not_before=first_allowed(now, quiet_nights=user.quiet_nights),
    )
    return int(queued)


async def _enqueue_digest(
    session: AsyncSession,
    user: User,
    items: list[tuple[Posting, Match]],
    now: datetime,
    today: date,
) -> int:
    await record_shown(session, user.id, [posting.id for posting, _ in items])
    queued = await enqueue(
        session,
        user_id=user.id,
        kind="digest",
        payload=digest(items),
        dedupe_key=f"digest:{user.id}:{today.isoformat()}",
        not_before=first_allowed(now, quiet_nights=user.quiet_nights),
    )
    return int(queued)
