"""The Event API sender against a fake Kakao served over real HTTP on 127.0.0.1.

The fake is a Starlette app under uvicorn, on a port the OS picks, started and stopped
by a fixture in the test's own event loop. It records every request as it arrived (raw
bytes included) and answers from a script, so each test reads as a conversation.
"""

import asyncio
import email.utils
import json
import logging
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.channels.kakao.events import (
    DEFAULT_RETRY_AFTER,
    LONGEST_RETRY_AFTER,
    KakaoEventConfig,
    KakaoEventSender,
    KakaoRateLimited,
    KakaoRejected,
    KakaoUnavailable,
)

API_KEY = "0123456789abcdef0123456789abcdef"
BOT_ID = "64ddebb416baad579d7b7ef9"
EVENT = "encore_push"


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    raw: bytes

    @property
    def body(self) -> Any:
        return json.loads(self.raw)

    @property
    def users(self) -> list[str]:
        return [user["id"] for user in self.body["user"]]


@dataclass
class FakeKakao:
    """Answers queued responses in order, then "SUCCESS" with taskId task-<n>."""

    base_url: str = ""
    received: list[Received] = field(default_factory=list)
    script: list[Response | None] = field(default_factory=list)
    released: asyncio.Event = field(default_factory=asyncio.Event)

    def answer(self, *responses: Response | None) -> None:
        """Queue answers; None keeps the request waiting until the test ends."""
        self.script.extend(responses)

    async def talk(self, request: Request) -> Response:
        headers = {name.lower(): value for name, value in request.headers.items()}
        self.received.append(Received(request.url.path, headers, await request.body()))
        number = len(self.received)
        scripted = self.script.pop(0) if self.script else _accepted(number)
        if scripted is None:
            await self.released.wait()
            return _accepted(number)
        return scripted


def _accepted(number: int) -> Response:
    return JSONResponse({"taskId": f"task-{number}", "status": "SUCCESS", "timestamp": 1})


@pytest.fixture
async def kakao() -> AsyncIterator[FakeKakao]:
    fake = FakeKakao()
    app = Starlette(routes=[Route("/v2/bots/{bot_id}/talk", fake.talk, methods=["POST"])])
    config = uvicorn.Config(
        app, lifespan="off", ws="none", http="h11", log_config=None, access_log=False
    )
    server = uvicorn.Server(config)
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        fake.base_url = f"http://127.0.0.1:{listening.getsockname()[1]}"
        serving = asyncio.create_task(server.serve(sockets=[listening]))
        async with asyncio.timeout(5):
            while not server.started:
                assert not serving.done(), "the fake Kakao did not start"
                await asyncio.sleep(0.01)
        try:
            yield fake
        finally:
            fake.released.set()
            server.should_exit = True
            await serving


def _config(base_url: str, **changes: Any) -> KakaoEventConfig:
    settings: dict[str, Any] = {
        "api_base": base_url,
        "bot_id": BOT_ID,
        "rest_api_key": API_KEY,
        "event_name": EVENT,
        "timeout": 5.0,
    }
    return KakaoEventConfig(**(settings | changes))


def _keys(count: int) -> list[str]:
    return [f"user-{number:03}" for number in range(count)]


async def _push(
    kakao: FakeKakao, keys: list[str], params: dict[str, str] | None = None, **config: Any
) -> Any:
    async with KakaoEventSender(_config(kakao.base_url, **config)) as sender:
        return await sender.push(keys, params or {"push": "41"})


async def test_a_push_is_the_documented_request(kakao: FakeKakao) -> None:
    result = await _push(kakao, ["bu-1", "bu-2"], {"push": "41"})

    assert result.succeeded == {"bu-1": "task-1", "bu-2": "task-1"}
    assert result.failed == {}
    [request] = kakao.received
    assert request.path == f"/v2/bots/{BOT_ID}/talk"
    assert request.headers["authorization"] == f"KakaoAK {API_KEY}"
    assert request.headers["content-type"].startswith("application/json")
    assert request.body == {
        "event": {"name": EVENT},
        "user": [{"type": "botUserKey", "id": "bu-1"}, {"type": "botUserKey", "id": "bu-2"}],
        "params": {"push": "41"},
    }


