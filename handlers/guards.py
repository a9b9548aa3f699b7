"""Updates the conversations must never see, stopped before any other handler runs."""

import re

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    MessageHandler,
    filters,
)

from handlers import texts
from handlers.context import BotContext
from handlers.menu import old_button
from handlers.replies import Reply, send

CALLBACK_DATA_LIMIT = 64
"""Bytes of button data Telegram allows: anything longer was not sent by our buttons."""
LARGEST_ID = 2**31 - 1
"""Numbers in our buttons' data are database ids, PostgreSQL integers: never larger."""
_NUMBER = re.compile(r"\d+")


async def private_only(update: Update, context: BotContext) -> None:
    """Profiles are personal: in a group chat, point people to a 1:1 chat instead."""
    if update.message is not None:
        await send(update, Reply(texts.PRIVATE_ONLY))
    raise ApplicationHandlerStop


async def edited(update: Update, context: BotContext) -> None:
    """Edits of old messages would re-answer questions already answered, so they are not
    read; in a private chat the person is told, or they would wait for an answer."""
    message = update.edited_message
    if message is not None and message.chat.type == ChatType.PRIVATE:
        await message.reply_text(texts.EDIT_NOT_READ)
    raise ApplicationHandlerStop


def forged(data: object) -> bool:
    """Whether button data cannot have come from one of our buttons.

    Empty data is caught too, though never passed here: python-telegram-bot hands a
    press without data to the first button handler whatever its pattern, so this guard's
    handler, which comes first, takes it."""
    if not isinstance(data, str):
        return True
    if len(data.encode()) > CALLBACK_DATA_LIMIT:
        return True
    return any(int(number) > LARGEST_ID for number in _NUMBER.findall(data))


async def forged_button(update: Update, context: BotContext) -> None:
    """Answered as an old button would be: kindly, and nothing more."""
    await old_button(update, context)
    raise ApplicationHandlerStop


def guard_handlers() -> list[BaseHandler]:
    return [
        CallbackQueryHandler(forged_button, pattern=forged),
        MessageHandler(filters.UpdateType.EDITED, edited),
        MessageHandler(~filters.ChatType.PRIVATE, private_only),
    ]
