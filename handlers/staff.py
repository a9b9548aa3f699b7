"""Who may use the staff commands: admins (ENCORE_ADMIN_IDS or promoted) and active coaches.

Every staff command starts with one of these checks. Anyone else gets a polite no, and
we get a log line, so a senior who found a command by accident is not left wondering.
"""

import logging

from telegram import Update

from db.audit import record
from db.coaching import create_invite, find_coach
from db.models import Coach, Role, User
from db.users import ensure_role, find_user
from handlers import texts
from handlers.codes import readable_code
from handlers.context import BotContext
from handlers.replies import Reply, pressed, send

logger = logging.getLogger(__name__)

INVITE_CODE_LENGTH = 8


async def staff_account(update: Update, context: BotContext, role: Role) -> User | None:
    """The person's account if they have `role` (admins may do anything); else a polite no."""
    person = update.effective_user
    assert person is not None
    async with context.sessions.begin() as session:
        if person.id in context.bot_data.admin_ids:
            await ensure_role(session, person.id, Role.ADMIN)
        account = await find_user(session, person.id)
    if account is not None and account.role in (role, Role.ADMIN):
        return account
    logger.info("refused %s to user %s", role.value, person.id)
    await send(update, Reply(texts.ADMIN_ONLY if role is Role.ADMIN else texts.STAFF_ONLY))
    return None


async def active_coach(update: Update, context: BotContext) -> Coach | None:
    """The person's coach record, if they are a coach the centre has not stopped."""
    account = await staff_account(update, context, Role.COACH)
    if account is None:
        return None
    async with context.sessions() as session:
        coach = await find_coach(session, account.id)
    if coach is None:
        await send(update, Reply(texts.STAFF_ONLY))
    elif not coach.is_active:
        logger.info("refused stopped coach %s", coach.id)
        await send(update, Reply(texts.COACH_STOPPED))
        return None
    return coach


async def admin_press(update: Update, context: BotContext) -> tuple[list[str], User] | None:
    """A pressed admin button: its data parts and the admin who pressed it, else None.

    The role is checked as for a typed command, and a polite no sent to anyone else.
    """
    press = await pressed(update)
    account = await staff_account(update, context, Role.ADMIN) if press else None
    return (press.parts, account) if press and account else None


async def coach_press(update: Update, context: BotContext) -> tuple[list[str], Coach] | None:
    """A pressed coach button: its data parts and the (active) coach who pressed it."""
    press = await pressed(update)
    coach = await active_coach(update, context) if press else None
    return (press.parts, coach) if press and coach else None


async def invitation(
    update: Update, context: BotContext, role: Role, start_prefix: str
) -> tuple[str, str] | None:
    """An admin's one-time invitation to `role`: its code and the t.me link that spends it.

    The code and its audit entry are written together; anyone but an admin gets a no.
    """
    account = await staff_account(update, context, Role.ADMIN)
    if account is None:
        return None
    code = readable_code(INVITE_CODE_LENGTH)
    async with context.sessions.begin() as session:
        await create_invite(session, code, account.id, role)
        await record(session, account.id, f"{role.value}.invite", code)
    return code, f"https://t.me/{context.bot.username}?start={start_prefix}{code}"