async def test_korean_params_travel_as_utf8(kakao: FakeKakao) -> None:
    params = {"push": "7", "title": "관심 있어요 · 경기 남부 품질관리"}

    result = await _push(kakao, ["bu-1"], params)

    assert result.succeeded == {"bu-1": "task-1"}
    [request] = kakao.received
    assert "관심 있어요 · 경기 남부 품질관리".encode() in request.raw
    assert request.body["params"] == params


async def test_a_development_channel_bot_id_keeps_its_exclamation_mark(
    kakao: FakeKakao,
) -> None:
    await _push(kakao, ["bu-1"], bot_id=f"{BOT_ID}!")

    assert kakao.received[0].path == f"/v2/bots/{BOT_ID}!/talk"


async def test_250_users_go_as_100_100_50_in_order(kakao: FakeKakao) -> None:
    keys = _keys(250)

    result = await _push(kakao, keys)

    assert [len(request.users) for request in kakao.received] == [100, 100, 50]
    assert [user for request in kakao.received for user in request.users] == keys
    assert result.failed == {}
    assert result.succeeded[keys[0]] == "task-1"
    assert result.succeeded[keys[199]] == "task-2"
    assert result.succeeded[keys[200]] == "task-3"


async def test_a_key_given_twice_is_sent_once(kakao: FakeKakao) -> None:
    result = await _push(kakao, ["bu-1", "bu-2", "bu-1"])

    assert kakao.received[0].users == ["bu-1", "bu-2"]
    assert list(result.succeeded) == ["bu-1", "bu-2"]


async def test_no_users_no_request(kakao: FakeKakao) -> None:
    result = await _push(kakao, [])

    assert kakao.received == []
    assert result.succeeded == {}
    assert result.failed == {}


async def test_429_with_retry_after_pauses_and_keeps_what_was_accepted(
    kakao: FakeKakao,
) -> None:
    keys = _keys(250)
    kakao.answer(_accepted(1), JSONResponse({}, status_code=429, headers={"Retry-After": "7"}))

    result = await _push(kakao, keys)

    assert len(kakao.received) == 2, "nothing more is sent once Kakao asked to wait"
    assert set(result.succeeded) == set(keys[:100])
    assert set(result.failed) == set(keys[100:])
    error = result.failed[keys[249]]
    assert isinstance(error, KakaoRateLimited)
    assert error.retry_after == 7.0


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, DEFAULT_RETRY_AFTER),
        ("soon", DEFAULT_RETRY_AFTER),
        ("-5", 0.0),
        ("999999", LONGEST_RETRY_AFTER),
    ],
)
async def test_429_without_a_usable_retry_after(
    kakao: FakeKakao, header: str | None, expected: float
) -> None:
    headers = {} if header is None else {"Retry-After": header}
    kakao.answer(Response(status_code=429, headers=headers))

    result = await _push(kakao, ["bu-1"])

    error = result.failed["bu-1"]
    assert isinstance(error, KakaoRateLimited)
    assert error.retry_after == expected


async def test_429_with_an_http_date(kakao: FakeKakao) -> None:
    later = email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=120), usegmt=True)
    kakao.answer(Response(status_code=429, headers={"Retry-After": later}))

    result = await _push(kakao, ["bu-1"])

    error = result.failed["bu-1"]
    assert isinstance(error, KakaoRateLimited)
    assert 100 < error.retry_after <= 120


async def test_500_is_unavailable_and_stops_the_rest(kakao: FakeKakao) -> None:
    kakao.answer(Response("<html>Bad Gateway</html>", status_code=502))

    result = await _push(kakao, _keys(150))

    assert len(kakao.received) == 1
    assert result.succeeded == {}
    assert len(result.failed) == 150
    error = result.failed["user-149"]
    assert isinstance(error, KakaoUnavailable)
    assert "HTTP 502" in error.message
    assert "Bad Gateway" in error.message


async def test_a_timeout_is_unavailable(kakao: FakeKakao) -> None:
    kakao.answer(None)

    result = await _push(kakao, ["bu-1"], timeout=0.2)

    error = result.failed["bu-1"]
    assert isinstance(error, KakaoUnavailable)
    assert "Timeout" in error.message


