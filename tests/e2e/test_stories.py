"""Stories from hired seniors: shared in a guided form, moderated, then read as tips."""

from datetime import timedelta
from pathlib import Path

import pytest

from bot.application import DISPATCH_JOB, REMINDER_JOB
from bot.commands.match import UnknownProfileError
from bot.commands.progress import UnknownPostingError, progress_command
from db.audit import recent
from db.models import ApplicationStatus
from handlers import texts
from tests.e2e.conftest import OTHER_SENIOR
from tests.support.coaching import THREE_PM_DEC_3, coach_with_slots, to_times
from tests.support.harness import ADMIN, BotHarness, Chat
from tests.support.postings import QUALITY, approve, import_postings, quality_posting
from tests.support.profiles import (
    CAREGIVER_ANSWERS,
    agree,
    complete_profile,
    import_one_profile,
    say,
)
from tests.support.stories import approved_story, draft

ANSWERS_UP_TO_CONFIRM = (
    "품질관리 담당",
    "제조",
    "(주)한빛정밀",
    "대면",
    "팀장이 40대인데 괜찮으세요?\n3차원 측정기 다뤄 보셨나요?",
    "한빛정밀 때 불량률을 숫자로 정리해 갔어요. 궁금하면 010-1234-5678로 연락 주세요.",
    texts.SKIP,
    "합격",
    "김영수 드림. 체력 관리 얘기를 구체적으로 하세요.",
)


def _tips(bot: BotHarness, senior: Chat) -> list[str]:
    leads = (texts.TIP_WITH_BOOKING, texts.TIP_WITH_INTEREST, texts.TIP_EVENING_BEFORE)
    return [t for t in _sent(bot, senior.person.id) if t.startswith(leads)]


def _sent(bot: BotHarness, chat_id: int) -> list[str]:
    return [str(c.params["text"]) for c in bot.calls_to(chat_id) if c.method == "sendMessage"]


async def _caregiver(bot: BotHarness) -> Chat:
    other = bot.chat(OTHER_SENIOR)
    await agree(other)
    await say(other, *CAREGIVER_ANSWERS, texts.LOOKS_GOOD)
    return other


async def test_the_form_forgives_and_shows_the_masked_story(bot: BotHarness, senior: Chat) -> None:
    await bot.chat(ADMIN).send("/start")
    await complete_profile(senior)
    await senior.send("/share_story")
    assert senior.replies == [f"{texts.STORY_INTRO}\n\n{texts.STORY_ASK_JOB}"]
    await senior.send("🙂")
    assert senior.last.startswith("조금 더 자세히 적어 주세요.")
    await senior.send("가" * 5000)
    assert senior.last.endswith(texts.STORY_ASK_JOB)
    await say(senior, *ANSWERS_UP_TO_CONFIRM[:3])
    assert senior.last == texts.STORY_ASK_FORMAT
    assert senior.buttons == ["대면", "화상", "전화", texts.BACK]
    await senior.send_sticker()
    assert senior.last == f"{texts.NOT_TEXT}\n\n{texts.STORY_ASK_FORMAT}"
    await senior.send("잘 모르겠어요")
    assert senior.last.startswith(texts.STORY_PICK_FORMAT)
    await senior.press(texts.BACK)
    assert senior.last == texts.STORY_ASK_COMPANY
    await say(senior, *ANSWERS_UP_TO_CONFIRM[2:7])
    assert senior.last == texts.STORY_ASK_OUTCOME
    await senior.send("음")
    assert senior.last.startswith(texts.STORY_PICK_OUTCOME)
    await say(senior, *ANSWERS_UP_TO_CONFIRM[7:])

    preview = senior.last
    assert preview.startswith("다른 분들께는 이렇게 보여요.")
    assert "자동차부품 품질관리 · 50대 후반 · 합격" in preview
    assert "품질관리 담당 · 제조 · 대면 면접" in preview
    assert "• 팀장이 40대인데 괜찮으세요?" in preview
    assert "(전화번호)" in preview
    assert "010-1234-5678" not in preview
    assert "김○○ 드림" in preview
    assert "김영수" not in preview
    assert "(회사 이름) 때 불량률" in preview
    assert "한빛정밀" not in preview
    assert texts.STORY_CHANGE not in preview

    await senior.send("/cancel")
    assert senior.last.startswith(texts.STORY_STOPPED)
    await senior.send("/share_story")
    assert senior.last.startswith(texts.STORY_RESUMED)
    await senior.press(texts.STORY_SEND)
    assert senior.last.startswith(texts.STORY_SENT)
    await bot.run_job(DISPATCH_JOB)
    assert texts.STORY_NEW_FOR_ADMINS in _sent(bot, ADMIN.id)
    await senior.send("/share_story")
    assert senior.last.startswith(texts.STORY_INTRO)


