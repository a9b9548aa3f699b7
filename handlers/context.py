"""The typed callback context every handler receives.

Services (database sessions, staff ids, the clock) ride on `bot_data`, set once by the
application builder; `user_data` is the person's small scratch dict, persisted in our DB.
"""

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from db.channels import Channel
from matching.schedule import korean_date


class BotData:
    """Shared services; the builder fills them in before the first update arrives."""

    sessions: async_sessionmaker[AsyncSession]
    admin_ids: frozenset[int]
    clock: Callable[[], datetime]
    booking_cut_off: timedelta
    max_upcoming_bookings: int
    channel_of: Callable[[int], Channel]  # which channel an update from this chat came by


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """Callback context with typed access to the services."""

    @property
    def sessions(self) -> async_sessionmaker[AsyncSession]:
        return self.bot_data.sessions

    def now(self) -> datetime:
        """The current time (UTC); tests fix it to make dates reproducible."""
        return self.bot_data.clock()

    def today(self) -> date:
        """Today's date in Korea, which is what "58세" and "20년" are counted against."""
        return korean_date(self.now())

    @property
    def scratch(self) -> dict[Any, Any]:
        """The person's scratch data; only private chats reach handlers, so it always exists."""
        if self.user_data is None:
            raise RuntimeError("update without a user")
        return self.user_data


CONTEXT_TYPES = ContextTypes(context=BotContext, bot_data=BotData)
BotApplication = Application[Any, BotContext, dict[Any, Any], dict[Any, Any], BotData, Any]
