"""Coaches, their slots and seniors' bookings, with "one booking per slot" kept by the database.

A booking claims its slot with a conditional UPDATE (open → booked, only if still open
and not inside the cut-off) as the first statement of its transaction, and a partial
unique index allows one live booking per slot. Whoever commits first wins; the other
gets a refusal, never a second booking. Claiming first also matters on SQLite: a
transaction that writes first waits for the lock instead of failing on a stale snapshot.
"""

from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from db.inserts import insert_ignoring_duplicates
from db.models import (
    Application,
    ApplicationStatus,
    Booking,
    BookingStatus,
    Coach,
    CoachInvite,
    CoachSlot,
    Posting,
    Role,
    SlotStatus,
)
from db.outbox import cancel_pending


class Refusal(StrEnum):
    TAKEN = "taken"  # someone else booked it first
    TOO_LATE = "too_late"  # inside the cut-off, or already past
    LIMIT = "limit"  # the senior already has as many upcoming bookings as allowed
    GONE = "gone"  # removed, blocked, or the coach left
    NOT_YET = "not_yet"  # the session has not started, so it cannot be marked done


def _live(*conditions: ColumnElement[bool]) -> Select[Booking]:
    """Live (booked) bookings, joined to their slot, that meet `conditions`."""
    return (
        select(Booking)
        .join(Booking.slot)
        .where(Booking.status == BookingStatus.BOOKED, *conditions)
    )


def _count_live(*conditions: ColumnElement[bool]) -> Select[int]:
    """How many live bookings meet `conditions`."""
    return (
        select(func.count())
        .select_from(Booking)
        .join(Booking.slot)
        .where(Booking.status == BookingStatus.BOOKED, *conditions)
    )


async def create_invite(
    session: AsyncSession, code: str, created_by: int | None, role: Role = Role.COACH
) -> CoachInvite:
    invite = CoachInvite(code=code, created_by=created_by, role=role)
    session.add(invite)
    await session.flush()
    return invite


async def redeem_invite(
    session: AsyncSession, code: str, user_id: int, now: datetime, role: Role = Role.COACH
) -> CoachInvite | None:
    """Spend an invitation to `role` for `user_id`; None if unknown or used already."""
    return await session.scalar(
        update(CoachInvite)
        .where(CoachInvite.code == code, CoachInvite.used_by.is_(None), CoachInvite.role == role)
        .values(used_by=user_id, used_at=now)
        .returning(CoachInvite)
    )


async def find_coach(session: AsyncSession, user_id: int) -> Coach | None:
    return await session.scalar(select(Coach).where(Coach.user_id == user_id))


async def add_slots(
    session: AsyncSession, coach: Coach, times: Sequence[tuple[datetime, datetime]]
) -> int:
    """Publish sessions; one that already exists at the same start is kept as it is."""
    if not times:
        return 0
    rows = [
        {"coach_id": coach.id, "starts_at": start, "ends_at": end, "status": SlotStatus.OPEN}
        for start, end in times
    ]
    unique = [CoachSlot.coach_id, CoachSlot.starts_at]
    result = await session.execute(
        insert_ignoring_duplicates(session, CoachSlot, rows, unique).returning(CoachSlot.id)
    )
    return len(result.all())


async def open_slots(
    session: AsyncSession,
    *,
    after: datetime,
    until: datetime,
    coach_id: int | None = None,
) -> list[CoachSlot]:
    """Free sessions of active coaches starting after `after` (now plus the cut-off)."""
    statement = (
        select(CoachSlot)
        .join(CoachSlot.coach)
        .where(
            CoachSlot.status == SlotStatus.OPEN,
            CoachSlot.starts_at > after,
            CoachSlot.starts_at <= until,
            Coach.is_active.is_(True),
        )
        .options(joinedload(CoachSlot.coach))
        .order_by(CoachSlot.starts_at, CoachSlot.id)
    )
    if coach_id is not None:
        statement = statement.where(CoachSlot.coach_id == coach_id)
    return list(await session.scalars(statement))


