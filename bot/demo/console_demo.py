"""`encore demo`: the real bot on an embedded SQLite file, chatting in this terminal."""

import asyncio
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TextIO

from bot.channels.console import ConsoleChat, lines_from
from bot.channels.local import LocalRequest
from bot.channels.updates import Person
from bot.config import Settings
from bot.demo.seed import DEMO_ADMIN, DEMO_COACH, DEMO_SENIOR, seed_demo
from bot.runner import running_bot
from handlers import texts

DEMO_TOKEN = "local:demo"
PERSONAS: dict[str, Person] = {"senior": DEMO_SENIOR, "coach": DEMO_COACH, "admin": DEMO_ADMIN}


async def run_demo(database: Path | None, script: list[str] | None, out: TextIO) -> None:
    """Chat from the keyboard, or replay the `script` lines on a fresh database."""
    with tempfile.TemporaryDirectory(prefix="encore-demo-") as scratch_dir:
        path = database or (
            Path(scratch_dir, "demo.sqlite3") if script else Path("encore-demo.sqlite3")
        )
        settings = Settings(
            bot_token=DEMO_TOKEN,
            database_url=f"sqlite+aiosqlite:///{path}",
            admin_ids=frozenset({DEMO_ADMIN.id}),
        )
        chat = ConsoleChat(PERSONAS, out)
        async with running_bot(settings, request=LocalRequest(chat.show)) as application:
            await seed_demo(application.bot_data.sessions, application.bot_data.clock())
            out.write(texts.DEMO_BANNER + "\n\n")
            if script is None:
                await chat.run(application, _keyboard_lines(chat), echo=False)
            else:
                await chat.run(application, lines_from(script), echo=True)


async def _keyboard_lines(chat: ConsoleChat) -> AsyncIterator[str]:
    """Lines typed at the prompt, read off the event loop so the bot stays responsive."""
    prompt = f"{texts.DEMO_ME}> "
    while True:
        chat.waiting_prompt = prompt
        try:
            line = await asyncio.to_thread(input, prompt)
        except EOFError:
            return
        finally:
            chat.waiting_prompt = None
        yield line
