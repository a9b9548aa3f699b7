"""The one dispatcher that drains the outbox, within each channel's limits.

A repeating job calls `Dispatcher.run_once`: claim a batch of due messages, send each within
a rate kept just under Telegram's ~30 messages a second (and ~1 a second per chat), and
record every outcome at once. The rate is one for all processes dispatching on the database:
each message takes the channel's next free moment from a shared row. A 429 pauses sending on
that channel for the time it asks; a person who blocked the bot is marked inactive and never
tried again; network errors retry with growing waits; a message about a posting whose
deadline passed while it waited (quiet nights) is dropped. Claims left by a crash are
released after a few minutes, so a restart loses nothing.

KakaoTalk messages of a batch go together: with a `grouped` transport they are stored
and then announced in one Event API request for up to 100 people, and each message
takes that request's outcome.
"""

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from db.channels import Channel, chats_on, reached_on
from db.models import OutboxStatus
from db.outbox import (
    claim_due,
    deactivate_user,
    finish,
    postpone,
    release_stale_claims,
    retry_later,
)
from db.pacing import reserve_send
from handlers.replies import deliver_payload
from matching.schedule import korean_date

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(seconds=10)
LONGEST_RETRY = timedelta(hours=1)
# What a send may answer that the dispatcher records; anything else is a bug, and raises.
SEND_ERRORS = (RetryAfter, Forbidden, BadRequest, NetworkError)


@dataclass(frozen=True)
class DeliveryLimits:
    messages_per_second: float = 28.0
    seconds_between_messages_to_one_chat: float = 1.0
    batch_size: int = 100
    # How long a claimed message waits before another dispatcher takes it over, its own
    # having died; longer than sending a whole batch takes, or a live one is doubled.
    stale_claim: timedelta = timedelta(minutes=5)


@dataclass
class DeliveryStats:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    blocked: int = 0
    expired: int = 0


class GroupedPushes(Protocol):
    """A channel that announces pushes to many people at once (KakaoTalk's Event API).

    Messages sent inside `holding()` are stored; `announce` then reaches all their chats
    and says, per chat id, None or the Bot API error the push met.
    """

    def holding(self) -> AbstractContextManager[Any]: ...

    async def announce(self, held: Any) -> Mapping[int, TelegramError | None]: ...


@dataclass
class _Claimed:
    id: int
    user_id: int
    chat_id: int
    channel: Channel
    active: bool
    attempts: int
    payload: dict[str, Any]


