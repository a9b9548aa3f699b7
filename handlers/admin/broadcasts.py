"""/broadcast: an announcement to everyone or a segment; /broadcasts: how the sending goes.

The admin writes the text (or a photo with a caption), picks the audience and whether it
is urgent, sees the message exactly as recipients will and the number of recipients,
then confirms. Sending is the outbox's job (db/broadcasts.py): rate-limited, resumable,
never twice to one person. Unless urgent, a person who keeps quiet nights gets it at
08:00. Sending and stopping are written to the audit log.
"""

from collections.abc import Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, ConversationHandler, MessageHandler, filters

from db.audit import record
from db.broadcasts import (
    CandidateRow,
    cancel_broadcast,
    candidates,
    create_broadcast,
    delivery_counts,
    recent_broadcasts,
)
from db.models import OutboxStatus, Role
from handlers import texts
from handlers.context import BotContext
from handlers.replies import NO_KEYBOARD, Reply, message_text, rows, send, send_payload
from handlers.staff import admin_press, staff_account
from matching.audience import (
    AGE_CHOICES,
    FAMILY_CHOICES,
    Audience,
    AudienceKind,
    Member,
    includes,
    province_choices,
)
from matching.schedule import first_allowed, korean_date
from matching.slots import korean_time
from matching.text import normalize

PREFIX = "bc"
MAX_TEXT = 1000
LISTED = 5
SNIPPET = 30
_DRAFT = "broadcast_draft"
_KIND_BY_LABEL = {label: AudienceKind(kind) for kind, label in texts.BROADCAST_AUDIENCES.items()}
_VALUES: dict[AudienceKind, Sequence[str]] = {
    AudienceKind.REGION: province_choices(),
    AudienceKind.AGE: AGE_CHOICES,
    AudienceKind.FAMILY: FAMILY_CHOICES,
}


class BroadcastStep(IntEnum):
    TEXT = 401
    AUDIENCE = 402
    VALUE = 403
    URGENT = 404
    CONFIRM = 405


def members(rows: Sequence[CandidateRow], audience: Audience, now: datetime) -> list[Member]:
    """The active users in `audience`."""
    year = korean_date(now).year
    found = (
        Member(
            user_id=row.id,
            quiet_nights=row.quiet_nights,
            role=row.role.value,
            consented=row.consented,
            birth_year=row.birth_year,
            regions=row.regions or (),
            desired_jobs=row.desired_jobs or (),
            profile_complete=row.profile_complete,
            coach_active=bool(row.coach_active),
        )
        for row in rows
    )
    return [member for member in found if includes(audience, member, year)]


async def start_broadcast(
    session: AsyncSession,
    author_id: int | None,
    draft: dict[str, Any],
    audience: Audience,
    urgent: bool,
    now: datetime,
) -> int:
    """Decide the recipients and queue the announcement for each, in one transaction.

    `draft` is what the admin wrote: {"text", optional "photo"}. Returns how many it was
    queued for.
    """
    chosen = members(await candidates(session), audience, now)
    deliveries = [
        (m.user_id, now if urgent else first_allowed(now, quiet_nights=m.quiet_nights))
        for m in chosen
    ]
    broadcast = await create_broadcast(
        session,
        author_id=author_id,
        text=draft["text"],
        payload=_payload(draft),
        audience={"kind": audience.kind.value, "value": audience.value},
        audience_label=texts.audience_label(audience.kind, audience.value),
        urgent=urgent,
        deliveries=deliveries,
    )
    await record(
        session,
        author_id,
        "broadcast.send",
        f"broadcast:{broadcast.id}",
        {"audience": broadcast.audience_label, "recipients": len(deliveries), "urgent": urgent},
    )
    return len(deliveries)


async def ask_text(update: Update, context: BotContext) -> int:
    """/broadcast (admins)."""
    if await staff_account(update, context, Role.ADMIN) is None:
        return ConversationHandler.END
    context.scratch[_DRAFT] = {}
    await send(update, Reply(texts.BROADCAST_ASK_TEXT, NO_KEYBOARD))
    return BroadcastStep.TEXT


async def read_text(update: Update, context: BotContext) -> int:
    message = update.effective_message
    assert message is not None
    text = (message.caption if message.photo else message.text) or ""
    if len(normalize(text)) < 2 or len(text) > MAX_TEXT:
        await send(update, Reply(texts.BROADCAST_TEXT_INVALID))
        return BroadcastStep.TEXT
    draft = context.scratch.setdefault(_DRAFT, {})
    draft["text"] = text.strip()
    draft["photo"] = message.photo[-1].file_id if message.photo else None
    return await _ask_audience(update)


