"""One lifecycle for every way the bot runs: migrate, build, start, serve, stop.

`encore run`, `encore demo` and the tests all enter `running_bot`, so what they exercise
is the same start-up: migrations first (the persistence reads its tables while the
Application initialises), then the command list, then the job queue.
"""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import BotCommand
from telegram.request import BaseRequest

from bot.application import build_application, utc_now
from bot.config import Settings
from bot.delivery import GroupedPushes
from db.channels import Channel
from db.engine import create_engine, create_sessions
from db.migrate import upgrade_to_head
from handlers import texts
from handlers.context import BotApplication


@asynccontextmanager
async def database(url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions on a migrated database, closed on exit: what every command starts with."""
    engine = create_engine(url)
    try:
        await upgrade_to_head(engine)
        yield create_sessions(engine)
    finally:
        await engine.dispose()


@asynccontextmanager
async def running_bot(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    clock: Callable[[], datetime] = utc_now,
    scheduled: bool = True,
) -> AsyncIterator[BotApplication]:
    """The Application on a migrated database, stopped and closed on exit.

    `scheduled=False` leaves the job queue off, for tests that run each job by hand.
    """
    async with (
        database(settings.database_url) as sessions,
        running_application(
            settings, sessions, request=request, clock=clock, scheduled=scheduled
        ) as application,
    ):
        yield application


@asynccontextmanager
async def running_application(
    settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    *,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
    clock: Callable[[], datetime] = utc_now,
    scheduled: bool = True,
    channel: Channel | None = Channel.TELEGRAM,
    channel_of: Callable[[int], Channel] | None = None,
    rate_limited: bool | None = None,
    grouped: GroupedPushes | None = None,
) -> AsyncIterator[BotApplication]:
    """The Application on `sessions`, for a transport (the Kakao one) that needs them first.

    The keyword arguments are `build_application`'s.
    """
    application = build_application(
        settings,
        sessions,
        request=request,
        updates_request=updates_request,
        clock=clock,
        channel=channel,
        channel_of=channel_of,
        rate_limited=rate_limited,
        grouped=grouped,
    )
    async with application:
        await application.bot.set_my_commands(
            [BotCommand(command, description) for command, description in texts.COMMANDS]
        )
        if not scheduled:
            yield application
            return
        await application.start()
        try:
            yield application
        finally:
            await application.stop()
