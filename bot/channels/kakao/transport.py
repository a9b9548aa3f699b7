"""The Bot API seen from KakaoTalk chats: answers collected for a skill request, or pushed.

While a skill request from a person is being processed, whatever the handlers send to
that chat is collected (and answered locally, as Telegram would), so the skill server
can render it as Kakao's JSON reply. Anything sent to a Kakao chat at another time (an
alert, a reminder, a broadcast, from the outbox dispatcher) is stored and announced
through Kakao's Event API; Kakao then calls the skill server's event block, which
renders the stored message. Kakao's answers are translated into the Bot API errors the
dispatcher already handles: 429 waits, an unreachable user counts as blocked, an outage
is a network error to retry.
"""

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram.request import RequestData

from bot.channels.kakao.events import (
    KakaoEventSender,
    KakaoRateLimited,
    KakaoUnavailable,
    KakaoUnknownUsers,
)
from bot.channels.local import SENDING, BotCall, Failure, LocalRequest, error_answer
from db.channels import Channel, kakao_key, save_push

logger = logging.getLogger(__name__)

PUSH_PARAM = "push"  # the event parameter naming the stored message
CALLBACK_PREFIX = "kakao-"  # button presses made on KakaoTalk, answered here


class PushRefusedError(Exception):
    """Kakao will not deliver to this user (unknown, blocked, or left the channel)."""


class PushRateLimitedError(Exception):
    def __init__(self, retry_after: float) -> None:
        super().__init__(f"retry after {retry_after}s")
        self.retry_after = retry_after


class PushRejectedError(Exception):
    """Kakao refused the push itself (set-up: event name, key, wallet); not the person's doing."""


class Pusher(Protocol):
    """Announces a stored message to one Kakao user; raises the errors above or OSError."""

    async def announce(self, user_key: str, params: Mapping[str, str]) -> None: ...


class KakaoTransport(LocalRequest):
    """The request object of the Application that serves KakaoTalk chats."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], pusher: Pusher) -> None:
        super().__init__(listener=self._collect)
        self._sessions = sessions
        self._pusher = pusher
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
            refused = await self._push(chat_id, api_method, params)
            if refused is not None:
                return error_answer(refused)
        return await super().do_request(url, method, request_data)

    async def _push(
        self, chat_id: int, api_method: str, params: Mapping[str, object]
    ) -> Failure | None:
        """Store the message and announce it; the Bot API error to answer, if any."""
        async with self._sessions.begin() as session:
            user_key = await kakao_key(session, chat_id)
            if user_key is None:
                return Failure(400, "Bad Request: chat not found")
            push_id = await save_push(session, chat_id, {"method": api_method, "params": params})
        try:
            await self._pusher.announce(user_key, {PUSH_PARAM: str(push_id)})
        except PushRateLimitedError as error:
            return Failure(429, f"Too Many Requests: {error}", max(1, round(error.retry_after)))
        except PushRefusedError as error:
            logger.info("Kakao will not deliver to chat %s: %s", chat_id, error)
            return Failure(403, f"Forbidden: {error}")
        except PushRejectedError as error:
            return Failure(400, f"Bad Request: Kakao refused the push: {error}")
        return None


class EventPusher:
    """Announces pushes through Kakao's Event API, one user per request.

    One user per request keeps each outbox row's outcome its own (Kakao reports failures
    per request); broadcasts still go out at the dispatcher's rate.
    """

    def __init__(self, sender: KakaoEventSender) -> None:
        self._sender = sender

    async def announce(self, user_key: str, params: Mapping[str, str]) -> None:
        error = (await self._sender.push([user_key], params)).failed.get(user_key)
        if error is None:
            return
        if isinstance(error, KakaoRateLimited):
            raise PushRateLimitedError(error.retry_after)
        if isinstance(error, KakaoUnknownUsers):
            raise PushRefusedError(str(error))
        if isinstance(error, KakaoUnavailable):
            raise OSError(str(error))
        raise PushRejectedError(str(error))
