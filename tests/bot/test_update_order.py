"""One person's updates take turns; other people's go ahead meanwhile."""

import asyncio
from collections.abc import Callable

from telegram import Bot

from bot.channels.updates import Person, UpdateFactory
from bot.runner import database
from bot.update_order import PerChatUpdateProcessor
from tests.support.harness import FakeClock, bot_harness

ANNA, BORA = Person(8_100_001, "안나"), Person(8_100_002, "보라")


async def _until(condition: Callable[[], bool]) -> None:
    """Let the tasks run until `condition` holds (on PostgreSQL a turn is a lock to take)."""
    for _ in range(500):
        if condition():
            return
        await asyncio.sleep(0.01)


async def test_other_chats_go_ahead_while_one_chat_waits_its_turn(database_url: str) -> None:
    async with database(database_url) as sessions:
        await _take_turns(PerChatUpdateProcessor(sessions, 4))


async def _take_turns(processor: PerChatUpdateProcessor) -> None:
    updates = UpdateFactory(Bot("123:local"))
    happened: list[str] = []
    slow_answer = asyncio.Event()

    async def anna_first() -> None:
        happened.append("anna 1 starts")
        await slow_answer.wait()
        happened.append("anna 1 ends")

    async def note(what: str) -> None:
        happened.append(what)

    work = [
        (updates.text(ANNA, "첫 번째"), anna_first()),
        (updates.text(ANNA, "두 번째"), note("anna 2")),
        (updates.text(BORA, "안녕하세요"), note("bora 1")),
    ]
    running = [asyncio.create_task(processor.process_update(u, c)) for u, c in work]
    await _until(lambda: len(happened) >= 2)
    await asyncio.sleep(0.05)  # time enough for Anna's second update to jump the queue
    assert happened == ["anna 1 starts", "bora 1"]  # Bora is not held up by Anna

    slow_answer.set()
    await asyncio.gather(*running)
    assert happened == ["anna 1 starts", "bora 1", "anna 1 ends", "anna 2"]


async def test_the_bot_processes_updates_this_way(database_url: str) -> None:
    async with bot_harness(database_url, FakeClock()) as bot:
        processor = bot.application.update_processor
    assert isinstance(processor, PerChatUpdateProcessor)
    assert processor.max_concurrent_updates > 1
