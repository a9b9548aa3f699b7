"""Alert ticks: decide which postings to push to whom, and put them in the outbox.

Both ticks hold no state: "new" postings are those the tick has not stamped
(`matched_at`), digests are due by each person's chosen hour and `last_digest_on`, and
"never twice" is the alerted_postings table. So a restart, or a tick running late or
twice, changes nothing. The one thing kept between ticks is a copy of the subscribers'
profiles (`bot.subscribers`), checked against the database each tick. Matching runs in
a worker thread to keep the bot responsive.
"""

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.subscribers import Subscribed, SubscriberCache
from db.alerts import (
    DigestSchedule,
    Subscriber,
    digest_schedules,
    mark_digest_sent,
    mark_matched,
    record_shown,
    shown_pairs,
    still_subscribed,
    subscriber_ids,
    subscribers_dismissed,
    unmatched_postings,
)
from db.models import AlertMode, Posting
from db.outbox import NewMessage, enqueue_many
from db.postings import ids_open_on, open_postings
from handlers.jobs.cards import Payload, cards, digest
from handlers.jobs.facts import posting_facts
from matching.engine import Match, SeekerFacts, key_and_matches, rank_each, seekers_for_posting
from matching.schedule import SEOUL, digest_due, first_allowed, korean_date

DIGEST_SIZE = 5
DIGEST_MODES = [AlertMode.DAILY, AlertMode.WEEKLY]


@dataclass
class AlertTicks:
    sessions: async_sessionmaker[AsyncSession]
    clock: Callable[[], datetime]
    kept: SubscriberCache = field(default_factory=SubscriberCache)

    async def new_postings(self) -> int:
        """Push each newly approved posting to the instant subscribers it fits."""
        now = self.clock()
        today = korean_date(now)
        async with self.sessions() as session:
            postings = await unmatched_postings(session, today)
            if not postings:
                return 0
            subscribed = await self._subscribers(session, [AlertMode.INSTANT])
            shown = await shown_pairs(session, [posting.id for posting in postings])
        fits = await asyncio.to_thread(_fits_of_each, postings, subscribed.seekers, today)
        subscriber_of = subscribed.by_key
        shown_now: list[tuple[int, int]] = []
        messages: list[NewMessage] = []
        for posting, matches in zip(postings, fits, strict=True):
            unseen = [
                (person, match)
                for key, match in matches
                if ((person := subscriber_of[key]).user_id, posting.id) not in shown
            ]
            payloads = cards(posting, [match for _, match in unseen])
            for (person, _), payload in zip(unseen, payloads, strict=True):
                shown_now.append((person.user_id, posting.id))
                messages.append(_alert(person, posting, payload, now))
        async with self.sessions.begin() as session:
            recipients = {user_id for user_id, _ in shown_now}
            gone = recipients - await still_subscribed(session, recipients, [AlertMode.INSTANT])
            if gone:
                self.kept.forget(gone)
                shown_now = [pair for pair in shown_now if pair[0] not in gone]
                messages = [message for message in messages if message.user_id not in gone]
            await record_shown(session, shown_now)
            queued = await enqueue_many(session, messages)
            await mark_matched(session, [posting.id for posting in postings], now)
        return queued

    async def digests(self) -> int:
        """Send each daily or weekly subscriber whose hour has come their best new postings."""
        now = self.clock()
        today = korean_date(now)
        async with self.sessions() as session:
            schedules = await digest_schedules(session, DIGEST_MODES, now.astimezone(SEOUL))
            due_ids = {turn.user_id for turn in schedules if _digest_due(turn, now)}
            if not due_ids:
                return 0
            candidates = await self._subscribers(session, DIGEST_MODES)
            due = [
                (person, facts)
                for person, facts in zip(candidates.people, candidates.seekers, strict=True)
                if person.user_id in due_ids
            ]
            people = [person for person, _ in due]
            seekers = [facts for _, facts in due]
            postings = await open_postings(session, today, vetted_only=True)
            shown = await shown_pairs(session, ids_open_on(today), subscriber_ids(DIGEST_MODES))
        by_key = {posting.external_id: posting for posting in postings}
        ranked = await asyncio.to_thread(_rank_each, seekers, postings, today)
        digests: list[tuple[Subscriber, list[tuple[Posting, Match]]]] = []
        for person, matches in zip(people, ranked, strict=True):
            unseen = [(by_key[m.posting_key], m) for m in matches]
            unseen = [(p, m) for p, m in unseen if (person.user_id, p.id) not in shown]
            if unseen:
                digests.append((person, unseen[:DIGEST_SIZE]))
        async with self.sessions.begin() as session:
            await record_shown(
                session, [(person.user_id, p.id) for person, items in digests for p, _ in items]
            )
            sent = await enqueue_many(
                session, [_digest(person, items, now, today) for person, items in digests]
            )
            await mark_digest_sent(session, [person.user_id for person in people], today)
        return sent

    async def _subscribers(self, session: AsyncSession, modes: list[AlertMode]) -> Subscribed:
        """Subscribers to `modes`, each with their facts and the job families they dismissed."""
        disliked: dict[int, set[str]] = {}
        for user_id, posting in await subscribers_dismissed(session, modes):
            disliked.setdefault(user_id, set()).update(posting_facts(posting).families)
        frozen = {user_id: frozenset(families) for user_id, families in disliked.items()}
        return await self.kept.subscribers(session, modes, frozen)


def _digest_due(schedule: DigestSchedule, now: datetime) -> bool:
    return digest_due(
        now,
        weekly=schedule.alert_mode is AlertMode.WEEKLY,
        hour=schedule.digest_hour,
        last_sent_on=schedule.last_digest_on,
    )


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


def _alert(person: Subscriber, posting: Posting, payload: Payload, now: datetime) -> NewMessage:
    return NewMessage(
        user_id=person.user_id,
        kind="alert",
        payload=payload,
        dedupe_key=f"alert:{person.user_id}:{posting.id}",
        not_before=first_allowed(now, quiet_nights=person.quiet_nights),
    )


def _digest(
    person: Subscriber, items: list[tuple[Posting, Match]], now: datetime, today: date
) -> NewMessage:
    return NewMessage(
        user_id=person.user_id,
        kind="digest",
        payload=digest(items),
        dedupe_key=f"digest:{person.user_id}:{today.isoformat()}",
        not_before=first_allowed(now, quiet_nights=person.quiet_nights),
    )
