"""Postings in the chat: added with a form, closed with a button, applicants moved along."""

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from bot.application import DISPATCH_JOB
from db.models import OutboxMessage, OutboxStatus, Posting
from handlers import texts
from tests.support.admin import audit_entries, company_id, posting_id, visit_in_chat
from tests.support.alerts import alert_tick, alerts_received, instant_alerts
from tests.support.harness import ADMIN, BotHarness, Chat
from tests.support.postings import CARE, QUALITY, approve, import_postings
from tests.support.profiles import complete_profile, import_one_profile

HANBIT = "(주)한빛정밀"
GUARD = (
    "G1,아파트 경비원,든든경비시스템(주),경기 수원시 영통구,월 250만원,정규직,무관,무관,,"
    "아파트 단지 순찰과 출입 관리,2026-12-20,즉시,2"
)


def _sent(bot: BotHarness, chat: Chat) -> list[str]:
    return [
        str(call.params["text"])
        for call in bot.calls_to(chat.person.id)
        if call.method == "sendMessage" and "text" in call.params
    ]


async def test_a_posting_added_in_the_chat_is_matched_like_an_imported_one(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    await complete_profile(senior)
    await instant_alerts(senior)
    await import_postings(bot, tmp_path, CARE)
    admin = bot.chat(ADMIN)
    replies = await admin.send("/postings")
    assert replies[0] == texts.open_postings_heading(1)
    assert admin.buttons == [texts.POSTING_ADD]
    await admin.press(texts.POSTING_ADD)
    assert admin.last == f"{texts.POSTING_FORM_INTRO}\n\n{texts.POSTING_ASK_COMPANY}"
    assert admin.buttons == ["늘봄요양센터"]
    await admin.send(HANBIT)
    assert admin.last == texts.POSTING_ASK_TITLE
    await admin.send("!!!")
    assert admin.last.startswith(texts.form_problem("공고 제목이 비어 있어요", "아파트 경비원"))
    await admin.send("품질관리 담당")
    await admin.send("달나라")
    problem = "근무 지역 '달나라'을(를) 알 수 없어요"
    assert admin.last.startswith(texts.form_problem(problem, texts.POSTING_REGION_EXAMPLE))
    await admin.send("세종특별자치시 조치원읍")
    assert admin.last == texts.POSTING_ASK_PAY
    assert admin.buttons == [texts.POSTING_PAY_BY_RULES, texts.BACK, texts.SKIP]
    await admin.send("아무거나")
    hint = texts.form_problem(texts.POSTING_UNREADABLE, texts.POSTING_PAY_EXAMPLE)
    assert admin.last == f"{hint}\n\n{texts.POSTING_ASK_PAY}"
    await admin.send("월 300~350만원")
    await admin.press("정규직")
    await admin.send("경력 10년 이상")
    await admin.press(texts.ANY)
    assert admin.last == texts.POSTING_ASK_CERTIFICATES
    await admin.press(texts.SKIP)
    await admin.send("자동차 부품 수입검사와 공정검사")
    await admin.send("11월 1일")
    assert admin.last.startswith(texts.POSTING_DEADLINE_PAST)
    await admin.send("12월 15일")
    await admin.press(texts.START_NOW)
    await admin.send("두 명")
    assert admin.last.startswith(texts.POSTING_HEADCOUNT_INVALID)
    await admin.send("1명")
    preview = admin.last
    assert preview.startswith("구직자께 이렇게 보여요.")
    assert "품질관리 담당\n(주)한빛정밀 · 세종특별자치시 조치원읍\n" in preview
    assert "월 300~350만원 · 정규직 · 마감 12월 15일 (화)" in preview
    assert "• 나이: 무관" in preview
    assert preview.endswith(texts.POSTING_NEW_COMPANY)
    await admin.press(texts.BACK)
    assert admin.last == texts.POSTING_ASK_HEADCOUNT
    await admin.send("1")
    await admin.press(texts.FORM_SAVE)
    (entry,) = await audit_entries(bot, "posting.add")
    key = entry.target.removeprefix("posting:")
    assert key.startswith("C-")
    assert admin.last == texts.posting_added(key, texts.POSTING_ALERTS_BY_VETTING["pending"])

    await alert_tick(bot)
    assert alerts_received(bot, senior) == []  # a company nobody has visited yet
    await visit_in_chat(bot, admin, HANBIT, "승인")
    await alert_tick(bot)
    (alert,) = alerts_received(bot, senior)
    assert "품질관리 담당" in alert
    assert "추천 이유: 경력 '자동차부품 품질관리 20년'과 일치" in alert


async def test_the_posting_form_keeps_its_draft_and_knows_approved_companies(
    bot: BotHarness, tmp_path: Path
) -> None:
    await import_postings(bot, tmp_path, QUALITY)
    await approve(bot, HANBIT)
    admin = bot.chat(ADMIN)
    await admin.press_data(f"cm:p:{await company_id(bot, HANBIT)}")
    await admin.press(texts.POSTING_ADD)
    assert admin.buttons == [HANBIT]
    await admin.press(HANBIT)
    await admin.send("검사원")
    await admin.send("/cancel")
    assert admin.last == texts.form_stopped(texts.POSTING_ADD)
    await admin.press(texts.POSTING_ADD)
    assert admin.last == f"{texts.RESUME}\n\n{texts.POSTING_ASK_REGION}"
    await admin.send("세종")
    for _ in range(9):
        await admin.press(texts.SKIP)
    assert texts.ALWAYS_OPEN in admin.last
    assert admin.last.endswith(texts.POSTING_ALERTS_BY_VETTING["approved"])
    await admin.press(texts.STORY_RESTART)
    assert admin.last == texts.POSTING_ASK_COMPANY


async def test_closing_a_posting_takes_it_off_alerts(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    await complete_profile(senior)
    await instant_alerts(senior)
    await import_postings(bot, tmp_path, QUALITY)
    await approve(bot, HANBIT)
    bot.clock.now = bot.clock.now.replace(hour=13)  # 22:00 in Seoul: the alert waits
    await alert_tick(bot)
    assert alerts_received(bot, senior) == []

    admin = bot.chat(ADMIN)
    replies = await admin.send("/postings")
    label = f"{HANBIT} · 품질관리 담당"
    assert replies[1].startswith(f"[J1] {label}\n")
    assert texts.NOBODY_INTERESTED in replies[1]
    assert admin.inline_buttons == [texts.BUTTON_APPLICATIONS, texts.BUTTON_CLOSE_POSTING]
    assert await admin.tap(texts.BUTTON_CLOSE_POSTING) == [texts.confirm_close(label)]
    assert await admin.tap(texts.BUTTON_CLOSE_NO) == [texts.STOP_KEPT]
    await admin.tap(texts.BUTTON_CLOSE_POSTING)
    assert await admin.tap(texts.BUTTON_CLOSE_YES) == [texts.posting_closed(label)]
    posting = await posting_id(bot, "J1")
    assert await admin.press_data(f"pj:y:{posting}") == [texts.POSTING_CLOSED]
    assert await admin.press_data(f"pj:c:{posting}") == [texts.POSTING_CLOSED]
    (entry,) = await audit_entries(bot, "posting.close")
    assert entry.target == "posting:J1"

    bot.clock.advance(timedelta(hours=10))  # 08:00
    await bot.run_job(DISPATCH_JOB)
    assert alerts_received(bot, senior) == []
    async with bot.application.bot_data.sessions() as session:
        closed = await session.scalar(select(Posting.closed_at).where(Posting.id == posting))
        statuses = list(await session.scalars(select(OutboxMessage.status)))
    assert closed is not None
    assert OutboxStatus.CANCELLED in statuses
    assert await senior.send("/jobs") == [texts.JOBS_NONE]
    assert await admin.send("/postings") == [texts.open_postings_heading(0)]
    replies = await admin.press_data(f"cm:p:{await company_id(bot, HANBIT)}")
    assert replies[0] == texts.company_postings_heading(HANBIT, 1)
    assert texts.POSTING_STATE_CLOSED in replies[1]
    assert admin.inline_buttons == [texts.BUTTON_APPLICATIONS]


async def test_moving_a_senior_along_tells_them_each_step(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    code = await import_one_profile(bot, tmp_path)  # P1, 김영수, a guard in 수원
    await senior.send(f"/start {code}")
    await senior.press(texts.AGREE)
    await senior.press(texts.LOOKS_GOOD)
    await import_postings(bot, tmp_path, GUARD)
    await approve(bot, "든든경비시스템(주)")
    await senior.send("/jobs")
    assert await senior.tap(texts.BUTTON_INTERESTED) == [texts.INTEREST_NOTED]

    admin = bot.chat(ADMIN)
    replies = await admin.send("/postings")
    assert "관심 1 · 지원 0 · 면접 0 · 합격 0 · 불합격 0" in replies[1]
    label = "든든경비시스템(주) · 아파트 경비원"
    replies = await admin.tap(texts.BUTTON_APPLICATIONS)
    assert replies == [
        texts.applications_heading(label, "관심 1 · 지원 0 · 면접 0 · 합격 0 · 불합격 0"),
        texts.applicant_line("김영수", "P1", "interested"),
    ]
    assert admin.inline_buttons == [texts.move_button("applied"), texts.move_button("rejected")]
    old_button = _button_data(bot, admin, texts.move_button("applied"))
    for step in ("applied", "interview", "hired"):
        assert await admin.tap(texts.move_button(step)) == [
            texts.progress_recorded("김영수", label, step),
            texts.applicant_line("김영수", "P1", step),
        ]
    assert admin.inline_buttons == []
    replies = await admin.press_data(old_button)
    assert replies[0] == texts.progress_unchanged("김영수", label, "hired")
    assert await admin.press_data("ap:m:999:a") == [texts.APPLICATION_GONE]
    assert await admin.press_data("ap:l:999") == [texts.POSTING_UNKNOWN]

    moves = await audit_entries(bot, "application.move")
    assert [(e.detail["from"], e.detail["to"]) for e in moves] == [
        ("interested", "applied"),
        ("applied", "interview"),
        ("interview", "hired"),
    ]
    assert {e.detail["senior"] for e in moves} == {"P1"}
    await bot.run_job(DISPATCH_JOB)
    told = _sent(bot, senior)
    for step in ("applied", "interview", "hired"):
        assert texts.application_moved(step, label) in told
    assert told.count(texts.STORY_INVITATION) == 1


def _button_data(bot: BotHarness, chat: Chat, label: str) -> str:
    """The callback data of the newest inline button labelled `label`, to press it later."""
    for call in reversed(bot.calls_to(chat.person.id)):
        markup = call.params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            for row in markup["inline_keyboard"]:
                for button in row:
                    if button["text"] == label:
                        return str(button["callback_data"])
    raise AssertionError(f"no inline button {label!r}")
