"""The bot restarts (deploy, crash) in the middle of someone's profile: they go on as if not."""

from bot.channels.updates import Person
from handlers import texts
from tests.support.harness import FakeClock, bot_harness
from tests.support.profiles import answer_up_to, stored_profile

PERSON = Person(1_000_010, "영수")


async def test_restart_mid_profile_resumes_at_the_same_question(
    database_url: str, clock: FakeClock
) -> None:
    async with bot_harness(database_url, clock) as first:
        chat = first.chat(PERSON)
        await answer_up_to(chat, 4)
        assert "하신 일과 햇수" in chat.last

    async with bot_harness(database_url, clock) as second:
        chat = second.chat(PERSON)
        await chat.send("자동차부품 품질관리 20년")
        assert "자동차부품 품질관리 20년을 적어 두었어요." in chat.last
        profile = await stored_profile(second, chat)
        assert profile is not None
        assert profile.desired_jobs == ["품질관리"]


async def test_restart_while_a_question_is_asked_back(database_url: str, clock: FakeClock) -> None:
    async with bot_harness(database_url, clock) as first:
        chat = first.chat(PERSON)
        await answer_up_to(chat, 2)
        await chat.send("품질괸리")
        assert "'품질관리'가 맞으세요?" in chat.last

    async with bot_harness(database_url, clock) as second:
        chat = second.chat(PERSON)
        await chat.send("품질관리")
        assert "품질관리를 적어 두었어요." in chat.last


async def test_restart_after_cancel_resumes_on_start(database_url: str, clock: FakeClock) -> None:
    async with bot_harness(database_url, clock) as first:
        chat = first.chat(PERSON)
        await answer_up_to(chat, 1)
        await chat.send("/cancel")

    async with bot_harness(database_url, clock) as second:
        chat = second.chat(PERSON)
        await chat.send("/start")
        assert texts.RESUME in chat.last
        assert "나이가 어떻게 되세요?" in chat.last