@dataclass
class Dispatcher:
    sessions: async_sessionmaker[AsyncSession]
    bot: Bot
    clock: Callable[[], datetime]
    limits: DeliveryLimits = field(default_factory=DeliveryLimits)
    channels: frozenset[Channel] = frozenset(Channel)  # whom this dispatcher's transport reaches
    grouped: GroupedPushes | None = None  # announces the KakaoTalk messages of a batch together

    def __post_init__(self) -> None:
        self._last_sent: dict[int, float] = {}
        self._paused_until: dict[Channel, datetime] = {}

    async def run_once(self) -> DeliveryStats:
        """Send what is due now; safe to call as often as wanted, even concurrently."""
        stats = DeliveryStats()
        now = self.clock()
        open_channels = [c for c in self.channels if not self._paused(c, now)]
        if not open_channels:
            return stats
        chats = None if len(open_channels) == len(Channel) else chats_on(open_channels[0])
        async with self.sessions.begin() as session:
            await release_stale_claims(session, now, self.limits.stale_claim)
            claimed = [
                _Claimed(
                    m.id,
                    m.user_id,
                    m.user.telegram_id,
                    reached_on(m.user.telegram_id, m.user.last_channel),
                    m.user.is_active,
                    m.attempts,
                    m.payload,
                )
                for m in await claim_due(session, now, self.limits.batch_size, chats)
            ]
        together = [m for m in claimed if self._goes_together(m)]
        one_by_one = [m for m in claimed if not self._goes_together(m)]
        for position, message in enumerate(one_by_one):
            if not await self._deliver(message, stats):
                await self._put_back(one_by_one[position + 1 :], message.channel)
                break
        if together:
            await self._deliver_together(together, stats)
        return stats

    def _goes_together(self, message: _Claimed) -> bool:
        return self.grouped is not None and message.channel is Channel.KAKAO

    def _paused(self, channel: Channel, now: datetime) -> bool:
        until = self._paused_until.get(channel)
        return until is not None and now < until

    async def _deliver(self, message: _Claimed, stats: DeliveryStats) -> bool:
        """Send one message and record the outcome; False when the channel asked us to pause."""
        if await self._settled_unsent(message, stats):
            return True
        try:
            await self._send(message)
        except SEND_ERRORS as error:
            return await self._record(message, error, stats)
        return await self._record(message, None, stats)

    async def _deliver_together(self, messages: list[_Claimed], stats: DeliveryStats) -> None:
        """Store every message, then announce them all at once; each takes its chat's outcome."""
        assert self.grouped is not None
        stored: list[_Claimed] = []
        with self.grouped.holding() as held:
            for message in messages:
                if await self._settled_unsent(message, stats):
                    continue
                try:
                    await deliver_payload(self.bot, message.chat_id, message.payload)
                except SEND_ERRORS as error:
                    await self._record(message, error, stats)
                else:
                    stored.append(message)
        await self._pace(Channel.KAKAO)
        outcomes = await self.grouped.announce(held)
        for message in stored:
            await self._record(message, outcomes.get(message.chat_id), stats)

    async def _settled_unsent(self, message: _Claimed, stats: DeliveryStats) -> bool:
        """Finish, without sending, a message to someone inactive or about a closed posting."""
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
        return False

    async def _record(
        self, message: _Claimed, error: TelegramError | None, stats: DeliveryStats
    ) -> bool:
        """Write down what a send met; False when the channel asked us to pause."""
        now = self.clock()
        if error is None:
            async with self.sessions.begin() as session:
                await finish(session, message.id, OutboxStatus.SENT, now=now)
            stats.sent += 1
        elif isinstance(error, RetryAfter):
            wait = _seconds(error.retry_after)
            paused_until = now + timedelta(seconds=wait)
            self._paused_until[message.channel] = paused_until
            async with self.sessions.begin() as session:
                await retry_later(session, message.id, paused_until, str(error))
            stats.retried += 1
            logger.warning("%s asked to wait %ss; sending paused", message.channel.value, wait)
            return False
        elif isinstance(error, Forbidden):
            await self._give_up(message, OutboxStatus.BLOCKED, str(error), deactivate=True)
            stats.blocked += 1
        elif isinstance(error, BadRequest):
            gone = "chat not found" in str(error).lower()
            await self._give_up(message, OutboxStatus.FAILED, str(error), deactivate=gone)
            stats.failed += 1
        elif message.attempts + 1 >= MAX_ATTEMPTS:  # what is left: the network, retried
            await self._give_up(message, OutboxStatus.FAILED, str(error), deactivate=False)
            stats.failed += 1
        else:
            later = now + _backoff(message.attempts)
            async with self.sessions.begin() as session:
                await retry_later(session, message.id, later, str(error))
            stats.retried += 1
        return True

    async def _send(self, message: _Claimed) -> None:
        await self._wait_for_chat(message.chat_id)
        await self._pace(message.channel)
        self._last_sent[message.chat_id] = time.monotonic()
        await deliver_payload(self.bot, message.chat_id, message.payload)

    async def _pace(self, channel: Channel) -> None:
        """Wait for this message's moment within the channel's rate, which every process
        dispatching on this database shares (`db.pacing`)."""
        interval = 1 / self.limits.messages_per_second
        async with self.sessions.begin() as session:
            moment = await reserve_send(session, channel.value, interval, time.time())
        wait = moment - time.time()
        if wait > 0:
            await asyncio.sleep(wait)

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

    async def _put_back(self, messages: list[_Claimed], channel: Channel) -> None:
        """Messages claimed but not tried (sending paused) go back as they were."""
        if not messages:
            return
        async with self.sessions.begin() as session:
            ids = [message.id for message in messages]
            await postpone(session, ids, self._paused_until.get(channel) or self.clock())


def _seconds(value: int | float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def _backoff(attempts: int) -> timedelta:
    """10 s, 20 s, 40 s … up to an hour: patient with a flaky network, quick when it is back."""
    return min(FIRST_RETRY * (2**attempts), LONGEST_RETRY)
