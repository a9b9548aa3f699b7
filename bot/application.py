"""The one place the Application is built and every handler registered.

The `request` seam is where channels differ: none means the real Telegram Bot API (or the
server named by TELEGRAM_BASE_URL); the console demo and the tests pass a local one.
"""

from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Update
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.alerts import AlertTicks
from bot.config import Settings
from bot.conversation_sync import load_person
from bot.delivery import DeliveryLimits, Dispatcher, GroupedPushes
from bot.persistence import DatabasePersistence
from bot.reminders import ReminderTicks
from bot.reports.report import make_report
from bot.update_order import PerChatUpdateProcessor
from db.channels import Channel
from db.locks import LockSpace, shared_lock
from handlers import texts
from handlers.admin.admins import PREFIX as ADMINS_PREFIX
from handlers.admin.admins import admin_button, build_admin_handlers
from handlers.admin.broadcasts import PREFIX as BROADCAST_PREFIX
from handlers.admin.broadcasts import build_broadcast_handlers, stop_button
from handlers.admin.console import build_admin_console_handlers
from handlers.admin.programmes import PATTERN as SCREENING_PATTERN
from handlers.admin.programmes import screening_button, show_screening
from handlers.admin.stats import stats_command
from handlers.channels import kakao_link, note_where_they_wrote
from handlers.coaching.booking import PREFIX as BOOKING_PREFIX
from handlers.coaching.booking import coaching_button, my_bookings, start_booking
from handlers.coaching.coaches import (
    SLOT_PREFIX,
    build_coach_conversations,
    invite_coach,
    my_slots,
    slot_button,
)
from handlers.coaching.roster import PREFIX as ROSTER_PREFIX
from handlers.coaching.roster import coach_button, list_coaches
from handlers.coaching.sessions import PREFIX as SESSION_PREFIX
from handlers.coaching.sessions import (
    build_notes_conversation,
    outcome_button,
    schedule,
    skip_notes,
)
from handlers.context import CONTEXT_TYPES, BotApplication, BotContext
from handlers.errors import on_error
from handlers.guards import guard_handlers
from handlers.jobs.browse import MORE_CALLBACK, job_button, more_jobs, show_jobs
from handlers.jobs.settings import alert_button, show_alert_settings
from handlers.menu import nothing_to_cancel, old_button, show_help, unknown_command
from handlers.profile.conversation import build_profile_conversation
from handlers.programmes import PROGRAMME_PREFIX, programme_button, show_programmes
from handlers.stories.review import PREFIX as REVIEW_PREFIX
from handlers.stories.review import (
    build_review_conversation,
    finish_editing,
    review_button,
    start_review,
)
from handlers.stories.share import build_share_conversation
from handlers.stories.tips import PREFIX as TIPS_PREFIX
from handlers.stories.tips import show_successes, show_tips, successes_button, tips_button

LOAD_GROUP = -3
CHANNEL_GROUP = -2
GUARD_GROUP = -1
MAIN_GROUP = 0
PERSIST_GROUP = 1000


def utc_now() -> datetime:
    return datetime.now(UTC)


