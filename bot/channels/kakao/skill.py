"""The KakaoTalk skill server: Kakao i Open Builder requests in, skill responses (v2.0) out.

A request becomes the Update a Telegram user doing the same would have sent (a typed
line, or a press on an inline button, whose callback data rides in `clientExtra`), the
real Application processes it, and what the handlers sent to that chat meanwhile is
rendered by `render.py`. Kakao waits 5 seconds for an answer: if processing is not done
in `budget` seconds, a request with a `callbackUrl` gets "잠시만요" at once and the real
answer is posted to that URL when ready; without one, the person gets what is ready
and a quick reply to see the rest.

Requests must carry the shared secret the operator set in the skill's headers
(ENCORE_KAKAO_SECRET); malformed, incomplete or oversized bodies get a 4xx and a log
line, never a crash. One person's requests are handled one at a time, in order. What an
answer leaves for the next request (keyboard, "더 보기", a late answer) is kept in the
database (`screen.py`), so a restart loses none of it.
"""

import asyncio
import hmac
import json
import logging
import re
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Update

from bot.channels.kakao.render import Outgoing, more, outgoing_from_call, render
from bot.channels.kakao.screen import Screen
from bot.channels.kakao.transport import CALLBACK_PREFIX, PUSH_PARAM, KakaoTransport
from bot.channels.local import BotCall
from bot.channels.updates import Person, UpdateFactory
from db.channels import (
    Channel,
    find_pushes,
    kakao_chat,
    link_kakao,
    load_screen,
    note_channel,
    save_screen,
)
from handlers import texts
from handlers.context import BotApplication

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Encore-Secret"
SKILL_PATH = "/kakao/skill"
TELEGRAM_PATH = "/telegram/webhook"
TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MORE_WORDS = frozenset({texts.BUTTON_MORE, texts.KAKAO_CONTINUE})
LINK = re.compile(r"연결\s*([0-9A-Za-z]{4,12})")
LINK_VALID_FOR = timedelta(days=1)
ANNOUNCEMENT = re.compile(r"[0-9A-Za-z_-]{1,32}")


@dataclass(frozen=True)
class SkillSettings:
    secret: str
    budget: float = 4.0  # seconds; Kakao gives a skill 5
    max_body: int = 64 * 1024


class BadSkillRequestError(ValueError):
    """The body is not a skill request we can serve; the message says what is missing."""


@dataclass(frozen=True)
class SkillRequest:
    """What we use of Kakao's skill payload."""

    user_key: str
    utterance: str
    block_id: str
    callback_url: str | None
    button_data: str | None  # an inline button's callback data, sent back as clientExtra
    announcement: str | None  # set when Kakao's event block asks us to show pushed messages

    @classmethod
    def parse(cls, body: object) -> "SkillRequest":
        if not isinstance(body, dict):
            raise BadSkillRequestError("the body is not a JSON object")
        user_request = _field(body, "userRequest", dict)
        user_key = _field(_field(user_request, "user", dict), "id", str)
        utterance = user_request.get("utterance")
        if not isinstance(utterance, str):
            raise BadSkillRequestError("missing or wrong utterance")
        block = user_request.get("block") or body.get("intent") or {}
        block_id = block.get("id") if isinstance(block, dict) else None
        if not isinstance(block_id, str) or not block_id:
            raise BadSkillRequestError("no block id (userRequest.block.id or intent.id)")
        action = _mapping(body.get("action"))
        extra, params = _mapping(action.get("clientExtra")), _mapping(action.get("params"))
        callback = user_request.get("callbackUrl")
        push = params.get(PUSH_PARAM)
        data = extra.get("data")
        return cls(
            user_key=user_key,
            utterance=utterance,
            block_id=block_id,
            callback_url=callback if isinstance(callback, str) and callback else None,
            button_data=data if isinstance(data, str) and data else None,
            announcement=push if isinstance(push, str) and ANNOUNCEMENT.fullmatch(push) else None,
        )


def _mapping(value: object) -> dict[str, Any]:
    """An optional object of the payload; Kakao omits some and sends others empty."""
    return value if isinstance(value, dict) else {}


def _field(container: dict[str, Any], name: str, kind: type) -> Any:
    value = container.get(name)
    if not isinstance(value, kind) or (kind is str and not value):
        raise BadSkillRequestError(f"missing or wrong {name}")
    return value


