"""Seniors book a practice interview with a coach, by buttons; nobody is double-booked."""

from datetime import timedelta

from bot.application import DISPATCH_JOB, REMINDER_JOB
from handlers import texts
from tests.e2e.conftest import OTHER_SENIOR
from tests.support.coaching import COACH, COACH_HOW, THREE_PM_DEC_3, coach_with_slots, to_times
from tests.support.harness import BotHarness, Chat
from tests.support.profiles import CAREGIVER_ANSWERS, agree, complete_profile, say


async def test_book_a_session_and_the_coach_is_told(bot: BotHarness, senior: Chat) -> None:
    await complete_profile(senior)
    await coach_with_slots(bot, THREE_PM_DEC_3, THREE_PM_DEC_3 + timedelta(minutes=30))
    await senior.send("/coaching")
    assert texts.COACHING_INTRO in senior.last
    assert senior.inline_buttons == ["사무·회계", "제조·품질", texts.ANY_SPECIALTY]
    await senior.tap("제조·품질")
    assert senior.inline_buttons == ["12월 3일 (목)"]
    await senior.tap("12월 3일 (목)")
    assert senior.inline_buttons == ["오후 3:00 · 박민정", "오후 3:30 · 박민정"]
    await senior.tap("오후 3:00 · 박민정")
    assert "12월 3일 (목) 오후 3:00, 박민정 코치님과 30분 연습 면접을 예약할까요?" in senior.last
    await senior.tap(texts.COACHING_BOOK)
    assert senior.last.startswith("예약했어요. 12월 3일 (목) 오후 3:00, 박민정 코치님과 만나요.")

    await bot.run_job(DISPATCH_JOB)
    (notice,) = [c.params["text"] for c in bot.calls_to(COACH.id) if c.method == "sendMessage"]
    assert notice.startswith("새 예약: 12월 3일 (목) 오후 3:00, 김영수님")
    assert "나이: 58세" in notice
    assert "경력: 자동차부품 품질관리 20년" in notice

    await senior.send("/mybookings")
    assert "12월 3일 (목) 오후 3:00" in senior.last
    await senior.tap(texts.BUTTON_CANCEL_BOOKING)
    assert senior.last == texts.booking_cancelled("12월 3일 (목) 오후 3:00")
    await senior.tap(texts.BUTTON_CANCEL_BOOKING)
    assert senior.last == texts.BOOKING_ALREADY_CANCELLED
    await bot.run_job(DISPATCH_JOB)
    notices = [c.params["text"] for c in bot.calls_to(COACH.id) if c.method == "sendMessage"]
    assert notices[-1].startswith("예약 취소: 12월 3일 (목) 오후 3:00, 김영수님")
    await senior.send("/mybookings")
    assert senior.last == texts.MY_BOOKINGS_NONE


async def test_two_seniors_on_the_same_time(bot: BotHarness, senior: Chat) -> None:
    other = bot.chat(OTHER_SENIOR)
    await complete_profile(senior)
    await agree(other)
    await say(other, *CAREGIVER_ANSWERS, texts.LOOKS_GOOD)
    await coach_with_slots(bot, THREE_PM_DEC_3, THREE_PM_DEC_3 + timedelta(hours=1))
    for chat in (senior, other):
        await to_times(chat)
        await chat.tap("오후 3:00 · 박민정")
    await senior.tap(texts.COACHING_BOOK)
    await other.tap(texts.COACHING_BOOK)
    assert senior.last.startswith("예약했어요.")
    assert other.last == texts.COACHING_TAKEN
    assert other.inline_buttons == ["12월 3일 (목) 오후 4:00 · 박민정"]


async def test_one_booking_at_a_time_and_the_cut_off(bot: BotHarness, senior: Chat) -> None:
    await complete_profile(senior)
    soon = bot.clock.now + timedelta(hours=4)
    await coach_with_slots(bot, soon, THREE_PM_DEC_3)
    await to_times(senior)
    await senior.tap("오후 3:00 · 박민정")
    await senior.tap(texts.COACHING_BOOK)
    await senior.send(texts.MENU_COACHING)
    await senior.tap(texts.ANY_SPECIALTY)
    await senior.tap(senior.inline_buttons[0])
    await senior.tap(senior.inline_buttons[0])
    await senior.tap(texts.COACHING_BOOK)
    assert senior.last == texts.COACHING_LIMIT

    bot.clock.now = THREE_PM_DEC_3 - timedelta(hours=2)
    await senior.send("/mybookings")
    await senior.tap(texts.BUTTON_CANCEL_BOOKING)
    assert senior.last == texts.booking_locked(3, "박민정", COACH_HOW)


async def test_no_slots(senior: Chat) -> None:
    await complete_profile(senior)
    await senior.send("/coaching")
    assert senior.last == texts.COACHING_NONE
    await senior.press_data("cc:t:12345")
    assert senior.last == texts.COACHING_GONE


def _texts(bot: BotHarness, chat_id: int, marker: str) -> list[str]:
    return [
        c.params["text"]
        for c in bot.calls_to(chat_id)
        if c.method == "sendMessage" and marker in str(c.params.get("text"))
    ]


