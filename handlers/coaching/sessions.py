"""A coach's sessions: what is coming, and closing the ones that happened.

After a session the coach says whether it took place (마쳤어요) or the senior did not come
(안 오셨어요), from /schedule or from the question the bot sends when a session ends. A
finished session can carry notes the senior reads at once and later in /mybookings; a
missed one gets the senior a kind word and the way to book again. The buttons carry the
booking id, so an old one still means one thing; the note itself is typed, so it is a
small conversation entered by the '메모 쓰기' reply button.
"""

from datetime import timedelta
from enum import IntEnum

from telegram import Update
from telegram.ext import CommandHandler, ConversationHandler, MessageHandler, filters

from db.coaching import (
    Refusal,
    coach_schedule,
    count_open_slots,
    record_outcome,
    save_coach_notes,
    sessions_to_close,
)
from db.models import Booking, BookingStatus
from db.outbox import enqueue
from db.profiles import load_profile
from handlers import texts
from handlers.context import BotContext
from handlers.people import person_name
from handlers.replies import NO_KEYBOARD, Reply, message_text, rows, send, send_payload
from handlers.staff import active_coach, coach_press
from matching.slots import korean_time
from matching.text import normalize

PREFIX = "co"
CLOSE_WITHIN = timedelta(days=14)
MAX_NOTES = 1000
_NOTES_FOR = "notes_for"
_OUTCOMES = {"d": BookingStatus.DONE, "n": BookingStatus.NO_SHOW}
NOTES_KEYBOARD = rows([texts.NOTES_WRITE, texts.NOTES_SKIP])


class NotesStep(IntEnum):
    NOTES = 121


def outcome_buttons(booking: Booking) -> list[list[dict[str, str]]]:
    return [
        [
            {"text": texts.BUTTON_SESSION_DONE, "data": f"{PREFIX}:d:{booking.id}"},
            {"text": texts.BUTTON_SESSION_NO_SHOW, "data": f"{PREFIX}:n:{booking.id}"},
        ]
    ]


async def schedule(update: Update, context: BotContext) -> None:
    """/schedule (coaches): upcoming sessions, then past ones still to be marked."""
    coach = await active_coach(update, context)
    if coach is None:
        return
    now = context.now()
    async with context.sessions() as session:
        upcoming = await coach_schedule(session, coach.id, now)
        open_count = await count_open_slots(session, coach.id, now)
        to_close = await sessions_to_close(session, coach.id, now - CLOSE_WITHIN, now)
        names = {
            b.id: person_name(await load_profile(session, b.user.telegram_id))
            for b in (*upcoming, *to_close)
        }
    if upcoming:
        lines = [texts.schedule_line(korean_time(b.slot.starts_at), names[b.id]) for b in upcoming]
        await send(update, Reply("\n".join([texts.schedule_heading(open_count), *lines])))
    else:
        await send(update, Reply(texts.schedule_empty(open_count)))
    if to_close:
        await send(update, Reply(texts.SCHEDULE_TO_CLOSE))
    for booking in to_close:
        question = texts.session_how_did_it_go(
            korean_time(booking.slot.starts_at), names[booking.id]
        )
        await send_payload(update, {"text": question, "buttons": outcome_buttons(booking)})


async def outcome_button(update: Update, context: BotContext) -> None:
    """마쳤어요 / 안 오셨어요 under a past session."""
    press = await coach_press(update, context)
    if press is None:
        return
    (_, code, booking_id), coach = press
    async with context.sessions.begin() as session:
        booking = await record_outcome(
            session, coach.id, int(booking_id), _OUTCOMES[code], context.now()
        )
        if booking is Refusal.NOT_YET:
            reply = Reply(texts.SESSION_NOT_YET)
        elif not isinstance(booking, Booking):
            reply = Reply(texts.SESSION_GONE)
        else:
            senior = person_name(await load_profile(session, booking.user.telegram_id))
            reply = await _after_outcome(context, booking, senior)
            if booking.status is BookingStatus.NO_SHOW:
                await enqueue(
                    session,
                    user_id=booking.user_id,
                    kind="coaching",
                    payload={"text": texts.senior_missed(korean_time(booking.slot.starts_at))},
                    dedupe_key=f"coach:missed:{booking.id}",
                    not_before=context.now(),
                )
    await send(update, reply)


async def _after_outcome(context: BotContext, booking: Booking, senior: str) -> Reply:
    if booking.status is BookingStatus.NO_SHOW:
        context.scratch.pop(_NOTES_FOR, None)
        return Reply(texts.session_marked_no_show(senior))
    context.scratch[_NOTES_FOR] = booking.id
    return Reply(texts.session_marked_done(senior), NOTES_KEYBOARD)


async def ask_notes(update: Update, context: BotContext) -> int:
    """'메모 쓰기': the notes for the session the coach just marked done."""
    if await active_coach(update, context) is None:
        return ConversationHandler.END
    if _NOTES_FOR not in context.scratch:
        await send(update, Reply(texts.NOTES_NO_SESSION, NO_KEYBOARD))
        return ConversationHandler.END
    await send(update, Reply(texts.NOTES_ASK, NO_KEYBOARD))
    return NotesStep.NOTES


async def read_notes(update: Update, context: BotContext) -> int:
    notes = message_text(update).strip()
    if len(normalize(notes)) < 2 or len(notes) > MAX_NOTES:
        await send(update, Reply(texts.NOTES_INVALID))
        return NotesStep.NOTES
    coach = await active_coach(update, context)
    if coach is None:
        return ConversationHandler.END
    async with context.sessions.begin() as session:
        booking = await save_coach_notes(
            session, coach.id, context.scratch.pop(_NOTES_FOR, 0), notes
        )
        if booking is None:
            await send(update, Reply(texts.NOTES_NO_SESSION))
            return ConversationHandler.END
        senior = person_name(await load_profile(session, booking.user.telegram_id))
        when = korean_time(booking.slot.starts_at)
        await enqueue(
            session,
            user_id=booking.user_id,
            kind="coaching",
            payload={"text": texts.notes_for_senior(coach.name, when, notes)},
            dedupe_key=f"coach:notes:{booking.id}:{context.now().isoformat()}",
            not_before=context.now(),
        )
    await send(update, Reply(texts.notes_sent(senior)))
    return ConversationHandler.END


async def notes_not_text(update: Update, context: BotContext) -> int:
    await send(update, Reply(texts.NOTES_INVALID))
    return NotesStep.NOTES


async def skip_notes(update: Update, context: BotContext) -> None:
    """'메모 없이 마치기'."""
    context.scratch.pop(_NOTES_FOR, None)
    await send(update, Reply(texts.NOTES_SKIPPED, NO_KEYBOARD))


async def stop_notes(update: Update, context: BotContext) -> int:
    await send(update, Reply(texts.CANCELLED, NO_KEYBOARD))
    return ConversationHandler.END


def build_notes_conversation() -> ConversationHandler[BotContext]:
    return ConversationHandler(
        entry_points=[MessageHandler(filters.Text([texts.NOTES_WRITE]), ask_notes)],
        states={
            NotesStep.NOTES: [
                MessageHandler(filters.TEXT & ~filters.COMMAND, read_notes),
                MessageHandler(~filters.TEXT & ~filters.COMMAND, notes_not_text),
            ]
        },
        fallbacks=[CommandHandler("cancel", stop_notes)],
        name="coach_notes",
        persistent=True,
    )
