"""`encore run`: the bot on Telegram (or a compatible server), by long polling."""

import asyncio
import signal

from telegram import Update

from bot.config import Settings
from bot.runner import running_bot


async def serve_polling(settings: Settings) -> None:
    """Poll for updates until SIGINT or SIGTERM, then stop cleanly (persistence included)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    async with running_bot(settings) as application:
        updater = application.updater
        if updater is None:
            raise RuntimeError("the application was built without an updater")
        await updater.start_polling(allowed_updates=Update.ALL_TYPES)
        await stop.wait()
        await updater.stop()
