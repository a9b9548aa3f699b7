"""Programmes and the seniors who apply to them."""

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.inserts import ignoring_duplicates
from db.models import Programme, ProgrammeApplication, ProgrammeStatus

STILL_OPEN = (ProgrammeStatus.APPLIED, ProgrammeStatus.SHORTLISTED, ProgrammeStatus.INTERVIEW)
"""An application the senior may still withdraw: no result yet."""


async def open_programmes(session: AsyncSession, today: date) -> list[Programme]:
    """Programmes taking applications on `today`, closing soonest first."""
    rows = await session.scalars(
        select(Programme)
        .where(Programme.apply_from <= today, Programme.apply_until >= today)
        .order_by(Programme.apply_until, Programme.id)
    )
    return list(rows)


async def find_programme(session: AsyncSession, programme_id: int) -> Programme | None:
    return await session.get(Programme, programme_id)


async def statuses_of(session: AsyncSession, user_id: int) -> dict[int, ProgrammeStatus]:
    """programme id -> where this person's application stands."""
    rows = await session.execute(
        select(ProgrammeApplication.programme_id, ProgrammeApplication.status).where(
            ProgrammeApplication.user_id == user_id
        )
    )
    return {programme_id: status for programme_id, status in rows}


async def apply(session: AsyncSession, user_id: int, programme_id: int) -> bool:
    """Apply, or apply again after withdrawing; False when an application stands already.

    One statement each way, so two presses at once apply once."""
    unique = [ProgrammeApplication.programme_id, ProgrammeApplication.user_id]
    row = {"programme_id": programme_id, "user_id": user_id, "status": ProgrammeStatus.APPLIED}
    inserted = await session.execute(
        ignoring_duplicates(session, ProgrammeApplication, unique).returning(
            ProgrammeApplication.id
        ),
        [row],
    )
    if inserted.all():
        return True
    again = await session.execute(
        update(ProgrammeApplication)
        .where(
            ProgrammeApplication.programme_id == programme_id,
            ProgrammeApplication.user_id == user_id,
            ProgrammeApplication.status == ProgrammeStatus.WITHDRAWN,
        )
        .values(status=ProgrammeStatus.APPLIED)
    )
    return bool(again.rowcount)  # type: ignore[attr-defined]


async def withdraw(session: AsyncSession, user_id: int, programme_id: int) -> bool:
    """Withdraw an application that has no result yet; False if there is none."""
    done = await session.execute(
        update(ProgrammeApplication)
        .where(
            ProgrammeApplication.programme_id == programme_id,
            ProgrammeApplication.user_id == user_id,
            ProgrammeApplication.status.in_(STILL_OPEN),
        )
        .values(status=ProgrammeStatus.WITHDRAWN)
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]
