"""The console channel: chat with the real bot in a terminal, as on a phone.

What the bot sends arrives through the local transport and is printed. Every button the
bot shows in one answer (the reply keyboard and the buttons under job cards) is numbered
in the order printed, and typing a number presses it. Lines come from the keyboard or, with
`--script`, from a file (printed as a transcript). `/as coach` and `/as admin` change
who is typing, so one person can try the bot as a senior, a coach and an admin.
"""

import textwrap
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import TextIO

from telegram import Update

from bot.channels.local import BotCall
from bot.channels.updates import Person, UpdateFactory
from handlers import texts
from handlers.context import BotApplication


@dataclass(frozen=True)
class Button:
    label: str
    callback_data: str | None = None


QUIT = "/quit"
SWITCH = "/as"
INDENT = " " * 4
_CLEAR_LINE = "\r\x1b[K"  # back to the line's start, and erase it (ANSI)


class ConsoleChat:
    """Prints the bot's side of the conversation and turns typed lines into updates."""

    def __init__(self, personas: dict[str, Person], out: TextIO) -> None:
        self.personas = personas
        self.person = personas["senior"]
        self.out = out
        self._buttons: dict[int, list[Button]] = {}
        self._keyboards: dict[int, list[Button]] = {}
        self._new_answer = True
        # The prompt on screen while a line is being typed; a push printed then goes above it.
        self.waiting_prompt: str | None = None

    def show(self, call: BotCall) -> None:
        """Listener of the local transport: print each message the bot sends."""
        text = call.params.get("text") or call.params.get("caption")
        if text is None or call.chat_id is None:
            return
        if self.waiting_prompt is not None:
            self.out.write(_CLEAR_LINE)
        if call.method == "sendPhoto":
            text = f"{texts.DEMO_PHOTO} {text}"
        self._print(self._lead(call.chat_id), str(text))
        buttons = self._read_keyboard(call)
        markup = call.params.get("reply_markup")
        if isinstance(markup, dict) and ("keyboard" in markup or "remove_keyboard" in markup):
            self._keyboards[call.chat_id] = buttons or []
        if buttons is not None:
            if self._new_answer:
                self._buttons[call.chat_id] = []
                self._new_answer = False
            shown = self._buttons.setdefault(call.chat_id, [])
            first = len(shown) + 1
            shown.extend(buttons)
            if buttons:
                numbered = "  ".join(f"[{i}] {b.label}" for i, b in enumerate(buttons, first))
                self._print(INDENT, numbered)
        self.out.write("\n")
        if self.waiting_prompt is not None:
            self.out.write(self.waiting_prompt)
        self.out.flush()

    def _lead(self, chat_id: int) -> str:
        """ "앙코르> " in the current persona's chat; "앙코르 → 관리자> " for a push elsewhere."""
        if chat_id == self.person.id:
            return f"{texts.DEMO_BOT}> "
        roles = {person.id: role for role, person in self.personas.items()}
        whom = texts.DEMO_ROLE_NAMES.get(roles.get(chat_id, ""), texts.DEMO_SOMEONE)
        return f"{texts.DEMO_BOT} → {whom}> "

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
                self._new_answer = True
                await application.process_update(update)
                if self._new_answer:
                    self._show_keyboard_again()

    def _to_update(self, updates: UpdateFactory, line: str) -> Update | None:
        if line.split(maxsplit=1)[0] == SWITCH:
            self._switch(line.removeprefix(SWITCH).strip())
            return None
        buttons = self._buttons.get(self.person.id, [])
        if line.isdigit() and 0 < int(line) <= len(buttons):
            button = buttons[int(line) - 1]
            if button.callback_data is not None:
                return updates.callback(self.person, button.callback_data, message_id=1)
            return updates.text(self.person, button.label)
        return updates.text(self.person, line)

    def _show_keyboard_again(self) -> None:
        """An answer without buttons: the phone still shows the keyboard at the bottom."""
        keyboard = self._keyboards.get(self.person.id, [])
        self._buttons[self.person.id] = keyboard
        if keyboard:
            self._print(INDENT, "  ".join(f"[{i}] {b.label}" for i, b in enumerate(keyboard, 1)))
            self.out.write("\n")

    def _switch(self, name: str) -> None:
        person = self.personas.get(name)
        if person is None:
            self._print(INDENT, texts.DEMO_NO_SUCH_PERSONA)
            return
        self.person = person
        self._print(INDENT, texts.demo_persona(name))

    def _read_keyboard(self, call: BotCall) -> list[Button] | None:
        """The buttons a message shows; [] when it removes them, None when it has none."""
        markup = call.params.get("reply_markup")
        if not isinstance(markup, dict):
            return None
        if "keyboard" in markup:
            return [Button(b["text"]) for row in markup["keyboard"] for b in row]
        if "inline_keyboard" in markup:
            return [
                Button(b["text"], b.get("callback_data"))
                for row in markup["inline_keyboard"]
                for b in row
            ]
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