@dataclass
class _Chat:
    """What this process keeps of one Kakao chat: its turn, and an answer on its way."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    late: "asyncio.Task[None] | None" = None  # a slow answer on its way to the screen


class SkillServer:
    """Serves skill requests with the real Application (whose request is a KakaoTransport)."""

    def __init__(
        self,
        application: BotApplication,
        transport: KakaoTransport,
        settings: SkillSettings,
        http: httpx.AsyncClient,
    ) -> None:
        self._application = application
        self._transport = transport
        self._settings = settings
        self._http = http
        self._updates = UpdateFactory(application.bot, CALLBACK_PREFIX)
        # Weak: a chat's entry lives while a request or a late answer of it is in flight.
        self._chats: weakref.WeakValueDictionary[int, _Chat] = weakref.WeakValueDictionary()
        self._background: set[asyncio.Task[None]] = set()

    def app(self, telegram_secret: str | None = None) -> Starlette:
        """The ASGI app; with `telegram_secret`, it also takes Telegram's webhook."""
        routes = [Route(SKILL_PATH, self.skill, methods=["POST"])]
        if telegram_secret is not None:
            webhook = TelegramWebhook(self._application, telegram_secret, self._settings.max_body)
            routes.append(Route(TELEGRAM_PATH, webhook.receive, methods=["POST"]))
        return Starlette(routes=routes)

    async def skill(self, request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self._settings.secret.encode()):
            logger.warning("skill request without the right secret from %s", request.client)
            return JSONResponse({"error": "unauthorized"}, status_code=401)
        declared = request.headers.get("content-length", "0")
        if not declared.isdigit() or int(declared) > self._settings.max_body:
            return _refuse(413, "body too large or without a length")
        raw = await request.body()
        if len(raw) > self._settings.max_body:
            return _refuse(413, "body too large")
        try:
            skill_request = SkillRequest.parse(json.loads(raw))
        except (ValueError, UnicodeDecodeError) as error:
            return _refuse(400, str(error))
        return JSONResponse(await self._answer(skill_request))

    async def _answer(self, request: SkillRequest) -> dict[str, Any]:
        link = LINK.fullmatch(request.utterance.strip())
        if link is not None and request.button_data is None:
            return await self._link(request, link[1].upper())
        async with self._application.bot_data.sessions.begin() as session:
            chat_id = await kakao_chat(session, request.user_key)
        chat = self._chats.setdefault(chat_id, _Chat())
        if request.announcement is not None:
            return await self._show_pushes(chat_id, chat, request.announcement, request.block_id)
        if request.utterance in MORE_WORDS and request.button_data is None:
            shown = await self._show_more(chat_id, chat, request.block_id)
            if shown is not None:
                return shown
        processing = asyncio.create_task(self._process(chat_id, chat, request))
        done, _ = await asyncio.wait({processing}, timeout=self._settings.budget)
        if processing in done:
            return processing.result()
        if request.callback_url is not None:
            self._post_later(processing, request.callback_url)
            return {"version": "2.0", "useCallback": True, "data": {"text": texts.KAKAO_WAIT}}
        chat.late = asyncio.create_task(self._keep_unseen(chat_id, chat, processing))
        return _coming()

    async def _link(self, request: SkillRequest, code: str) -> dict[str, Any]:
        """ "연결 CODE": this KakaoTalk account joins the Telegram chat that made the code."""
        now = self._application.bot_data.clock()
        async with self._application.bot_data.sessions.begin() as session:
            chat_id = await link_kakao(session, code, request.user_key, now, LINK_VALID_FOR)
            if chat_id is not None:
                await note_channel(session, chat_id, Channel.KAKAO)
        text = texts.KAKAO_LINKED if chat_id is not None else texts.KAKAO_LINK_UNKNOWN
        return render([Outgoing(text)], keyboard=(), block_id=request.block_id).response

    async def _process(self, chat_id: int, chat: _Chat, request: SkillRequest) -> dict[str, Any]:
        """Run the update through the Application and answer with what it sent the chat."""
        person = Person(chat_id, "")
        if request.button_data is not None:
            update: Update = self._updates.callback(person, request.button_data, 1)
        else:
            update = self._updates.text(person, request.utterance)
        application = self._application
        async with chat.lock:
            with self._transport.collecting(chat_id) as calls:
                # Through the update processor: in a process serving both channels, a
                # person's Telegram and KakaoTalk messages then take turns too.
                processing = application.process_update(update)
                await application.update_processor.process_update(update, processing)
            return await self._show(chat_id, _messages(calls), request.block_id)

    async def _show_pushes(
        self, chat_id: int, chat: _Chat, announcement: str, block_id: str
    ) -> dict[str, Any]:
        """Kakao's event block asks for what we pushed; render it like any answer."""
        async with self._application.bot_data.sessions() as session:
            pushed = await find_pushes(session, announcement, chat_id)
        calls = [BotCall(payload["method"], payload["params"]) for payload in pushed]
        async with chat.lock:
            return await self._show(chat_id, _messages(calls), block_id)

    async def _show(self, chat_id: int, messages: list[Outgoing], block_id: str) -> dict[str, Any]:
        """Render `messages` with the chat's keyboard, and keep what waits for "더 보기"."""
        screen = (await self._screen(chat_id)).after(messages)
        rendered = render(messages, keyboard=screen.keyboard, block_id=block_id)
        await self._keep(chat_id, screen.showing(rendered))
        return rendered.response

    async def _show_more(self, chat_id: int, chat: _Chat, block_id: str) -> dict[str, Any] | None:
        """ "계속 보기" or "더 보기": a late answer, else what the last one left out; None
        when nothing waits (the words then go to the handlers like any other)."""
        if chat.late is not None:
            await chat.late
        async with chat.lock:
            screen = await self._screen(chat_id)
            if screen.unseen is not None:
                await self._keep(chat_id, replace(screen, unseen=None))
                return screen.unseen
            if not screen.rest and not screen.more_replies:
                return None
            rendered = more(
                screen.rest, screen.more_replies, keyboard=screen.keyboard, block_id=block_id
            )
            await self._keep(chat_id, screen.showing(rendered))
            return rendered.response

    async def _screen(self, chat_id: int) -> Screen:
        async with self._application.bot_data.sessions() as session:
            return Screen.from_json(await load_screen(session, chat_id))

    async def _keep(self, chat_id: int, screen: Screen) -> None:
        async with self._application.bot_data.sessions.begin() as session:
            await save_screen(session, chat_id, screen.to_json())

    def _post_later(self, processing: "asyncio.Task[dict[str, Any]]", url: str) -> None:
        """Post the answer to Kakao's one-time callback URL once it is ready."""

        async def deliver() -> None:
            answer = await processing
            try:
                posted = await self._http.post(url, json=answer)
                if posted.status_code >= 400:
                    logger.warning("Kakao callback answered %s", posted.status_code)
            except httpx.HTTPError as error:
                logger.warning("Kakao callback failed: %s", error)

        task = asyncio.create_task(deliver())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _keep_unseen(
        self, chat_id: int, chat: _Chat, processing: "asyncio.Task[dict[str, Any]]"
    ) -> None:
        """No callback URL: the late answer waits on the screen for "계속 보기"."""
        answer = await processing
        async with chat.lock:
            screen = await self._screen(chat_id)
            await self._keep(chat_id, replace(screen, unseen=answer))
        chat.late = None

    async def drain(self) -> None:
        """Wait for answers still on their way (tests, and a clean shutdown)."""
        late = [chat.late for chat in self._chats.values() if chat.late is not None]
        await asyncio.gather(*late, return_exceptions=True)
        while self._background:
            await asyncio.gather(*self._background, return_exceptions=True)


