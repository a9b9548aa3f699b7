"""Shortcuts for tests that need a person part-way through (or done with) onboarding."""

from pathlib import Path

from bot.imports.csv_rows import read_rows
from bot.imports.profiles import PROFILE_COLUMNS, import_profiles
from db.models import Profile
from db.profiles import load_profile
from handlers import texts
from tests.support.harness import BotHarness, Chat

ANSWERS = (
    "김영수",
    "58세",
    "품질관리",
    texts.NEXT,
    "자동차부품 품질관리 20년",
    texts.NEXT,
    texts.NONE,
    "세종, 대전 유성구",
    texts.NEXT,
    "월 300만원",
    "정규직",
    texts.NEXT,
    texts.AVAILABLE_NOW,
)


CAREGIVER_ANSWERS = (
    "박순자",
    "1964년생",
    "요양보호사",
    texts.NEXT,
    "요양원 간병 8년",
    texts.NEXT,
    "요양보호사",
    texts.NEXT,
    "수원시, 화성시",
    texts.NEXT,
    "시급 1만2천원",
    "시간제",
    texts.NEXT,
    texts.AVAILABLE_NEXT_MONTH,
)
UP_TO_REGIONS = ("김영수", "58", "경비", texts.NEXT, "경비 5년", texts.NEXT, texts.NONE)


async def say(chat: Chat, *answers: str) -> None:
    for answer in answers:
        await chat.send(answer)


async def agree(chat: Chat) -> None:
    await chat.send("/start")
    await chat.press(texts.AGREE)


async def answer_up_to(chat: Chat, count: int) -> None:
    """Agree, then give the first `count` standard answers."""
    await agree(chat)
    await say(chat, *ANSWERS[:count])


async def complete_profile(chat: Chat) -> None:
    await answer_up_to(chat, len(ANSWERS))
    await chat.press(texts.LOOKS_GOOD)


async def stored_profile(bot: BotHarness, chat: Chat) -> Profile | None:
    async with bot.application.bot_data.sessions() as session:
        return await load_profile(session, chat.person.id)


IMPORTED_ROW = "P1,김영수,58,경비,아파트 경비 5년,일반경비 신임교육 이수,수원시,월 250만원,정규직"


async def import_one_profile(bot: BotHarness, tmp_path: Path) -> str:
    """Import one senior (external id P1) as staff would and return their link code."""
    path = tmp_path / "profiles.csv"
    path.write_text(",".join(PROFILE_COLUMNS) + "\n" + IMPORTED_ROW + "\n", encoding="utf-8")
    sessions = bot.application.bot_data.sessions
    _, codes = await import_profiles(sessions, read_rows(path, PROFILE_COLUMNS), bot.clock.now)
    return codes[0][2]
