"""The outbox: proactive messages waiting to be sent, each at most once per dedupe key.

Deciding (ticks) and sending (the dispatcher) meet only here. Inserts ignore a key that
exists, so a tick may run twice, or on two machines, without doubling anything; claims
lock rows with SKIP LOCKED on PostgreSQL so several dispatchers can share the work.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from db.inserts import ignoring_duplicates
from db.models import OutboxMessage, OutboxStatus, User


@dataclass(frozen=True)
class NewMessage:
    """A message to queue, built before the transaction that queues a tick's thousands."""

    user_id: int
    kind: str
    payload: dict[str, Any]
    dedupe_key: str
    not_before: datetime


async def enqueue(
    session: AsyncSession,
    *,
    user_id: int,
    kind: str,
    payload: dict[str, Any],
    dedupe_key: str,
    not_before: datetime,
) -> bool:
    """Queue a message unless one with `dedupe_key` exists; True when this call queued it."""
    message = NewMessage(user_id, kind, payload, dedupe_key, not_before)
    return await enqueue_many(session, [message]) == 1


async def enqueue_many(session: AsyncSession, messages: list[NewMessage]) -> int:
    """Queue each message whose `dedupe_key` is new (a tick may queue thousands at once);
    how many were queued."""
    if not messages:
        return 0
    rows = [
        {
            "user_id": message.user_id,
            "kind": message.kind,
            "payload": message.payload,
            "dedupe_key": message.dedupe_key,
            "status": OutboxStatus.PENDING,
            "attempts": 0,
            "not_before": message.not_before,
        }
        for message in messages
    ]
    statement = ignoring_duplicates(session, OutboxMessage, [OutboxMessage.dedupe_key])
    # Only the rows inserted come back: the way to count them that both databases share.
    return len((await session.execute(statement.returning(OutboxMessage.id), rows)).all())


def _on_postgres(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


async def claim_due(
    session: AsyncSession, now: datetime, limit: int, chats: ColumnElement[bool] | None = None
) -> list[OutboxMessage]:
    """Mark up to `limit` due messages as being sent and return them with their user.

    `chats` narrows the claim to the users one dispatcher can reach (db.channels.chats_on).
    """
    statement = (
        select(OutboxMessage)
        .join(OutboxMessage.user)
        .where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.not_before <= now)
        .order_by(OutboxMessage.not_before, OutboxMessage.id)
        .limit(limit)
        .options(joinedload(OutboxMessage.user))
    )
    if chats is not None:
        statement = statement.where(chats)
    if _on_postgres(session):
        statement = statement.with_for_update(skip_locked=True, of=OutboxMessage)
    messages = list(await session.scalars(statement))
    for message in messages:
        message.status = OutboxStatus.SENDING
        message.claimed_at = now
    await session.flush()
    return messages


async def release_stale_claims(session: AsyncSession, now: datetime, after: timedelta) -> int:
    """Put back messages a crashed dispatcher claimed but never finished, so none is lost."""
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.status == OutboxStatus.SENDING,
            OutboxMessage.claimed_at < now - after,
        )
        .values(status=OutboxStatus.PENDING, claimed_at=None)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def finish(
    session: AsyncSession,
    message_id: int,
    status: OutboxStatus,
    *,
    now: datetime,
    error: str | None = None,
) -> None:
    """Record the outcome of a send: sent, failed for good, or blocked by the person."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(
            status=status,
            sent_at=now if status is OutboxStatus.SENT else None,
            last_error=error[:300] if error else None,
            attempts=OutboxMessage.attempts + 1,
        )
    )


async def retry_later(
    session: AsyncSession, message_id: int, not_before: datetime, error: str
) -> None:
    """Send again at `not_before` (after a 429 or a network error)."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(
            status=OutboxStatus.PENDING,
            not_before=not_before,
            claimed_at=None,
            last_error=error[:300],
            attempts=OutboxMessage.attempts + 1,
        )
    )


async def postpone(session: AsyncSession, message_ids: list[int], not_before: datetime) -> None:
    """Put claimed but untried messages back, to go at `not_before`; no attempt is counted."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(message_ids))
        .values(status=OutboxStatus.PENDING, not_before=not_before, claimed_at=None)
    )


async def deactivate_user(session: AsyncSession, user_id: int) -> None:
    """Someone blocked the bot (or their chat is gone): stop pushing to them."""
    await session.execute(update(User).where(User.id == user_id).values(is_active=False))
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.user_id == user_id, OutboxMessage.status == OutboxStatus.PENDING)
        .values(status=OutboxStatus.BLOCKED)
    )


async def cancel_pending(session: AsyncSession, key_prefix: str) -> None:
    """Drop queued messages that no longer make sense (reminders of a cancelled booking)."""
    await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.dedupe_key.startswith(key_prefix, autoescape=True),
            OutboxMessage.status == OutboxStatus.PENDING,
        )
        .values(status=OutboxStatus.CANCELLED)
    )
