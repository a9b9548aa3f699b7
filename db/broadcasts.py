"""Announcements: who could receive one, queuing it for them, and how its sending goes.

A broadcast is one row plus one outbox row per recipient (dedupe key
"broadcast:{id}:{user}"), all inserted in the transaction that creates it, so it is
either queued for everyone or for no one, a restart resumes it where the dispatcher
left off, and nobody can receive it twice. Counts come from the outbox rows' states.
"""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Broadcast, Coach, OutboxMessage, OutboxStatus, Profile, Role, User

CandidateRow = Row[
    int, bool, Role, bool, int | None, list[str] | None, list[str] | None, bool, bool
]


async def candidates(session: AsyncSession) -> Sequence[CandidateRow]:
    """Every active user with the facts segments are decided on, in one query.

    Columns: id, quiet_nights, role, consented, birth_year, regions, desired_jobs,
    profile_complete, coach_active.
    """
    result = await session.execute(
        select(
            User.id,
            User.quiet_nights,
            User.role,
            User.consented_at.is_not(None).label("consented"),
            Profile.birth_year,
            Profile.regions,
            Profile.desired_jobs,
            Profile.completed_at.is_not(None).label("profile_complete"),
            Coach.is_active.label("coach_active"),
        )
        .outerjoin(Profile, Profile.user_id == User.id)
        .outerjoin(Coach, Coach.user_id == User.id)
        .where(User.is_active.is_(True))
        .order_by(User.id)
    )
    return result.all()


async def create_broadcast(
    session: AsyncSession,
    *,
    author_id: int | None,
    text: str,
    payload: dict[str, Any],
    audience: dict[str, str],
    audience_label: str,
    urgent: bool,
    deliveries: Sequence[tuple[int, datetime]],
) -> Broadcast:
    """Queue `payload` for each (user id, not before) in `deliveries`; `text` is as written."""
    broadcast = Broadcast(
        author_id=author_id,
        text=text,
        photo=payload.get("photo"),
        audience=audience,
        audience_label=audience_label,
        urgent=urgent,
    )
    session.add(broadcast)
    await session.flush()
    rows = [
        {
            "user_id": user_id,
            "kind": "broadcast",
            "payload": payload,
            "dedupe_key": f"broadcast:{broadcast.id}:{user_id}",
            "status": OutboxStatus.PENDING,
            "attempts": 0,
            "not_before": not_before,
            "broadcast_id": broadcast.id,
        }
        for user_id, not_before in deliveries
    ]
    if rows:
        # A new broadcast's keys cannot exist yet: a plain executemany INSERT, which
        # SQLAlchemy batches into multi-row statements compiled once.
        await session.execute(insert(OutboxMessage), rows)
    return broadcast


async def recent_broadcasts(session: AsyncSession, limit: int) -> list[Broadcast]:
    result = await session.scalars(select(Broadcast).order_by(Broadcast.id.desc()).limit(limit))
    return list(result)


async def delivery_counts(
    session: AsyncSession, broadcast_ids: Sequence[int]
) -> dict[int, dict[OutboxStatus, int]]:
    """For each broadcast, how many of its messages are in each state."""
    result = await session.execute(
        select(OutboxMessage.broadcast_id, OutboxMessage.status, func.count())
        .where(OutboxMessage.broadcast_id.in_(broadcast_ids))
        .group_by(OutboxMessage.broadcast_id, OutboxMessage.status)
    )
    counts: dict[int, dict[OutboxStatus, int]] = {id_: {} for id_ in broadcast_ids}
    for broadcast_id, status, count in result:
        if broadcast_id is not None:
            counts[broadcast_id][OutboxStatus(status)] = count
    return counts


async def cancel_broadcast(session: AsyncSession, broadcast_id: int, now: datetime) -> int:
    """Stop what has not gone out yet; returns how many messages were stopped."""
    broadcast = await session.get(Broadcast, broadcast_id)
    if broadcast is None:
        return 0
    stopped = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.broadcast_id == broadcast_id,
            OutboxMessage.status == OutboxStatus.PENDING,
        )
        .values(status=OutboxStatus.CANCELLED)
        .returning(OutboxMessage.id)
    )
    count = len(stopped.all())
    if count:
        broadcast.cancelled_at = now
    return count