async def test_nothing_unapproved_reaches_another_senior(bot: BotHarness, senior: Chat) -> None:
    admin = bot.chat(ADMIN)
    await complete_profile(senior)
    await senior.send("/share_story")
    await say(senior, *ANSWERS_UP_TO_CONFIRM, texts.STORY_SEND)
    other = await _caregiver(bot)
    await other.send("/tips")
    assert other.last == texts.TIPS_NONE
    await other.send("/success")
    assert other.last == texts.SUCCESS_NONE
    await other.send("/review")
    assert other.last == texts.ADMIN_ONLY

    await admin.send("/review")
    card = admin.last
    assert card.startswith(texts.review_heading(1))
    assert texts.REVIEW_MASKED in card
    assert texts.review_company("(주)한빛정밀") in card
    assert admin.inline_buttons == [
        texts.BUTTON_APPROVE,
        texts.BUTTON_APPROVE_WITH_COMPANY,
        texts.BUTTON_EDIT_STORY,
        texts.BUTTON_REJECT,
        texts.BUTTON_LATER,
    ]
    await admin.tap(texts.BUTTON_EDIT_STORY)
    await admin.press(texts.REVIEW_EDIT_FIELDS["advice"])
    assert admin.last.startswith("새 내용을 적어 주세요.")
    assert "김영수 드림" in admin.last
    await admin.send_photo()
    assert admin.last == texts.REVIEW_EDIT_INVALID
    await admin.send("체력 관리 얘기를 구체적으로 하세요.")
    assert admin.replies[0] == texts.REVIEW_EDITED
    assert "한마디: 체력 관리 얘기를 구체적으로 하세요." in admin.last
    await admin.press(texts.REVIEW_EDIT_DONE)
    await admin.tap(texts.BUTTON_APPROVE_WITH_COMPANY)
    assert admin.replies == [texts.REVIEW_APPROVED, texts.REVIEW_NONE]
    await admin.tap(texts.BUTTON_REJECT)
    assert admin.last == texts.REVIEW_GONE
    async with bot.application.bot_data.sessions() as session:
        (entry,) = await recent(session, 5)
    assert (entry.action, entry.detail) == ("story.approved", {"company_public": True})

    await bot.run_job(DISPATCH_JOB)
    assert texts.STORY_APPROVED_FOR_AUTHOR in _sent(bot, senior.person.id)
    await other.send("/success")
    assert "품질관리 담당 · (주)한빛정밀 · 대면 면접" in other.last
    assert "“체력 관리 얘기를 구체적으로 하세요.”" in other.last


async def test_a_rejected_story_stays_hidden(bot: BotHarness, senior: Chat) -> None:
    admin = bot.chat(ADMIN)
    await complete_profile(senior)
    await senior.send("/share_story")
    await say(senior, *ANSWERS_UP_TO_CONFIRM, texts.STORY_SEND)
    await admin.send("/review")
    await admin.tap(texts.BUTTON_LATER)
    assert admin.last == texts.REVIEW_NONE
    await admin.send("/review")
    await admin.tap(texts.BUTTON_REJECT)
    assert admin.replies == [texts.REVIEW_REJECTED, texts.REVIEW_NONE]
    await senior.send("/tips")
    assert senior.last == texts.TIPS_NONE
    await bot.run_job(DISPATCH_JOB)
    assert texts.STORY_REJECTED_FOR_AUTHOR in _sent(bot, senior.person.id)