def build_application(
    settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    *,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
    clock: Callable[[], datetime] = utc_now,
    channel: Channel | None = Channel.TELEGRAM,
    channel_of: Callable[[int], Channel] | None = None,
    rate_limited: bool | None = None,
    grouped: GroupedPushes | None = None,
) -> BotApplication:
    """Build the bot on `sessions`; `request` replaces the network, `clock` the time.

    `channel` is whose pushed messages this process delivers: Telegram chats, KakaoTalk
    chats (with the Kakao transport as `request`), or None for both (with the routing
    transport). `channel_of` tells which channel an update from a chat came by (by
    default, `channel`). Telegram's own rate limiter is on for the real network only
    (`request` None) unless `rate_limited` says otherwise. `grouped` is the KakaoTalk
    transport, whose pushes the dispatcher announces many at a time.
    """
    builder = (
        ApplicationBuilder()
        .token(settings.bot_token)
        .context_types(CONTEXT_TYPES)
        .persistence(DatabasePersistence(sessions))
        .concurrent_updates(PerChatUpdateProcessor(sessions))
    )
    base_url, base_file_url = settings.api_urls
    builder = builder.base_url(base_url).base_file_url(base_file_url)
    if request is not None:
        builder = builder.request(request).get_updates_request(updates_request or request)
    if rate_limited if rate_limited is not None else request is None:
        # The builder's type parameters do not follow a rate limiter added conditionally.
        builder = builder.rate_limiter(AIORateLimiter())  # type: ignore[arg-type]
    application: BotApplication = builder.build()
    application.bot_data.sessions = sessions
    application.bot_data.admin_ids = settings.admin_ids
    application.bot_data.clock = clock
    application.bot_data.booking_cut_off = timedelta(hours=settings.booking_cut_off_hours)
    application.bot_data.max_upcoming_bookings = settings.max_upcoming_bookings
    served = channel or Channel.TELEGRAM
    application.bot_data.channel_of = channel_of or (lambda chat_id: served)
    register_handlers(application)
    schedule_jobs(
        application,
        Dispatcher(
            sessions,
            application.bot,
            clock,
            DeliveryLimits(stale_claim=timedelta(seconds=settings.stale_claim_seconds)),
            channels=frozenset({channel}) if channel else frozenset(Channel),
            grouped=grouped,
        ),
        AlertTicks(sessions, clock),
        ReminderTicks(sessions, clock),
    )
    return application


def register_handlers(application: BotApplication) -> None:
    """Every handler, in the order they are tried."""
    application.add_handler(TypeHandler(Update, load_person), group=LOAD_GROUP)
    application.add_handler(TypeHandler(Update, note_where_they_wrote), group=CHANNEL_GROUP)
    application.add_handlers(guard_handlers(), group=GUARD_GROUP)
    application.add_handlers(
        [
            CommandHandler("help", show_help),
            CommandHandler("kakao", kakao_link),
            MessageHandler(filters.Text([texts.MENU_HELP]), show_help),
            CommandHandler("jobs", show_jobs),
            MessageHandler(filters.Text([texts.MENU_JOBS]), show_jobs),
            CommandHandler("alerts", show_alert_settings),
            MessageHandler(filters.Text([texts.MENU_ALERTS]), show_alert_settings),
            CallbackQueryHandler(job_button, pattern=r"^job:[a-z]:\d+$"),
            CallbackQueryHandler(more_jobs, pattern=rf"^{MORE_CALLBACK}:\d+$"),
            CallbackQueryHandler(alert_button, pattern=r"^alerts:(mode|hour|night):\w+$"),
            CommandHandler("coaching", start_booking),
            MessageHandler(filters.Text([texts.MENU_COACHING]), start_booking),
            CommandHandler("mybookings", my_bookings),
            CallbackQueryHandler(coaching_button, pattern=rf"^{BOOKING_PREFIX}:"),
            CommandHandler("invite_coach", invite_coach),
            CommandHandler("schedule", schedule),
            CommandHandler("myslots", my_slots),
            CallbackQueryHandler(slot_button, pattern=rf"^{SLOT_PREFIX}:(rm|rr):\d+(:\d)?$"),
            CallbackQueryHandler(outcome_button, pattern=rf"^{SESSION_PREFIX}:[dn]:\d+$"),
            CommandHandler("coaches", list_coaches),
            CallbackQueryHandler(
                coach_button, pattern=rf"^{ROSTER_PREFIX}:(stop|yes|no|start):\d+$"
            ),
            CommandHandler("tips", show_tips),
            MessageHandler(filters.Text([texts.MENU_TIPS]), show_tips),
            CallbackQueryHandler(tips_button, pattern=rf"^{TIPS_PREFIX}:(h|more):\d+$"),
            CommandHandler("programmes", show_programmes),
            CommandHandler("screening", show_screening),
            CallbackQueryHandler(screening_button, pattern=SCREENING_PATTERN),
            CallbackQueryHandler(programme_button, pattern=rf"^{PROGRAMME_PREFIX}:[daw]:\d+$"),
            CommandHandler("success", show_successes),
            CallbackQueryHandler(successes_button, pattern=r"^success:more:\d+$"),
            CommandHandler("review", start_review),
            CommandHandler("stats", stats_command(make_report)),
            CallbackQueryHandler(review_button, pattern=rf"^{REVIEW_PREFIX}:(a|ac|e|r|s):\d+$"),
            MessageHandler(filters.Text([texts.REVIEW_EDIT_DONE]), finish_editing),
            build_share_conversation(),
            build_review_conversation(),
            *build_admin_handlers(),
            *build_broadcast_handlers(),
            CallbackQueryHandler(stop_button, pattern=rf"^{BROADCAST_PREFIX}:stop:\d+$"),
            CallbackQueryHandler(admin_button, pattern=rf"^{ADMINS_PREFIX}:rm:\d+$"),
            *build_admin_console_handlers(),
            *build_coach_conversations(),
            build_notes_conversation(),
            MessageHandler(filters.Text([texts.NOTES_SKIP]), skip_notes),
            build_profile_conversation(),
            CommandHandler("cancel", nothing_to_cancel),
            MessageHandler(filters.COMMAND, unknown_command),
            CallbackQueryHandler(old_button),
        ],
        group=MAIN_GROUP,
    )
    application.add_handler(TypeHandler(Update, _save_conversations), group=PERSIST_GROUP)
    application.add_error_handler(on_error)


