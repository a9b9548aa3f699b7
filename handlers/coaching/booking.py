"""Seniors book a practice interview: field → day → time → confirm, all by buttons.

Every button carries what it needs ("cc:t:42" is slot 42), so an old button still means
one thing, and whatever it points to is checked again when pressed: a slot someone
else took, a booking already cancelled, or a time inside the cut-off gets a clear
answer, never an error.
"""

from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from db.alerts import find_posting
from db.coaching import (
    Refusal,
    book,
    bookings_of,
    cancel_booking,
    find_booking,
    find_slot,
    notes_for_senior,
    open_slots,
    postings_in_progress,
    rate,
)
from db.models import Booking, BookingStatus, CoachSlot, Posting, Profile, User
from db.outbox import enqueue
from db.profiles import load_profile
from db.users import find_user
from handlers import texts
from handlers.context import BotContext
from handlers.jobs.cards import Payload
from handlers.people import person_name
from handlers.profile.fields import career_line
from handlers.replies import Reply, pressed, send, send_payload
from handlers.stories.tips import push_tip_for_profile
from matching.age import age_on
from matching.schedule import korean_date
from matching.slots import korean_clock, korean_time

PREFIX = "cc"
ANY = "*"
DAYS_AHEAD = 14
NEAREST = 3
NO_POSTING = 0
POSTING_CHOICES = 3
NOTES_SHOWN = 3


def _data(*parts: object) -> str:
    return ":".join([PREFIX, *(str(part) for part in parts)])


async def start_booking(update: Update, context: BotContext) -> None:
    """/coaching and the 면접 코칭 예약 button: which field?"""
    slots = await _free_slots(context, None)
    if not slots:
        await send(update, Reply(texts.COACHING_NONE))
        return
    specialties = sorted({s for slot in slots for s in slot.coach.specialties})
    buttons = [[{"text": s, "data": _data("s", s)}] for s in specialties]
    buttons.append([{"text": texts.ANY_SPECIALTY, "data": _data("s", ANY)}])
    await send_payload(update, {"text": texts.COACHING_INTRO, "buttons": buttons})


async def coaching_button(update: Update, context: BotContext) -> None:
    """Every button of the booking flow and of /mybookings."""
    press = await pressed(update)
    if press is None:
        return
    _, step, *rest = press.parts
    if step == "s":
        reply = await _days(context, rest[0])
    elif step == "d":
        reply = await _times(context, rest[0], rest[1])
    elif step == "t":
        reply = await _ask_posting(context, press.person_id, int(rest[0]))
    elif step == "p":
        reply = await _confirm(context, int(rest[0]), int(rest[1]))
    elif step == "b":
        reply = await _book(
            context, press.person_id, int(rest[0]), int(rest[1]) if len(rest) > 1 else NO_POSTING
        )
    elif step == "x":
        reply = await _cancel(context, press.person_id, int(rest[0]))
    elif step == "m":
        reply = await _move_choices(context, press.person_id, int(rest[0]))
    elif step == "mv":
        reply = await _move(context, press.person_id, int(rest[0]), int(rest[1]))
    elif step == "r":
        reply = await _rate(context, press.person_id, int(rest[0]), int(rest[1]))
    else:
        reply = {"text": texts.OLD_BUTTON}
    await send_payload(update, reply)


async def my_bookings(update: Update, context: BotContext) -> None:
    """/mybookings: upcoming sessions with move and cancel buttons, then coaches' notes."""
    person = update.effective_user
    assert person is not None
    async with context.sessions() as session:
        account = await find_user(session, person.id)
        bookings = await bookings_of(session, account.id, context.now()) if account else []
        noted = await notes_for_senior(session, account.id, NOTES_SHOWN) if account else []
    if not bookings:
        await send(update, Reply(texts.MY_BOOKINGS_NONE))
    for booking in bookings:
        slot = booking.slot
        text = texts.my_booking(korean_time(slot.starts_at), slot.coach.name, slot.coach.how)
        buttons = [
            [
                {"text": texts.BUTTON_MOVE_BOOKING, "data": _data("m", booking.id)},
                {"text": texts.BUTTON_CANCEL_BOOKING, "data": _data("x", booking.id)},
            ]
        ]
        await send_payload(update, {"text": text, "buttons": buttons})
    if noted:
        notes = [
            texts.my_note(korean_time(b.slot.starts_at), b.slot.coach.name, b.coach_notes or "")
            for b in noted
        ]
        await send(update, Reply("\n\n".join([texts.MY_NOTES_HEADING, *notes])))


