"""A coach with published times, for tests that start from a bookable calendar."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.channels.updates import Person
from db.coaching import add_slots
from db.models import Booking, Coach, Role
from db.users import ensure_role
from handlers import texts
from tests.support.harness import BotHarness, Chat

COACH = Person(4_000_001, "민정", "박")
COACH_HOW = "전화 (예약 후 연락드려요)"
THREE_PM_DEC_3 = datetime(2026, 12, 3, 6, 0, tzinfo=UTC)  # 15:00 in Seoul, a Thursday


async def coach_with_slots(bot: BotHarness, *starts: datetime) -> None:
    """박민정, a 제조·품질 and 사무·회계 coach, with 30-minute sessions at `starts`."""
    async with bot.application.bot_data.sessions.begin() as session:
        user = await ensure_role(session, COACH.id, Role.COACH)
        coach = Coach(
            user_id=user.id,
            name="박민정",
            specialties=["제조·품질", "사무·회계"],
            introduction="대기업 품질관리 면접관 출신이에요.",
            how=COACH_HOW,
        )
        session.add(coach)
        await session.flush()
        await add_slots(session, coach, [(s, s + timedelta(minutes=30)) for s in starts])


async def to_times(senior: Chat) -> None:
    """From the menu to the times of 3 December."""
    await senior.send(texts.MENU_COACHING)
    await senior.tap("제조·품질")
    await senior.tap("12월 3일 (목)")


async def latest_booking(bot: BotHarness) -> Booking:
    async with bot.application.bot_data.sessions() as session:
        booking = await session.scalar(select(Booking).order_by(Booking.id.desc()).limit(1))
    assert booking is not None
    return booking
