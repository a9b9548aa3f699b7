"""Chat with the real Application, as a person on a phone would, with no network.

`bot_harness` starts the bot exactly as `encore run` does (migrations, persistence, job
queue) but on the local transport; `Chat` types lines, presses buttons and reads what
the bot answered in that chat.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol

from bot.channels.local import BotCall, LocalRequest
from bot.channels.updates import Person, UpdateFactory
from bot.config import Settings
from bot.runner import running_bot
from handlers.context import BotApplication

ADMIN = Person(9_000_001, "관리자")


@dataclass
class FakeClock:
    """A clock tests move by hand, so dates are reproducible and nothing sleeps."""

    now: datetime = field(default_factory=lambda: datetime(2026, 11, 22, 1, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


class Running(Protocol):
    """A bot under test, on whichever channel: what support functions need of it."""

    @property
    def application(self) -> BotApplication: ...


@dataclass
class BotHarness:
    application: BotApplication
    request: LocalRequest
    clock: FakeClock

    def __post_init__(self) -> None:
        self.updates = UpdateFactory(self.application.bot)

    def chat(self, person: Person) -> "Chat":
        return Chat(self, person)

    async def run_job(self, name: str) -> None:
        """Run a scheduled job now, as its tick would (tests drive time, never sleep)."""
        (job,) = self.application.job_queue.get_jobs_by_name(name)
        await job.run(self.application)

    def calls_to(self, chat_id: int) -> list[BotCall]:
        return [call for call in self.request.calls if call.chat_id == chat_id]


class Chat:
    """One person's private chat with the bot."""

    def __init__(self, harness: BotHarness, person: Person) -> None:
        self.harness = harness
        self.person = person
        self.replies: list[str] = []

    async def send(self, text: str) -> list[str]:
        """Type `text` and return what the bot answered."""
        return await self._deliver(self.harness.updates.text(self.person, text))

    async def press(self, label: str) -> list[str]:
        """Press the button labelled `label`, which must be on screen."""
        assert label in self.buttons, f"no button {label!r} among {self.buttons}"
        return await self.send(label)

    async def tap(self, label: str) -> list[str]:
        """Tap the newest inline button labelled `label` under one of the bot's messages."""
        for call in reversed(self.harness.calls_to(self.person.id)):
            markup = call.params.get("reply_markup")
            if not isinstance(markup, dict) or "inline_keyboard" not in markup:
                continue
            for row in markup["inline_keyboard"]:
                for button in row:
                    if button["text"] == label:
                        update = self.harness.updates.callback(
                            self.person, button["callback_data"], 1
                        )
                        return await self._deliver(update)
        raise AssertionError(f"no inline button {label!r} in this chat")

    async def press_data(self, data: str) -> list[str]:
        """Press a button by its callback data, as an old message's button would be."""
        return await self._deliver(self.harness.updates.callback(self.person, data, 1))

    @property
    def inline_buttons(self) -> list[str]:
        """The inline buttons under the bot's last message."""
        for call in reversed(self.harness.calls_to(self.person.id)):
            if call.method == "sendMessage":
                markup = call.params.get("reply_markup")
                if isinstance(markup, dict) and "inline_keyboard" in markup:
                    return [b["text"] for row in markup["inline_keyboard"] for b in row]
                return []
        return []

    async def send_sticker(self) -> list[str]:
        return await self._deliver(self.harness.updates.sticker(self.person))

    async def send_photo(self) -> list[str]:
        return await self._deliver(self.harness.updates.photo(self.person, caption="제 사진"))

    async def send_voice(self) -> list[str]:
        return await self._deliver(self.harness.updates.voice(self.person))

    @property
    def last(self) -> str:
        """The last message of the bot's latest answer."""
        assert self.replies, "the bot did not answer"
        return self.replies[-1]

    @property
    def buttons(self) -> list[str]:
        """The reply keyboard on screen now, as Telegram keeps it between messages."""
        for call in reversed(self.harness.calls_to(self.person.id)):
            markup = call.params.get("reply_markup")
            if isinstance(markup, dict) and "keyboard" in markup:
                return [button["text"] for row in markup["keyboard"] for button in row]
            if isinstance(markup, dict) and markup.get("remove_keyboard"):
                return []
        return []

    async def _deliver(self, update: object) -> list[str]:
        before = len(self.harness.request.calls)
        await self.harness.application.process_update(update)
        sent = self.harness.request.calls[before:]
        self.replies = [
            str(call.params["text"])
            for call in sent
            if call.chat_id == self.person.id and "text" in call.params
        ]
        return self.replies


@asynccontextmanager
async def bot_harness(database_url: str, clock: FakeClock) -> AsyncIterator[BotHarness]:
    """The bot started on `database_url`; leaving the block stops it like a shutdown."""
    request = LocalRequest()
    settings = Settings(
        bot_token="local:test", database_url=database_url, admin_ids=frozenset({ADMIN.id})
    )
    async with running_bot(settings, request=request, clock=clock, scheduled=False) as application:
        yield BotHarness(application, request, clock)
