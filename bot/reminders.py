"""Coaching reminders and the rating request, decided each tick from the bookings table.

Reminders go 24 hours and 1 hour before a session, to the senior and to the coach; a
session booked less than a day ahead gets only what is still ahead of it. Quiet nights
do not hold them back: they are what the person asked for. A cancelled booking's
pending reminders are cancelled with it (db.coaching.cancel_booking). When a session
ends, the senior is asked for a rating and the coach whether it took place.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.coaching import (
    ended_between,
    ended_unrated,
    live_bookings_between,
    reminder_key_prefix,
)
from db.models import Booking
from db.outbox import enqueue
from db.profiles import load_profile
from handlers import texts
from handlers.coaching.booking import rating_buttons
from handlers.coaching.sessions import outcome_buttons
from handlers.people import person_name
from handlers.stories.tips import push_tip_for_profile
from matching.schedule import QUIET_FROM, SEOUL, korean_date
from matching.slots import korean_time

DAY_BEFORE = timedelta(hours=24)
HOUR_BEFORE = timedelta(hours=1)
ASK_RATING_WITHIN = timedelta(hours=12)
EVENING = time(19, 0)  # the evening-before tip goes out from then until quiet night


@dataclass
class ReminderTicks:
    sessions: async_sessionmaker[AsyncSession]
    clock: Callable[[], datetime]

    async def run(self) -> int:
        now = self.clock()
        queued = 0
        async with self.sessions.begin() as session:
            for booking in await live_bookings_between(
                session, now + HOUR_BEFORE, now + DAY_BEFORE
            ):
                queued += await self._remind(session, booking, soon=False, now=now)
            for booking in await live_bookings_between(session, now, now + HOUR_BEFORE):
                queued += await self._remind(session, booking, soon=True, now=now)
            for booking in await ended_unrated(session, now - ASK_RATING_WITHIN, now):
                queued += await enqueue(
                    session,
                    user_id=booking.user_id,
                    kind="rating",
                    payload={"text": texts.RATING_QUESTION, "buttons": rating_buttons(booking)},
                    dedupe_key=f"rate:{booking.id}",
                    not_before=now,
                )
            for booking in await ended_between(session, now - ASK_RATING_WITHIN, now):
                queued += await self._ask_coach(session, booking, now)
            if EVENING <= now.astimezone(SEOUL).time() < QUIET_FROM:
                for booking in await live_bookings_between(session, now, now + DAY_BEFORE * 2):
                    queued += await self._evening_tip(session, booking, now)
        return queued

    async def _evening_tip(self, session: AsyncSession, booking: Booking, now: datetime) -> int:
        """The evening before a session, a story from someone who got through such an interview."""
        if korean_date(booking.slot.starts_at) != korean_date(now) + timedelta(days=1):
            return 0
        profile = await load_profile(session, booking.user.telegram_id)
        if profile is None:
            return 0
        pushed = await push_tip_for_profile(
            session, profile, lead=texts.TIP_EVENING_BEFORE, moment="evening", now=now
        )
        return int(pushed)

    async def _ask_coach(self, session: AsyncSession, booking: Booking, now: datetime) -> int:
        """Once a session is over, the coach is asked how it went (done or no-show)."""
        profile = await load_profile(session, booking.user.telegram_id)
        when = korean_time(booking.slot.starts_at)
        question = texts.session_how_did_it_go(when, person_name(profile))
        return await enqueue(
            session,
            user_id=booking.slot.coach.user_id,
            kind="coaching",
            payload={"text": question, "buttons": outcome_buttons(booking)},
            dedupe_key=f"close:{booking.id}",
            not_before=now,
        )

    async def _remind(
        self, session: AsyncSession, booking: Booking, *, soon: bool, now: datetime
    ) -> int:
        slot, coach = booking.slot, booking.slot.coach
        when = korean_time(slot.starts_at)
        profile = await load_profile(session, booking.user.telegram_id)
        senior_name = person_name(profile)
        tag = "1h" if soon else "24h"
        queued = 0
        for user_id, with_whom in (
            (booking.user_id, texts.senior_side(coach.name)),
            (coach.user_id, texts.coach_side(senior_name)),
        ):
            queued += await enqueue(
                session,
                user_id=user_id,
                kind="reminder",
                payload={"text": texts.reminder(when, with_whom, coach.how, soon)},
                dedupe_key=f"{reminder_key_prefix(booking.id)}{tag}:{user_id}",
                not_before=now,
            )
        return queued