async def test_a_refused_connection_is_unavailable() -> None:
    with socket.socket() as bound_not_listening:
        bound_not_listening.bind(("127.0.0.1", 0))
        port = bound_not_listening.getsockname()[1]
        async with KakaoEventSender(_config(f"http://127.0.0.1:{port}")) as sender:
            result = await sender.push(["bu-1", "bu-2"], {"push": "1"})

    assert result.succeeded == {}
    assert all(isinstance(error, KakaoUnavailable) for error in result.failed.values())
    assert set(result.failed) == {"bu-1", "bu-2"}


async def test_401_is_rejected_never_logs_the_key_and_stops_the_rest(
    kakao: FakeKakao, caplog: pytest.LogCaptureFixture
) -> None:
    kakao.answer(JSONResponse({"code": -401, "msg": f"wrong appKey({API_KEY})"}, 401))

    with caplog.at_level(logging.WARNING, logger="bot.channels.kakao.events"):
        result = await _push(kakao, _keys(150))

    assert len(kakao.received) == 1
    error = result.failed["user-000"]
    assert isinstance(error, KakaoRejected)
    assert error.status_code == 401
    assert result.failed["user-149"] is error
    assert "wrong appKey(***)" in error.message
    assert caplog.records, "a refused key is logged"
    assert API_KEY not in caplog.text
    assert all(API_KEY not in str(failure) for failure in result.failed.values())


async def test_400_is_rejected_but_the_next_group_is_still_tried(kakao: FakeKakao) -> None:
    kakao.answer(JSONResponse({"message": "invalid user id"}, 400))

    result = await _push(kakao, _keys(150))

    assert len(kakao.received) == 2
    assert set(result.failed) == set(_keys(100))
    assert set(result.succeeded) == set(_keys(150)[100:])
    error = result.failed["user-000"]
    assert isinstance(error, KakaoRejected)
    assert error.status_code == 400


async def test_fail_reports_every_key_of_that_request_with_kakaos_message(
    kakao: FakeKakao, caplog: pytest.LogCaptureFixture
) -> None:
    kakao.answer(JSONResponse({"taskId": "t-9", "status": "FAIL", "message": "이벤트가 없습니다"}))

    with caplog.at_level(logging.WARNING, logger="bot.channels.kakao.events"):
        result = await _push(kakao, ["bu-1", "bu-2"])

    assert result.succeeded == {}
    assert set(result.failed) == {"bu-1", "bu-2"}
    error = result.failed["bu-1"]
    assert isinstance(error, KakaoRejected), "a FAIL never reads as 'these users are gone'"
    assert error.status_code is None
    assert error.task_id == "t-9"
    assert "이벤트가 없습니다" in error.message
    assert "t-9" in caplog.text
    assert "이벤트가 없습니다" in caplog.text


async def test_error_status_is_unavailable(kakao: FakeKakao) -> None:
    kakao.answer(JSONResponse({"taskId": "t-3", "status": "ERROR", "message": "internal"}))

    result = await _push(kakao, ["bu-1"])

    error = result.failed["bu-1"]
    assert isinstance(error, KakaoUnavailable)
    assert error.task_id == "t-3"


@pytest.mark.parametrize(
    "answer",
    [
        Response("<html>maintenance</html>", media_type="text/html"),
        Response(b"", status_code=200),
        JSONResponse(["SUCCESS"]),
        JSONResponse({"status": "MAYBE"}),
    ],
)
async def test_an_answer_that_cannot_be_read_is_unavailable(
    kakao: FakeKakao, answer: Response
) -> None:
    kakao.answer(answer)

    result = await _push(kakao, ["bu-1"])

    error = result.failed["bu-1"]
    assert isinstance(error, KakaoUnavailable)
    assert "not understood" in error.message


async def test_a_shared_client_stays_open_an_own_one_is_closed(kakao: FakeKakao) -> None:
    async with httpx.AsyncClient() as client:
        shared = KakaoEventSender(_config(kakao.base_url), client=client)
        assert (await shared.push(["bu-1"], {})).succeeded == {"bu-1": "task-1"}
        await shared.aclose()
        assert not client.is_closed

    own = KakaoEventSender(_config(kakao.base_url))
    await own.aclose()
    with pytest.raises(RuntimeError, match="closed"):
        await own.push(["bu-1"], {})


def test_the_key_stays_out_of_the_config_repr() -> None:
    assert API_KEY not in repr(_config("http://127.0.0.1:1"))
