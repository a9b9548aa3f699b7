"""`encore run` as an operator starts it, against a Bot API–compatible server on loopback.

This is the real process, the real HTTPX transport and long polling: only the server on
the other side is a small stand-in that serves one /start and records what the bot sends.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.bot_api import TOKEN, FakeBotApi, fake_bot_api
from tests.support.kakao import skill_request

PERSON = {"id": 5_550_001, "is_bot": False, "first_name": "영수"}


@pytest.fixture
def bot_api() -> Iterator[FakeBotApi]:
    with fake_bot_api() as server:
        server.pending_updates.append(
            {
                "update_id": 1,
                "message": {
                    "message_id": 1,
                    "date": int(time.time()),
                    "chat": {"id": PERSON["id"], "type": "private"},
                    "from": PERSON,
                    "text": "/start",
                    "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
                },
            }
        )
        yield server


def test_encore_run_answers_start_and_stops_cleanly(bot_api: FakeBotApi, tmp_path: Path) -> None:
    host, port = bot_api.server_address[:2]
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": f"http://{host!s}:{port}",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}",
        "PYTHONPATH": str(Path(__file__).parents[2]),
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not bot_api.sent_texts() and time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()
            time.sleep(0.1)
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)

    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    methods = [method for method, _ in bot_api.calls]
    assert "setMyCommands" in methods
    assert "개인정보" in bot_api.sent_texts()[0]
    assert (tmp_path / "run.sqlite3").exists()


def test_encore_kakao_serves_both_channels_from_one_process(
    bot_api: FakeBotApi, tmp_path: Path
) -> None:
    host, port = bot_api.server_address[:2]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        skill_port = probe.getsockname()[1]
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": f"http://{host!s}:{port}",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'kakao.sqlite3'}",
        "ENCORE_KAKAO_SECRET": "skill-secret",
        "KAKAO_BOT_ID": "bot",
        "KAKAO_REST_API_KEY": "key",
        "KAKAO_API_BASE": "http://127.0.0.1:9",
        "PYTHONPATH": str(Path(__file__).parents[2]),
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "kakao", "--host", "127.0.0.1", "--port", str(skill_port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    skill = skill_request("kakao-user", "안녕하세요")
    try:
        deadline = time.monotonic() + 60
        answer = None
        while (answer is None or not bot_api.sent_texts()) and time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()
            try:
                answer = httpx.post(
                    f"http://127.0.0.1:{skill_port}/kakao/skill",
                    json=skill,
                    headers={"X-Encore-Secret": "skill-secret"},
                )
            except httpx.ConnectError:
                time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)

    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert answer is not None
    assert "개인정보" in str(answer.json()["template"]["outputs"])
    assert "개인정보" in bot_api.sent_texts()[0]
