"""Updates from different people side by side; one person's updates strictly in order.

python-telegram-bot processes one update at a time by default, so one slow answer (a
report with charts, a search over every posting) keeps everyone else waiting. Running
all updates concurrently would break conversations, which expect a person's messages
one after the other. This processor runs updates of different chats concurrently, up
to a limit, and queues each chat's own updates behind one another in arrival order.
When several processes serve the bot from one PostgreSQL database, a chat's turn is also
held across them (`db.locks`), so two of its updates never run at once anywhere.
"""

import asyncio
from collections.abc import Awaitable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Update
from telegram.ext import BaseUpdateProcessor

from db.locks import LockSpace, shared_lock

CONCURRENT_UPDATES = 8  # well inside the database pool (5 connections + 10 overflow)


class PerChatUpdateProcessor(BaseUpdateProcessor):
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        max_concurrent_updates: int = CONCURRENT_UPDATES,
    ) -> None:
        super().__init__(max_concurrent_updates)
        self._sessions = sessions
        self._turns: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[object]) -> None:
        chat_id = _chat_of(update)
        if chat_id is None:
            await coroutine
            return
        turn = self._turns.setdefault(chat_id, asyncio.Lock())
        self._waiting[chat_id] = self._waiting.get(chat_id, 0) + 1
        try:
            async with (
                turn,
                shared_lock(self._sessions, LockSpace.CHAT, str(chat_id), wait=True),
            ):
                await coroutine
        finally:
            self._waiting[chat_id] -= 1
            if not self._waiting[chat_id]:
                del self._waiting[chat_id], self._turns[chat_id]

    async def initialize(self) -> None:
        """Nothing to set up: locks are made as chats appear."""

    async def shutdown(self) -> None:
        """Nothing to release: a lock is dropped once its chat has nothing waiting."""


def _chat_of(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user is not None else None