async def _free_slots(context: BotContext, specialty: str | None) -> list[CoachSlot]:
    now = context.now()
    async with context.sessions() as session:
        slots = await open_slots(
            session,
            after=now + context.bot_data.booking_cut_off,
            until=now + timedelta(days=DAYS_AHEAD),
        )
    if specialty in (None, ANY):
        return slots
    return [slot for slot in slots if specialty in slot.coach.specialties]


async def _days(context: BotContext, specialty: str) -> Payload:
    slots = await _free_slots(context, specialty)
    days = sorted({korean_date(slot.starts_at) for slot in slots})
    if not days:
        return {"text": texts.COACHING_NONE}
    buttons = [
        [{"text": texts.korean_day(day), "data": _data("d", specialty, day.strftime("%Y%m%d"))}]
        for day in days
    ]
    return {"text": texts.COACHING_PICK_DAY, "buttons": buttons}


async def _times(context: BotContext, specialty: str, day: str) -> Payload:
    wanted = date(int(day[:4]), int(day[4:6]), int(day[6:]))
    slots = [
        s for s in await _free_slots(context, specialty) if korean_date(s.starts_at) == wanted
    ]
    if not slots:
        return await _days(context, specialty)
    return {"text": texts.COACHING_PICK_TIME, "buttons": _slot_buttons(slots)}


def _slot_buttons(slots: list[CoachSlot], *, with_day: bool = False) -> list[list[dict[str, str]]]:
    """One big button per time; with the day when times of several days are mixed."""
    clock = korean_time if with_day else korean_clock
    return [
        [{"text": f"{clock(slot.starts_at)} · {slot.coach.name}", "data": _data("t", slot.id)}]
        for slot in slots
    ]


async def _ask_posting(context: BotContext, telegram_id: int, slot_id: int) -> Payload:
    """Which posting is this practice for? Asked only of seniors pursuing one."""
    async with context.sessions() as session:
        account = await find_user(session, telegram_id)
        postings = (
            await postings_in_progress(session, account.id, POSTING_CHOICES) if account else []
        )
    if not postings:
        return await _confirm(context, slot_id, NO_POSTING)
    buttons = [[{"text": posting_label(p), "data": _data("p", slot_id, p.id)}] for p in postings]
    buttons.append([{"text": texts.COACHING_NO_POSTING, "data": _data("p", slot_id, NO_POSTING)}])
    return {"text": texts.COACHING_ASK_POSTING, "buttons": buttons}


def posting_label(posting: Posting) -> str:
    return f"{posting.company.name} · {posting.title}"


