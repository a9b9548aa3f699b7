"""Wrong answers, stickers, photos, voice, huge text and emoji: a kind reply, nothing lost."""

import pytest

from handlers import texts
from tests.support.harness import BotHarness, Chat
from tests.support.profiles import agree, answer_up_to, stored_profile

AGE_QUESTION = "나이가 어떻게 되세요?"


@pytest.mark.parametrize(
    "answer",
    ["abc", "", "   ", "200세", "😊😊😊", "5", "전화 010-1234-5678", "나이는 비밀이에요"],
)
async def test_wrong_age_gets_an_example_and_the_question_again(senior: Chat, answer: str) -> None:
    await answer_up_to(senior, 1)
    await senior.send(answer)
    assert "(예: 58세" in senior.last
    assert AGE_QUESTION in senior.last
    await senior.send("58세")
    assert "58세로 적어 둘게요." in senior.last


async def test_sticker_photo_and_voice_mid_conversation(bot: BotHarness, senior: Chat) -> None:
    await answer_up_to(senior, 1)
    for send in (senior.send_sticker, senior.send_photo, senior.send_voice):
        await send()
        assert texts.NOT_TEXT in senior.last
        assert AGE_QUESTION in senior.last
    await senior.send("58")
    assert "58세로 적어 둘게요." in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.name == "김영수"


async def test_five_thousand_characters(bot: BotHarness, senior: Chat) -> None:
    await answer_up_to(senior, 2)
    await senior.send("품질관리" * 1250)
    assert texts.TOO_LONG in senior.last
    assert "어떤 일을 하고 싶으세요?" in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.desired_jobs is None


@pytest.mark.parametrize("answer", ["아무거나", "상관없어요", "아무 일이나 할게요", "다 좋아요"])
async def test_anything_is_not_a_desired_job(bot: BotHarness, senior: Chat, answer: str) -> None:
    await answer_up_to(senior, 2)
    await senior.send(answer)
    assert texts.DESIRED_JOBS_ANYTHING in senior.last
    assert "어떤 일을 하고 싶으세요?" in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.desired_jobs is None
    await senior.send("경비 아무거나")
    assert "경비 아무거나" in senior.last


async def test_emoji_only_and_emoji_inside_an_answer(senior: Chat) -> None:
    await answer_up_to(senior, 1)
    await senior.send("🙂🙏")
    assert texts.ONLY_SYMBOLS in senior.last
    await senior.send("58세 😊")
    assert "58세로 적어 둘게요." in senior.last


async def test_sticker_before_starting_leads_to_the_consent(senior: Chat) -> None:
    await senior.send_sticker()
    assert "개인정보" in senior.last


async def test_unknown_command_mid_conversation_keeps_the_question(senior: Chat) -> None:
    await answer_up_to(senior, 1)
    await senior.send("/weather")
    assert texts.UNKNOWN_COMMAND in senior.last
    await senior.send("58")
    assert "58세로 적어 둘게요." in senior.last


async def test_help_mid_conversation_keeps_the_question(senior: Chat) -> None:
    await answer_up_to(senior, 1)
    await senior.send("/help")
    assert "/profile" in senior.last
    await senior.send("/start")
    assert AGE_QUESTION in senior.last
    await senior.send("58")
    assert "58세로 적어 둘게요." in senior.last


async def test_three_failures_on_an_optional_step_offer_to_skip(senior: Chat) -> None:
    await answer_up_to(senior, 6)
    assert "자격증" in senior.last
    await senior.send("123")
    assert texts.OFFER_SKIP not in senior.last
    await senior.send("!!!")
    assert texts.OFFER_SKIP not in senior.last
    await senior.send("4567")
    assert texts.OFFER_SKIP in senior.last
    await senior.press(texts.SKIP)
    assert "지역" in senior.last


async def test_wrong_answers_at_every_step_never_dead_end(senior: Chat) -> None:
    await agree(senior)
    bad_then_good = [
        ("!!!", "김영수", "나이"),
        ("백살", "58", "하고 싶으세요"),
        ("1234", "경비", "적어 두었어요"),
        (texts.NEXT, texts.NEXT, "하신 일"),
        ("20년", "경비 5년", "적어 두었어요"),
        (texts.NEXT, texts.NEXT, "자격증"),
        ("###", texts.NONE, "지역"),
        ("달나라", "세종", "적어 두었어요"),
        (texts.NEXT, texts.NEXT, "급여"),
        ("많이 주세요", "월 250만원", "근무 형태"),
        ("아무 때나", "정규직", "적어 두었어요"),
        (texts.NEXT, texts.NEXT, "언제부터"),
        ("모르겠어요", "바로", "프로필이에요"),
    ]
    for bad, good, expected in bad_then_good:
        await senior.send(bad)
        assert senior.replies, f"no reply to {bad!r}"
        await senior.send(good)
        assert expected in senior.last, (bad, good, senior.last)
