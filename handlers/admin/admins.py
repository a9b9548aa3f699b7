"""More admins: an admin hands out a one-time link; who opens it becomes an admin.

Admins named in ENCORE_ADMIN_IDS are fixed by the operator; admins promoted here can be
removed here. Promotions and removals go to the audit log with who did them.
"""

from telegram import Update
from telegram.ext import CommandHandler, filters

from db.audit import record
from db.coaching import redeem_invite
from db.models import Role, User
from db.users import ensure_role, staff_with_role
from handlers import texts
from handlers.context import BotContext
from handlers.replies import NO_KEYBOARD, Reply, send, send_payload
from handlers.staff import admin_press, invitation, staff_account

INVITE_PREFIX = "admin-"
PREFIX = "adm"


async def invite_admin(update: Update, context: BotContext) -> None:
    """/invite_admin (admins): a one-time link that makes its opener an admin."""
    invited = await invitation(update, context, Role.ADMIN, INVITE_PREFIX)
    if invited is not None:
        await send(update, Reply(texts.admin_invite_created(invited[1])))


async def join_as_admin(update: Update, context: BotContext) -> None:
    """/start admin-CODE: the code is spent in the same transaction as the promotion."""
    person = update.effective_user
    assert person is not None
    code = (context.args or [""])[0].removeprefix(INVITE_PREFIX).strip().upper()
    async with context.sessions.begin() as session:
        account = await ensure_role(session, person.id, Role.ADMIN)
        invite = await redeem_invite(session, code, account.id, context.now(), Role.ADMIN)
        if invite is None:
            await session.rollback()
        else:
            await record(session, invite.created_by, "admin.promote", f"user:{person.id}")
    if invite is None:
        await send(update, Reply(texts.INVITE_UNKNOWN, NO_KEYBOARD))
        return
    await send(update, Reply(f"{texts.ADMIN_WELCOME}\n\n{texts.STAFF_HELP}", NO_KEYBOARD))


async def list_admins(update: Update, context: BotContext) -> None:
    """/admins: every admin; those promoted in the bot can be removed."""
    if await staff_account(update, context, Role.ADMIN) is None:
        return
    async with context.sessions() as session:
        admins = await staff_with_role(session, Role.ADMIN)
    for admin in admins:
        fixed = admin.telegram_id in context.bot_data.admin_ids
        text = texts.admin_line(admin.telegram_id, fixed)
        buttons = (
            []
            if fixed
            else [[{"text": texts.BUTTON_REMOVE_ADMIN, "data": f"{PREFIX}:rm:{admin.id}"}]]
        )
        await send_payload(update, {"text": text, "buttons": buttons})


async def admin_button(update: Update, context: BotContext) -> None:
    """관리자에서 빼기."""
    pressed = await admin_press(update, context)
    if pressed is None:
        return
    parts, account = pressed
    user_id = int(parts[-1])
    async with context.sessions.begin() as session:
        target = await session.get(User, user_id)
        if target is None or target.role is not Role.ADMIN:
            reply = texts.ADMIN_GONE
        elif target.telegram_id in context.bot_data.admin_ids or target.id == account.id:
            reply = texts.ADMIN_KEEP
        else:
            target.role = Role.SEEKER
            await record(session, account.id, "admin.remove", f"user:{target.telegram_id}")
            reply = texts.admin_removed(target.telegram_id)
    await send(update, Reply(reply))


def build_admin_handlers() -> list[CommandHandler[BotContext, None]]:
    return [
        CommandHandler("invite_admin", invite_admin),
        CommandHandler("admins", list_admins),
        CommandHandler("start", join_as_admin, filters.Regex(rf"^/start {INVITE_PREFIX}")),
    ]
