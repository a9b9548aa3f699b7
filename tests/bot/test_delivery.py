"""The outbox dispatcher against Telegram's failure modes, with the clock driven by hand."""

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.application import DISPATCH_JOB
from bot.channels.local import BLOCKED, CHAT_NOT_FOUND, NETWORK_DOWN, too_many_requests
from bot.delivery import MAX_ATTEMPTS, DeliveryLimits, Dispatcher
from db.channels import KAKAO_CHAT_BASE, Channel, chats_on
from db.models import OutboxMessage, OutboxStatus
from db.outbox import claim_due, enqueue
from db.users import find_user, register_seeker
from tests.support.harness import BotHarness, FakeClock, bot_harness

CHAT = 7_700_001
OTHER_CHAT = 7_700_002


@pytest.fixture
async def bot(database_url: str, clock: FakeClock) -> AsyncIterator[BotHarness]:
    async with bot_harness(database_url, clock) as harness:
        async with harness.application.bot_data.sessions.begin() as session:
            for chat in (CHAT, OTHER_CHAT):
                await register_seeker(session, chat, consented_at=clock.now)
        yield harness


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def dispatcher(bot: BotHarness) -> Dispatcher:
    limits = DeliveryLimits(seconds_between_messages_to_one_chat=0)
    return Dispatcher(bot.application.bot_data.sessions, bot.application.bot, bot.clock, limits)


async def _queue(bot: BotHarness, chat: int, key: str, *, delay: timedelta = timedelta()) -> bool:
    async with bot.application.bot_data.sessions.begin() as session:
        user = await find_user(session, chat)
        assert user is not None
        return await enqueue(
            session,
            user_id=user.id,
            kind="notice",
            payload={"text": f"알림 {key}", "buttons": [[{"text": "자세히", "data": f"d:{key}"}]]},
            dedupe_key=key,
            not_before=bot.clock.now + delay,
        )


async def _statuses(bot: BotHarness) -> dict[str, OutboxStatus]:
    async with bot.application.bot_data.sessions() as session:
        rows = await session.scalars(select(OutboxMessage))
        return {row.dedupe_key: row.status for row in rows}


def _delivered(bot: BotHarness, chat: int) -> list[str]:
    return [c.params["text"] for c in bot.calls_to(chat) if c.method == "sendMessage"]


async def test_sends_once_per_dedupe_key(bot: BotHarness, dispatcher: Dispatcher) -> None:
    assert await _queue(bot, CHAT, "a")
    assert not await _queue(bot, CHAT, "a")
    stats = await dispatcher.run_once()
    assert stats.sent == 1
    assert (await dispatcher.run_once()).sent == 0
    assert _delivered(bot, CHAT) == ["알림 a"]
    (call,) = [c for c in bot.calls_to(CHAT) if c.method == "sendMessage"]
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "d:a"
    assert await _statuses(bot) == {"a": OutboxStatus.SENT}


async def test_the_scheduled_job_drains_the_outbox(bot: BotHarness) -> None:
    await _queue(bot, CHAT, "a")
    await bot.run_job(DISPATCH_JOB)
    assert _delivered(bot, CHAT) == ["알림 a"]


async def test_nothing_before_its_time(bot: BotHarness, dispatcher: Dispatcher) -> None:
    await _queue(bot, CHAT, "morning", delay=timedelta(hours=9))
    assert (await dispatcher.run_once()).sent == 0
    bot.clock.advance(timedelta(hours=9))
    assert (await dispatcher.run_once()).sent == 1


async def test_429_pauses_everything_for_the_time_asked(
    bot: BotHarness, dispatcher: Dispatcher
) -> None:
    for key in ("a", "b", "c"):
        await _queue(bot, CHAT if key != "b" else OTHER_CHAT, key)
    bot.request.fail_next(CHAT, too_many_requests(30))
    stats = await dispatcher.run_once()
    assert (stats.sent, stats.retried) == (0, 1)
    bot.clock.advance(timedelta(seconds=10))
    assert (await dispatcher.run_once()).sent == 0  # still paused
    bot.clock.advance(timedelta(seconds=21))
    assert (await dispatcher.run_once()).sent == 3
    assert sorted(_delivered(bot, CHAT)) == ["알림 a", "알림 c"]
    assert _delivered(bot, OTHER_CHAT) == ["알림 b"]


