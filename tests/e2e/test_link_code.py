"""A senior registered at the centre opens the bot with their code and finds their profile."""

from pathlib import Path

from bot.channels.updates import Person
from handlers import texts
from tests.e2e.conftest import OTHER_SENIOR
from tests.support.harness import BotHarness, Chat
from tests.support.profiles import complete_profile, import_one_profile, stored_profile


async def test_start_with_a_code_links_the_imported_profile(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    code = await import_one_profile(bot, tmp_path)
    await senior.send(f"/start {code}")
    assert "개인정보" in senior.last
    await senior.press(texts.AGREE)
    assert texts.LINKED in senior.last
    assert "• 경력: 아파트 경비 5년" in senior.last
    assert "• 지역: 경기 수원시" in senior.last
    await senior.press(texts.LOOKS_GOOD)
    assert texts.MENU in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.external_id == "P1"
    assert profile.link_code is None


async def test_a_code_works_once(bot: BotHarness, senior: Chat, tmp_path: Path) -> None:
    code = await import_one_profile(bot, tmp_path)
    await senior.send(f"/start {code}")
    await senior.press(texts.AGREE)
    other = bot.chat(OTHER_SENIOR)
    await other.send(f"/start {code.lower()}")
    await other.press(texts.AGREE)
    assert texts.LINK_UNKNOWN in other.last
    assert "어떻게 불러 드릴까요?" in other.last


async def test_someone_with_their_own_profile_keeps_it(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    code = await import_one_profile(bot, tmp_path)
    await complete_profile(senior)
    await senior.send(f"/start {code}")
    assert texts.LINK_HAVE_OWN in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.external_id is None


async def test_a_half_made_profile_is_replaced_by_the_centres(
    bot: BotHarness, tmp_path: Path
) -> None:
    code = await import_one_profile(bot, tmp_path)
    person = bot.chat(Person(1_000_077, "영수"))
    await person.send("/start")
    await person.press(texts.AGREE)
    await person.send("영수")
    await person.send(f"/start {code}")
    assert texts.LINKED in person.last
    profile = await stored_profile(bot, person)
    assert profile is not None
    assert profile.external_id == "P1"
