"""Back, skip, "다시 입력", /cancel and resuming later."""

from handlers import texts
from tests.support.harness import BotHarness, Chat
from tests.support.profiles import ANSWERS, answer_up_to, stored_profile


async def test_back_walks_through_every_question_keeping_answers(
    bot: BotHarness, senior: Chat
) -> None:
    await answer_up_to(senior, len(ANSWERS))
    assert "프로필이에요" in senior.last
    expected = [
        texts.ASK_AVAILABILITY,
        "지금까지 적으신 근무 형태",
        "희망하시는 급여",
        "지금까지 적으신 지역",
        "가지고 계신 자격증",
        "지금까지 적으신 경력",
        "지금까지 적으신 희망 일자리",
        "나이가 어떻게 되세요?",
        "어떻게 불러 드릴까요?",
        "개인정보",
    ]
    for marker in expected:
        await senior.press(texts.BACK)
        assert marker in senior.last, (marker, senior.last)
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.name == "김영수"
    assert profile.employment_types == ["full_time"]
    await senior.press(texts.AGREE)
    assert "어떻게 불러 드릴까요?" in senior.last


async def test_list_step_shows_what_is_kept_when_coming_back(senior: Chat) -> None:
    await answer_up_to(senior, 6)
    await senior.press(texts.BACK)
    assert "• 자동차부품 품질관리 20년" in senior.last
    assert texts.NEXT in senior.buttons
    await senior.press(texts.CLEAR)
    assert texts.CLEARED in senior.last
    await senior.send(texts.NEXT)
    assert texts.NEED_ONE in senior.last
    await senior.send("경비 3년")
    assert "• 경비 3년" in senior.last
    assert "품질관리" not in senior.last


async def test_desired_jobs_stop_at_three(bot: BotHarness, senior: Chat) -> None:
    await answer_up_to(senior, 2)
    await senior.send("경비, 시설관리, 미화원, 조리원")
    assert texts.DESIRED_JOBS_FULL in senior.last
    assert "하신 일" in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.desired_jobs == ["경비", "시설관리", "미화원"]


async def test_cancel_keeps_answers_and_start_resumes(bot: BotHarness, senior: Chat) -> None:
    await answer_up_to(senior, 4)
    await senior.send("/cancel")
    assert texts.CANCELLED in senior.last
    assert senior.buttons == []
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert (profile.name, profile.birth_year, profile.desired_jobs) == (
        "김영수",
        1968,
        ["품질관리"],
    )
    await senior.send("/start")
    assert texts.RESUME in senior.last
    assert "하신 일과 햇수" in senior.last
    await senior.send("품질관리 20년")
    assert "적어 두었어요" in senior.last


async def test_typing_anything_after_cancel_resumes(senior: Chat) -> None:
    await answer_up_to(senior, 2)
    await senior.send("/cancel")
    await senior.send("안녕하세요")
    assert texts.RESUME in senior.last
    assert "어떤 일을 하고 싶으세요?" in senior.last


async def test_cancel_outside_a_question(senior: Chat) -> None:
    await senior.send("/cancel")
    assert texts.NOTHING_TO_CANCEL in senior.last


async def test_profile_mid_onboarding_shows_what_there_is_and_resumes(senior: Chat) -> None:
    await answer_up_to(senior, 2)
    await senior.send("/profile")
    assert "• 나이: 58세" in senior.last
    assert f"• 경력: {texts.NOT_ANSWERED}" in senior.last
    assert texts.PROFILE_UNFINISHED in senior.last
    assert "하고 싶으세요" in senior.last


async def test_skip_licences(bot: BotHarness, senior: Chat) -> None:
    await answer_up_to(senior, 6)
    await senior.press(texts.SKIP)
    assert "지역" in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.certificates == []


async def test_none_after_adding_licences_keeps_them(bot: BotHarness, senior: Chat) -> None:
    await answer_up_to(senior, 6)
    await senior.send("지게차")
    assert texts.SKIP not in senior.buttons
    assert texts.NONE not in senior.buttons
    await senior.send(texts.NONE)
    assert "지역" in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.certificates == ["지게차운전기능사"]


async def test_synonyms_typed_together_are_acknowledged_once(senior: Chat) -> None:
    await answer_up_to(senior, 2)
    await senior.send("경비원, 보안요원")
    assert "경비를 적어 두었어요." in senior.last
    assert "경비, 경비" not in senior.last
