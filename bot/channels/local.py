"""A Bot API that lives in this process: the transport of the console demo and the tests.

It answers what the bot sends (`sendMessage` & co.) with the JSON Telegram would return
and records every call, so the real Application runs unchanged with no network. A
method it does not know raises, so a handler that starts using a new endpoint fails
loudly here instead of silently passing.
"""

import itertools
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_ID = 7_000_000_001
BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "앙코르",
    "username": "EncoreJobBot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}

_ANSWERED_TRUE = frozenset(
    {
        "setMyCommands",
        "deleteMyCommands",
        "setChatMenuButton",
        "answerCallbackQuery",
        "deleteMessage",
        "sendChatAction",
        "deleteWebhook",
    }
)
SENDING = frozenset({"sendMessage", "sendPhoto", "editMessageText", "editMessageReplyMarkup"})


class UnknownBotMethodError(RuntimeError):
    """The bot called a Bot API method the local transport does not imitate yet."""


@dataclass(frozen=True)
class Failure:
    """An error the Bot API answers with, to test how the bot copes (or a dropped line)."""

    status: int
    description: str
    retry_after: int | None = None

    @property
    def network(self) -> bool:
        return self.status == 0


def too_many_requests(retry_after: int) -> Failure:
    return Failure(429, f"Too Many Requests: retry after {retry_after}", retry_after)


BLOCKED = Failure(403, "Forbidden: bot was blocked by the user")
CHAT_NOT_FOUND = Failure(400, "Bad Request: chat not found")
NETWORK_DOWN = Failure(0, "connection reset by peer")


@dataclass(frozen=True)
class BotCall:
    """One Bot API call the bot made, with its parameters as plain JSON values.

    Files sent as bytes travel beside the parameters (multipart), so they are kept apart
    in `files`, by part name: a photo uploaded with sendPhoto is `files["photo"]`.
    """

    method: str
    params: Mapping[str, Any]
    files: Mapping[str, bytes] = field(default_factory=dict)

    @property
    def chat_id(self) -> int | None:
        chat_id = self.params.get("chat_id")
        return int(chat_id) if chat_id is not None else None


class LocalRequest(BaseRequest):
    """Answers Bot API calls locally and tells `listener` about each one as it happens."""

    def __init__(self, listener: Callable[[BotCall], None] | None = None) -> None:
        self.calls: list[BotCall] = []
        self.refused: list[tuple[BotCall, Failure]] = []
        self._listener = listener
        self._message_ids = itertools.count(1)
        self._failures: dict[int, list[Failure]] = {}

    def fail_next(self, chat_id: int, *failures: Failure) -> None:
        """Answer the next sends to `chat_id` with `failures`, one each, in order."""
        self._failures.setdefault(chat_id, []).extend(failures)

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        """Nothing to open: there is no connection."""

    async def shutdown(self) -> None:
        """Nothing to close: there is no connection."""

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
        call = BotCall(api_method, params, _uploads(request_data) if request_data else {})
        queued = self._failures.get(call.chat_id or 0) if api_method in SENDING else None
        if queued:
            failure = queued.pop(0)
            self.refused.append((call, failure))
            if failure.network:
                raise OSError(failure.description)
            return error_answer(failure)
        result = self._answer(call)
        self.calls.append(call)
        if self._listener is not None:
            self._listener(call)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _answer(self, call: BotCall) -> object:
        if call.method == "getMe":
            return BOT_USER
        if call.method == "getMyCommands":
            return []
        if call.method in _ANSWERED_TRUE:
            return True
        if call.method in SENDING:
            return self._message(call)
        raise UnknownBotMethodError(call.method)

    def _message(self, call: BotCall) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": call.params.get("message_id") or next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": call.chat_id, "type": "private"},
            "from": BOT_USER,
        }
        if "text" in call.params:
            message["text"] = call.params["text"]
        if call.method == "sendPhoto":
            message["photo"] = [
                {"file_id": "local-photo", "file_unique_id": "local", "width": 1, "height": 1}
            ]
            if "caption" in call.params:
                message["caption"] = call.params["caption"]
        markup = call.params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        return message


def _uploads(request_data: RequestData) -> dict[str, bytes]:
    """The files of a multipart request, by part name, read as the network would send them."""
    return {
        name: content if isinstance(content, bytes) else content.read()
        for name, (_, content, _) in request_data.multipart_data.items()
    }


def error_answer(failure: Failure) -> tuple[int, bytes]:
    """The status and JSON body the Bot API answers `failure` with."""
    return failure.status, json.dumps(_error(failure)).encode()


def _error(failure: Failure) -> dict[str, Any]:
    """The JSON body the Bot API sends with an error status."""
    body: dict[str, Any] = {
        "ok": False,
        "error_code": failure.status,
        "description": failure.description,
    }
    if failure.retry_after is not None:
        body["parameters"] = {"retry_after": failure.retry_after}
    return body