async def _ask_audience(update: Update, note: str = "") -> int:
    labels = list(texts.BROADCAST_AUDIENCES.values())
    reply = Reply(texts.BROADCAST_ASK_AUDIENCE, (*rows(labels, 3), (texts.BACK,)))
    await send(update, reply.with_prefix(note))
    return BroadcastStep.AUDIENCE


async def read_audience(update: Update, context: BotContext) -> int:
    word = normalize(message_text(update))
    if word in texts.BACK_WORDS:
        await send(update, Reply(texts.BROADCAST_ASK_TEXT, NO_KEYBOARD))
        return BroadcastStep.TEXT
    kind = _KIND_BY_LABEL.get(word)
    if kind is None:
        await send(update, Reply(texts.BROADCAST_PICK))
        return BroadcastStep.AUDIENCE
    context.scratch[_DRAFT]["kind"] = kind.value
    context.scratch[_DRAFT]["value"] = ""
    if kind in _VALUES:
        return await _ask_value(update, kind)
    return await _ask_urgent(update)


async def _ask_value(update: Update, kind: AudienceKind) -> int:
    keyboard = (*rows(list(_VALUES[kind]), 3), (texts.BACK,))
    await send(update, Reply(texts.BROADCAST_ASK_VALUE[kind.value], keyboard))
    return BroadcastStep.VALUE


async def read_value(update: Update, context: BotContext) -> int:
    word = normalize(message_text(update))
    kind = AudienceKind(context.scratch[_DRAFT]["kind"])
    if word in texts.BACK_WORDS:
        return await _ask_audience(update)
    if word not in _VALUES[kind]:
        await send(update, Reply(texts.BROADCAST_PICK))
        return BroadcastStep.VALUE
    context.scratch[_DRAFT]["value"] = word
    return await _ask_urgent(update)


async def _ask_urgent(update: Update) -> int:
    keyboard = ((texts.BROADCAST_NOT_URGENT,), (texts.BROADCAST_URGENT,), (texts.BACK,))
    await send(update, Reply(texts.BROADCAST_ASK_URGENT, keyboard))
    return BroadcastStep.URGENT


async def read_urgent(update: Update, context: BotContext) -> int:
    word = normalize(message_text(update))
    draft = context.scratch[_DRAFT]
    if word in texts.BACK_WORDS:
        kind = AudienceKind(draft["kind"])
        return await (_ask_value(update, kind) if kind in _VALUES else _ask_audience(update))
    if word not in (texts.BROADCAST_NOT_URGENT, texts.BROADCAST_URGENT):
        await send(update, Reply(texts.BROADCAST_PICK))
        return BroadcastStep.URGENT
    draft["urgent"] = word == texts.BROADCAST_URGENT
    return await _preview(update, context)


def _payload(draft: dict[str, Any]) -> dict[str, Any]:
    """The message as recipients get it, in the outbox's payload form."""
    payload: dict[str, Any] = {"text": texts.broadcast_message(draft["text"])}
    if draft.get("photo"):
        payload["photo"] = draft["photo"]
    return payload


def _audience(draft: dict[str, Any]) -> Audience:
    return Audience(AudienceKind(draft["kind"]), draft.get("value", ""))


async def _preview(update: Update, context: BotContext) -> int:
    draft = context.scratch[_DRAFT]
    audience = _audience(draft)
    async with context.sessions() as session:
        count = len(members(await candidates(session), audience, context.now()))
    if not count:
        return await _ask_audience(update, texts.BROADCAST_NOBODY)
    await send_payload(update, _payload(draft))
    label = texts.audience_label(audience.kind, audience.value)
    summary = texts.broadcast_summary(label, count, draft["urgent"])
    keyboard = ((texts.BROADCAST_SEND,), (texts.BROADCAST_RESTART, texts.BROADCAST_STOP))
    await send(update, Reply(f"{texts.BROADCAST_PREVIEW}\n{summary}", keyboard))
    return BroadcastStep.CONFIRM


