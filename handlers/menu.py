"""The short menu a person lands on once their profile is done, and the help text."""

from telegram import Update

from db.models import Role
from db.users import find_user
from handlers import texts
from handlers.context import BotContext
from handlers.replies import Reply, rows, send

MENU_BUTTONS = (
    texts.MENU_JOBS,
    texts.MENU_COACHING,
    texts.MENU_TIPS,
    texts.MENU_ALERTS,
    texts.MENU_PROFILE,
    texts.MENU_HELP,
)


def main_menu() -> Reply:
    return Reply(texts.MENU, rows(MENU_BUTTONS))


async def show_help(update: Update, context: BotContext) -> None:
    """/help and the 도움말 button: what each command does; the conversation is untouched."""
    person = update.effective_user
    async with context.sessions() as session:
        account = await find_user(session, person.id) if person else None
    staff = account is not None and account.role is not Role.SEEKER
    await send(update, Reply(texts.STAFF_HELP if staff else texts.HELP))


async def unknown_command(update: Update, context: BotContext) -> None:
    """A /command the bot does not have."""
    await send(update, Reply(texts.UNKNOWN_COMMAND))


async def nothing_to_cancel(update: Update, context: BotContext) -> None:
    """/cancel outside any question."""
    await send(update, main_menu().with_prefix(texts.NOTHING_TO_CANCEL))


async def old_button(update: Update, context: BotContext) -> None:
    """A button from a message the bot no longer acts on: say so instead of staying silent."""
    query = update.callback_query
    if query is not None:
        await query.answer()
    await send(update, Reply(texts.OLD_BUTTON))
