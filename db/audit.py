"""The audit log: every admin action that changes what others see or receive.

Written in the same transaction as the action itself, so the log never claims an action
that was rolled back, nor misses one that happened.
"""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import AuditEntry


async def record(
    session: AsyncSession,
    actor_id: int | None,
    action: str,
    target: str,
    detail: dict[str, Any] | None = None,
) -> None:
    """Note `action` on `target` by `actor_id` (None: a staff command-line tool)."""
    session.add(AuditEntry(actor_id=actor_id, action=action, target=target, detail=detail or {}))
    await session.flush()


async def recent(session: AsyncSession, limit: int) -> list[AuditEntry]:
    result = await session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit))
    return list(result)