def _messages(calls: Sequence[BotCall]) -> list[Outgoing]:
    """The messages among `calls`, in order."""
    return [m for call in calls if (m := outgoing_from_call(call)) is not None]


def _coming() -> dict[str, Any]:
    """No callback URL and not ready: say it is coming, with a button to see it."""
    reply = {
        "label": texts.KAKAO_CONTINUE,
        "action": "message",
        "messageText": texts.KAKAO_CONTINUE,
    }
    return {
        "version": "2.0",
        "template": {
            "outputs": [{"simpleText": {"text": texts.KAKAO_WAIT}}],
            "quickReplies": [reply],
        },
    }


class TelegramWebhook:
    """Telegram's webhook on the same ASGI app: updates are queued for the Application."""

    def __init__(self, application: BotApplication, secret: str, max_body: int) -> None:
        self._application = application
        self._secret = secret
        self._max_body = max_body

    async def receive(self, request: Request) -> Response:
        given = request.headers.get(TELEGRAM_SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self._secret.encode()):
            logger.warning("Telegram webhook call without the right secret")
            return JSONResponse({"error": "unauthorized"}, status_code=401)
        raw = await request.body()
        if len(raw) > self._max_body:
            return _refuse(413, "webhook body too large")
        try:
            update = Update.de_json(json.loads(raw), self._application.bot)
        except (ValueError, TypeError, KeyError) as error:
            return _refuse(400, f"not a Telegram update: {error}")
        await self._application.update_queue.put(update)
        return Response(status_code=200)


def _refuse(status: int, reason: str) -> Response:
    logger.warning("refused a skill request (%s): %s", status, reason)
    return JSONResponse({"error": reason}, status_code=status)
