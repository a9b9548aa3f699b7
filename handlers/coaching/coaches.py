"""The coach's side: joining by invitation, publishing free times, seeing the schedule.

Admins hand out one-time codes (/invite_coach); a coach opens the bot with the code and
answers four questions. Free times are typed the way coaches think of them ("12월 3일
14:00-17:00, 30분") and shown back as individual sessions before anything is opened.
Anyone without the role gets a polite no, and we get a log line.
"""

from datetime import datetime
from enum import IntEnum

from telegram import Update
from telegram.ext import CommandHandler, ConversationHandler, MessageHandler, filters

from db.coaching import (
    Refusal,
    add_slots,
    coach_slots_ahead,
    find_slot,
    invite_is_open,
    redeem_invite,
    register_coach,
    remove_slot,
)
from db.models import Booking, Role, SlotStatus
from db.outbox import enqueue
from db.profiles import load_profile
from db.users import ensure_role
from handlers import texts
from handlers.context import BotContext
from handlers.people import person_name
from handlers.replies import NO_KEYBOARD, Reply, message_text, rows, send, send_payload
from handlers.staff import active_coach, coach_press, invitation
from matching.slots import korean_time, parse_availability
from matching.text import normalize

INVITE_PREFIX = "coach-"
MAX_LISTED_SLOTS = 20
_INVITE = "coach_invite"
_DRAFT = "coach_draft"
_WINDOWS = "coach_windows"
ANSWER = filters.TEXT & ~filters.COMMAND


class CoachStep(IntEnum):
    NAME = 101
    SPECIALTIES = 102
    INTRO = 103
    HOW = 104
    SLOTS = 111
    SLOTS_CONFIRM = 112


async def invite_coach(update: Update, context: BotContext) -> None:
    """/invite_coach (admins): a one-time code and the link a coach opens."""
    invited = await invitation(update, context, Role.COACH, INVITE_PREFIX)
    if invited is not None:
        await send(update, Reply(texts.invite_created(*invited)))


async def start_registration(update: Update, context: BotContext) -> int:
    """/start coach-CODE: check the code, then ask the coach's name."""
    code = (context.args or [""])[0].removeprefix(INVITE_PREFIX).strip().upper()
    async with context.sessions() as session:
        open_invite = await invite_is_open(session, code)
    if not open_invite:
        await send(update, Reply(texts.INVITE_UNKNOWN, NO_KEYBOARD))
        return ConversationHandler.END
    context.scratch[_INVITE] = code
    context.scratch[_DRAFT] = {"specialties": []}
    await send(update, Reply(texts.COACH_ASK_NAME, NO_KEYBOARD))
    return CoachStep.NAME


async def coach_name(update: Update, context: BotContext) -> int:
    name = normalize(message_text(update))
    if not 1 <= len(name) <= 20:
        await send(update, Reply(texts.COACH_ASK_NAME))
        return CoachStep.NAME
    context.scratch[_DRAFT]["name"] = name
    return await _ask_specialties(update, context)


async def coach_specialty(update: Update, context: BotContext) -> int:
    word = normalize(message_text(update))
    chosen: list[str] = context.scratch[_DRAFT]["specialties"]
    if word in texts.NEXT_WORDS and chosen:
        await send(update, Reply(texts.COACH_ASK_INTRO, NO_KEYBOARD))
        return CoachStep.INTRO
    if word in texts.COACH_SPECIALTIES and word not in chosen:
        chosen.append(word)
    return await _ask_specialties(update, context)


async def _ask_specialties(update: Update, context: BotContext) -> int:
    chosen = context.scratch[_DRAFT]["specialties"]
    left = [s for s in texts.COACH_SPECIALTIES if s not in chosen]
    controls = (texts.NEXT,) if chosen else ()
    question = texts.COACH_ASK_SPECIALTIES
    if chosen:
        question = f"{texts.chosen_so_far('분야', chosen)}\n{question}"
    await send(update, Reply(question, (*rows(left), controls) if controls else rows(left)))
    return CoachStep.SPECIALTIES