async def book(
    session: AsyncSession,
    slot_id: int,
    user_id: int,
    *,
    now: datetime,
    cut_off: timedelta,
    max_upcoming: int,
    posting_id: int | None = None,
) -> Booking | Refusal:
    """Book a slot for a senior, or say why not; safe when many press at once."""
    claimed = await session.execute(
        update(CoachSlot)
        .where(
            CoachSlot.id == slot_id,
            CoachSlot.status == SlotStatus.OPEN,
            CoachSlot.starts_at > now + cut_off,
            CoachSlot.coach_id.in_(select(Coach.id).where(Coach.is_active.is_(True))),
        )
        .values(status=SlotStatus.BOOKED)
        .returning(CoachSlot.id)
    )
    if claimed.scalar_one_or_none() is None:
        return await _why_not(session, slot_id, now, cut_off)
    if await upcoming_count(session, user_id, now) >= max_upcoming:
        await session.execute(
            update(CoachSlot).where(CoachSlot.id == slot_id).values(status=SlotStatus.OPEN)
        )
        return Refusal.LIMIT
    booking = Booking(
        slot_id=slot_id, user_id=user_id, posting_id=posting_id, status=BookingStatus.BOOKED
    )
    session.add(booking)
    await session.flush()
    return booking


async def _why_not(
    session: AsyncSession, slot_id: int, now: datetime, cut_off: timedelta
) -> Refusal:
    slot = await session.scalar(
        select(CoachSlot).where(CoachSlot.id == slot_id).options(joinedload(CoachSlot.coach))
    )
    if slot is None or slot.status in (SlotStatus.REMOVED, SlotStatus.BLOCKED):
        return Refusal.GONE
    if not slot.coach.is_active:
        return Refusal.GONE
    if slot.status is SlotStatus.BOOKED:
        return Refusal.TAKEN
    return Refusal.TOO_LATE if slot.starts_at <= now + cut_off else Refusal.TAKEN


async def upcoming_count(session: AsyncSession, user_id: int, now: datetime) -> int:
    count = await session.scalar(
        _count_live(
            Booking.user_id == user_id,
            CoachSlot.starts_at > now,
        )
    )
    return count or 0


async def cancel_booking(
    session: AsyncSession, booking_id: int, user_id: int, *, now: datetime, cut_off: timedelta
) -> Booking | Refusal:
    """Cancel a senior's own booking before the cut-off; the slot is free again at once."""
    booking = await find_booking(session, booking_id, user_id)
    if booking is None or booking.status is not BookingStatus.BOOKED:
        return Refusal.GONE
    if booking.slot.starts_at <= now + cut_off:
        return Refusal.TOO_LATE
    booking.status = BookingStatus.CANCELLED
    booking.slot.status = SlotStatus.OPEN
    await cancel_pending(session, reminder_key_prefix(booking.id))
    await session.flush()
    return booking


async def bookings_of(session: AsyncSession, user_id: int, now: datetime) -> list[Booking]:
    """A senior's upcoming live bookings, soonest first."""
    result = await session.scalars(
        _live(
            Booking.user_id == user_id,
            CoachSlot.starts_at > now,
        )
        .options(joinedload(Booking.slot).joinedload(CoachSlot.coach).joinedload(Coach.user))
        .order_by(CoachSlot.starts_at)
    )
    return list(result)


async def find_slot(session: AsyncSession, slot_id: int) -> CoachSlot | None:
    return await session.scalar(
        select(CoachSlot)
        .where(CoachSlot.id == slot_id)
        .options(joinedload(CoachSlot.coach).joinedload(Coach.user))
    )


async def find_booking(session: AsyncSession, booking_id: int, user_id: int) -> Booking | None:
    """One of this senior's bookings, with its slot and coach."""
    return await session.scalar(
        select(Booking)
        .where(Booking.id == booking_id, Booking.user_id == user_id)
        .options(joinedload(Booking.slot).joinedload(CoachSlot.coach))
    )


def reminder_key_prefix(booking_id: int) -> str:
    return f"remind:{booking_id}:"


async def live_bookings_between(
    session: AsyncSession, start: datetime, end: datetime
) -> list[Booking]:
    """Live bookings whose session starts in (start, end], with the senior and the coach."""
    result = await session.scalars(
        _live(
            CoachSlot.starts_at > start,
            CoachSlot.starts_at <= end,
        ).options(
            joinedload(Booking.user),
            joinedload(Booking.slot).joinedload(CoachSlot.coach).joinedload(Coach.user),
        )
    )
    return list(result)


async def ended_unrated(session: AsyncSession, since: datetime, now: datetime) -> list[Booking]:
    """Sessions that ended between `since` and `now` and have no rating yet."""
    result = await session.scalars(
        select(Booking)
        .join(Booking.slot)
        .where(
            Booking.status.in_([BookingStatus.BOOKED, BookingStatus.DONE]),
            Booking.rating.is_(None),
            CoachSlot.ends_at > since,
            CoachSlot.ends_at <= now,
        )
        .options(joinedload(Booking.slot).joinedload(CoachSlot.coach))
    )
    return list(result)


