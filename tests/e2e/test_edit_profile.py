"""/profile shows the profile and changes one field without redoing the rest."""

from handlers import texts
from tests.support.harness import BotHarness, Chat
from tests.support.profiles import complete_profile, stored_profile


async def test_change_age_only(bot: BotHarness, senior: Chat) -> None:
    await complete_profile(senior)
    await senior.send("/profile")
    assert "• 나이: 58세" in senior.last
    await senior.press(texts.EDIT)
    assert texts.ASK_EDIT_FIELD in senior.last
    await senior.press(texts.FIELD_AGE)
    assert "나이가 어떻게 되세요?" in senior.last
    await senior.send("만 61세")
    assert "61세로 적어 둘게요." in senior.last
    assert "• 나이: 61세" in senior.last
    assert "• 희망 일자리: 품질관리" in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.birth_year == 1965
    assert profile.regions == ["세종특별자치시", "대전광역시 유성구"]


async def test_change_regions_adds_and_returns_to_summary(bot: BotHarness, senior: Chat) -> None:
    await complete_profile(senior)
    await senior.send("/profile")
    await senior.send(texts.FIELD_REGIONS)  # typing the field name works too
    assert "• 세종" in senior.last
    await senior.send("청주")
    await senior.press(texts.NEXT)
    assert "• 지역: 세종, 대전 유성구, 충북 청주시" in senior.last
    await senior.press(texts.LOOKS_GOOD)
    assert texts.MENU in senior.last


async def test_back_while_editing_returns_to_summary_unchanged(
    bot: BotHarness, senior: Chat
) -> None:
    await complete_profile(senior)
    await senior.send("/profile")
    await senior.press(texts.EDIT)
    await senior.press(texts.FIELD_PAY)
    await senior.press(texts.BACK)
    assert "• 희망 급여: 월 300만원" in senior.last
    await senior.press(texts.EDIT)
    await senior.press(texts.DONE_EDITING)
    assert "프로필이에요" in senior.last


async def test_edit_unknown_choice_asks_again(senior: Chat) -> None:
    await complete_profile(senior)
    await senior.send("/profile")
    await senior.press(texts.EDIT)
    await senior.send("취미")
    assert texts.EDIT_PICK in senior.last
    assert texts.FIELD_CAREER in senior.buttons
