"""Job postings, imported idempotently by their external id."""

from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from db.models import Company, Posting, Vetting


class Upsert(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


async def upsert_posting(
    session: AsyncSession, external_id: str, company: Company, values: Mapping[str, object]
) -> Upsert:
    """Create the posting, or update only the fields that changed, so re-imports are no-ops."""
    posting = await session.scalar(select(Posting).where(Posting.external_id == external_id))
    if posting is None:
        session.add(Posting(external_id=external_id, company=company, **values))
        await session.flush()
        return Upsert.CREATED
    changed = posting.company_id != company.id
    posting.company = company
    for column, value in values.items():
        if getattr(posting, column) != value:
            setattr(posting, column, value)
            changed = True
    await session.flush()
    return Upsert.UPDATED if changed else Upsert.UNCHANGED


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