async def test_a_quality_senior_reads_quality_stories_first(bot: BotHarness, senior: Chat) -> None:
    now = bot.clock.now
    await approved_story(
        bot, draft("요양보호사", "요양·돌봄", "어르신 말벗 경험을 말하세요."), now
    )
    await approved_story(bot, draft("경비원", "경비·보안"), now - timedelta(days=1))
    await approved_story(bot, draft("품질관리 담당", "제조", "8D 보고서 사례를 준비하세요."), now)
    await approved_story(bot, draft("요양보호사", "요양·돌봄"), now - timedelta(days=2))
    await complete_profile(senior)
    await senior.send(texts.MENU_TIPS)
    assert senior.replies[0] == texts.TIPS_INTRO
    assert senior.replies[1].startswith("50대 후반 · 합격\n품질관리 담당 · 제조 · 대면 면접")
    assert senior.replies[-1] == texts.MORE_PROMPT
    await senior.tap(texts.BUTTON_MORE)
    assert len(senior.replies) == 1

    other = await _caregiver(bot)
    await other.send("/tips")
    assert other.replies[1].splitlines()[1].startswith("요양보호사")
    assert other.replies[2].splitlines()[1].startswith("요양보호사")
    await other.tap(texts.BUTTON_HELPFUL)
    assert other.last == texts.HELPFUL_THANKS
    await other.tap(texts.BUTTON_HELPFUL)
    assert other.last == texts.HELPFUL_ALREADY


async def test_tips_come_at_the_right_moments_once_a_day(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    first = await approved_story(bot, draft("품질관리 담당", "제조"), bot.clock.now)
    await approved_story(bot, draft("품질관리원", "제조(자동차부품)"), bot.clock.now)
    await approved_story(bot, draft("요양보호사", "요양·돌봄"), bot.clock.now)
    await complete_profile(senior)
    await coach_with_slots(bot, THREE_PM_DEC_3)
    await import_postings(bot, tmp_path, QUALITY)
    await approve(bot, "(주)한빛정밀")

    await to_times(senior)
    await senior.tap("오후 3:00 · 박민정")
    await senior.tap(texts.COACHING_BOOK)
    await senior.send("/jobs")
    await senior.tap(texts.BUTTON_INTERESTED)
    await bot.run_job(DISPATCH_JOB)
    tips = _tips(bot, senior)
    assert len(tips) == 1
    assert tips[0].startswith(texts.TIP_WITH_BOOKING)

    bot.clock.now = THREE_PM_DEC_3 - timedelta(hours=20)  # 19:00 in Seoul, the day before
    for _ in range(3):
        await bot.run_job(REMINDER_JOB)
        await bot.run_job(DISPATCH_JOB)
    evening = [t for t in _sent(bot, senior.person.id) if t.startswith(texts.TIP_EVENING_BEFORE)]
    assert len(evening) == 1
    assert "요양보호사" not in evening[0]
    assert {tips[0].splitlines()[3], evening[0].splitlines()[3]} == {
        "품질관리 담당 · 제조 · 대면 면접",
        "품질관리원 · 제조(자동차부품) · 대면 면접",
    }

    await import_postings(bot, tmp_path, quality_posting("J9", "품질검사원", "세종 조치원읍"))
    bot.clock.now += timedelta(days=1)
    await senior.send("/jobs")
    await senior.tap(texts.BUTTON_INTERESTED)
    await bot.run_job(DISPATCH_JOB)
    assert len(_tips(bot, senior)) == 2  # both quality stories were told; never one twice
    assert not any("요양보호사" in t for t in _tips(bot, senior))
    await senior.press_data(f"tip:h:{first}")
    assert senior.last == texts.HELPFUL_THANKS


async def test_reaching_the_interview_asks_once_for_a_story(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    sessions = bot.application.bot_data.sessions
    code = await import_one_profile(bot, tmp_path)
    await import_postings(bot, tmp_path, QUALITY)
    with pytest.raises(UnknownProfileError):
        await progress_command(sessions, "P1", "J1", ApplicationStatus.APPLIED, bot.clock.now)
    await senior.send(f"/start {code}")
    await senior.press(texts.AGREE)
    await senior.press(texts.LOOKS_GOOD)
    with pytest.raises(UnknownPostingError):
        await progress_command(sessions, "P1", "J404", ApplicationStatus.APPLIED, bot.clock.now)

    posting = "(주)한빛정밀 · 품질관리 담당"
    for step in (ApplicationStatus.INTERVIEW, ApplicationStatus.HIRED):
        answer = await progress_command(sessions, "P1", "J1", step, bot.clock.now)
        assert answer == texts.progress_recorded("김영수", posting, step)
    again = await progress_command(sessions, "P1", "J1", ApplicationStatus.HIRED, bot.clock.now)
    assert again == texts.progress_unchanged("김영수", posting, ApplicationStatus.HIRED)
    await bot.run_job(DISPATCH_JOB)
    told = _sent(bot, senior.person.id)
    assert texts.application_moved(ApplicationStatus.INTERVIEW, posting) in told
    assert texts.application_moved(ApplicationStatus.HIRED, posting) in told
    assert told.count(texts.STORY_INVITATION) == 1
