"""Each update starts from the person's conversation states and scratch data as stored.

python-telegram-bot keeps conversation states in memory, read from the persistence once
at start, and trusts its own copy from then on. When several `encore` processes serve
one bot, a person's consecutive updates can reach different processes, and each would
go on from its own stale copy. So the first handler of every update reads this person's
states and scratch data from the database into the Application; the update's own writes
are stored at its end, as before (`bot.application`). The update processor makes one
person's updates take turns across processes (`bot.update_order`), so what is read here
is what the previous update left.

The states are set through `ConversationHandler._conversations`, which has no public
setter; python-telegram-bot is pinned below 23, and a test fails if that changes shape.
"""

import json
from typing import Any

from telegram import Update
from telegram.ext import Application, ConversationHandler

from db import dialogs
from handlers.context import BotContext

Conversation = ConversationHandler[Any]


async def load_person(update: Update, context: BotContext) -> None:
    """Make the Application's view of this person the stored one."""
    if update.effective_chat is None or update.effective_user is None:
        return
    conversations = persistent_conversations(context.application)
    key = (update.effective_chat.id, update.effective_user.id)
    async with context.bot_data.sessions() as session:
        states = await dialogs.states_at(
            session, [c.name for c in conversations if c.name], json.dumps(list(key))
        )
        data = await dialogs.load_data(session, update.effective_user.id)
    for conversation in conversations:
        stored = conversation._conversations  # no public setter: see above
        state = states.get(conversation.name or "")
        if state is None:
            stored.data.pop(key, None)  # type: ignore[attr-defined]
        else:
            stored.update_no_track({key: state})  # type: ignore[attr-defined]
    if context.user_data is not None and context.user_data != data:
        context.user_data.clear()
        context.user_data.update(data)


def persistent_conversations(
    application: Application[Any, Any, Any, Any, Any, Any],
) -> list[Conversation]:
    return [
        handler
        for group in application.handlers.values()
        for handler in group
        if isinstance(handler, ConversationHandler) and handler.persistent
    ]
