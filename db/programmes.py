"""Programmes and the seniors who apply to them."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from db.inserts import ignoring_duplicates
from db.models import Profile, Programme, ProgrammeApplication, ProgrammeStatus, Role, User

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


@dataclass(frozen=True)
class ProgrammeApplicant:
    application: ProgrammeApplication
    user: User
    profile: Profile | None


async def running_programmes(session: AsyncSession, today: date) -> list[Programme]:
    """Programmes not over yet (applying, screening or running), starting soonest first."""
    rows = await session.scalars(
        select(Programme)
        .where(Programme.active_until >= today)
        .order_by(Programme.apply_until, Programme.id)
    )
    return list(rows)


async def status_counts(
    session: AsyncSession, programme_ids: list[int]
) -> dict[int, Counter[ProgrammeStatus]]:
    """programme id -> how many applications stand at each status."""
    rows = await session.execute(
        select(ProgrammeApplication.programme_id, ProgrammeApplication.status, func.count())
        .where(ProgrammeApplication.programme_id.in_(programme_ids))
        .group_by(ProgrammeApplication.programme_id, ProgrammeApplication.status)
    )
    counts: dict[int, Counter[ProgrammeStatus]] = {}
    for programme_id, status, count in rows:
        counts.setdefault(programme_id, Counter())[status] = count
    return counts


async def programme_applicants(
    session: AsyncSession, programme_id: int
) -> list[ProgrammeApplicant]:
    """Everyone who applied, in the order they applied, with their profile and careers."""
    wanted = ProgrammeApplication.programme_id == programme_id
    order = (ProgrammeApplication.created_at, ProgrammeApplication.id)
    return await _applicants(session, wanted, order)


async def find_programme_applicant(
    session: AsyncSession, application_id: int
) -> ProgrammeApplicant | None:
    found = await _applicants(session, ProgrammeApplication.id == application_id, ())
    return found[0] if found else None


async def _applicants(
    session: AsyncSession,
    wanted: ColumnElement[bool],
    order: tuple[InstrumentedAttribute[Any], ...],
) -> list[ProgrammeApplicant]:
    rows = await session.execute(
        select(ProgrammeApplication, User, Profile)
        .join(User, User.id == ProgrammeApplication.user_id)
        .outerjoin(Profile, Profile.user_id == User.id)
        .where(wanted)
        .order_by(*order)
        .options(selectinload(Profile.careers))
    )
    return [ProgrammeApplicant(*row) for row in rows]


async def move_programme_application(
    session: AsyncSession,
    application_id: int,
    allowed_from: Iterable[ProgrammeStatus],
    to: ProgrammeStatus,
) -> bool:
    """Move the application to `to` if it stands at one of `allowed_from`: one conditional
    statement, so two staff pressing at once move it once."""
    moved = await session.execute(
        update(ProgrammeApplication)
        .where(
            ProgrammeApplication.id == application_id,
            ProgrammeApplication.status.in_(list(allowed_from)),
        )
        .values(status=to)
    )
    return bool(moved.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Candidate:
    """A senior who might be told of a programme: what eligibility reads, and when to tell."""

    user_id: int
    birth_year: int | None
    regions: list[str]
    quiet_nights: bool


async def candidates(session: AsyncSession) -> list[Candidate]:
    """Every active senior with a finished profile: who a programme may be announced to."""
    rows = await session.execute(
        select(User.id, Profile.birth_year, Profile.regions, User.quiet_nights)
        .join(Profile, Profile.user_id == User.id)
        .where(
            User.role == Role.SEEKER,
            User.is_active.is_(True),
            Profile.completed_at.is_not(None),
        )
        .order_by(User.id)
    )
    return [
        Candidate(user_id, birth_year, regions or [], quiet)
        for user_id, birth_year, regions, quiet in rows
    ]