async def coach_intro(update: Update, context: BotContext) -> int:
    intro = normalize(message_text(update))
    if not 5 <= len(intro) <= 300:
        await send(update, Reply(texts.COACH_INTRO_INVALID))
        return CoachStep.INTRO
    context.scratch[_DRAFT]["introduction"] = intro
    await send(update, Reply(texts.COACH_ASK_HOW, rows(texts.COACH_HOW_OPTIONS, 3)))
    return CoachStep.HOW


async def coach_how(update: Update, context: BotContext) -> int:
    how = normalize(message_text(update))
    if not 2 <= len(how) <= 200:
        await send(update, Reply(texts.COACH_HOW_INVALID))
        return CoachStep.HOW
    person = update.effective_user
    assert person is not None
    draft, code = context.scratch.pop(_DRAFT), context.scratch.pop(_INVITE)
    async with context.sessions.begin() as session:
        account = await ensure_role(session, person.id, Role.COACH)
        if not await redeem_invite(session, code, account.id, context.now()):
            await session.rollback()
            await send(update, Reply(texts.INVITE_UNKNOWN, NO_KEYBOARD))
            return ConversationHandler.END
        await register_coach(
            session,
            account.id,
            name=draft["name"],
            specialties=draft["specialties"],
            introduction=draft["introduction"],
            how=how,
        )
    await send(update, Reply(texts.coach_registered(draft["name"]), NO_KEYBOARD))
    return ConversationHandler.END


async def ask_slots(update: Update, context: BotContext) -> int:
    """/slots (coaches): free times in plain words."""
    if await active_coach(update, context) is None:
        return ConversationHandler.END
    await send(update, Reply(texts.SLOTS_ASK, NO_KEYBOARD))
    return CoachStep.SLOTS


async def read_slots(update: Update, context: BotContext) -> int:
    answer = parse_availability(message_text(update), now=context.now())
    sessions = [pair for window in answer.windows for pair in window.slots()]
    if not sessions:
        problems = "\n".join(answer.problems) or texts.SLOTS_NOTHING
        await send(update, Reply(problems))
        return CoachStep.SLOTS
    context.scratch[_WINDOWS] = [[start.isoformat(), end.isoformat()] for start, end in sessions]
    lines = [f"• {korean_time(start)}" for start, _ in sessions[:20]]
    preview = texts.slots_preview(lines, len(sessions))
    if answer.problems:
        preview = "\n".join([*answer.problems, "", preview])
    await send(update, Reply(preview, rows([texts.SLOTS_OPEN, texts.SLOTS_RETYPE])))
    return CoachStep.SLOTS_CONFIRM


async def confirm_slots(update: Update, context: BotContext) -> int:
    word = normalize(message_text(update))
    if word == texts.SLOTS_RETYPE:
        await send(update, Reply(texts.SLOTS_ASK, NO_KEYBOARD))
        return CoachStep.SLOTS
    if word != texts.SLOTS_OPEN:
        await send(update, Reply(texts.SLOTS_PICK))
        return CoachStep.SLOTS_CONFIRM
    coach = await active_coach(update, context)
    if coach is None:
        return ConversationHandler.END
    wanted = [
        (datetime.fromisoformat(start), datetime.fromisoformat(end))
        for start, end in context.scratch.pop(_WINDOWS, [])
    ]
    async with context.sessions.begin() as session:
        opened = await add_slots(session, coach, wanted)
    await send(update, Reply(texts.slots_opened(opened, len(wanted) - opened), NO_KEYBOARD))
    return ConversationHandler.END


SLOT_PREFIX = "cs"


