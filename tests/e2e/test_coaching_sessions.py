"""After a session the coach marks it and leaves notes; admins stop coaches; postings travel."""

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from bot.application import DISPATCH_JOB, REMINDER_JOB
from db.audit import recent
from db.models import CoachSlot
from handlers import texts
from tests.e2e.conftest import SENIOR
from tests.support.coaching import (
    COACH,
    THREE_PM_DEC_3,
    coach_with_slots,
    latest_booking,
    to_times,
)
from tests.support.harness import ADMIN, BotHarness, Chat, FakeClock, bot_harness
from tests.support.postings import QUALITY, approve, import_postings
from tests.support.profiles import complete_profile

WHEN = "12월 3일 (목) 오후 3:00"
NOTES = "경력을 숫자로 말씀하신 점이 좋았어요. 마지막 질문 답은 짧게 해 보세요."


async def _book_three_pm(bot: BotHarness, senior: Chat) -> None:
    await complete_profile(senior)
    await coach_with_slots(bot, THREE_PM_DEC_3)
    await to_times(senior)
    await senior.tap("오후 3:00 · 박민정")
    await senior.tap(texts.COACHING_BOOK)
    assert senior.last.startswith("예약했어요.")


async def _ticks(bot: BotHarness) -> None:
    await bot.run_job(REMINDER_JOB)
    await bot.run_job(DISPATCH_JOB)


def _sent(bot: BotHarness, chat_id: int) -> list[str]:
    return [str(c.params["text"]) for c in bot.calls_to(chat_id) if c.method == "sendMessage"]


async def test_coach_is_asked_marks_done_and_the_senior_reads_the_notes(
    bot: BotHarness, senior: Chat
) -> None:
    await _book_three_pm(bot, senior)
    coach = bot.chat(COACH)
    bot.clock.now = THREE_PM_DEC_3 + timedelta(minutes=35)
    await _ticks(bot)
    await _ticks(bot)
    question = texts.session_how_did_it_go(WHEN, "김영수")
    assert _sent(bot, COACH.id).count(question) == 1
    assert coach.inline_buttons == [texts.BUTTON_SESSION_DONE, texts.BUTTON_SESSION_NO_SHOW]

    await coach.tap(texts.BUTTON_SESSION_DONE)
    assert coach.last == texts.session_marked_done("김영수")
    assert coach.buttons == [texts.NOTES_WRITE, texts.NOTES_SKIP]
    await coach.press(texts.NOTES_WRITE)
    assert coach.last == texts.NOTES_ASK
    await coach.send_sticker()
    assert coach.last == texts.NOTES_INVALID
    await coach.send("가" * 5000)
    assert coach.last == texts.NOTES_INVALID
    await coach.send("🙂")
    assert coach.last == texts.NOTES_INVALID
    await coach.send(NOTES)
    assert coach.last == texts.notes_sent("김영수")

    await bot.run_job(DISPATCH_JOB)
    assert texts.notes_for_senior("박민정", WHEN, NOTES) in _sent(bot, senior.person.id)
    await senior.send("/mybookings")
    assert senior.replies == [
        texts.MY_BOOKINGS_NONE,
        f"{texts.MY_NOTES_HEADING}\n\n{texts.my_note(WHEN, '박민정', NOTES)}",
    ]
    await senior.tap("5점")
    assert senior.last == texts.RATING_THANKS

    await coach.send("/schedule")
    assert coach.replies == [texts.schedule_empty(0)]


async def test_no_show_from_the_schedule_and_buttons_that_no_longer_apply(
    bot: BotHarness, senior: Chat
) -> None:
    await _book_three_pm(bot, senior)
    coach = bot.chat(COACH)
    booking = await latest_booking(bot)
    await coach.press_data(f"co:d:{booking.id}")
    assert coach.last == texts.SESSION_NOT_YET
    await senior.press_data(f"co:d:{booking.id}")
    assert senior.last == texts.STAFF_ONLY
    await coach.send(texts.NOTES_WRITE)
    assert coach.last == texts.NOTES_NO_SESSION

    bot.clock.now = THREE_PM_DEC_3 + timedelta(hours=2)
    await coach.send("/schedule")
    assert coach.replies == [
        texts.schedule_empty(0),
        texts.SCHEDULE_TO_CLOSE,
        texts.session_how_did_it_go(WHEN, "김영수"),
    ]
    await coach.tap(texts.BUTTON_SESSION_NO_SHOW)
    assert coach.last == texts.session_marked_no_show("김영수")
    await bot.run_job(DISPATCH_JOB)
    assert _sent(bot, senior.person.id).count(texts.senior_missed(WHEN)) == 1
    await coach.tap(texts.BUTTON_SESSION_NO_SHOW)
    await bot.run_job(DISPATCH_JOB)
    assert _sent(bot, senior.person.id).count(texts.senior_missed(WHEN)) == 1
    await coach.send("/schedule")
    assert coach.replies == [texts.schedule_empty(0)]


