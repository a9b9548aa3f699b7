"""Job alerts as seniors live them: the right posting, once, at a decent hour."""

from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

from bot.application import DIGEST_JOB, DISPATCH_JOB, NEW_POSTINGS_JOB
from bot.channels.updates import Person
from db.models import AlertMode, CareerEntry, OutboxMessage, OutboxStatus, Profile, Role, User
from db.users import find_user
from handlers import texts
from tests.e2e.conftest import OTHER_SENIOR
from tests.support.alerts import alert_tick, alerts_received, instant_alerts
from tests.support.harness import ADMIN, BotHarness, Chat, FakeClock, bot_harness
from tests.support.postings import CARE, QUALITY, approve, import_postings, quality_posting
from tests.support.profiles import CAREGIVER_ANSWERS, UP_TO_REGIONS, agree, complete_profile, say


async def _caregiver(bot: BotHarness) -> Chat:
    other = bot.chat(OTHER_SENIOR)
    await agree(other)
    await say(other, *CAREGIVER_ANSWERS, texts.LOOKS_GOOD)
    return other


async def test_a_vetted_posting_reaches_the_senior_it_fits_and_only_once(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    await complete_profile(senior)
    await instant_alerts(senior)
    other = await _caregiver(bot)
    await instant_alerts(other)
    await import_postings(bot, tmp_path, QUALITY, CARE)

    await alert_tick(bot)
    assert alerts_received(bot, senior) == []  # companies not visited yet

    await approve(bot, "(주)한빛정밀")
    await alert_tick(bot)
    (alert,) = alerts_received(bot, senior)
    assert texts.VETTED_CARD_MARK in alert
    assert "품질관리 담당" in alert
    assert "추천 이유: 경력 '자동차부품 품질관리 20년'과 일치" in alert
    assert senior.inline_buttons == [
        texts.BUTTON_DETAILS,
        texts.BUTTON_INTERESTED,
        texts.BUTTON_NOT_INTERESTED,
    ]
    assert alerts_received(bot, other) == []

    await approve(bot, "늘봄요양센터")
    await alert_tick(bot)
    await alert_tick(bot)
    assert len(alerts_received(bot, senior)) == 1
    (care,) = alerts_received(bot, other)
    assert "요양보호사" in care


async def test_quiet_nights_hold_the_alert_until_eight(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    await complete_profile(senior)
    await instant_alerts(senior)
    await import_postings(bot, tmp_path, QUALITY)
    await approve(bot, "(주)한빛정밀")
    bot.clock.now = bot.clock.now.replace(hour=13)  # 22:00 in Seoul
    await alert_tick(bot)
    assert alerts_received(bot, senior) == []
    bot.clock.advance(timedelta(hours=9, minutes=59))  # 07:59
    await bot.run_job(DISPATCH_JOB)
    assert alerts_received(bot, senior) == []
    bot.clock.advance(timedelta(minutes=1))
    await bot.run_job(DISPATCH_JOB)
    assert len(alerts_received(bot, senior)) == 1


async def test_a_posting_that_closes_overnight_is_not_sent(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    await complete_profile(senior)
    await instant_alerts(senior)
    await import_postings(bot, tmp_path, quality_posting("J9", "품질관리", "세종", "2026-11-22"))
    await approve(bot, "(주)한빛정밀")
    bot.clock.now = bot.clock.now.replace(hour=13)  # 22:00 in Seoul, the last evening
    await alert_tick(bot)
    bot.clock.advance(timedelta(hours=10))
    await bot.run_job(DISPATCH_JOB)
    assert alerts_received(bot, senior) == []
    async with bot.application.bot_data.sessions() as session:
        statuses = list(await session.scalars(select(OutboxMessage.status)))
    assert statuses == [OutboxStatus.CANCELLED]


async def test_restart_between_decide_and_send(
    database_url: str, clock: FakeClock, tmp_path: Path
) -> None:
    person = Person(1_000_020, "영수")
    async with bot_harness(database_url, clock) as first:
        chat = first.chat(person)
        await complete_profile(chat)
        await instant_alerts(chat)
        await import_postings(first, tmp_path, QUALITY)
        await approve(first, "(주)한빛정밀")
        await first.run_job(NEW_POSTINGS_JOB)  # decided, then the process stops
        assert alerts_received(first, chat) == []

    async with bot_harness(database_url, clock) as second:
        chat = second.chat(person)
        await alert_tick(second)
        await alert_tick(second)
        assert len(alerts_received(second, chat)) == 1


async def test_interest_reaches_the_admins_once(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    admin = bot.chat(ADMIN)
    await admin.send("/start")
    await complete_profile(senior)
    await instant_alerts(senior)
    await import_postings(bot, tmp_path, QUALITY)
    await approve(bot, "(주)한빛정밀")
    await alert_tick(bot)

    await senior.tap(texts.BUTTON_INTERESTED)
    assert senior.last == texts.INTEREST_NOTED
    await senior.tap(texts.BUTTON_INTERESTED)
    assert senior.last == texts.INTEREST_ALREADY
    await bot.run_job(DISPATCH_JOB)
    notices = [c.params["text"] for c in bot.calls_to(ADMIN.id) if "관심 표시" in str(c.params)]
    assert len(notices) == 1
    assert "김영수님이 '품질관리 담당 · (주)한빛정밀'에 관심을 보였어요." in notices[0]
    assert "자동차부품 품질관리 20년" in notices[0]


async def test_details_and_not_interested(bot: BotHarness, senior: Chat, tmp_path: Path) -> None:
    await complete_profile(senior)
    await import_postings(bot, tmp_path, QUALITY)
    await approve(bot, "(주)한빛정밀")
    await senior.send("/jobs")
    assert "품질관리 담당" in senior.last
    await senior.tap(texts.BUTTON_DETAILS)
    assert "자동차 부품 수입검사와 공정검사" in senior.last
    assert "• 경력: 경력 10년 이상" in senior.last
    await senior.tap(texts.BUTTON_NOT_INTERESTED)
    assert senior.last == texts.DISMISSED
    await senior.send("/jobs")
    assert senior.last == texts.JOBS_NONE


async def test_jobs_a_few_at_a_time(bot: BotHarness, senior: Chat, tmp_path: Path) -> None:
    await complete_profile(senior)
    regions = ["세종특별자치시 조치원읍", "세종", "대전 유성구", "대전 유성구", "세종"]
    await import_postings(
        bot,
        tmp_path,
        *(quality_posting(f"Q{i}", f"품질관리 {i}", region) for i, region in enumerate(regions)),
    )
    await approve(bot, "(주)한빛정밀")
    replies = await senior.send(texts.MENU_JOBS)
    assert replies[0] == texts.jobs_heading(5)
    assert sum("품질관리" in reply for reply in replies) == 3
    assert senior.inline_buttons == [texts.BUTTON_MORE]
    replies = await senior.tap(texts.BUTTON_MORE)
    assert sum("품질관리" in reply for reply in replies) == 2
    assert texts.MORE_PROMPT not in replies


async def test_daily_digest_at_the_chosen_hour_without_repeats(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    await complete_profile(senior)  # daily at 09:00 by default
    await import_postings(bot, tmp_path, QUALITY)
    await approve(bot, "(주)한빛정밀")
    bot.clock.now = bot.clock.now.replace(hour=23)  # 08:00 in Seoul the next day
    await bot.run_job(DIGEST_JOB)
    assert not [c for c in bot.calls_to(senior.person.id) if "오늘의 추천" in str(c.params)]
    bot.clock.advance(timedelta(hours=1))  # 09:00
    await bot.run_job(DIGEST_JOB)
    await bot.run_job(DISPATCH_JOB)
    await bot.run_job(DIGEST_JOB)
    await bot.run_job(DISPATCH_JOB)
    digests = [
        c.params["text"] for c in bot.calls_to(senior.person.id) if "오늘의 추천" in str(c.params)
    ]
    assert digests == [digests[0]]
    assert texts.digest_title(1) in digests[0]
    assert "1. ✅ 방문 확인 기업" in digests[0]

    await import_postings(bot, tmp_path, QUALITY, quality_posting("J3", "품질검사원", "세종"))
    bot.clock.advance(timedelta(days=1))
    await bot.run_job(DIGEST_JOB)
    await bot.run_job(DISPATCH_JOB)
    digests = [
        c.params["text"] for c in bot.calls_to(senior.person.id) if "오늘의 추천" in str(c.params)
    ]
    assert len(digests) == 2
    assert "품질검사원" in digests[1]
    assert "품질관리 담당" not in digests[1]


async def test_alert_settings(bot: BotHarness, senior: Chat) -> None:
    await complete_profile(senior)
    await senior.send(texts.MENU_ALERTS)
    await senior.tap(texts.ALERT_MODE_LABELS["daily"])
    assert senior.last == texts.ALERTS_HOUR_QUESTION
    await senior.tap("오후 6시")
    assert senior.last.startswith("매일 오후 6시에 알려 드릴게요.")
    await senior.send("/alerts")
    await senior.tap(texts.NIGHT_OFF)
    assert "밤 9시" not in senior.last
    async with bot.application.bot_data.sessions() as session:
        account = await find_user(session, senior.person.id)
    assert account is not None
    assert (account.alert_mode, account.digest_hour, account.quiet_nights) == (
        AlertMode.DAILY,
        18,
        False,
    )


async def test_old_or_unknown_buttons_get_a_clear_answer(senior: Chat) -> None:
    await complete_profile(senior)
    await senior.press_data("job:i:99999")
    assert senior.last == texts.POSTING_GONE
    await senior.press_data("coach:book:1")
    assert senior.last == texts.OLD_BUTTON


async def test_jobs_before_a_profile(senior: Chat) -> None:
    await agree(senior)
    await say(senior, *UP_TO_REGIONS[:1])
    await senior.send("/jobs")
    assert senior.last == texts.JOBS_NEED_PROFILE


# More people than one PostgreSQL statement can name (65,535 parameters): the ticks must
# ask about subscribers without listing them.
CROWD = 70_000
FITTING = 100


def _wish(number: int) -> tuple[str, str]:
    """What the crowd's `number`th senior wants to do, and where."""
    return (
        ("품질관리", "세종특별자치시") if number % FITTING == 0 else ("요양보호사", "부산광역시")
    )


async def _crowd(bot: BotHarness, count: int) -> None:
    """`count` seniors, half with instant alerts and half with the digest, one in
    `FITTING` of them wanting quality work in Sejong (QUALITY) and the rest care work in
    Busan; written straight to the database, as building them by chat would take hours.
    Their ids are chosen here, far above any the bot gives, so no row has to come back."""
    first = 1_000_000
    people, profiles, careers = [], [], []
    for n in range(count):
        wish, region = _wish(n)
        mode = AlertMode.INSTANT if n < count // 2 else AlertMode.DAILY
        people.append(
            {"id": first + n, "telegram_id": first + n, "role": Role.SEEKER, "alert_mode": mode}
        )
        profiles.append(
            {
                "id": first + n,
                "user_id": first + n,
                "birth_year": 1966,
                "desired_jobs": [wish],
                "regions": [region],
                "completed_at": bot.clock.now,
            }
        )
        careers.append({"profile_id": first + n, "position": 0, "title": wish, "months": 240})
    async with bot.application.bot_data.sessions.begin() as session:
        for model, rows in ((User, people), (Profile, profiles), (CareerEntry, careers)):
            await session.execute(insert(model), rows)


async def _queued(bot: BotHarness) -> dict[str, int]:
    async with bot.application.bot_data.sessions() as session:
        rows = await session.execute(
            select(OutboxMessage.kind, func.count()).group_by(OutboxMessage.kind)
        )
        return {kind: count for kind, count in rows}


async def test_alerts_and_digests_reach_more_people_than_a_statement_can_name(
    bot: BotHarness, tmp_path: Path
) -> None:
    await _crowd(bot, CROWD)
    await import_postings(bot, tmp_path, QUALITY)
    await approve(bot, "(주)한빛정밀")

    await bot.run_job(NEW_POSTINGS_JOB)
    await bot.run_job(DIGEST_JOB)  # 10:00 in Seoul: every digest is due
    fitting = CROWD // FITTING
    assert await _queued(bot) == {"alert": fitting // 2, "digest": fitting // 2}

    await import_postings(bot, tmp_path, QUALITY, quality_posting("J3", "품질검사원", "세종"))
    await bot.run_job(NEW_POSTINGS_JOB)
    await bot.run_job(DIGEST_JOB)  # already sent today
    assert await _queued(bot) == {"alert": fitting, "digest": fitting // 2}
