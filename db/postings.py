"""Job postings, imported idempotently by their external id."""

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, joinedload

from db.models import Company, Posting, Vetting


class Upsert(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


PostingRow = tuple[str, int, Mapping[str, Any]]
"""(external id, company id, column values) of a posting to store."""


async def upsert_postings(session: AsyncSession, rows: Sequence[PostingRow]) -> list[Upsert]:
    """Create each posting, or update the ones whose values changed, so re-imports are
    no-ops; one outcome per row. A batch of rows takes one query and two statements."""
    if not rows:
        return []
    columns = list(rows[0][2])
    stored = {
        row.external_id: row
        for row in await session.execute(
            select(Posting.external_id, Posting.id, Posting.company_id, *_columns(columns)).where(
                Posting.external_id.in_([external_id for external_id, _, _ in rows])
            )
        )
    }
    now = datetime.now(UTC)
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    outcomes: list[Upsert] = []
    for external_id, company_id, values in rows:
        values = {**values, "company_id": company_id}
        before = stored.get(external_id)
        if before is None:
            new.append(
                {**values, "external_id": external_id, "created_at": now, "updated_at": now}
            )
            outcomes.append(Upsert.CREATED)
        elif all(getattr(before, column) == value for column, value in values.items()):
            outcomes.append(Upsert.UNCHANGED)
        else:
            changed.append({**values, "id": before.id, "updated_at": now})
            outcomes.append(Upsert.UPDATED)
    if new:
        await session.execute(insert(Posting).execution_options(render_nulls=True), new)
    if changed:
        await session.execute(update(Posting), changed)
    return outcomes


def _columns(names: list[str]) -> list[InstrumentedAttribute[Any]]:
    return [getattr(Posting, name) for name in names]


async def open_postings(
    session: AsyncSession, today: date, *, vetted_only: bool = False
) -> list[Posting]:
    """Postings still taking applications on `today` (only approved companies' if asked)."""
    statement = (
        select(Posting)
        .join(Posting.company)
        .where(is_open(today))
        .options(joinedload(Posting.company))
        .order_by(Posting.id)
    )
    if vetted_only:
        statement = statement.where(Company.vetting == Vetting.APPROVED)
    return list(await session.scalars(statement))


def is_open(today: date) -> ColumnElement[bool]:
    """Not closed by staff and not past its deadline on `today`."""
    return and_(
        Posting.closed_at.is_(None), or_(Posting.deadline.is_(None), Posting.deadline >= today)
    )


def ids_open_on(today: date) -> Select[int]:
    """The ids of the postings open on `today`, for statements that ask about them."""
    return select(Posting.id).where(is_open(today))


async def newest_open_postings(
    session: AsyncSession, today: date, *, offset: int, limit: int
) -> tuple[list[Posting], int]:
    """A page of open postings, newest first, and how many are open in all."""
    total = await session.scalar(select(func.count()).select_from(Posting).where(is_open(today)))
    result = await session.scalars(
        select(Posting)
        .where(is_open(today))
        .options(joinedload(Posting.company))
        .order_by(Posting.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return list(result), total or 0


async def company_postings(session: AsyncSession, company_id: int, limit: int) -> list[Posting]:
    """The company's postings, open or not, newest first."""
    result = await session.scalars(
        select(Posting)
        .where(Posting.company_id == company_id)
        .options(joinedload(Posting.company))
        .order_by(Posting.id.desc())
        .limit(limit)
    )
    return list(result)


async def open_posting_ids(session: AsyncSession, company_id: int, today: date) -> list[int]:
    """The company's postings still taking applications: what a verdict releases or withdraws."""
    result = await session.scalars(
        select(Posting.id).where(Posting.company_id == company_id, is_open(today))
    )
    return list(result)


async def posting_key_taken(session: AsyncSession, external_id: str) -> bool:
    found = await session.scalar(select(Posting.id).where(Posting.external_id == external_id))
    return found is not None


async def close_posting(session: AsyncSession, posting_id: int, now: datetime) -> bool:
    """Close the posting; False if it was closed already or is gone (an old button)."""
    result = await session.execute(
        update(Posting)
        .where(Posting.id == posting_id, Posting.closed_at.is_(None))
        .values(closed_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