async def test_notes_survive_a_restart(database_url: str, clock: FakeClock) -> None:
    async with bot_harness(database_url, clock) as first:
        senior = first.chat(SENIOR)
        await _book_three_pm(first, senior)
        clock.now = THREE_PM_DEC_3 + timedelta(hours=1)
        coach = first.chat(COACH)
        await coach.send("/schedule")
        await coach.tap(texts.BUTTON_SESSION_DONE)
        await coach.press(texts.NOTES_WRITE)
    async with bot_harness(database_url, clock) as second:
        replies = await second.chat(COACH).send(NOTES)
        assert replies == [texts.notes_sent("김영수")]
        await second.run_job(DISPATCH_JOB)
        assert texts.notes_for_senior("박민정", WHEN, NOTES) in _sent(second, senior.person.id)


async def test_an_admin_stops_a_coach_and_the_booked_senior_is_told(
    bot: BotHarness, senior: Chat
) -> None:
    await _book_three_pm(bot, senior)
    admin, coach = bot.chat(ADMIN), bot.chat(COACH)
    await senior.send("/coaches")
    assert senior.last == texts.ADMIN_ONLY
    await admin.send("/coaches")
    assert admin.last == texts.coach_line("박민정", "제조·품질, 사무·회계", True, 1)
    await admin.tap(texts.BUTTON_STOP_COACH)
    assert admin.last == texts.confirm_stop_coach("박민정", 1)
    await admin.tap(texts.BUTTON_STOP_NO)
    assert admin.last == texts.STOP_KEPT
    await admin.tap(texts.BUTTON_STOP_COACH)
    await admin.tap(texts.BUTTON_STOP_YES)
    assert admin.last == texts.coach_stopped("박민정", 1)
    await admin.tap(texts.BUTTON_STOP_YES)
    assert admin.last == texts.COACH_UNKNOWN

    await bot.run_job(DISPATCH_JOB)
    assert _sent(bot, senior.person.id).count(texts.senior_told_coach_stopped(WHEN, "박민정")) == 1
    assert texts.COACH_TOLD_STOPPED in _sent(bot, COACH.id)
    await senior.send("/mybookings")
    assert senior.last == texts.MY_BOOKINGS_NONE
    await senior.send("/coaching")
    assert senior.last == texts.COACHING_NONE
    bot.clock.now = THREE_PM_DEC_3 - timedelta(minutes=30)
    await _ticks(bot)
    assert not [t for t in _sent(bot, senior.person.id) if t.startswith("코칭 안내")]
    await coach.send("/slots")
    assert coach.last == texts.COACH_STOPPED

    await admin.send("/coaches")
    assert admin.last == texts.coach_line("박민정", "제조·품질, 사무·회계", False, 0)
    await admin.tap(texts.BUTTON_RESTART_COACH)
    assert admin.last == texts.coach_restarted("박민정")
    async with bot.application.bot_data.sessions() as session:
        logged = [(e.action, e.detail) for e in reversed(await recent(session, 5))]
    assert logged == [("coach.stop", {"cancelled": 1}), ("coach.restart", {"cancelled": 0})]
    await coach.send("/slots")
    assert coach.last == texts.SLOTS_ASK


async def test_the_coach_learns_which_posting_the_senior_prepares_for(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    await complete_profile(senior)
    await import_postings(bot, tmp_path, QUALITY)
    await approve(bot, "(주)한빛정밀")
    await senior.send("/jobs")
    await senior.tap(texts.BUTTON_INTERESTED)
    await coach_with_slots(bot, THREE_PM_DEC_3, THREE_PM_DEC_3 + timedelta(hours=1))

    await to_times(senior)
    await senior.tap("오후 3:00 · 박민정")
    assert senior.last == texts.COACHING_ASK_POSTING
    posting = "(주)한빛정밀 · 품질관리 담당"
    assert senior.inline_buttons == [posting, texts.COACHING_NO_POSTING]
    await senior.tap(posting)
    assert f"준비할 공고: {posting}" in senior.last
    await senior.tap(texts.COACHING_BOOK)
    await bot.run_job(DISPATCH_JOB)
    (notice,) = [t for t in _sent(bot, COACH.id) if t.startswith("새 예약")]
    assert notice.endswith(f"준비 중인 공고: {posting}")

    await senior.send("/mybookings")
    await senior.tap(texts.BUTTON_MOVE_BOOKING)
    await senior.tap("12월 3일 (목) 오후 4:00")
    await bot.run_job(DISPATCH_JOB)
    moved = [t for t in _sent(bot, COACH.id) if t.startswith("새 예약")][-1]
    assert moved.endswith(f"준비 중인 공고: {posting}")


async def test_no_posting_or_an_unknown_one_books_without(bot: BotHarness, senior: Chat) -> None:
    await complete_profile(senior)
    await coach_with_slots(bot, THREE_PM_DEC_3)
    await to_times(senior)
    await senior.tap("오후 3:00 · 박민정")
    assert "준비할 공고" not in senior.last
    booking_button = senior.inline_buttons
    assert booking_button[0] == texts.COACHING_BOOK
    await senior.press_data(f"cc:b:{(await _first_slot_id(bot))}:987654")
    assert senior.last.startswith("예약했어요.")
    assert (await latest_booking(bot)).posting_id is None


async def _first_slot_id(bot: BotHarness) -> int:
    async with bot.application.bot_data.sessions() as session:
        slot_id = await session.scalar(select(CoachSlot.id).order_by(CoachSlot.id).limit(1))
    assert slot_id is not None
    return slot_id
