"""The one dispatcher that drains the outbox, within Telegram's limits.

A repeating job calls `Dispatcher.run_once`: claim a batch of due messages, send each
through a rate limiter kept just under Telegram's ~30 messages a second (and ~1 a second
per chat), and record every outcome at once. A 429 pauses all sending for the time
Telegram asks; a person who blocked the bot is marked inactive and never tried again;
network errors retry with growing waits; a message about a posting whose deadline
passed while it waited (quiet nights) is dropped. Claims left by a crash are released after a
few minutes, so a restart loses nothing.
"""

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from aiolimiter import AsyncLimiter
from sqlalchemy import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from db.models import OutboxStatus
from db.outbox import (
    claim_due,
    deactivate_user,
    finish,
    postpone,
    release_stale_claims,
    retry_later,
)
from handlers.replies import deliver_payload
from matching.schedule import korean_date

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
STALE_CLAIM = timedelta(minutes=5)
FIRST_RETRY = timedelta(seconds=10)
LONGEST_RETRY = timedelta(hours=1)


@dataclass(frozen=True)
class DeliveryLimits:
    messages_per_second: float = 28.0
    seconds_between_messages_to_one_chat: float = 1.0
    batch_size: int = 100


@dataclass
class DeliveryStats:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    blocked: int = 0
    expired: int = 0


@dataclass
class _Claimed:
    id: int
    user_id: int
    chat_id: int
    active: bool
    attempts: int
    payload: dict[str, Any]


@dataclass
class Dispatcher:
    sessions: async_sessionmaker[AsyncSession]
    bot: Bot
    clock: Callable[[], datetime]
    limits: DeliveryLimits = field(default_factory=DeliveryLimits)
    chats: ColumnElement[bool] | None = None  # whom this dispatcher's transport reaches

    def __post_init__(self) -> None:
        self._limiter = AsyncLimiter(self.limits.messages_per_second, 1)
        self._last_sent: dict[int, float] = {}
        self._paused_until: datetime | None = None

    async def run_once(self) -> DeliveryStats:
        """Send what is due now; safe to call as often as wanted, even concurrently."""
        stats = DeliveryStats()
        now = self.clock()
        if self._paused_until is not None and now < self._paused_until:
            return stats
        async with self.sessions.begin() as session:
            await release_stale_claims(session, now, STALE_CLAIM)
            claimed = [
                _Claimed(
                    m.id, m.user_id, m.user.telegram_id, m.user.is_active, m.attempts, m.payload
                )
                for m in await claim_due(session, now, self.limits.batch_size, self.chats)
            ]
        for position, message in enumerate(claimed):
            if not await self._deliver(message, stats):
                await self._put_back(claimed[position + 1 :])
                break
        return stats

    async def _deliver(self, message: _Claimed, stats: DeliveryStats) -> bool:
        """Send one message and record the outcome; False when Telegram asked us to pause."""
        now = self.clock()
        async with self.sessions.begin() as session:
            if not message.active:
                await finish(session, message.id, OutboxStatus.BLOCKED, now=now)
                stats.blocked += 1
                return True
            expires = message.payload.get("expires")
            if expires and korean_date(now) > date.fromisoformat(expires):
                await finish(session, message.id, OutboxStatus.CANCELLED, now=now)
                stats.expired += 1
                return True
        try:
            await self._send(message)
        except RetryAfter as error:
            wait = _seconds(error.retry_after)
            self._paused_until = now + timedelta(seconds=wait)
            async with self.sessions.begin() as session:
                await retry_later(session, message.id, self._paused_until, str(error))
            stats.retried += 1
            logger.warning("Telegram asked to wait %ss; sending paused", wait)
            return False
        except Forbidden as error:
            await self._give_up(message, OutboxStatus.BLOCKED, str(error), deactivate=True)
            stats.blocked += 1
        except BadRequest as error:
            gone = "chat not found" in str(error).lower()
            await self._give_up(message, OutboxStatus.FAILED, str(error), deactivate=gone)
            stats.failed += 1
        except NetworkError as error:
            if message.attempts + 1 >= MAX_ATTEMPTS:
                await self._give_up(message, OutboxStatus.FAILED, str(error), deactivate=False)
                stats.failed += 1
            else:
                async with self.sessions.begin() as session:
                    later = now + _backoff(message.attempts)
                    await retry_later(session, message.id, later, str(error))
                stats.retried += 1
        else:
            async with self.sessions.begin() as session:
                await finish(session, message.id, OutboxStatus.SENT, now=self.clock())
            stats.sent += 1
        return True

    async def _send(self, message: _Claimed) -> None:
        await self._wait_for_chat(message.chat_id)
        async with self._limiter:
            self._last_sent[message.chat_id] = time.monotonic()
            await deliver_payload(self.bot, message.chat_id, message.payload)

    async def _wait_for_chat(self, chat_id: int) -> None:
        """Keep to about one message a second per chat, as Telegram asks."""
        last = self._last_sent.get(chat_id)
        if last is None:
            return
        wait = self.limits.seconds_between_messages_to_one_chat - (time.monotonic() - last)
        if wait > 0:
            await asyncio.sleep(wait)

    async def _give_up(
        self, message: _Claimed, status: OutboxStatus, error: str, *, deactivate: bool
    ) -> None:
        async with self.sessions.begin() as session:
            await finish(session, message.id, status, now=self.clock(), error=error)
            if deactivate:
                await deactivate_user(session, message.user_id)
        logger.info("outbox message %s: %s (%s)", message.id, status.value, error)

    async def _put_back(self, messages: list[_Claimed]) -> None:
        """Messages claimed but not tried (sending paused) go back as they were."""
        if not messages:
            return
        async with self.sessions.begin() as session:
            ids = [message.id for message in messages]
            await postpone(session, ids, self._paused_until or self.clock())


def _seconds(value: int | float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def _backoff(attempts: int) -> timedelta:
    """10 s, 20 s, 40 s … up to an hour: patient with a flaky network, quick when it is back."""
    return min(FIRST_RETRY * (2**attempts), LONGEST_RETRY)
