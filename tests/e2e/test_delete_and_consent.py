"""Consent before anything is stored; /delete removes everything after a confirmation."""

from sqlalchemy import func, select

from db.models import CareerEntry, DialogData, DialogState, Profile, User
from handlers import texts
from tests.support.harness import BotHarness, Chat
from tests.support.profiles import answer_up_to, complete_profile, stored_profile


async def _rows(bot: BotHarness) -> dict[str, int]:
    async with bot.application.bot_data.sessions() as session:
        return {
            model.__tablename__: await session.scalar(select(func.count()).select_from(model))
            for model in (User, Profile, CareerEntry, DialogData)
        }


async def test_declining_consent_stores_nothing(bot: BotHarness, senior: Chat) -> None:
    await senior.send("/start")
    await senior.send("글쎄요")
    assert texts.CONSENT_PICK in senior.last
    await senior.press(texts.DISAGREE)
    assert texts.CONSENT_DECLINED in senior.last
    assert await _rows(bot) == {"users": 0, "profiles": 0, "career_entries": 0, "dialog_data": 0}
    await senior.send("/start")
    assert "개인정보" in senior.last


async def test_delete_after_confirmation_removes_everything(bot: BotHarness, senior: Chat) -> None:
    await complete_profile(senior)
    await senior.send("/delete")
    assert texts.ASK_DELETE in senior.last
    await senior.press(texts.DELETE_YES)
    assert texts.DELETED in senior.last
    assert senior.buttons == []
    assert await _rows(bot) == {"users": 0, "profiles": 0, "career_entries": 0, "dialog_data": 0}
    async with bot.application.bot_data.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(DialogState)) == 0
    await senior.send("/start")
    assert "개인정보" in senior.last


async def test_delete_mid_onboarding_can_be_called_off(bot: BotHarness, senior: Chat) -> None:
    await answer_up_to(senior, 3)
    await senior.send("/delete")
    await senior.send("음")
    assert texts.DELETE_PICK in senior.last
    await senior.press(texts.DELETE_NO)
    assert texts.DELETE_KEPT in senior.last
    assert "지금까지 적으신 희망 일자리" in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.desired_jobs == ["품질관리"]


async def test_delete_called_off_on_a_finished_profile_shows_the_menu(senior: Chat) -> None:
    await complete_profile(senior)
    await senior.send("/delete")
    await senior.press(texts.DELETE_NO)
    assert texts.DELETE_KEPT in senior.last
    assert texts.MENU in senior.last


async def test_delete_with_nothing_stored(senior: Chat) -> None:
    await senior.send("/delete")
    assert texts.NOTHING_TO_DELETE in senior.last


async def test_back_to_consent_then_decline_forgets_the_person(
    bot: BotHarness, senior: Chat
) -> None:
    await answer_up_to(senior, 2)
    for _ in range(3):
        await senior.press(texts.BACK)
    assert "개인정보" in senior.last
    await senior.press(texts.DISAGREE)
    assert await stored_profile(bot, senior) is None
