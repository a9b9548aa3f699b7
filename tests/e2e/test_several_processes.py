"""Several bot processes on one database: a person's updates may reach any of them.

Each harness is a whole Application with its own memory, as a separate `encore` worker
would be; they share only the database. A person whose messages alternate between them
goes through the profile as if one process served them all.
"""

from bot.channels.updates import Person
from bot.conversation_sync import persistent_conversations
from handlers import texts
from handlers.profile.conversation import CONVERSATION_NAME
from tests.support.harness import FakeClock, bot_harness
from tests.support.profiles import ANSWERS, agree, stored_profile

PERSON = Person(1_000_020, "영수")


async def test_a_profile_is_finished_with_answers_alternating_between_processes(
    database_url: str, clock: FakeClock
) -> None:
    async with bot_harness(database_url, clock) as one, bot_harness(database_url, clock) as two:
        chats = [one.chat(PERSON), two.chat(PERSON)]
        await agree(chats[0])
        for turn, answer in enumerate(ANSWERS):
            await chats[(turn + 1) % 2].send(answer)
            assert chats[(turn + 1) % 2].replies, f"no answer to {answer!r}"
        last = chats[len(ANSWERS) % 2]
        assert texts.LOOKS_GOOD in last.buttons
        confirming = chats[(len(ANSWERS) + 1) % 2]
        await confirming.send(texts.LOOKS_GOOD)  # typed on the other process's keyboard
        assert "프로필을 저장했어요. 고맙습니다, 김영수님!" in confirming.last
        profile = await stored_profile(two, chats[1])
        assert profile is not None
        assert profile.completed_at is not None
        assert profile.name == "김영수"
        assert profile.regions == ["세종특별자치시", "대전광역시 유성구"]
        assert [(c.title, c.months) for c in profile.careers] == [("자동차부품 품질관리", 240)]


async def test_a_question_asked_back_by_one_process_is_answered_in_another(
    database_url: str, clock: FakeClock
) -> None:
    """The guess ("'품질관리'가 맞으세요?") lives in the person's scratch data."""
    async with bot_harness(database_url, clock) as one, bot_harness(database_url, clock) as two:
        first, second = one.chat(PERSON), two.chat(PERSON)
        await agree(first)
        await first.send("김영수")
        await second.send("58세")
        await first.send("품질괸리")
        assert "'품질관리'가 맞으세요?" in first.last
        await second.press("품질관리")
        assert "품질관리를 적어 두었어요." in second.last
        await first.send("/cancel")
        await second.send("/start")
        assert texts.RESUME in second.last
        assert "하신 일과 햇수" in second.last


async def test_leaving_a_conversation_in_one_process_is_seen_by_the_other(
    database_url: str, clock: FakeClock
) -> None:
    async with bot_harness(database_url, clock) as one, bot_harness(database_url, clock) as two:
        there = two.chat(PERSON)
        await agree(there)  # the second process now holds them mid-profile
        await one.chat(PERSON).send("/cancel")
        await there.send("/help")
        assert there.replies
        (profile,) = [
            c for c in persistent_conversations(two.application) if c.name == CONVERSATION_NAME
        ]
        assert (PERSON.id, PERSON.id) not in profile._conversations
