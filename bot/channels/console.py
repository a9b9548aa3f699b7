"""The console channel: chat with the real bot in a terminal, as on a phone.

What the bot sends arrives through the local transport and is printed; reply buttons
print numbered, and typing a number presses one. Lines come from the keyboard or, with
`--script`, from a file (printed as a transcript). `/as coach` and `/as admin` change
who is typing, so one person can try the bot as a senior, a coach and an admin.
"""

import textwrap
from collections.abc import AsyncIterator, Iterable
from typing import TextIO

from telegram import Update

from bot.channels.local import BotCall
from bot.channels.updates import Person, UpdateFactory
from handlers import texts
from handlers.context import BotApplication

QUIT = "/quit"
SWITCH = "/as"
INDENT = " " * 4


class ConsoleChat:
    """Prints the bot's side of the conversation and turns typed lines into updates."""

    def __init__(self, personas: dict[str, Person], out: TextIO) -> None:
        self.personas = personas
        self.person = personas["senior"]
        self.out = out
        self._buttons: dict[int, list[str]] = {}

    def show(self, call: BotCall) -> None:
        """Listener of the local transport: print each message the bot sends."""
        text = call.params.get("text") or call.params.get("caption")
        if text is None or call.chat_id is None:
            return
        self._print(f"{texts.DEMO_BOT}> ", str(text))
        buttons = self._read_keyboard(call)
        if buttons is not None:
            self._buttons[call.chat_id] = buttons
            if buttons:
                numbered = "  ".join(f"[{i}] {label}" for i, label in enumerate(buttons, 1))
                self._print(INDENT, numbered)
        self.out.write("\n")
        self.out.flush()

    async def run(
        self, application: BotApplication, lines: AsyncIterator[str], echo: bool
    ) -> None:
        """Feed every line to the bot until the lines run out or someone types /quit."""
        updates = UpdateFactory(application.bot)
        async for raw in lines:
            line = raw.strip()
            if echo:
                self._print(f"{texts.DEMO_ME}> ", line)
            if line == QUIT:
                return
            if not line:
                continue
            update = self._to_update(updates, line)
            if update is not None:
                await application.process_update(update)

    def _to_update(self, updates: UpdateFactory, line: str) -> Update | None:
        if line.split(maxsplit=1)[0] == SWITCH:
            self._switch(line.removeprefix(SWITCH).strip())
            return None
        buttons = self._buttons.get(self.person.id, [])
        if line.isdigit() and 0 < int(line) <= len(buttons):
            return updates.text(self.person, buttons[int(line) - 1])
        return updates.text(self.person, line)

    def _switch(self, name: str) -> None:
        person = self.personas.get(name)
        if person is None:
            self._print(INDENT, texts.DEMO_NO_SUCH_PERSONA)
            return
        self.person = person
        self._print(INDENT, texts.demo_persona(name))

    def _read_keyboard(self, call: BotCall) -> list[str] | None:
        """The reply buttons a message shows; [] when it removes them, None when it leaves them."""
        markup = call.params.get("reply_markup")
        if not isinstance(markup, dict):
            return None
        if "keyboard" in markup:
            return [button["text"] for row in markup["keyboard"] for button in row]
        return [] if markup.get("remove_keyboard") else None

    def _print(self, lead: str, text: str) -> None:
        lines = text.splitlines() or [""]
        self.out.write(f"{lead}{lines[0]}\n")
        pad = " " * len(lead.encode("cp949", "replace")) if lead != INDENT else INDENT
        for line in lines[1:]:
            self.out.write(textwrap.indent(line, pad) + "\n" if line else "\n")
        self.out.flush()


async def lines_from(source: Iterable[str]) -> AsyncIterator[str]:
    for line in source:
        yield line