async def confirm(update: Update, context: BotContext) -> int:
    word = normalize(message_text(update))
    if word == texts.BROADCAST_RESTART:
        return await ask_text(update, context)
    if word == texts.BROADCAST_STOP:
        context.scratch.pop(_DRAFT, None)
        await send(update, Reply(texts.BROADCAST_DROPPED, NO_KEYBOARD))
        return ConversationHandler.END
    if word != texts.BROADCAST_SEND:
        await send(update, Reply(texts.BROADCAST_PICK))
        return BroadcastStep.CONFIRM
    account = await staff_account(update, context, Role.ADMIN)
    if account is None:
        return ConversationHandler.END
    draft = context.scratch.pop(_DRAFT)
    async with context.sessions.begin() as session:
        queued = await start_broadcast(
            session, account.id, draft, _audience(draft), draft["urgent"], context.now()
        )
    await send(update, Reply(texts.broadcast_started(queued), NO_KEYBOARD))
    return ConversationHandler.END


async def not_understood(update: Update, context: BotContext) -> int | None:
    """A sticker or voice message in the middle: say what is expected, stay where we are."""
    await send(update, Reply(texts.NOT_TEXT))
    return None


async def stop(update: Update, context: BotContext) -> int:
    context.scratch.pop(_DRAFT, None)
    await send(update, Reply(texts.BROADCAST_DROPPED, NO_KEYBOARD))
    return ConversationHandler.END


async def list_broadcasts(update: Update, context: BotContext) -> None:
    """/broadcasts (admins): the latest announcements and how far each has gone."""
    if await staff_account(update, context, Role.ADMIN) is None:
        return
    async with context.sessions() as session:
        latest = await recent_broadcasts(session, LISTED)
        counts = await delivery_counts(session, [b.id for b in latest])
    if not latest:
        await send(update, Reply(texts.BROADCASTS_NONE))
        return
    for broadcast in latest:
        count = counts[broadcast.id]
        waiting = count.get(OutboxStatus.PENDING, 0) + count.get(OutboxStatus.SENDING, 0)
        line = texts.broadcast_line(
            korean_time(broadcast.created_at),
            broadcast.audience_label,
            _snippet(broadcast.text),
            texts.broadcast_counts(
                count.get(OutboxStatus.SENT, 0),
                waiting,
                count.get(OutboxStatus.FAILED, 0),
                count.get(OutboxStatus.BLOCKED, 0),
                count.get(OutboxStatus.CANCELLED, 0),
            ),
        )
        halt = {
            "text": texts.BUTTON_STOP_BROADCAST,
            "data": f"{PREFIX}:stop:{broadcast.id}",
        }
        await send_payload(update, {"text": line, "buttons": [[halt]] if waiting else []})


def _snippet(text: str) -> str:
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


async def stop_button(update: Update, context: BotContext) -> None:
    """보내기 멈추기: what has not gone out yet stays unsent."""
    pressed = await admin_press(update, context)
    if pressed is None:
        return
    parts, account = pressed
    broadcast_id = int(parts[-1])
    async with context.sessions.begin() as session:
        stopped = await cancel_broadcast(session, broadcast_id, context.now())
        if stopped:
            target = f"broadcast:{broadcast_id}"
            await record(session, account.id, "broadcast.stop", target, {"stopped": stopped})
    reply = texts.broadcast_stopped(stopped) if stopped else texts.BROADCAST_NOTHING_TO_STOP
    await send(update, Reply(reply))


def build_broadcast_handlers() -> list[BaseHandler[Update, BotContext, Any]]:
    answer = filters.TEXT & ~filters.COMMAND
    other = ~filters.TEXT & ~filters.COMMAND
    conversation = ConversationHandler(
        entry_points=[CommandHandler("broadcast", ask_text)],
        states={
            BroadcastStep.TEXT: [
                MessageHandler(answer | filters.PHOTO, read_text),
                MessageHandler(other, not_understood),
            ],
            BroadcastStep.AUDIENCE: [MessageHandler(answer, read_audience)],
            BroadcastStep.VALUE: [MessageHandler(answer, read_value)],
            BroadcastStep.URGENT: [MessageHandler(answer, read_urgent)],
            BroadcastStep.CONFIRM: [MessageHandler(answer, confirm)],
        },
        fallbacks=[CommandHandler("cancel", stop), MessageHandler(other, not_understood)],
        name="broadcast",
        persistent=True,
    )
    return [conversation, CommandHandler("broadcasts", list_broadcasts)]