async def rate(session: AsyncSession, booking_id: int, user_id: int, rating: int) -> bool:
    booking = await find_booking(session, booking_id, user_id)
    if booking is None or not 1 <= rating <= 5:
        return False
    booking.rating = rating
    await session.flush()
    return True


async def invite_is_open(session: AsyncSession, code: str, role: Role = Role.COACH) -> bool:
    found = await session.scalar(
        select(CoachInvite.id).where(
            CoachInvite.code == code, CoachInvite.used_by.is_(None), CoachInvite.role == role
        )
    )
    return found is not None


async def register_coach(
    session: AsyncSession,
    user_id: int,
    *,
    name: str,
    specialties: list[str],
    introduction: str,
    how: str,
) -> Coach:
    coach = Coach(
        user_id=user_id, name=name, specialties=specialties, introduction=introduction, how=how
    )
    session.add(coach)
    await session.flush()
    return coach


async def coach_schedule(session: AsyncSession, coach_id: int, now: datetime) -> list[Booking]:
    """A coach's upcoming live sessions, soonest first, with the seniors."""
    result = await session.scalars(
        _live(
            CoachSlot.coach_id == coach_id,
            CoachSlot.starts_at > now,
        )
        .options(joinedload(Booking.slot), joinedload(Booking.user))
        .order_by(CoachSlot.starts_at)
    )
    return list(result)


async def count_open_slots(session: AsyncSession, coach_id: int, now: datetime) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(CoachSlot)
        .where(
            CoachSlot.coach_id == coach_id,
            CoachSlot.status == SlotStatus.OPEN,
            CoachSlot.starts_at > now,
        )
    )
    return count or 0


async def coach_slots_ahead(
    session: AsyncSession, coach_id: int, now: datetime
) -> list[CoachSlot]:
    """A coach's upcoming open and booked times, soonest first."""
    result = await session.scalars(
        select(CoachSlot)
        .where(
            CoachSlot.coach_id == coach_id,
            CoachSlot.status.in_([SlotStatus.OPEN, SlotStatus.BOOKED]),
            CoachSlot.starts_at > now,
        )
        .order_by(CoachSlot.starts_at)
    )
    return list(result)


async def remove_slot(
    session: AsyncSession, coach_id: int, slot_id: int, reason: str | None
) -> Booking | Refusal | None:
    """Take a time off the calendar; a booking on it is cancelled (and returned to tell)."""
    slot = await session.scalar(
        select(CoachSlot).where(CoachSlot.id == slot_id, CoachSlot.coach_id == coach_id)
    )
    if slot is None or slot.status not in (SlotStatus.OPEN, SlotStatus.BOOKED):
        return Refusal.GONE
    booking = await session.scalar(
        select(Booking)
        .where(Booking.slot_id == slot_id, Booking.status == BookingStatus.BOOKED)
        .options(joinedload(Booking.user), joinedload(Booking.slot).joinedload(CoachSlot.coach))
    )
    slot.status = SlotStatus.REMOVED
    if booking is not None:
        booking.status = BookingStatus.CANCELLED
        booking.cancel_reason = reason
        await cancel_pending(session, reminder_key_prefix(booking.id))
    await session.flush()
    return booking


async def record_outcome(
    session: AsyncSession, coach_id: int, booking_id: int, outcome: BookingStatus, now: datetime
) -> Booking | Refusal:
    """The coach says how a session went; a wrong first press can be corrected."""
    booking = await _coach_booking(session, coach_id, booking_id)
    if booking is None or booking.status is BookingStatus.CANCELLED:
        return Refusal.GONE
    if booking.slot.starts_at > now:
        return Refusal.NOT_YET
    booking.status = outcome
    await session.flush()
    return booking


async def save_coach_notes(
    session: AsyncSession, coach_id: int, booking_id: int, notes: str
) -> Booking | None:
    """Notes for the senior, on a session the coach marked done."""
    booking = await _coach_booking(session, coach_id, booking_id)
    if booking is None or booking.status is not BookingStatus.DONE:
        return None
    booking.coach_notes = notes
    await session.flush()
    return booking