async def _book_three_pm(bot: BotHarness, senior: Chat) -> None:
    await complete_profile(senior)
    await coach_with_slots(bot, THREE_PM_DEC_3)
    await to_times(senior)
    await senior.tap("오후 3:00 · 박민정")
    await senior.tap(texts.COACHING_BOOK)


async def test_reminders_before_and_a_rating_after(bot: BotHarness, senior: Chat) -> None:
    await _book_three_pm(bot, senior)
    bot.clock.now = THREE_PM_DEC_3 - timedelta(hours=23, minutes=30)
    for _ in range(2):
        await bot.run_job(REMINDER_JOB)
        await bot.run_job(DISPATCH_JOB)
    (day_before,) = _texts(bot, senior.person.id, "코칭 안내")
    assert day_before.startswith("코칭 안내: 내일 연습 면접이 있어요.")
    assert "12월 3일 (목) 오후 3:00, 박민정 코치님과" in day_before
    (coach_side,) = _texts(bot, COACH.id, "코칭 안내")
    assert "김영수님과" in coach_side

    bot.clock.now = THREE_PM_DEC_3 - timedelta(minutes=50)
    await bot.run_job(REMINDER_JOB)
    await bot.run_job(DISPATCH_JOB)
    assert _texts(bot, senior.person.id, "한 시간 뒤에")
    assert _texts(bot, COACH.id, "한 시간 뒤에")

    bot.clock.now = THREE_PM_DEC_3 + timedelta(minutes=40)
    await bot.run_job(REMINDER_JOB)
    await bot.run_job(DISPATCH_JOB)
    assert senior.inline_buttons == ["1점", "2점", "3점", "4점", "5점"]
    await senior.tap("5점")
    assert senior.last == texts.RATING_THANKS


async def test_no_reminder_after_a_cancel(bot: BotHarness, senior: Chat) -> None:
    await _book_three_pm(bot, senior)
    bot.clock.now = THREE_PM_DEC_3 - timedelta(hours=20)
    await bot.run_job(REMINDER_JOB)  # queued, not sent yet
    await senior.send("/mybookings")
    await senior.tap(texts.BUTTON_CANCEL_BOOKING)
    await bot.run_job(DISPATCH_JOB)
    bot.clock.now = THREE_PM_DEC_3 - timedelta(minutes=30)
    await bot.run_job(REMINDER_JOB)
    await bot.run_job(DISPATCH_JOB)
    assert _texts(bot, senior.person.id, "코칭 안내") == []
    assert _texts(bot, COACH.id, "코칭 안내") == []


async def test_move_a_booking_to_another_time(bot: BotHarness, senior: Chat) -> None:
    await complete_profile(senior)
    four_pm = THREE_PM_DEC_3 + timedelta(hours=1)
    await coach_with_slots(bot, THREE_PM_DEC_3, four_pm)
    await to_times(senior)
    await senior.tap("오후 3:00 · 박민정")
    await senior.tap(texts.COACHING_BOOK)
    await senior.send("/mybookings")
    await senior.tap(texts.BUTTON_MOVE_BOOKING)
    assert senior.last == texts.MOVE_PICK
    assert senior.inline_buttons == ["12월 3일 (목) 오후 4:00"]
    await senior.tap("12월 3일 (목) 오후 4:00")
    assert senior.last.startswith(
        "시간을 바꿨어요. 12월 3일 (목) 오후 4:00, 박민정 코치님과 만나요."
    )
    await senior.send("/mybookings")
    assert "12월 3일 (목) 오후 4:00" in senior.last
    await bot.run_job(DISPATCH_JOB)
    notices = [c.params["text"] for c in bot.calls_to(COACH.id) if c.method == "sendMessage"]
    assert notices[-2].startswith("예약 취소: 12월 3일 (목) 오후 3:00")
    assert notices[-1].startswith("새 예약: 12월 3일 (목) 오후 4:00")


async def test_moving_onto_a_taken_time_keeps_the_old_booking(
    bot: BotHarness, senior: Chat
) -> None:
    other = bot.chat(OTHER_SENIOR)
    await complete_profile(senior)
    await agree(other)
    await say(other, *CAREGIVER_ANSWERS, texts.LOOKS_GOOD)
    four_pm = THREE_PM_DEC_3 + timedelta(hours=1)
    await coach_with_slots(bot, THREE_PM_DEC_3, four_pm)
    await to_times(senior)
    await senior.tap("오후 3:00 · 박민정")
    await senior.tap(texts.COACHING_BOOK)
    await senior.send("/mybookings")
    await senior.tap(texts.BUTTON_MOVE_BOOKING)
    await to_times(other)
    await other.tap("오후 4:00 · 박민정")
    await other.tap(texts.COACHING_BOOK)
    await senior.tap("12월 3일 (목) 오후 4:00")
    assert senior.last == texts.COACHING_TAKEN_NONE
    await senior.send("/mybookings")
    assert "12월 3일 (목) 오후 3:00" in senior.last
