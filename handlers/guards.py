"""Updates the conversations must never see, stopped before any other handler runs."""

from telegram import Update
from telegram.ext import ApplicationHandlerStop, BaseHandler, MessageHandler, filters

from handlers import texts
from handlers.context import BotContext
from handlers.replies import Reply, send


async def private_only(update: Update, context: BotContext) -> None:
    """Profiles are personal: in a group chat, point people to a 1:1 chat instead."""
    if update.message is not None:
        await send(update, Reply(texts.PRIVATE_ONLY))
    raise ApplicationHandlerStop


async def ignore(update: Update, context: BotContext) -> None:
    """Edits of old messages would re-answer questions already answered; drop them."""
    raise ApplicationHandlerStop


def guard_handlers() -> list[BaseHandler]:
    return [
        MessageHandler(filters.UpdateType.EDITED, ignore),
        MessageHandler(~filters.ChatType.PRIVATE, private_only),
    ]
