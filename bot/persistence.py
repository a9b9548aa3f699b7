"""python-telegram-bot persistence kept in our own database, next to the profiles.

Conversation states and per-person scratch data are stored here; bot and chat data are
not used. Both are written at the end of every update (see `bot.application`), so a
restart — even an abrupt one — resumes everyone at the question they were on, and another
process serving the person's next update reads what this one left.
"""

import json
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram.ext import BasePersistence, PersistenceInput

from db import dialogs
from handlers.context import BotData

# PTB's own aliases live in a private module; these are the same shapes.
ConversationKey = tuple[int | str, ...]
ConversationDict = dict[ConversationKey, object]
CDCData = tuple[list[tuple[str, float, dict[str, Any]]], dict[str, str]]


class DatabasePersistence(BasePersistence[dict[Any, Any], dict[Any, Any], BotData]):
    """Stores conversation states and user data through `db.dialogs`."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=False, user_data=True, callback_data=False
            ),
            update_interval=60,
        )
        self._sessions = sessions

    async def get_conversations(self, name: str) -> ConversationDict:
        async with self._sessions() as session:
            states = await dialogs.load_states(session, name)
        return {tuple(json.loads(key)): state for key, state in states.items()}

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        state = int(new_state) if isinstance(new_state, int) else None
        async with self._sessions.begin() as session:
            await dialogs.save_state(session, name, json.dumps(list(key)), state)

    async def get_user_data(self) -> dict[int, dict[Any, Any]]:
        async with self._sessions() as session:
            return await dialogs.load_all_data(session)

    async def update_user_data(self, user_id: int, data: dict[Any, Any]) -> None:
        """Nothing: `save_user_data` stores a person's data at the end of each of their
        updates, inside their turn. python-telegram-bot calls this later, from any process
        that once served the person, and would write back a copy grown stale meanwhile."""

    async def save_user_data(self, user_id: int, data: dict[Any, Any]) -> None:
        async with self._sessions.begin() as session:
            await dialogs.save_data(session, user_id, data)

    async def drop_user_data(self, user_id: int) -> None:
        async with self._sessions.begin() as session:
            await dialogs.drop_data(session, user_id)

    async def refresh_user_data(self, user_id: int, user_data: dict[Any, Any]) -> None:
        """Nothing here: `bot.conversation_sync` reads the person's data at the start of each
        update, together with their conversation states."""

    async def get_chat_data(self) -> dict[int, dict[Any, Any]]:
        return {}

    async def update_chat_data(self, chat_id: int, data: dict[Any, Any]) -> None:
        """Chat data is not stored."""

    async def drop_chat_data(self, chat_id: int) -> None:
        """Chat data is not stored."""

    async def refresh_chat_data(self, chat_id: int, chat_data: dict[Any, Any]) -> None:
        """Chat data is not stored."""

    async def get_bot_data(self) -> BotData:
        return BotData()

    async def update_bot_data(self, data: BotData) -> None:
        """Bot data holds services, not state: nothing to store."""

    async def refresh_bot_data(self, bot_data: BotData) -> None:
        """Bot data holds services, not state: nothing to refresh."""

    async def get_callback_data(self) -> CDCData | None:
        return None

    async def update_callback_data(self, data: CDCData) -> None:
        """Callback data is not stored."""

    async def flush(self) -> None:
        """Every write above is committed at once: nothing is buffered."""