async def test_blocked_user_is_marked_and_never_tried_again(
    bot: BotHarness, dispatcher: Dispatcher
) -> None:
    await _queue(bot, CHAT, "a")
    await _queue(bot, CHAT, "b", delay=timedelta(minutes=1))
    bot.request.fail_next(CHAT, BLOCKED)
    assert (await dispatcher.run_once()).blocked == 1
    async with bot.application.bot_data.sessions() as session:
        user = await find_user(session, CHAT)
    assert user is not None
    assert not user.is_active
    await _queue(bot, CHAT, "c")
    bot.clock.advance(timedelta(minutes=2))
    await dispatcher.run_once()
    assert _delivered(bot, CHAT) == []
    statuses = await _statuses(bot)
    assert statuses["a"] == statuses["b"] == statuses["c"] == OutboxStatus.BLOCKED


async def test_chat_not_found_stops_too(bot: BotHarness, dispatcher: Dispatcher) -> None:
    await _queue(bot, CHAT, "a")
    bot.request.fail_next(CHAT, CHAT_NOT_FOUND)
    assert (await dispatcher.run_once()).failed == 1
    assert (await _statuses(bot))["a"] == OutboxStatus.FAILED


async def test_network_errors_retry_with_backoff_then_succeed(
    bot: BotHarness, dispatcher: Dispatcher
) -> None:
    await _queue(bot, CHAT, "a")
    bot.request.fail_next(CHAT, NETWORK_DOWN, NETWORK_DOWN)
    assert (await dispatcher.run_once()).retried == 1
    assert (await dispatcher.run_once()).retried == 0  # waiting 10 s
    bot.clock.advance(timedelta(seconds=10))
    assert (await dispatcher.run_once()).retried == 1
    bot.clock.advance(timedelta(seconds=19))
    assert (await dispatcher.run_once()).sent == 0  # the second wait is 20 s
    bot.clock.advance(timedelta(seconds=1))
    assert (await dispatcher.run_once()).sent == 1
    assert _delivered(bot, CHAT) == ["알림 a"]


async def test_gives_up_after_the_last_attempt(bot: BotHarness, dispatcher: Dispatcher) -> None:
    await _queue(bot, CHAT, "a")
    bot.request.fail_next(CHAT, *[NETWORK_DOWN] * MAX_ATTEMPTS)
    for _ in range(MAX_ATTEMPTS):
        await dispatcher.run_once()
        bot.clock.advance(timedelta(hours=1))
    assert (await _statuses(bot))["a"] == OutboxStatus.FAILED
    assert _delivered(bot, CHAT) == []


async def test_a_claim_left_by_a_crash_is_sent_after_a_while(
    bot: BotHarness, dispatcher: Dispatcher
) -> None:
    await _queue(bot, CHAT, "a")
    async with bot.application.bot_data.sessions.begin() as session:
        assert len(await claim_due(session, bot.clock.now, 10)) == 1  # then the process died
    assert (await dispatcher.run_once()).sent == 0
    bot.clock.advance(timedelta(minutes=6))
    assert (await dispatcher.run_once()).sent == 1
    assert _delivered(bot, CHAT) == ["알림 a"]


async def test_each_channel_claims_only_its_own_chats(bot: BotHarness) -> None:
    kakao_chat = -(KAKAO_CHAT_BASE + 5)
    async with bot.application.bot_data.sessions.begin() as session:
        await register_seeker(session, kakao_chat, consented_at=bot.clock.now)
    await _queue(bot, CHAT, "on-telegram")
    await _queue(bot, kakao_chat, "on-kakao")
    async with bot.application.bot_data.sessions.begin() as session:
        telegram = await claim_due(session, bot.clock.now, 10, chats_on(Channel.TELEGRAM))
        kakao = await claim_due(session, bot.clock.now, 10, chats_on(Channel.KAKAO))
    assert [m.dedupe_key for m in telegram] == ["on-telegram"]
    assert [m.dedupe_key for m in kakao] == ["on-kakao"]
