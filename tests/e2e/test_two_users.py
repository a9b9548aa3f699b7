"""Two seniors answering at the same time never see each other's questions or data."""

import asyncio

from handlers import texts
from tests.e2e.conftest import OTHER_SENIOR
from tests.support.harness import BotHarness, Chat
from tests.support.profiles import ANSWERS, CAREGIVER_ANSWERS, agree, stored_profile


async def test_interleaved_onboarding(bot: BotHarness, senior: Chat) -> None:
    other = bot.chat(OTHER_SENIOR)
    await agree(senior)
    await agree(other)
    for mine, theirs in zip(ANSWERS, CAREGIVER_ANSWERS, strict=False):
        await senior.send(mine)
        await other.send(theirs)
    await other.send(CAREGIVER_ANSWERS[-1])
    assert "• 이름: 김영수" in senior.last
    assert "• 이름: 박순자" in other.last
    assert "• 희망 급여: 시급 12,000원 (월 약 251만원)" in other.last
    await senior.press(texts.LOOKS_GOOD)
    assert "• 이름: 박순자" in other.last  # untouched by the other's save

    mine = await stored_profile(bot, senior)
    theirs = await stored_profile(bot, other)
    assert mine is not None
    assert theirs is not None
    assert mine.completed_at is not None
    assert theirs.completed_at is None
    assert theirs.regions == ["경기도 수원시", "경기도 화성시"]
    assert [c.title for c in theirs.careers] == ["요양원 간병"]


async def test_updates_processed_concurrently(bot: BotHarness, senior: Chat) -> None:
    other = bot.chat(OTHER_SENIOR)
    await asyncio.gather(agree(senior), agree(other))
    await asyncio.gather(senior.send("김영수"), other.send("박순자"))
    assert "김영수님" in senior.last
    assert "박순자님" in other.last
