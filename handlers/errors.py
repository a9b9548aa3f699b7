"""The last line of defence: a kind word to the person, the traceback to our log."""

import logging

from telegram import Update
from telegram.error import TelegramError

from handlers import texts
from handlers.context import BotContext

logger = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log what failed with its traceback, and tell the person to try again."""
    update_id = update.update_id if isinstance(update, Update) else None
    logger.error("update %s failed", update_id, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        await context.bot.send_message(update.effective_chat.id, texts.SORRY)
    except TelegramError:
        logger.warning("could not tell chat %s about the failure", update.effective_chat.id)