async def _coach_booking(session: AsyncSession, coach_id: int, booking_id: int) -> Booking | None:
    return await session.scalar(
        select(Booking)
        .join(Booking.slot)
        .where(Booking.id == booking_id, CoachSlot.coach_id == coach_id)
        .options(joinedload(Booking.user), joinedload(Booking.slot).joinedload(CoachSlot.coach))
    )


async def sessions_to_close(
    session: AsyncSession, coach_id: int, since: datetime, now: datetime
) -> list[Booking]:
    """A coach's sessions that started since `since` and are not marked done or no-show."""
    result = await session.scalars(
        _live(
            CoachSlot.coach_id == coach_id,
            CoachSlot.starts_at > since,
            CoachSlot.starts_at <= now,
        )
        .options(joinedload(Booking.slot), joinedload(Booking.user))
        .order_by(CoachSlot.starts_at)
    )
    return list(result)


async def ended_between(session: AsyncSession, since: datetime, now: datetime) -> list[Booking]:
    """Sessions that ended in (since, now] and are still open, to ask the coach how it went."""
    result = await session.scalars(
        _live(
            CoachSlot.ends_at > since,
            CoachSlot.ends_at <= now,
        ).options(
            joinedload(Booking.user),
            joinedload(Booking.slot).joinedload(CoachSlot.coach),
        )
    )
    return list(result)


async def notes_for_senior(session: AsyncSession, user_id: int, limit: int) -> list[Booking]:
    """The latest coach notes a senior received, newest first."""
    result = await session.scalars(
        select(Booking)
        .join(Booking.slot)
        .where(Booking.user_id == user_id, Booking.coach_notes.is_not(None))
        .options(joinedload(Booking.slot).joinedload(CoachSlot.coach))
        .order_by(CoachSlot.starts_at.desc())
        .limit(limit)
    )
    return list(result)


async def all_coaches(session: AsyncSession, now: datetime) -> list[tuple[Coach, int]]:
    """Every coach with their number of upcoming booked sessions, active ones first."""
    upcoming = _count_live(
        CoachSlot.coach_id == Coach.id,
        CoachSlot.starts_at > now,
    ).scalar_subquery()
    result = await session.execute(
        select(Coach, upcoming).order_by(Coach.is_active.desc(), Coach.name, Coach.id)
    )
    return [(coach, count) for coach, count in result]


async def set_coach_active(
    session: AsyncSession, coach_id: int, active: bool, now: datetime, reason: str
) -> tuple[Coach, list[Booking]] | None:
    """Stop or restart a coach; stopping cancels their upcoming bookings (returned to tell).

    None if there is no such coach or they are already so, so a second press tells no one.

    Their free times are taken off too, so a coach who comes back starts from a clean
    calendar rather than times published long ago.
    """
    coach = await session.get(Coach, coach_id)
    if coach is None or coach.is_active is active:
        return None
    coach.is_active = active
    if active:
        await session.flush()
        return coach, []
    result = await session.scalars(
        _live(
            CoachSlot.coach_id == coach_id,
            CoachSlot.starts_at > now,
        ).options(joinedload(Booking.user), joinedload(Booking.slot))
    )
    cancelled = list(result)
    for booking in cancelled:
        booking.status = BookingStatus.CANCELLED
        booking.cancel_reason = reason
        await cancel_pending(session, reminder_key_prefix(booking.id))
    await session.execute(
        update(CoachSlot)
        .where(
            CoachSlot.coach_id == coach_id,
            CoachSlot.status.in_([SlotStatus.OPEN, SlotStatus.BOOKED]),
            CoachSlot.starts_at > now,
        )
        .values(status=SlotStatus.REMOVED)
    )
    await session.flush()
    return coach, cancelled


PREPARING_STATUSES = (
    ApplicationStatus.INTERESTED,
    ApplicationStatus.APPLIED,
    ApplicationStatus.INTERVIEW,
)


async def postings_in_progress(
    session: AsyncSession, user_id: int, limit: int | None
) -> list[Posting]:
    """Open postings the senior is pursuing, latest first: what a coaching could prepare for."""
    result = await session.scalars(
        select(Posting)
        .join(Application, Application.posting_id == Posting.id)
        .where(
            Application.user_id == user_id,
            Application.status.in_(PREPARING_STATUSES),
            Posting.closed_at.is_(None),
        )
        .options(joinedload(Posting.company))
        .order_by(Application.updated_at.desc(), Posting.id)
        .limit(limit)
    )
    return list(result)
