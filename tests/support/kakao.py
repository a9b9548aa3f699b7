"""The bot on KakaoTalk in tests: the real skill server, the real Application, a fake Kakao.

Skill requests are shaped like Kakao i Open Builder's (a fallback block calling our
skill) and go through the ASGI app in process. The fake Kakao is a small Starlette app
on the same in-process transport: it takes Event API pushes and callback posts, records
them, and answers what a test scripts.
"""

import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.channels.kakao.events import KakaoEventConfig, KakaoEventSender
from bot.channels.kakao.skill import SECRET_HEADER, SKILL_PATH, SkillServer, SkillSettings
from bot.channels.kakao.transport import PUSH_PARAM, KakaoTransport
from bot.channels.local import LocalRequest
from bot.channels.router import RoutingRequest
from bot.config import Settings
from bot.runner import database, running_application
from db.channels import Channel
from handlers.context import BotApplication
from tests.support.harness import ADMIN, FakeClock

SECRET = "s3cret-header-value"
TELEGRAM_SECRET = "telegram-webhook-secret"
BOT_ID = "64ddebb416baad579d7b7ef9"
BLOCK = {"id": "5d1b7c8b8192ac0001b2c3d4", "name": "폴백 블록"}
EVENT_BLOCK = {"id": "5d1b7c8b8192ac0001b2ffff", "name": "앙코르 알림"}
KAKAO = "http://kakao.test"
ENCORE = "http://encore.test"


@dataclass
class FakeKakao:
    """Kakao's side: Event API pushes and callback posts, recorded; answers from a script."""

    pushes: list[dict[str, Any]] = field(default_factory=list)
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    push_answers: list[Response] = field(default_factory=list)
    _tasks: "itertools.count[int]" = field(default_factory=itertools.count)

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v2/bots/{bot_id}/talk", self._talk, methods=["POST"]),
                Route("/callback/{token}", self._callback, methods=["POST"]),
            ]
        )

    async def _talk(self, request: Request) -> Response:
        self.pushes.append(await request.json())
        if self.push_answers:
            return self.push_answers.pop(0)
        return JSONResponse({"taskId": f"task-{next(self._tasks)}", "status": "SUCCESS"})

    async def _callback(self, request: Request) -> Response:
        self.callbacks.append(await request.json())
        return JSONResponse({"taskId": "callback", "status": "SUCCESS"})

    def pushed_ids(self, user_key: str) -> list[str]:
        return [
            push["params"][PUSH_PARAM]
            for push in self.pushes
            if any(user["id"] == user_key for user in push["user"])
        ]


@dataclass
class KakaoHarness:
    application: BotApplication
    server: SkillServer
    client: httpx.AsyncClient
    kakao: FakeKakao
    clock: FakeClock

    def user(self, key: str) -> "KakaoUser":
        return KakaoUser(self, key)

    async def run_job(self, name: str) -> None:
        (job,) = self.application.job_queue.get_jobs_by_name(name)  # type: ignore[union-attr]
        await job.run(self.application)

    async def post(self, body: object, *, secret: str | None = SECRET) -> httpx.Response:
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        return await self.client.post(SKILL_PATH, json=body, headers=headers)


def skill_request(
    user_key: str,
    utterance: str,
    *,
    extra: dict[str, Any] | None = None,
    params: dict[str, Any] | None = None,
    callback_url: str | None = None,
    block: dict[str, str] = BLOCK,
) -> dict[str, Any]:
    """A request the way Open Builder sends it to a skill (SkillPayload, v2)."""
    user_request: dict[str, Any] = {
        "timezone": "Asia/Seoul",
        "params": {"ignoreMe": "true"},
        "block": block,
        "utterance": utterance,
        "lang": "ko",
        "user": {
            "id": user_key,
            "type": "botUserKey",
            "properties": {"botUserKey": user_key, "isFriend": True},
        },
    }
    if callback_url is not None:
        user_request["callbackUrl"] = callback_url
    return {
        "intent": block,
        "userRequest": user_request,
        "bot": {"id": BOT_ID, "name": "앙코르"},
        "action": {
            "id": "skill-action",
            "name": "encore",
            "params": params or {},
            "detailParams": {},
            "clientExtra": extra or {},
        },
        "contexts": [],
    }


