"""`encore run`: the bot on Telegram (or a compatible server), by long polling or webhook.

Long polling suits one process. With ENCORE_PUBLIC_URL set, the process takes Telegram's
webhook instead, on `--port`, so several processes can sit behind one address on one
PostgreSQL database: each registers the same URL and secret (ENCORE_TELEGRAM_WEBHOOK_SECRET,
which several processes must share), and whichever one an update reaches serves it.
"""

import asyncio
import secrets
import signal

from telegram import Update

from bot.config import Settings
from bot.runner import running_bot

WEBHOOK_PATH = "telegram/webhook"


async def serve_telegram(settings: Settings, host: str, port: int) -> None:
    """Serve updates until SIGINT or SIGTERM, then stop cleanly (persistence included)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    async with running_bot(settings) as application:
        updater = application.updater
        if updater is None:
            raise RuntimeError("the application was built without an updater")
        if settings.public_url:
            await updater.start_webhook(
                listen=host,
                port=port,
                url_path=WEBHOOK_PATH,
                webhook_url=f"{settings.public_url.rstrip('/')}/{WEBHOOK_PATH}",
                secret_token=settings.webhook_secret or secrets.token_urlsafe(32),
                allowed_updates=Update.ALL_TYPES,
            )
        else:
            await updater.start_polling(allowed_updates=Update.ALL_TYPES)
        await stop.wait()
        await updater.stop()