async def _confirm(context: BotContext, slot_id: int, posting_id: int) -> Payload:
    async with context.sessions() as session:
        slot = await find_slot(session, slot_id)
        posting = await find_posting(session, posting_id) if posting_id else None
    if slot is None:
        return {"text": texts.COACHING_GONE}
    minutes = int((slot.ends_at - slot.starts_at).total_seconds() // 60)
    text = texts.coaching_confirm(
        korean_time(slot.starts_at),
        slot.coach.name,
        slot.coach.how,
        minutes,
        posting_label(posting) if posting else None,
    )
    buttons = [
        [{"text": texts.COACHING_BOOK, "data": _data("b", slot.id, posting_id)}],
        [{"text": texts.COACHING_OTHER_TIME, "data": _data("s", ANY)}],
    ]
    return {"text": text, "buttons": buttons}


async def _book(context: BotContext, telegram_id: int, slot_id: int, posting_id: int) -> Payload:
    data = context.bot_data
    async with context.sessions.begin() as session:
        account = await find_user(session, telegram_id)
        if account is None:
            return {"text": texts.JOBS_NEED_PROFILE}
        outcome = await book(
            session,
            slot_id,
            account.id,
            now=context.now(),
            cut_off=data.booking_cut_off,
            max_upcoming=data.max_upcoming_bookings,
            posting_id=await _preparing_for(session, account.id, posting_id),
        )
        if isinstance(outcome, Booking):
            booking = await find_booking(session, outcome.id, account.id)
            assert booking is not None
            await _tell_coach(session, context, account, booking)
            profile = await load_profile(session, account.telegram_id)
            if profile is not None:
                await push_tip_for_profile(
                    session,
                    profile,
                    lead=texts.TIP_WITH_BOOKING,
                    moment="booking",
                    now=context.now(),
                )
            slot = booking.slot
            when = korean_time(slot.starts_at)
            return {"text": texts.coaching_booked(when, slot.coach.name, slot.coach.how)}
    return await _refused(context, outcome, slot_id)


async def _preparing_for(session: AsyncSession, user_id: int, posting_id: int) -> int | None:
    """The posting from the button, if the senior still pursues it (an old button may not)."""
    if posting_id == NO_POSTING:
        return None
    pursued = await postings_in_progress(session, user_id, limit=None)
    return posting_id if any(p.id == posting_id for p in pursued) else None


async def _refused(context: BotContext, refusal: Refusal, slot_id: int) -> Payload:
    hours = _cut_off_hours(context)
    if refusal is Refusal.LIMIT:
        return {"text": texts.COACHING_LIMIT}
    if refusal is Refusal.GONE:
        return {"text": texts.COACHING_GONE}
    if refusal is Refusal.TOO_LATE:
        days = await _days(context, ANY)
        return {**days, "text": texts.coaching_too_late(hours)}
    async with context.sessions() as session:
        taken = await find_slot(session, slot_id)
    free = await _free_slots(context, None)
    if taken is not None:
        free.sort(key=lambda s: abs((s.starts_at - taken.starts_at).total_seconds()))
    nearest = sorted(free[:NEAREST], key=lambda s: s.starts_at)
    if not nearest:
        return {"text": texts.COACHING_TAKEN_NONE}
    return {"text": texts.COACHING_TAKEN, "buttons": _slot_buttons(nearest, with_day=True)}


async def _cancel(context: BotContext, telegram_id: int, booking_id: int) -> Payload:
    async with context.sessions.begin() as session:
        account = await find_user(session, telegram_id)
        booking = await find_booking(session, booking_id, account.id) if account else None
        if account is None or booking is None:
            return {"text": texts.BOOKING_ALREADY_CANCELLED}
        outcome = await cancel_booking(
            session,
            booking_id,
            account.id,
            now=context.now(),
            cut_off=context.bot_data.booking_cut_off,
        )
        slot = booking.slot
        if outcome is Refusal.TOO_LATE:
            hours = _cut_off_hours(context)
            return {"text": texts.booking_locked(hours, slot.coach.name, slot.coach.how)}
        if outcome is Refusal.GONE:
            return {"text": texts.BOOKING_ALREADY_CANCELLED}
        await _tell_coach(session, context, account, booking)
        return {"text": texts.booking_cancelled(korean_time(slot.starts_at))}


async def _move_choices(context: BotContext, telegram_id: int, booking_id: int) -> Payload:
    """The same coach's free times, to move a booking to."""
    async with context.sessions() as session:
        account = await find_user(session, telegram_id)
        booking = await find_booking(session, booking_id, account.id) if account else None
    if booking is None or booking.status is not BookingStatus.BOOKED:
        return {"text": texts.BOOKING_ALREADY_CANCELLED}
    coach = booking.slot.coach
    if booking.slot.starts_at <= context.now() + context.bot_data.booking_cut_off:
        return {"text": texts.booking_locked(_cut_off_hours(context), coach.name, coach.how)}
    free = [s for s in await _free_slots(context, None) if s.coach_id == coach.id][:10]
    if not free:
        return {"text": texts.MOVE_NONE}
    buttons = [
        [{"text": korean_time(slot.starts_at), "data": _data("mv", booking.id, slot.id)}]
        for slot in free
    ]
    return {"text": texts.MOVE_PICK, "buttons": buttons}


async def _move(context: BotContext, telegram_id: int, booking_id: int, slot_id: int) -> Payload:
    """Cancel and book in one step: if the new time is gone, the old booking stays."""
    data = context.bot_data
    now = context.now()
    async with context.sessions.begin() as session:
        account = await find_user(session, telegram_id)
        if account is None:
            return {"text": texts.BOOKING_ALREADY_CANCELLED}
        async with session.begin_nested() as attempt:
            old = await cancel_booking(
                session, booking_id, account.id, now=now, cut_off=data.booking_cut_off
            )
            if not isinstance(old, Booking):
                await attempt.rollback()
                return await _cancel(context, telegram_id, booking_id)
            new = await book(
                session,
                slot_id,
                account.id,
                now=now,
                cut_off=data.booking_cut_off,
                max_upcoming=data.max_upcoming_bookings,
                posting_id=old.posting_id,
            )
            if not isinstance(new, Booking):
                await attempt.rollback()
                refusal = new
        if isinstance(new, Booking):
            moved = await find_booking(session, new.id, account.id)
            assert moved is not None
            await _tell_coach(session, context, account, old)
            await _tell_coach(session, context, account, moved)
            slot = moved.slot
            return {
                "text": texts.booking_moved(
                    korean_time(slot.starts_at), slot.coach.name, slot.coach.how
                )
            }
    return await _refused(context, refusal, slot_id)


def rating_buttons(booking: Booking) -> list[list[dict[str, str]]]:
    """1 to 5, one tap, after the session."""
    return [[{"text": f"{n}점", "data": _data("r", booking.id, n)} for n in range(1, 6)]]


async def _rate(context: BotContext, telegram_id: int, booking_id: int, rating: int) -> Payload:
    async with context.sessions.begin() as session:
        account = await find_user(session, telegram_id)
        rated = account is not None and await rate(session, booking_id, account.id, rating)
    return {"text": texts.RATING_THANKS if rated else texts.OLD_BUTTON}


def _cut_off_hours(context: BotContext) -> int:
    return int(context.bot_data.booking_cut_off.total_seconds() // 3600)


async def _tell_coach(
    session: AsyncSession, context: BotContext, senior: User, booking: Booking
) -> None:
    """The coach hears of every booking and cancellation at once, through the outbox."""
    profile = await load_profile(session, senior.telegram_id)
    who = person_name(profile)
    when = korean_time(booking.slot.starts_at)
    if booking.status is BookingStatus.BOOKED:
        posting = await find_posting(session, booking.posting_id) if booking.posting_id else None
        text = texts.coach_booked_notice(
            who, when, _summary(profile, context), posting_label(posting) if posting else None
        )
    else:
        text = texts.coach_cancelled_notice(who, when)
    await enqueue(
        session,
        user_id=booking.slot.coach.user_id,
        kind="coaching",
        payload={"text": text},
        dedupe_key=f"coach:{booking.status.value}:{booking.id}",
        not_before=context.now(),
    )


def _summary(profile: Profile | None, context: BotContext) -> str:
    """What a coach needs to prepare: age, the work wanted, the career behind it."""
    if profile is None:
        return texts.senior_summary("-", "-", "-")
    careers = career_line(profile)
    age = f"{age_on(profile.birth_year, today=context.today())}세" if profile.birth_year else "-"
    desired = ", ".join(profile.desired_jobs or []) or "-"
    return texts.senior_summary(age, desired, careers or "-")
