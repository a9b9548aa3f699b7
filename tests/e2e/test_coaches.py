"""A coach joins by invitation, opens free times in plain words, and sees who booked."""

import re

from bot.application import DISPATCH_JOB
from bot.channels.local import BOT_USER
from bot.channels.updates import Person
from handlers import texts
from tests.support.harness import ADMIN, BotHarness, Chat
from tests.support.profiles import complete_profile

COACH = Person(4_100_001, "민정", "박")


async def _invite(bot: BotHarness) -> str:
    admin = bot.chat(ADMIN)
    await admin.send("/invite_coach")
    link = re.search(r"https://t\.me/(\w+)\?start=(coach-\w+)", admin.last)
    assert link is not None
    assert link.group(1) == BOT_USER["username"]
    return link.group(2)


async def _register(bot: BotHarness) -> Chat:
    code = await _invite(bot)
    coach = bot.chat(COACH)
    await coach.send(f"/start {code}")
    assert coach.last == texts.COACH_ASK_NAME
    await coach.send("박민정")
    await coach.press("제조·품질")
    await coach.press("사무·회계")
    assert "• 제조·품질" in coach.last
    await coach.press(texts.NEXT)
    await coach.send("제조업 인사팀에서 20년 동안 면접관을 했어요.")
    await coach.press("전화")
    assert coach.last == texts.coach_registered("박민정")
    return coach


async def test_register_publish_and_see_the_schedule(bot: BotHarness, senior: Chat) -> None:
    coach = await _register(bot)
    await coach.send("/slots")
    assert coach.last == texts.SLOTS_ASK
    await coach.send("12월 3일 14:00-17:00, 30분")
    assert "• 12월 3일 (목) 오후 2:00" in coach.last
    assert "모두 6개예요." in coach.last
    await coach.press(texts.SLOTS_OPEN)
    assert coach.last.startswith("6개 시간을 열었어요.")

    await complete_profile(senior)
    await senior.send("/coaching")
    await senior.tap("제조·품질")
    await senior.tap("12월 3일 (목)")
    await senior.tap("오후 2:30 · 박민정")
    await senior.tap(texts.COACHING_BOOK)
    assert senior.last.startswith("예약했어요.")

    await coach.send("/schedule")
    assert texts.schedule_heading(5) in coach.last
    assert "• 12월 3일 (목) 오후 2:30 · 김영수님" in coach.last

    await coach.send("/slots")
    await coach.send("12월 3일 14:00-15:00, 30분")
    await coach.press(texts.SLOTS_OPEN)
    assert coach.last.startswith("0개 시간을 열었어요. (2개는 이미 열려 있었어요.)")


async def test_times_that_cannot_be_read_are_explained(bot: BotHarness) -> None:
    coach = await _register(bot)
    await coach.send("/schedule")
    assert coach.last == texts.schedule_empty(0)
    await coach.send("/slots")
    await coach.send("다음 주쯤 아무 때나")
    assert "예: 12월 3일 14:00-17:00, 30분" in coach.last
    await coach.send("12월 3일 14:00-13:00, 30분")
    assert coach.last.startswith("끝나는 시간이 시작보다 늦어야 해요")
    assert "예: 14:00-17:00" in coach.last
    await coach.send("12월 4일 10:00-11:00, 30분")
    await coach.press(texts.SLOTS_RETYPE)
    assert coach.last == texts.SLOTS_ASK


async def test_an_invitation_works_once(bot: BotHarness) -> None:
    code = await _invite(bot)
    first = bot.chat(COACH)
    await first.send(f"/start {code}")
    await first.send("박민정")
    await first.press("돌봄")
    await first.press(texts.NEXT)
    await first.send("요양원 원장으로 15년 일했어요.")
    await first.send("센터 상담실")
    other = bot.chat(Person(4_100_002, "철수"))
    await other.send(f"/start {code}")
    assert other.last == texts.INVITE_UNKNOWN


async def test_staff_commands_say_no_politely_to_others(bot: BotHarness, senior: Chat) -> None:
    await complete_profile(senior)
    for command in ("/slots", "/schedule", "/myslots"):
        await senior.send(command)
        assert senior.last == texts.STAFF_ONLY
    for command in ("/invite_coach", "/coaches", "/review"):
        await senior.send(command)
        assert senior.last == texts.ADMIN_ONLY
    coach = await _register(bot)
    for command in ("/invite_coach", "/coaches", "/review"):
        await coach.send(command)
        assert coach.last == texts.ADMIN_ONLY


def _button_data(bot: BotHarness, chat: Chat, text_start: str, label: str) -> str:
    for call in reversed(bot.calls_to(chat.person.id)):
        if str(call.params.get("text", "")).startswith(text_start):
            for row in call.params["reply_markup"]["inline_keyboard"]:
                for button in row:
                    if button["text"] == label:
                        return str(button["callback_data"])
    raise AssertionError(f"no {label!r} under a message starting {text_start!r}")


async def test_remove_free_and_booked_times(bot: BotHarness, senior: Chat) -> None:
    coach = await _register(bot)
    await coach.send("/slots")
    await coach.send("12월 3일 14:00-15:00, 30분")
    await coach.press(texts.SLOTS_OPEN)
    await complete_profile(senior)
    await senior.send("/coaching")
    await senior.tap("제조·품질")
    await senior.tap("12월 3일 (목)")
    await senior.tap("오후 2:00 · 박민정")
    await senior.tap(texts.COACHING_BOOK)

    await coach.send("/myslots")
    assert coach.replies == ["12월 3일 (목) 오후 2:00 · 예약됨", "12월 3일 (목) 오후 2:30"]
    await coach.press_data(_button_data(bot, coach, "12월 3일 (목) 오후 2:30", "지우기"))
    assert coach.last == texts.SLOT_REMOVED
    await coach.press_data(_button_data(bot, coach, "12월 3일 (목) 오후 2:00", "지우기"))
    assert coach.last == texts.SLOT_REMOVE_REASON
    await coach.tap("건강 문제")
    assert coach.last == texts.slot_removed_booked("김영수")
    await coach.tap("건강 문제")
    assert coach.last == texts.SLOT_GONE

    await bot.run_job(DISPATCH_JOB)
    assert senior.harness.calls_to(senior.person.id)[-1].params["text"] == (
        texts.senior_told_removed("12월 3일 (목) 오후 2:00", "박민정", "건강 문제")
    )
    await senior.send("/mybookings")
    assert senior.last == texts.MY_BOOKINGS_NONE
    await coach.send("/myslots")
    assert coach.last == texts.MY_SLOTS_NONE


async def test_weekly_times_open_the_next_four_weeks(bot: BotHarness) -> None:
    coach = await _register(bot)
    await coach.send("/slots")
    await coach.send("매주 화·목 10:00-12:00, 20분")
    assert "• 11월 24일 (화) 오전 10:00" in coach.last
    assert "모두 48개예요." in coach.last
    await coach.press(texts.SLOTS_OPEN)
    assert coach.last.startswith("48개 시간을 열었어요.")
    await coach.send("/slots")
    await coach.send("매주 10:00-12:00")
    assert "'매주' 뒤에 요일을 적어 주세요." in coach.last
