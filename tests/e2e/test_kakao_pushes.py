"""Pushes to KakaoTalk go many at a time: one Event API request for up to 100 people."""

import logging
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import select
from starlette.responses import JSONResponse

from bot.application import DISPATCH_JOB
from bot.channels.kakao.transport import PUSH_PARAM
from bot.channels.local import LocalRequest
from db.channels import kakao_chat
from db.models import OutboxMessage, OutboxStatus, User
from db.outbox import enqueue
from db.users import register_seeker
from handlers import texts
from tests.e2e.conftest import SENIOR
from tests.support.harness import FakeClock
from tests.support.kakao import KakaoHarness, kakao_harness


@pytest.fixture
async def kakao(database_url: str, clock: FakeClock) -> AsyncIterator[KakaoHarness]:
    async with kakao_harness(database_url, clock) as harness:
        yield harness


async def _people(kakao: KakaoHarness, count: int) -> list[str]:
    """`count` seniors who started on KakaoTalk; their user keys."""
    keys = [f"kakao-user-{number:03}" for number in range(count)]
    async with kakao.application.bot_data.sessions.begin() as session:
        for key in keys:
            chat_id = await kakao_chat(session, key)
            await register_seeker(session, chat_id, consented_at=kakao.clock.now)
    return keys


async def _announce(kakao: KakaoHarness, text: str, *, key: str = "notice") -> None:
    """Queue `text` for every active user, as a broadcast does."""
    async with kakao.application.bot_data.sessions.begin() as session:
        users = await session.scalars(select(User).where(User.is_active))
        for user in users:
            await enqueue(
                session,
                user_id=user.id,
                kind="broadcast",
                payload={"text": text},
                dedupe_key=f"{key}:{user.id}",
                not_before=kakao.clock.now,
            )


async def _statuses(kakao: KakaoHarness) -> list[OutboxStatus]:
    async with kakao.application.bot_data.sessions() as session:
        return list(await session.scalars(select(OutboxMessage.status)))


async def test_150_people_get_a_broadcast_in_two_requests(kakao: KakaoHarness) -> None:
    keys = await _people(kakao, 150)
    await _announce(kakao, "이번 주 토요일에 채용 박람회가 열려요.")
    await kakao.run_job(DISPATCH_JOB)
    await kakao.run_job(DISPATCH_JOB)

    first, second = kakao.kakao.pushes
    assert [len(first["user"]), len(second["user"])] == [100, 50]
    reached = [user["id"] for push in (first, second) for user in push["user"]]
    assert sorted(reached) == keys
    assert await _statuses(kakao) == [OutboxStatus.SENT] * 150

    announcement = first["params"][PUSH_PARAM]
    someone, stranger = kakao.user(first["user"][0]["id"]), kakao.user(second["user"][0]["id"])
    await someone.open_push(announcement)
    assert someone.text == "이번 주 토요일에 채용 박람회가 열려요."
    await stranger.open_push(announcement)  # not theirs: they see only their own messages
    assert stranger.text == texts.KAKAO_NOTHING_YET


async def test_two_messages_to_one_person_come_in_one_announcement(kakao: KakaoHarness) -> None:
    (key,) = await _people(kakao, 1)
    await _announce(kakao, "첫 번째 안내예요.", key="first")
    await _announce(kakao, "두 번째 안내예요.", key="second")
    await kakao.run_job(DISPATCH_JOB)

    (push,) = kakao.kakao.pushes
    assert push["user"] == [{"type": "botUserKey", "id": key}]
    user = kakao.user(key)
    await user.open_push(push["params"][PUSH_PARAM])
    assert user.text == "첫 번째 안내예요.\n\n두 번째 안내예요."


async def test_a_rate_limited_request_is_sent_again_whole_after_the_wait(
    kakao: KakaoHarness,
) -> None:
    await _people(kakao, 30)
    await _announce(kakao, "면접 코칭 자리가 새로 열렸어요.")
    answer = JSONResponse({"message": "too many"}, status_code=429, headers={"Retry-After": "90"})
    kakao.kakao.push_answers.append(answer)
    await kakao.run_job(DISPATCH_JOB)
    assert await _statuses(kakao) == [OutboxStatus.PENDING] * 30

    await kakao.run_job(DISPATCH_JOB)  # still inside the 90 seconds: nothing is tried
    assert len(kakao.kakao.pushes) == 1
    kakao.clock.advance(timedelta(seconds=91))
    await kakao.run_job(DISPATCH_JOB)
    assert len(kakao.kakao.pushes[1]["user"]) == 30
    assert await _statuses(kakao) == [OutboxStatus.SENT] * 30


async def test_a_refused_request_fails_its_messages_but_keeps_the_people(
    kakao: KakaoHarness, caplog: pytest.LogCaptureFixture
) -> None:
    await _people(kakao, 3)
    await _announce(kakao, "안내예요.")
    kakao.kakao.push_answers.append(JSONResponse({"status": "FAIL", "message": "no wallet"}))
    await kakao.run_job(DISPATCH_JOB)
    assert await _statuses(kakao) == [OutboxStatus.FAILED] * 3
    (logged,) = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "no wallet" in logged.getMessage()  # for the operator, who must fix the set-up
    caplog.clear()
    async with kakao.application.bot_data.sessions() as session:
        assert all(await session.scalars(select(User.is_active)))


async def test_kakao_asking_to_wait_does_not_hold_up_telegram(
    database_url: str, clock: FakeClock
) -> None:
    telegram = LocalRequest()
    async with kakao_harness(database_url, clock, telegram=telegram) as kakao:
        await _people(kakao, 2)
        async with kakao.application.bot_data.sessions.begin() as session:
            await register_seeker(session, SENIOR.id, consented_at=clock.now)
        await _announce(kakao, "첫 안내예요.", key="first")
        kakao.kakao.push_answers.append(JSONResponse({}, status_code=429))
        await kakao.run_job(DISPATCH_JOB)
        await _announce(kakao, "둘째 안내예요.", key="second")
        await kakao.run_job(DISPATCH_JOB)

        sent = [c.params["text"] for c in telegram.calls if c.chat_id == SENIOR.id]
        assert sent == ["첫 안내예요.", "둘째 안내예요."]
        assert len(kakao.kakao.pushes) == 1  # KakaoTalk waits its minute