class KakaoUser:
    """One KakaoTalk user chatting with the bot."""

    def __init__(self, harness: KakaoHarness, key: str) -> None:
        self.harness = harness
        self.key = key
        self.response: dict[str, Any] = {}

    async def say(self, utterance: str, **options: Any) -> dict[str, Any]:
        answer = await self.harness.post(skill_request(self.key, utterance, **options))
        assert answer.status_code == 200, answer.text
        self.response = answer.json()
        return self.response

    async def press(self, label: str) -> dict[str, Any]:
        """Tap a quick reply or a card button of the last answer, as Kakao would send it."""
        for button in self.buttons():
            if button["label"] == label or button.get("messageText") == label:
                utterance = button.get("messageText") or button["label"]
                return await self.say(utterance, extra=button.get("extra"))
        raise AssertionError(f"no {label!r} among {[b['label'] for b in self.buttons()]}")

    async def open_push(self, announcement: str) -> dict[str, Any]:
        """Kakao's event block calling the skill for what the bot pushed."""
        return await self.say("", params={PUSH_PARAM: announcement}, block=EVENT_BLOCK)

    def outputs(self) -> list[dict[str, Any]]:
        return list(self.response.get("template", {}).get("outputs", []))

    def quick_replies(self) -> list[str]:
        replies = self.response.get("template", {}).get("quickReplies", [])
        return [reply.get("messageText") or reply["label"] for reply in replies]

    def buttons(self) -> list[dict[str, Any]]:
        cards = [
            card
            for output in self.outputs()
            for card in ([output["basicCard"]] if "basicCard" in output else [])
            + output.get("carousel", {}).get("items", [])
        ]
        card_buttons = [button for card in cards for button in card.get("buttons", [])]
        return card_buttons + list(self.response.get("template", {}).get("quickReplies", []))

    @property
    def text(self) -> str:
        """Everything the last answer shows, as one text."""
        parts: list[str] = []
        for output in self.outputs():
            if "simpleText" in output:
                parts.append(output["simpleText"]["text"])
            cards = [output["basicCard"]] if "basicCard" in output else []
            for card in cards + output.get("carousel", {}).get("items", []):
                parts.extend([card.get("title", ""), card.get("description", "")])
        return "\n".join(parts)


@asynccontextmanager
async def kakao_harness(
    database_url: str,
    clock: FakeClock,
    *,
    budget: float = 4.0,
    telegram: LocalRequest | None = None,
) -> AsyncIterator[KakaoHarness]:
    """The Kakao process on `database_url`, with the fake Kakao behind the Event API.

    With `telegram`, the process serves both channels (`encore kakao` with a Telegram
    token): one Application, the routing transport, and Telegram's webhook route.
    """
    kakao = FakeKakao()
    settings = Settings(
        bot_token="kakao:test", database_url=database_url, admin_ids=frozenset({ADMIN.id})
    )
    events = KakaoEventConfig(
        api_base=KAKAO, bot_id=BOT_ID, rest_api_key="test-key", event_name="encore_push"
    )
    async with (
        database(database_url) as sessions,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=kakao.app()), base_url=KAKAO) as http,
        KakaoEventSender(events, client=http) as sender,
    ):
        transport = KakaoTransport(sessions, sender)
        both = telegram is not None
        async with running_application(
            settings,
            sessions,
            request=RoutingRequest(telegram, transport, sessions) if telegram else transport,
            clock=clock,
            scheduled=False,
            channel=None if both else Channel.KAKAO,
            channel_of=transport.channel_of if both else None,
            grouped=transport,
        ) as application:
            server = SkillServer(application, transport, SkillSettings(SECRET, budget), http)
            app = server.app(TELEGRAM_SECRET if both else None)
            async with httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url=ENCORE
            ) as client:
                yield KakaoHarness(application, server, client, kakao, clock)
                await server.drain()
