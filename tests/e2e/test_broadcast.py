"""Announcements: composed in the chat, sent to a segment, resumable and never twice."""

from collections import Counter
from datetime import timedelta

from sqlalchemy import insert, select

from bot.channels.local import BLOCKED, NETWORK_DOWN, too_many_requests
from bot.channels.updates import Person
from bot.delivery import DeliveryLimits, Dispatcher
from db.models import OutboxMessage, OutboxStatus, Role, User
from handlers import texts
from tests.e2e.conftest import OTHER_SENIOR
from tests.support.coaching import coach_with_slots
from tests.support.harness import ADMIN, BotHarness, Chat, FakeClock, bot_harness
from tests.support.profiles import CAREGIVER_ANSWERS, agree, complete_profile, say

NOTICE = "12월 5일 오후 2시, 중장년 채용박람회가 열려요."
MESSAGE = texts.broadcast_message(NOTICE)


def _received(bot: BotHarness, chat_id: int) -> list[str]:
    return [
        str(c.params.get("text") or c.params.get("caption"))
        for c in bot.calls_to(chat_id)
        if c.method in ("sendMessage", "sendPhoto")
    ]


async def _seniors(bot: BotHarness, senior: Chat) -> Chat:
    """김영수 (58, 세종·대전, 품질관리) and 박순자 (62, 수원·화성, 요양보호사)."""
    await complete_profile(senior)
    other = bot.chat(OTHER_SENIOR)
    await agree(other)
    await say(other, *CAREGIVER_ANSWERS, texts.LOOKS_GOOD)
    return other


async def _compose(admin: Chat, audience: str, value: str | None, urgent: bool) -> None:
    await admin.send("/broadcast")
    await admin.send(NOTICE)
    await admin.press(audience)
    if value is not None:
        await admin.press(value)
    await admin.press(texts.BROADCAST_URGENT if urgent else texts.BROADCAST_NOT_URGENT)


def _dispatcher(bot: BotHarness) -> Dispatcher:
    limits = DeliveryLimits(
        messages_per_second=100_000, seconds_between_messages_to_one_chat=0, batch_size=500
    )
    return Dispatcher(bot.application.bot_data.sessions, bot.application.bot, bot.clock, limits)


async def test_staff_only(bot: BotHarness, senior: Chat) -> None:
    await complete_profile(senior)
    for command in ("/broadcast", "/broadcasts"):
        await senior.send(command)
        assert senior.last == texts.ADMIN_ONLY


async def test_compose_preview_and_send_to_one_region(bot: BotHarness, senior: Chat) -> None:
    other = await _seniors(bot, senior)
    admin = bot.chat(ADMIN)
    await admin.send("/broadcast")
    assert admin.last == texts.BROADCAST_ASK_TEXT
    await admin.send_sticker()
    assert admin.last == texts.NOT_TEXT
    await admin.send("🙂")
    assert admin.last == texts.BROADCAST_TEXT_INVALID
    await admin.send("가" * 5000)
    assert admin.last == texts.BROADCAST_TEXT_INVALID
    await admin.send(NOTICE)
    assert admin.last == texts.BROADCAST_ASK_AUDIENCE
    await admin.send("아무나")
    assert admin.last == texts.BROADCAST_PICK
    await admin.press(texts.BROADCAST_AUDIENCES["region"])
    await admin.press("서울")
    await admin.press(texts.BROADCAST_NOT_URGENT)
    assert admin.last.startswith(texts.BROADCAST_NOBODY)
    await admin.press(texts.BROADCAST_AUDIENCES["region"])
    await admin.press("경기")
    await admin.press(texts.BROADCAST_NOT_URGENT)
    assert admin.replies[0] == MESSAGE
    assert texts.broadcast_summary("지역별 · 경기", 1, urgent=False) in admin.last
    await admin.press(texts.BROADCAST_SEND)
    assert admin.last == texts.broadcast_started(1)

    await bot.run_job("outbox-dispatch")
    assert _received(bot, other.person.id).count(MESSAGE) == 1
    assert MESSAGE not in _received(bot, senior.person.id)
    await admin.send("/broadcasts")
    assert admin.last.endswith(texts.broadcast_counts(1, 0, 0, 0, 0))
    assert admin.inline_buttons == []


async def test_segments(bot: BotHarness, senior: Chat) -> None:
    other = await _seniors(bot, senior)
    await coach_with_slots(bot)
    halfway = bot.chat(Person(1_000_003, "철수"))
    await agree(halfway)
    await say(halfway, "이철수", "61세")
    admin = bot.chat(ADMIN)
    expected = {
        ("age", "50대"): 1,
        ("age", "60대"): 2,
        ("family", "생산·품질"): 1,
        ("unfinished", None): 1,
        ("coaches", None): 1,
        ("everyone", None): 5,  # three seniors, the coach and the admin
    }
    for (kind, value), count in expected.items():
        await _compose(admin, texts.BROADCAST_AUDIENCES[kind], value, urgent=False)
        label = texts.audience_label(kind, value or "")
        assert texts.broadcast_summary(label, count, urgent=False) in admin.last, (kind, value)
        await admin.press(texts.BROADCAST_STOP)
        assert admin.last == texts.BROADCAST_DROPPED
    assert other.person.id != halfway.person.id


