"""Three `encore run` workers on one PostgreSQL database, Telegram's webhook spread over them.

Real processes, each taking updates on its own port as a load balancer would hand them out,
and a stand-in Bot API server on loopback that records what the bot sends. A senior whose
messages alternate between the workers finishes a profile; 1,000 seniors each get a new
posting's alert, though all three workers tick and dispatch, and one worker is killed with
SIGKILL halfway: none is lost, and at most the one message it was sending when it died
goes out twice (Telegram's sendMessage cannot be made idempotent).
"""

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import insert
from telegram import Bot

from bot.channels.updates import Person, UpdateFactory
from bot.runner import database
from db.models import AlertMode, Company, Posting, Profile, Role, User, Vetting
from db.profiles import load_profile
from handlers import texts
from tests.conftest import ON_POSTGRES
from tests.support.bot_api import TOKEN, FakeBotApi, fake_bot_api
from tests.support.profiles import ANSWERS

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="workers share a PostgreSQL database")

WORKERS = 3
SECRET = "shared-webhook-secret"
SENIORS = 1_000
STALE_CLAIM_SECONDS = 20  # longer than a worker takes to send a batch of 100 at its share
FIRST_SENIOR = 7_000_000
PERSON = Person(6_000_001, "영수")
ROOT = Path(__file__).parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


@contextmanager
def _workers(
    bot_api: FakeBotApi, database_url: str
) -> Iterator[tuple[list[int], list[subprocess.Popen[str]]]]:
    """Start the workers, yield their webhook ports and processes; stop the ones still
    running with SIGTERM at the end, and check they stopped cleanly."""
    host, port = bot_api.server_address[:2]
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": f"http://{host!s}:{port}",
        "DATABASE_URL": database_url,
        "ENCORE_PUBLIC_URL": "https://encore.example.org",
        "ENCORE_TELEGRAM_WEBHOOK_SECRET": SECRET,
        "ENCORE_STALE_CLAIM_SECONDS": str(STALE_CLAIM_SECONDS),
        "PYTHONPATH": str(ROOT),
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    ports = [_free_port() for _ in range(WORKERS)]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--host", "127.0.0.1", "--port", str(p)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in ports
    ]
    try:
        _until(
            lambda: bot_api.count("setWebhook") == WORKERS,
            90,
            "every worker to register the webhook",
        )
        yield ports, processes
    finally:
        running = [process.poll() is None for process in processes]
        for process, alive in zip(processes, running, strict=True):
            if alive:
                process.send_signal(signal.SIGTERM)
        errors = [process.communicate(timeout=60)[1] for process in processes]
    for process, alive, stderr in zip(processes, running, errors, strict=True):
        if alive:  # a killed worker had no say in how it ended
            assert process.returncode == 0, stderr
            assert "Traceback" not in stderr, stderr


def _deliver(port: int, update: dict[str, object]) -> None:
    """Hand one update to one worker, as Telegram (through a load balancer) would."""
    answer = httpx.post(
        f"http://127.0.0.1:{port}/telegram/webhook",
        content=json.dumps(update),
        headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET},
    )
    assert answer.status_code == 200, answer.text


async def _seed(database_url: str) -> None:
    """1,000 consented seniors who want 경비 work in 서울 강남구, with instant alerts."""
    now = datetime.now(UTC)
    async with database(database_url) as sessions, sessions.begin() as session:
        users = [
            {
                "telegram_id": FIRST_SENIOR + n,
                "role": Role.SEEKER,
                "consented_at": now,
                "alert_mode": AlertMode.INSTANT,
                "quiet_nights": False,
            }
            for n in range(SENIORS)
        ]
        ids = list(await session.scalars(insert(User).returning(User.id), users))
        profile = {
            "birth_year": 1966,
            "desired_jobs": ["경비"],
            "certificates": [],
            "regions": ["서울특별시 강남구"],
            "pay_text": "무관",
            "employment_types": [],
            "completed_at": now,
        }
        await session.execute(insert(Profile), [{**profile, "user_id": i} for i in ids])


async def _add_posting(database_url: str) -> None:
    async with database(database_url) as sessions, sessions.begin() as session:
        company = Company(name="든든경비시스템(주)", vetting=Vetting.APPROVED)
        session.add(company)
        session.add(
            Posting(
                external_id="W-1",
                company=company,
                title="아파트 경비원",
                region="서울 강남구",
                salary="월 250만원",
                employment_type="정규직",
                experience="무관",
                age="무관",
                certificates=[],
                description="아파트 단지 경비, 격일 근무",
                start="즉시",
            )
        )


def test_three_workers_share_conversations_ticks_and_the_outbox(database_url: str) -> None:
    asyncio.run(_seed(database_url))
    updates = UpdateFactory(Bot(TOKEN))
    with fake_bot_api() as bot_api, _workers(bot_api, database_url) as (ports, processes):
        asyncio.run(_add_posting(database_url))

        def say(turn: int, text: str) -> None:
            before = len(bot_api.sent_texts(PERSON.id))
            _deliver(ports[turn % WORKERS], updates.text(PERSON, text).to_dict())
            _until(
                lambda: len(bot_api.sent_texts(PERSON.id)) > before, 30, f"an answer to {text!r}"
            )

        for turn, text in enumerate(["/start", texts.AGREE, *ANSWERS, texts.LOOKS_GOOD]):
            say(turn, text)
        _until(
            lambda: any("프로필을 저장했어요" in t for t in bot_api.sent_texts(PERSON.id)),
            30,
            "the profile to be saved",
        )

        seniors = range(FIRST_SENIOR, FIRST_SENIOR + SENIORS)

        def alerted() -> Counter[int]:
            return Counter(
                int(params["chat_id"])
                for method, params in list(bot_api.calls)
                if method == "sendMessage" and int(params["chat_id"]) in seniors
            )

        _until(lambda: len(alerted()) >= SENIORS // 4, 120, "the alerts to be under way")
        processes[-1].kill()  # SIGKILL: no chance to finish or release anything
        _until(lambda: len(alerted()) == SENIORS, 240, "every senior's alert")
        time.sleep(3)  # time enough for more copies to go out, were any queued
        copies = alerted()
        assert sum(count - 1 for count in copies.values()) <= 1

    profile = asyncio.run(_stored(database_url, PERSON.id))
    assert profile is not None
    assert profile.completed_at is not None
    assert profile.name == "김영수"
    assert [(c.title, c.months) for c in profile.careers] == [("자동차부품 품질관리", 240)]


async def _stored(database_url: str, telegram_id: int) -> Profile | None:
    async with database(database_url) as sessions, sessions() as session:
        return await load_profile(session, telegram_id)
