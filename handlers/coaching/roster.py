"""Admins see every coach and can stop one (or let them start again).

Stopping a coach cancels their upcoming sessions and tells each booked senior at once,
through the outbox, so nobody waits for a practice interview that will not happen. The
coach is told too. Buttons carry the coach's id and are checked again when pressed.
"""

from telegram import Update

from db.audit import record
from db.coaching import all_coaches, set_coach_active
from db.models import Role
from db.outbox import enqueue
from handlers import texts
from handlers.context import BotContext
from handlers.replies import Reply, send, send_payload
from handlers.staff import admin_press, staff_account
from matching.slots import korean_time

PREFIX = "ca"


async def list_coaches(update: Update, context: BotContext) -> None:
    """/coaches (admins): each coach with their state and a button to change it."""
    if await staff_account(update, context, Role.ADMIN) is None:
        return
    async with context.sessions() as session:
        coaches = await all_coaches(session, context.now())
    if not coaches:
        await send(update, Reply(texts.COACHES_NONE))
        return
    for coach, upcoming in coaches:
        line = texts.coach_line(
            coach.name, ", ".join(coach.specialties), coach.is_active, upcoming
        )
        if coach.is_active:
            button = {"text": texts.BUTTON_STOP_COACH, "data": f"{PREFIX}:stop:{coach.id}"}
        else:
            button = {"text": texts.BUTTON_RESTART_COACH, "data": f"{PREFIX}:start:{coach.id}"}
        await send_payload(update, {"text": line, "buttons": [[button]]})


async def coach_button(update: Update, context: BotContext) -> None:
    """활동 멈추기 → 네, 멈춰요 / 아니요; 다시 활동하기."""
    pressed = await admin_press(update, context)
    if pressed is None:
        return
    (_, action, coach_id), admin = pressed
    if action == "no":
        await send(update, Reply(texts.STOP_KEPT))
    elif action == "stop":
        await _confirm_stop(update, context, int(coach_id))
    else:
        answer = await _change(context, admin.id, int(coach_id), active=action == "start")
        await send(update, Reply(answer))


async def _confirm_stop(update: Update, context: BotContext, coach_id: int) -> None:
    async with context.sessions() as session:
        found = [(c, n) for c, n in await all_coaches(session, context.now()) if c.id == coach_id]
    if not found or not found[0][0].is_active:
        await send(update, Reply(texts.COACH_UNKNOWN))
        return
    coach, upcoming = found[0]
    buttons = [
        [
            {"text": texts.BUTTON_STOP_YES, "data": f"{PREFIX}:yes:{coach.id}"},
            {"text": texts.BUTTON_STOP_NO, "data": f"{PREFIX}:no:{coach.id}"},
        ]
    ]
    await send_payload(
        update, {"text": texts.confirm_stop_coach(coach.name, upcoming), "buttons": buttons}
    )


async def _change(context: BotContext, admin_id: int, coach_id: int, *, active: bool) -> str:
    """Stop or restart the coach and tell everyone concerned; the admin's answer."""
    now = context.now()
    async with context.sessions.begin() as session:
        changed = await set_coach_active(session, coach_id, active, now, texts.COACH_STOP_REASON)
        if changed is None:
            return texts.COACH_UNKNOWN
        coach, cancelled = changed
        action = "coach.restart" if active else "coach.stop"
        await record(session, admin_id, action, f"coach:{coach.id}", {"cancelled": len(cancelled)})
        for booking in cancelled:
            when = korean_time(booking.slot.starts_at)
            await enqueue(
                session,
                user_id=booking.user_id,
                kind="coaching",
                payload={"text": texts.senior_told_coach_stopped(when, coach.name)},
                dedupe_key=f"coach:stopped:{booking.id}",
                not_before=now,
            )
        change = "restarted" if active else "stopped"
        await enqueue(
            session,
            user_id=coach.user_id,
            kind="coaching",
            payload={"text": texts.COACH_TOLD_RESTARTED if active else texts.COACH_TOLD_STOPPED},
            dedupe_key=f"coach:{change}:{coach.id}:{now.isoformat()}",
            not_before=now,
        )
    if active:
        return texts.coach_restarted(coach.name)
    return texts.coach_stopped(coach.name, len(cancelled))
