import logging
from collections.abc import AsyncIterator, Iterator

import pytest

from bot.channels.updates import Person
from tests.support.harness import BotHarness, Chat, FakeClock, bot_harness

SENIOR = Person(1_000_001, "영수", "김")
OTHER_SENIOR = Person(1_000_002, "순자", "박")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def bot(database_url: str, clock: FakeClock) -> AsyncIterator[BotHarness]:
    async with bot_harness(database_url, clock) as harness:
        yield harness


@pytest.fixture
def senior(bot: BotHarness) -> Chat:
    return bot.chat(SENIOR)


@pytest.fixture(autouse=True)
def no_errors_logged(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """A handler that failed would only show as a kind apology; make the test fail too."""
    yield
    errors = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
