"""/stats: the centre's numbers for admins, as a short summary and a few charts.

Making the report (queries, charts) lives in `bot.reports`, above the handlers; the
application passes it in with `stats_command(make_report)`, so handlers still never
import `bot`. Anyone but an admin gets the usual polite no.
"""

from collections.abc import Awaitable, Callable, Coroutine, Sequence
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Update
from telegram.constants import ChatAction

from db.models import Role
from handlers.context import BotContext
from handlers.replies import Reply, send
from handlers.staff import staff_account


class StatsChart(Protocol):
    @property
    def caption(self) -> str: ...

    @property
    def png(self) -> bytes: ...


class Stats(Protocol):
    @property
    def summary(self) -> str: ...

    @property
    def charts(self) -> Sequence[StatsChart]: ...


MakeStats = Callable[[async_sessionmaker[AsyncSession], datetime], Awaitable[Stats]]
Handler = Callable[[Update, BotContext], Coroutine[Any, Any, None]]


def stats_command(make_stats: MakeStats) -> Handler:
    """The /stats handler, drawing its report with `make_stats(sessions, now)`."""

    async def show_stats(update: Update, context: BotContext) -> None:
        if await staff_account(update, context, Role.ADMIN) is None:
            return
        chat = update.effective_chat
        message = update.effective_message
        assert chat is not None
        assert message is not None
        await chat.send_action(ChatAction.UPLOAD_PHOTO)
        stats = await make_stats(context.sessions, context.now())
        await send(update, Reply(stats.summary))
        for chart in stats.charts:
            await message.reply_photo(photo=chart.png, caption=chart.caption)

    return show_stats
