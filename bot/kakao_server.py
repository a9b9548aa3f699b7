"""`encore kakao`: the bot on KakaoTalk, as an HTTP skill server for Kakao i Open Builder.

One ASGI app, served by uvicorn, which stops cleanly on SIGINT or SIGTERM. Without a
Telegram token the process serves KakaoTalk chats only (next to `encore run`, on the same
database, each pushing to its own channel's people). With TELEGRAM_BOT_TOKEN it serves
both channels with one Application and the routing transport: Telegram by webhook when
ENCORE_PUBLIC_URL names where this server is reachable, else by long polling. One
Application matters for people who joined their two accounts: their conversation state
lives in one place.
"""

import secrets
import signal
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import httpx
import uvicorn
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Update
from telegram.request import HTTPXRequest

from bot.channels.kakao.events import KakaoEventConfig, KakaoEventSender
from bot.channels.kakao.skill import TELEGRAM_PATH, SkillServer, SkillSettings
from bot.channels.kakao.transport import KakaoTransport
from bot.channels.router import RoutingRequest
from bot.config import KakaoSettings, Settings
from bot.runner import database, running_application
from db.channels import Channel
from handlers.context import BotApplication

CALLBACK_TIMEOUT = 10.0


async def serve_kakao(
    settings: Settings, kakao: KakaoSettings, host: str, port: int, *, with_telegram: bool
) -> None:
    events = KakaoEventConfig(
        api_base=kakao.api_base,
        bot_id=kakao.bot_id,
        rest_api_key=kakao.rest_api_key,
        event_name=kakao.event_name,
    )
    async with (
        database(settings.database_url) as sessions,
        KakaoEventSender(events) as sender,
        httpx.AsyncClient(timeout=CALLBACK_TIMEOUT) as http,
    ):
        transport = KakaoTransport(sessions, sender)
        serving = (
            _both(settings, sessions, transport)
            if with_telegram
            else _kakao_only(settings, sessions, transport)
        )
        async with serving as application:
            skill = SkillServer(application, transport, SkillSettings(kakao.secret), http)
            webhook_secret = (
                await _telegram_updates(application, settings) if with_telegram else None
            )
            config = uvicorn.Config(
                skill.app(webhook_secret), host=host, port=port, lifespan="off"
            )
            _stop_quietly()
            await uvicorn.Server(config).serve()
            if with_telegram and application.updater is not None and application.updater.running:
                await application.updater.stop()
            await skill.drain()


def _kakao_only(
    settings: Settings, sessions: async_sessionmaker[AsyncSession], transport: KakaoTransport
) -> AbstractAsyncContextManager[BotApplication]:
    return running_application(
        settings, sessions, request=transport, channel=Channel.KAKAO, grouped=transport
    )


@asynccontextmanager
async def _both(
    settings: Settings, sessions: async_sessionmaker[AsyncSession], transport: KakaoTransport
) -> AsyncIterator[BotApplication]:
    router = RoutingRequest(HTTPXRequest(connection_pool_size=8), transport, sessions)
    async with running_application(
        settings,
        sessions,
        request=router,
        updates_request=HTTPXRequest(),
        channel=None,
        channel_of=transport.channel_of,
        rate_limited=False,
        grouped=transport,
    ) as application:
        yield application


def _stop_quietly() -> None:
    """Let uvicorn's own SIGINT/SIGTERM handling stop the server, then shut down cleanly.

    uvicorn re-raises the signal it caught once it has stopped; with the default handler
    that would kill the process before the Application saves its state and stops.
    """
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda number, frame: None)


async def _telegram_updates(application: BotApplication, settings: Settings) -> str | None:
    """Register the webhook (its secret returned), or start polling when there is no URL."""
    if settings.public_url:
        secret = settings.webhook_secret or secrets.token_urlsafe(32)
        await application.bot.set_webhook(
            f"{settings.public_url.rstrip('/')}{TELEGRAM_PATH}",
            secret_token=secret,
            allowed_updates=Update.ALL_TYPES,
        )
        return secret
    updater = application.updater
    if updater is None:
        raise RuntimeError("the application was built without an updater")
    await updater.start_polling(allowed_updates=Update.ALL_TYPES)
    return None
