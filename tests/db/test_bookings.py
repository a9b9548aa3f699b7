"""No slot is ever double-booked, whatever happens at the same moment."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.runner import database
from db.coaching import (
    Refusal,
    add_slots,
    book,
    bookings_of,
    cancel_booking,
    create_invite,
    open_slots,
    redeem_invite,
)
from db.models import Booking, BookingStatus, Coach, CoachSlot, Role, SlotStatus, User
from db.users import ensure_role, register_seeker

NOW = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)
CUT_OFF = timedelta(hours=3)
TOMORROW_2PM = datetime(2026, 11, 23, 5, 0, tzinfo=UTC)  # 14:00 in Seoul
SENIORS = [2_000_001 + i for i in range(6)]

Sessions = async_sessionmaker[AsyncSession]


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[Sessions]:
    async with database(database_url) as sessions:
        async with sessions.begin() as session:
            coach_user = await ensure_role(session, 3_000_001, Role.COACH)
            coach = Coach(
                user_id=coach_user.id,
                name="박민정",
                specialties=["제조·품질"],
                introduction="품질관리 면접을 20년 봐 왔어요.",
                how="전화",
            )
            session.add(coach)
            await session.flush()
            starts = [TOMORROW_2PM + timedelta(minutes=30 * i) for i in range(4)]
            await add_slots(session, coach, [(s, s + timedelta(minutes=30)) for s in starts])
            for telegram_id in SENIORS:
                await register_seeker(session, telegram_id, consented_at=NOW)
        yield sessions


async def _ids(sessions: Sessions) -> tuple[list[int], list[int]]:
    """The slot ids (earliest first) and the seniors' user ids."""
    async with sessions() as session:
        slots = list(await session.scalars(select(CoachSlot.id).order_by(CoachSlot.starts_at)))
        users = list(
            await session.scalars(
                select(User.id).where(User.telegram_id.in_(SENIORS)).order_by(User.id)
            )
        )
    return slots, users


async def _book(sessions: Sessions, slot_id: int, user_id: int, now: datetime = NOW) -> object:
    async with sessions.begin() as session:
        return await book(session, slot_id, user_id, now=now, cut_off=CUT_OFF, max_upcoming=1)


async def test_everyone_pressing_the_same_time_gets_one_booking(sessions: Sessions) -> None:
    slots, users = await _ids(sessions)
    outcomes = await asyncio.gather(*(_book(sessions, slots[0], user) for user in users))
    booked = [o for o in outcomes if isinstance(o, Booking)]
    assert len(booked) == 1
    assert sorted(str(o) for o in outcomes if not isinstance(o, Booking)) == ["taken"] * 5
    async with sessions() as session:
        live = await session.scalar(
            select(func.count()).select_from(Booking).where(Booking.slot_id == slots[0])
        )
        slot = await session.get(CoachSlot, slots[0])
    assert live == 1
    assert slot is not None
    assert slot.status is SlotStatus.BOOKED


async def test_the_database_refuses_a_second_live_booking(sessions: Sessions) -> None:
    slots, users = await _ids(sessions)
    assert isinstance(await _book(sessions, slots[0], users[0]), Booking)
    with pytest.raises(IntegrityError):
        async with sessions.begin() as session:
            session.add(Booking(slot_id=slots[0], user_id=users[1], status=BookingStatus.BOOKED))


async def test_cut_off_and_past_slots(sessions: Sessions) -> None:
    slots, users = await _ids(sessions)
    late = TOMORROW_2PM - timedelta(hours=2)
    assert await _book(sessions, slots[0], users[0], now=late) is Refusal.TOO_LATE
    async with sessions() as session:
        offered = await open_slots(session, after=late + CUT_OFF, until=late + timedelta(days=14))
    # From 12:00 with a 3-hour cut-off, only the 15:30 session can still be booked.
    assert [slot.id for slot in offered] == [slots[3]]
    assert await _book(sessions, slots[3], users[0], now=late) is not Refusal.TOO_LATE


async def test_one_upcoming_booking_per_senior(sessions: Sessions) -> None:
    slots, users = await _ids(sessions)
    assert isinstance(await _book(sessions, slots[0], users[0]), Booking)
    assert await _book(sessions, slots[1], users[0]) is Refusal.LIMIT
    async with sessions() as session:
        second = await session.get(CoachSlot, slots[1])
    assert second is not None
    assert second.status is SlotStatus.OPEN  # the refused claim was given back


async def test_cancel_frees_the_slot_for_someone_else(sessions: Sessions) -> None:
    slots, users = await _ids(sessions)
    booking = await _book(sessions, slots[0], users[0])
    assert isinstance(booking, Booking)
    async with sessions.begin() as session:
        inside = TOMORROW_2PM - timedelta(hours=1)
        refused = await cancel_booking(session, booking.id, users[0], now=inside, cut_off=CUT_OFF)
        assert refused is Refusal.TOO_LATE
        cancelled = await cancel_booking(session, booking.id, users[0], now=NOW, cut_off=CUT_OFF)
        assert isinstance(cancelled, Booking)
    assert isinstance(await _book(sessions, slots[0], users[1]), Booking)
    async with sessions() as session:
        assert [b.slot_id for b in await bookings_of(session, users[1], NOW)] == [slots[0]]
        assert await bookings_of(session, users[0], NOW) == []


async def test_an_inactive_coach_is_not_offered(sessions: Sessions) -> None:
    slots, users = await _ids(sessions)
    async with sessions.begin() as session:
        coach = await session.scalar(select(Coach))
        assert coach is not None
        coach.is_active = False
    async with sessions() as session:
        assert await open_slots(session, after=NOW, until=NOW + timedelta(days=14)) == []
    assert await _book(sessions, slots[0], users[0]) is Refusal.GONE


async def test_an_invitation_works_once(sessions: Sessions) -> None:
    _, users = await _ids(sessions)
    async with sessions.begin() as session:
        await create_invite(session, "ABC123", None)
    async with sessions.begin() as session:
        assert await redeem_invite(session, "ABC123", users[0], NOW)
        assert not await redeem_invite(session, "ABC123", users[1], NOW)
        assert not await redeem_invite(session, "NOPE99", users[1], NOW)
