"""The alert ticks keep the subscribers' profiles between ticks: whoever changes in
between is heard as they are now, never as they were."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, update

from bot.application import DIGEST_JOB
from db.models import AlertMode, Profile, User
from db.users import find_user
from handlers import texts
from matching.schedule import korean_date
from tests.e2e.conftest import OTHER_SENIOR
from tests.support.alerts import alert_tick, alerts_received, instant_alerts
from tests.support.harness import BotHarness, Chat
from tests.support.postings import QUALITY, approve, import_postings, quality_posting
from tests.support.profiles import complete_profile, stored_profile

GUARD = quality_posting("J7", "아파트 경비원", "세종특별자치시 조치원읍")
SECOND_QUALITY = quality_posting("J8", "품질검사원", "세종특별자치시 조치원읍")


async def _account(bot: BotHarness, chat: Chat) -> User:
    async with bot.application.bot_data.sessions() as session:
        found = await find_user(session, chat.person.id)
    assert found is not None
    return found


async def _two_seniors_after_one_tick(bot: BotHarness, senior: Chat, tmp_path: Path) -> Chat:
    """Two seniors with the same profile and instant alerts, each sent the first posting:
    the tick has read them both."""
    other = bot.chat(OTHER_SENIOR)
    for chat in (senior, other):
        await complete_profile(chat)
        await instant_alerts(chat)
    await import_postings(bot, tmp_path, QUALITY)
    await approve(bot, "(주)한빛정밀")
    await alert_tick(bot)
    assert len(alerts_received(bot, senior)) == len(alerts_received(bot, other)) == 1
    return other


async def _only_the_other_hears_of_a_second_posting(
    bot: BotHarness, senior: Chat, other: Chat, tmp_path: Path
) -> None:
    await import_postings(bot, tmp_path, SECOND_QUALITY)
    await alert_tick(bot)
    assert len(alerts_received(bot, senior)) == 1
    assert "품질검사원" in alerts_received(bot, other)[-1]


async def test_a_career_added_between_ticks_counts_at_the_next_one(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    other = await _two_seniors_after_one_tick(bot, senior, tmp_path)
    before = await stored_profile(bot, senior)
    assert before is not None
    await senior.send("/profile")
    await senior.press(texts.EDIT)
    await senior.press(texts.FIELD_CAREER)
    await senior.send("아파트 경비 6년")
    await senior.press(texts.NEXT)
    assert "아파트 경비 6년" in senior.last
    after = await stored_profile(bot, senior)
    assert after is not None
    assert after.updated_at > before.updated_at  # careers are rows of their own

    await import_postings(bot, tmp_path, GUARD)
    await alert_tick(bot)
    assert "아파트 경비원" in alerts_received(bot, senior)[-1]
    assert len(alerts_received(bot, other)) == 1  # the other senior never guarded a door


async def test_alerts_turned_off_between_ticks_stop_at_once(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    other = await _two_seniors_after_one_tick(bot, senior, tmp_path)
    await senior.send("/alerts")
    await senior.tap(texts.ALERT_MODE_LABELS["off"])

    await _only_the_other_hears_of_a_second_posting(bot, senior, other, tmp_path)


async def test_a_senior_who_deletes_everything_between_ticks_is_forgotten(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    other = await _two_seniors_after_one_tick(bot, senior, tmp_path)
    await senior.send("/delete")
    await senior.press(texts.DELETE_YES)
    assert texts.DELETED in senior.last

    # would fail on the outbox's foreign key if they were still kept
    await _only_the_other_hears_of_a_second_posting(bot, senior, other, tmp_path)


async def test_a_profile_removed_by_hand_leaves_no_trace_of_stamps(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    """Staff deleting a profile row leaves the user (and so no changed stamp at all)."""
    other = await _two_seniors_after_one_tick(bot, senior, tmp_path)
    async with bot.application.bot_data.sessions.begin() as session:
        user_id = (await stored_profile(bot, senior)).user_id  # type: ignore[union-attr]
        await session.execute(delete(Profile).where(Profile.user_id == user_id))
        assert await session.get(User, user_id) is not None

    await _only_the_other_hears_of_a_second_posting(bot, senior, other, tmp_path)


async def test_a_change_stamped_by_a_clock_a_little_behind_is_still_read(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    """Another process, its clock five minutes slow, turns the senior's alerts off."""
    other = await _two_seniors_after_one_tick(bot, senior, tmp_path)
    async with bot.application.bot_data.sessions.begin() as session:
        await session.execute(
            update(User)
            .where(User.telegram_id == senior.person.id)
            .values(alert_mode=AlertMode.OFF, updated_at=datetime.now(UTC) - timedelta(minutes=5))
        )

    await _only_the_other_hears_of_a_second_posting(bot, senior, other, tmp_path)


async def test_a_digest_sent_is_not_a_change_to_the_senior(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    """Else every process would read all digest subscribers again after each digest hour."""
    await complete_profile(senior)  # daily at 09:00 by default
    await import_postings(bot, tmp_path, QUALITY)
    await approve(bot, "(주)한빛정밀")
    before = await _account(bot, senior)
    bot.clock.now = bot.clock.now.replace(hour=0)  # 09:00 in Seoul
    await bot.run_job(DIGEST_JOB)
    after = await _account(bot, senior)
    assert after.last_digest_on == korean_date(bot.clock.now)
    assert after.updated_at == before.updated_at