async def test_quiet_night_waits_unless_urgent(bot: BotHarness, senior: Chat) -> None:
    other = await _seniors(bot, senior)
    admin = bot.chat(ADMIN)
    bot.clock.now = bot.clock.now.replace(hour=13)  # 22:00 in Seoul
    await _compose(admin, texts.BROADCAST_AUDIENCES["region"], "경기", urgent=False)
    await admin.press(texts.BROADCAST_SEND)
    await bot.run_job("outbox-dispatch")
    assert MESSAGE not in _received(bot, other.person.id)
    await _compose(admin, texts.BROADCAST_AUDIENCES["region"], "경기", urgent=True)
    await admin.press(texts.BROADCAST_SEND)
    await bot.run_job("outbox-dispatch")
    assert _received(bot, other.person.id).count(MESSAGE) == 1
    bot.clock.now += timedelta(hours=10)  # 08:00
    await bot.run_job("outbox-dispatch")
    assert _received(bot, other.person.id).count(MESSAGE) == 2


async def test_a_photo_goes_as_a_photo(bot: BotHarness, senior: Chat) -> None:
    other = await _seniors(bot, senior)
    admin = bot.chat(ADMIN)
    await admin.send("/broadcast")
    await admin.send_photo()
    assert admin.last == texts.BROADCAST_ASK_AUDIENCE
    await admin.press(texts.BROADCAST_AUDIENCES["region"])
    await admin.press("경기")
    await admin.press(texts.BROADCAST_URGENT)
    await admin.press(texts.BROADCAST_SEND)
    await bot.run_job("outbox-dispatch")
    (photo,) = [c for c in bot.calls_to(other.person.id) if c.method == "sendPhoto"]
    assert photo.params["caption"] == texts.broadcast_message("제 사진")


async def test_thousands_with_429s_and_blocked_users_interrupted_and_resumed(
    database_url: str, clock: FakeClock
) -> None:
    people = range(6_000_000, 6_002_000)
    blocked = set(people[::97])
    received: Counter[int] = Counter()
    async with bot_harness(database_url, clock) as first:
        async with first.application.bot_data.sessions.begin() as session:
            rows = [
                {"telegram_id": t, "role": Role.SEEKER, "consented_at": clock.now} for t in people
            ]
            await session.execute(insert(User), rows)
        admin = first.chat(ADMIN)
        await _compose(admin, texts.BROADCAST_AUDIENCES["everyone"], None, urgent=True)
        await admin.press(texts.BROADCAST_SEND)
        assert admin.last == texts.broadcast_started(len(people) + 1)
        first.request.calls.clear()  # the admin's preview is not a delivery
        for chat in blocked:
            first.request.fail_next(chat, BLOCKED)
        first.request.fail_next(people[3], too_many_requests(30))
        first.request.fail_next(people[700], NETWORK_DOWN)
        dispatcher = _dispatcher(first)
        await dispatcher.run_once()  # stops at the 429 and puts the rest back
        clock.advance(timedelta(seconds=31))
        await dispatcher.run_once()
        received.update(_counts(first))
    async with bot_harness(database_url, clock) as second:
        for chat in blocked:
            second.request.fail_next(chat, BLOCKED)
        dispatcher = _dispatcher(second)
        for _ in range(12):
            clock.advance(timedelta(seconds=31))
            await dispatcher.run_once()
        received.update(_counts(second))
        async with second.application.bot_data.sessions() as session:
            broadcast_rows = select(OutboxMessage.status).where(OutboxMessage.kind == "broadcast")
            statuses = Counter(await session.scalars(broadcast_rows))
        admin = second.chat(ADMIN)
        await admin.send("/broadcasts")
        shown = admin.last
    reachable = set(people) - blocked
    assert {chat for chat, count in received.items() if count} == reachable | {ADMIN.id}
    assert max(received.values()) == 1
    assert statuses == {OutboxStatus.SENT: len(reachable) + 1, OutboxStatus.BLOCKED: len(blocked)}
    assert shown.endswith(texts.broadcast_counts(len(reachable) + 1, 0, 0, len(blocked), 0))


def _counts(bot: BotHarness) -> Counter[int]:
    """Accepted deliveries of the announcement per chat (refused sends are kept apart)."""
    return Counter(
        call.chat_id
        for call in bot.request.calls
        if call.method == "sendMessage" and call.params.get("text") == MESSAGE
    )
