"""The Bot API seen from KakaoTalk chats: answers collected for a skill request, or pushed.

While a skill request from a person is being processed, whatever the handlers send to
that chat is collected (and answered locally, as Telegram would), so the skill server
can render it as Kakao's JSON reply. Anything sent to a Kakao chat at another time (an
alert, a reminder, a broadcast, from the outbox dispatcher) is stored and announced
through Kakao's Event API; Kakao then calls the skill server's event block with the
announcement, which renders the stored messages of that person.

The dispatcher sends a batch inside `holding`: the batch's messages are stored under one
announcement, and `announce` fires the event for all their people together, up to 100
a request. Kakao's answers become the Bot API errors the dispatcher already handles: a
429 waits, an outage is a network error to retry, a refused request is a bad request.
"""

import secrets
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.request import RequestData

from bot.channels.kakao.events import (
    KakaoEventError,
    KakaoEventSender,
    KakaoRateLimited,
    KakaoUnavailable,
)
from bot.channels.local import SENDING, BotCall, LocalRequest
from db.channels import Channel, kakao_key, save_push

PUSH_PARAM = "push"  # the event parameter naming the announcement
CALLBACK_PREFIX = "kakao-"  # button presses made on KakaoTalk, answered here


def new_announcement() -> str:
    return secrets.token_urlsafe(12)


@dataclass
class HeldPushes:
    """Messages stored inside `KakaoTransport.holding`, to be announced together."""

    announcement: str = field(default_factory=new_announcement)
    keys: dict[int, str] = field(default_factory=dict)  # chat id → Kakao user key


_held: ContextVar[HeldPushes | None] = ContextVar("held_kakao_pushes", default=None)


class KakaoTransport(LocalRequest):
    """The request object of the Application that serves KakaoTalk chats."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], sender: KakaoEventSender
    ) -> None:
        super().__init__(listener=self._collect)
        self._sessions = sessions
        self._sender = sender
        self._collecting: dict[int, list[BotCall]] = {}

    @contextmanager
    def collecting(self, chat_id: int) -> Iterator[list[BotCall]]:
        """Collect what is sent to `chat_id` inside the block (a skill request in flight)."""
        calls: list[BotCall] = []
        self._collecting[chat_id] = calls
        try:
            yield calls
        finally:
            del self._collecting[chat_id]

    def is_collecting(self, chat_id: int) -> bool:
        """Whether a skill request from this chat is being answered right now."""
        return chat_id in self._collecting

    def channel_of(self, chat_id: int) -> Channel:
        """In a process serving both channels: a chat answering a skill request is on Kakao."""
        return Channel.KAKAO if self.is_collecting(chat_id) else Channel.TELEGRAM

    @contextmanager
    def holding(self) -> Iterator[HeldPushes]:
        """Pushes sent inside the block (by this task) are stored but not yet announced."""
        held = HeldPushes()
        token = _held.set(held)
        try:
            yield held
        finally:
            _held.reset(token)

    async def announce(self, held: HeldPushes) -> dict[int, TelegramError | None]:
        """Fire the event for every held chat; for each, None or the error its push met."""
        result = await self._sender.push(list(held.keys.values()), _params(held.announcement))
        failed = result.failed
        return {
            chat_id: _bot_api_error(failed[key]) if key in failed else None
            for chat_id, key in held.keys.items()
        }

    def _collect(self, call: BotCall) -> None:
        if call.chat_id is not None and call.chat_id in self._collecting:
            self._collecting[call.chat_id].append(call)

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = None,
        write_timeout: object = None,
        connect_timeout: object = None,
        pool_timeout: object = None,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        chat_id = int(str(params.get("chat_id", 0)))
        if api_method in SENDING and chat_id and chat_id not in self._collecting:
            await self._push(chat_id, api_method, params)
        return await super().do_request(url, method, request_data)

    async def _push(self, chat_id: int, api_method: str, params: Mapping[str, object]) -> None:
        """Store the message and announce it, now or with the held batch; raise what failed."""
        held = _held.get()
        announcement = held.announcement if held is not None else new_announcement()
        async with self._sessions.begin() as session:
            user_key = await kakao_key(session, chat_id)
            if user_key is None:
                raise BadRequest("Chat not found")
            payload = {"method": api_method, "params": dict(params)}
            await save_push(session, chat_id, payload, announcement)
        if held is not None:
            held.keys[chat_id] = user_key
            return
        error = (await self._sender.push([user_key], _params(announcement))).failed.get(user_key)
        if error is not None:
            raise _bot_api_error(error)


def _params(announcement: str) -> dict[str, str]:
    return {PUSH_PARAM: announcement}


def _bot_api_error(error: KakaoEventError) -> TelegramError:
    """Kakao's verdict as the Bot API error the outbox dispatcher knows how to handle."""
    if isinstance(error, KakaoRateLimited):
        return RetryAfter(max(1, round(error.retry_after)))
    if isinstance(error, KakaoUnavailable):
        return NetworkError(f"Kakao unavailable: {error.message}")
    return BadRequest(f"Kakao refused the push: {error.message}")