DISPATCH_JOB = "outbox-dispatch"
NEW_POSTINGS_JOB = "alerts-new-postings"
DIGEST_JOB = "alerts-digests"
DISPATCH_EVERY = timedelta(seconds=2)
NEW_POSTINGS_EVERY = timedelta(seconds=30)  # a new posting reaches instant subscribers in a minute
DIGEST_EVERY = timedelta(minutes=5)
REMINDER_JOB = "coaching-reminders"
REMINDER_EVERY = timedelta(minutes=1)


def schedule_jobs(
    application: BotApplication,
    dispatcher: Dispatcher,
    alerts: AlertTicks,
    reminders: ReminderTicks,
) -> None:
    """Repeating ticks with fixed names; each reads what is due from the database."""
    job_queue = application.job_queue
    if job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")

    async def dispatch(context: BotContext) -> None:
        await dispatcher.run_once()  # in every process: they claim different messages

    async def new_postings(context: BotContext) -> None:
        await _in_one_process(alerts.sessions, NEW_POSTINGS_JOB, alerts.new_postings)

    async def digests(context: BotContext) -> None:
        await _in_one_process(alerts.sessions, DIGEST_JOB, alerts.digests)

    async def remind(context: BotContext) -> None:
        await _in_one_process(reminders.sessions, REMINDER_JOB, reminders.run)

    job_queue.run_repeating(dispatch, interval=DISPATCH_EVERY, first=1, name=DISPATCH_JOB)
    job_queue.run_repeating(
        new_postings, interval=NEW_POSTINGS_EVERY, first=5, name=NEW_POSTINGS_JOB
    )
    job_queue.run_repeating(digests, interval=DIGEST_EVERY, first=10, name=DIGEST_JOB)
    job_queue.run_repeating(remind, interval=REMINDER_EVERY, first=15, name=REMINDER_JOB)


async def _in_one_process(
    sessions: async_sessionmaker[AsyncSession],
    name: str,
    tick: Callable[[], Coroutine[Any, Any, object]],
) -> None:
    """Run a deciding tick unless another process on the database is running it now.

    Ticks are idempotent (unique dedupe keys), so this saves the work, not correctness:
    with several workers, each tick is decided once instead of once per worker.
    """
    async with shared_lock(sessions, LockSpace.TICK, name, wait=False) as mine:
        if mine:
            await tick()


async def _save_conversations(update: Update, context: BotContext) -> None:
    """Write conversation states and this person's scratch data now, rather than once a
    minute, so a crash loses none and the next update, in any process, starts from them.

    The scratch data is stored here, inside the person's turn, and nowhere else (see
    `DatabasePersistence.update_user_data`)."""
    persistence = context.application.persistence
    if isinstance(persistence, DatabasePersistence) and update.effective_user is not None:
        await persistence.save_user_data(update.effective_user.id, context.scratch)
    await context.application.update_persistence()
