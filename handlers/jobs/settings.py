"""/alerts: how often new postings are pushed, and whether nights stay quiet.

Each button carries the whole choice ("alerts:mode:daily", "alerts:hour:9"), so the
settings need no conversation state and an old button still does what it says.
"""

from telegram import Update

from db.alerts import set_alert_mode, set_quiet_nights
from db.models import AlertMode, Role
from db.users import find_user
from handlers import texts
from handlers.context import BotContext
from handlers.jobs.cards import Payload
from handlers.replies import Reply, pressed, send, send_payload

ALERTS_CALLBACK = "alerts"


async def show_alert_settings(update: Update, context: BotContext) -> None:
    """/alerts and the 알림 설정 button."""
    person = update.effective_user
    assert person is not None
    async with context.sessions() as session:
        account = await find_user(session, person.id)
    if account is None or account.role is not Role.SEEKER:
        await send(update, Reply(texts.JOBS_NEED_PROFILE))
        return
    await send_payload(update, _mode_question(account.quiet_nights))


async def alert_button(update: Update, context: BotContext) -> None:
    """A press on one of the settings buttons."""
    press = await pressed(update)
    if press is None:
        return
    _, setting, value = press.parts
    async with context.sessions.begin() as session:
        account = await find_user(session, press.person_id)
        if account is None:
            await send(update, Reply(texts.JOBS_NEED_PROFILE))
            return
        if setting == "mode":
            mode = AlertMode(value)
            await set_alert_mode(session, account.id, mode)
            needs_hour = mode in (AlertMode.DAILY, AlertMode.WEEKLY)
            reply = _hour_question() if needs_hour else None
        elif setting == "hour":
            await set_alert_mode(session, account.id, account.alert_mode, int(value))
            reply = None
        else:
            await set_quiet_nights(session, account.id, value == "on")
            reply = None
        await session.refresh(account)
        saved = texts.alerts_saved(
            account.alert_mode.value, account.digest_hour, account.quiet_nights
        )
    await send_payload(update, reply or {"text": saved})


def _mode_question(quiet_nights: bool) -> Payload:
    modes = [
        [{"text": texts.ALERT_MODE_LABELS[m.value], "data": f"{ALERTS_CALLBACK}:mode:{m.value}"}]
        for m in AlertMode
    ]
    night = (
        {"text": texts.NIGHT_OFF, "data": f"{ALERTS_CALLBACK}:night:off"}
        if quiet_nights
        else {"text": texts.NIGHT_ON, "data": f"{ALERTS_CALLBACK}:night:on"}
    )
    return {"text": texts.ALERTS_QUESTION, "buttons": [*modes, [night]]}


def _hour_question() -> Payload:
    hours = [
        {"text": texts.hour_label(hour), "data": f"{ALERTS_CALLBACK}:hour:{hour}"}
        for hour in texts.ALERT_HOURS
    ]
    return {"text": texts.ALERTS_HOUR_QUESTION, "buttons": [hours[:2], hours[2:]]}
