"""/companies and the visit log form: a verdict in the chat decides which postings go out."""

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from bot.application import DISPATCH_JOB
from db.companies import find_company
from db.models import OutboxMessage, OutboxStatus, Vetting
from db.users import find_user
from handlers import texts
from tests.support.admin import NOTES, audit_entries, company_id, posting_id, visit_in_chat
from tests.support.alerts import alert_tick, alerts_received, instant_alerts
from tests.support.coaching import COACH, coach_with_slots
from tests.support.harness import ADMIN, BotHarness, Chat
from tests.support.postings import CARE, QUALITY, import_postings
from tests.support.profiles import complete_profile

HANBIT = "(주)한빛정밀"


async def test_admin_commands_and_buttons_say_no_to_seniors_and_coaches(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    await complete_profile(senior)
    await import_postings(bot, tmp_path, QUALITY)
    await coach_with_slots(bot)
    company, posting = await company_id(bot, HANBIT), await posting_id(bot, "J1")
    buttons = (
        "cm:l:pending:0",
        f"cm:v:{company}",
        f"cm:p:{company}",
        "pj:l:5",
        f"pj:c:{posting}",
        f"pj:y:{posting}",
        f"ap:l:{posting}",
        "ap:m:1:a",
    )
    for chat in (senior, bot.chat(COACH)):
        for typed in ("/companies", "/postings", texts.POSTING_ADD, texts.VISIT_START):
            assert await chat.send(typed) == [texts.ADMIN_ONLY]
        for data in buttons:
            assert await chat.press_data(data) == [texts.ADMIN_ONLY]
    async with bot.application.bot_data.sessions() as session:
        found = await find_company(session, HANBIT)
    assert found is not None
    assert found.vetting is Vetting.PENDING
    assert await audit_entries(bot, "company.visit") == []


async def test_the_visit_form_forgives_and_resumes(bot: BotHarness, tmp_path: Path) -> None:
    await import_postings(bot, tmp_path, QUALITY, CARE)
    admin = bot.chat(ADMIN)
    replies = await admin.send("/companies")
    assert replies[0] == texts.companies_heading(2)
    assert replies[1].startswith(f"{HANBIT} · 검토 중\n")
    assert texts.NOT_VISITED in replies[1]
    assert "열린 공고 1건" in replies[1]
    assert replies[2].startswith("늘봄요양센터 · 검토 중")
    assert admin.inline_buttons == [texts.BUTTON_WRITE_VISIT, texts.BUTTON_SHOW_POSTINGS]
    assert await admin.tap("승인 0") == [texts.companies_none("approved")]

    await admin.press_data(f"cm:v:{await company_id(bot, HANBIT)}")
    assert admin.last == texts.visit_ready(HANBIT)
    await admin.press(texts.VISIT_START)
    assert admin.last == f"{texts.visit_intro(HANBIT)}\n\n{texts.VISIT_ASK_DATE}"
    assert admin.buttons == [texts.TODAY, texts.YESTERDAY]
    await admin.send_sticker()
    assert admin.last == f"{texts.NOT_TEXT}\n\n{texts.VISIT_ASK_DATE}"
    await admin.send("다음 주쯤")
    assert admin.last == f"{texts.VISIT_DATE_INVALID}\n\n{texts.VISIT_ASK_DATE}"
    await admin.send("11월 25일")
    assert admin.last.startswith(texts.VISIT_DATE_AHEAD)
    await admin.send("11월 20일")
    assert admin.last == texts.VISIT_ASK_VISITOR
    assert admin.buttons == ["관리자", texts.BACK]
    await admin.press("관리자")
    assert admin.last == texts.VISIT_ASK_NOTES
    await admin.send("가" * 5000)
    hint = texts.form_invalid_text(2000, texts.VISIT_NOTES_EXAMPLE)
    assert admin.last == f"{hint}\n\n{texts.VISIT_ASK_NOTES}"

    await admin.send("/cancel")
    assert admin.last == texts.form_stopped(texts.VISIT_START)
    await admin.send("/companies")  # looking elsewhere loses nothing
    await admin.press(texts.VISIT_START)
    assert admin.last == f"{texts.RESUME}\n\n{texts.VISIT_ASK_NOTES}"
    await admin.send(NOTES)
    assert admin.buttons == ["승인", "거절", "보류", texts.BACK]
    await admin.send("글쎄요")
    assert admin.last.startswith(texts.VISIT_PICK_VERDICT)
    await admin.press("승인")
    day = texts.korean_day(date(2026, 11, 20))
    assert admin.last == texts.visit_preview(HANBIT, day, "관리자", NOTES, "승인")
    assert admin.buttons == [texts.FORM_SAVE, texts.STORY_RESTART, texts.BACK]
    await admin.send("음")
    assert admin.last == texts.FORM_PICK_CONFIRM
    await admin.press(texts.FORM_SAVE)
    assert admin.last == texts.visit_saved(HANBIT, "approved", 1)
    assert admin.buttons == []

    async with bot.application.bot_data.sessions() as session:
        company = await find_company(session, HANBIT)
        account = await find_user(session, ADMIN.id)
    assert company is not None
    assert company.vetting is Vetting.APPROVED
    (entry,) = await audit_entries(bot, "company.visit")
    assert account is not None
    assert entry.actor_id == account.id
    assert entry.target == f"company:{company.id}"
    assert entry.detail["verdict"] == "approved"
    assert entry.detail["visited_on"] == "2026-11-20"
    await admin.send("/companies")
    await admin.tap("승인 1")
    assert f"마지막 방문: {day} · 관리자 (승인)" in admin.last


async def test_approval_releases_postings_and_rejection_withdraws_them(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    await complete_profile(senior)
    await instant_alerts(senior)
    await import_postings(bot, tmp_path, QUALITY)
    admin = bot.chat(ADMIN)
    await alert_tick(bot)
    assert alerts_received(bot, senior) == []  # not visited yet

    assert await visit_in_chat(bot, admin, HANBIT, "거절") == texts.visit_saved(
        HANBIT, "rejected", 1
    )
    await alert_tick(bot)
    assert alerts_received(bot, senior) == []

    assert await visit_in_chat(bot, admin, HANBIT, "승인") == texts.visit_saved(
        HANBIT, "approved", 1
    )
    await alert_tick(bot)
    (alert,) = alerts_received(bot, senior)
    assert "품질관리 담당" in alert

    await visit_in_chat(bot, admin, HANBIT, "거절")
    assert await senior.send("/jobs") == [texts.JOBS_NONE]
    await senior.tap(texts.BUTTON_INTERESTED)  # on the card that came before the rejection
    assert senior.last == texts.POSTING_GONE
    assert [e.detail["verdict"] for e in await audit_entries(bot, "company.visit")] == [
        "rejected",
        "approved",
        "rejected",
    ]


async def test_a_verdict_at_night_withdraws_the_alert_waiting_for_morning(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    await complete_profile(senior)
    await instant_alerts(senior)
    await import_postings(bot, tmp_path, QUALITY)
    admin = bot.chat(ADMIN)
    await visit_in_chat(bot, admin, HANBIT, "승인")
    bot.clock.now = bot.clock.now.replace(hour=13)  # 22:00 in Seoul: the alert waits
    await alert_tick(bot)
    assert alerts_received(bot, senior) == []
    assert await visit_in_chat(bot, admin, HANBIT, "보류") == texts.visit_saved(
        HANBIT, "pending", 1
    )
    bot.clock.advance(timedelta(hours=10))
    await bot.run_job(DISPATCH_JOB)
    assert alerts_received(bot, senior) == []
    async with bot.application.bot_data.sessions() as session:
        statuses = list(
            await session.scalars(
                select(OutboxMessage.status).where(OutboxMessage.kind == "alert")
            )
        )
    assert statuses == [OutboxStatus.CANCELLED]


async def test_old_buttons_and_long_lists(bot: BotHarness, tmp_path: Path) -> None:
    rows = [
        f"K{i},경비원,경비회사{i},세종,월 250만원,정규직,무관,무관,,경비,,즉시,1" for i in range(6)
    ]
    await import_postings(bot, tmp_path, *rows)
    admin = bot.chat(ADMIN)
    assert await admin.send(texts.VISIT_START) == [texts.VISIT_PICK_COMPANY]
    assert await admin.press_data("cm:v:999") == [texts.COMPANY_GONE]
    assert await admin.press_data("cm:p:999") == [texts.COMPANY_GONE]

    replies = await admin.send("/companies")
    assert replies[0] == texts.companies_heading(6)
    assert [reply.split(" · ")[0] for reply in replies[1:6]] == [f"경비회사{i}" for i in range(5)]
    assert replies[6] == texts.MORE_PROMPT
    replies = await admin.tap(texts.BUTTON_MORE)
    assert len(replies) == 1
    assert replies[0].startswith("경비회사5 · 검토 중")