async def my_slots(update: Update, context: BotContext) -> None:
    """/myslots (coaches): upcoming times, each with a button to take it off."""
    coach = await active_coach(update, context)
    if coach is None:
        return
    async with context.sessions() as session:
        slots = await coach_slots_ahead(session, coach.id, context.now())
    if not slots:
        await send(update, Reply(texts.MY_SLOTS_NONE))
        return
    for slot in slots[:MAX_LISTED_SLOTS]:
        booked = f" · {texts.SLOT_BOOKED_MARK}" if slot.status is SlotStatus.BOOKED else ""
        remove = [[{"text": texts.BUTTON_REMOVE_SLOT, "data": f"{SLOT_PREFIX}:rm:{slot.id}"}]]
        await send_payload(
            update, {"text": korean_time(slot.starts_at) + booked, "buttons": remove}
        )


async def slot_button(update: Update, context: BotContext) -> None:
    """지우기 under a time, then (if someone booked it) the reason to tell them."""
    press = await coach_press(update, context)
    if press is None:
        return
    (_, action, slot_id, *reason), coach = press
    async with context.sessions.begin() as session:
        slot = await find_slot(session, int(slot_id))
        if slot is None or slot.coach_id != coach.id:
            await send(update, Reply(texts.SLOT_GONE))
            return
        if action == "rm" and slot.status is SlotStatus.BOOKED:
            buttons = [
                [{"text": r, "data": f"{SLOT_PREFIX}:rr:{slot.id}:{n}"}]
                for n, r in enumerate(texts.SLOT_REMOVE_REASONS)
            ]
            await send_payload(update, {"text": texts.SLOT_REMOVE_REASON, "buttons": buttons})
            return
        why = texts.SLOT_REMOVE_REASONS[int(reason[0])] if reason else None
        outcome = await remove_slot(session, coach.id, slot.id, why)
        if outcome is Refusal.GONE:
            await send(update, Reply(texts.SLOT_GONE))
            return
        if isinstance(outcome, Booking):
            when = korean_time(slot.starts_at)
            await enqueue(
                session,
                user_id=outcome.user_id,
                kind="coaching",
                payload={"text": texts.senior_told_removed(when, coach.name, why or "-")},
                dedupe_key=f"coach:removed:{outcome.id}",
                not_before=context.now(),
            )
            profile = await load_profile(session, outcome.user.telegram_id)
            reply = texts.slot_removed_booked(person_name(profile))
        else:
            reply = texts.SLOT_REMOVED
    await send(update, Reply(reply))


async def stop(update: Update, context: BotContext) -> int:
    for key in (_INVITE, _DRAFT, _WINDOWS):
        context.scratch.pop(key, None)
    await send(update, Reply(texts.CANCELLED, NO_KEYBOARD))
    return ConversationHandler.END


def build_coach_conversations() -> list[ConversationHandler[BotContext]]:
    """Registration (entered by an invitation link) and publishing free times."""
    registration = ConversationHandler(
        entry_points=[
            CommandHandler("start", start_registration, filters.Regex(rf"^/start {INVITE_PREFIX}"))
        ],
        states={
            CoachStep.NAME: [MessageHandler(ANSWER, coach_name)],
            CoachStep.SPECIALTIES: [MessageHandler(ANSWER, coach_specialty)],
            CoachStep.INTRO: [MessageHandler(ANSWER, coach_intro)],
            CoachStep.HOW: [MessageHandler(ANSWER, coach_how)],
        },
        fallbacks=[CommandHandler("cancel", stop)],
        name="coach_registration",
        persistent=True,
    )
    publishing = ConversationHandler(
        entry_points=[CommandHandler("slots", ask_slots)],
        states={
            CoachStep.SLOTS: [MessageHandler(ANSWER, read_slots)],
            CoachStep.SLOTS_CONFIRM: [MessageHandler(ANSWER, confirm_slots)],
        },
        fallbacks=[CommandHandler("cancel", stop)],
        name="coach_slots",
        persistent=True,
    )
    return [registration, publishing]
