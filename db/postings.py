"""Job postings, imported idempotently by their external id."""

from collections.abc import Mapping
from datetime import date
from enum import StrEnum

from sqlalchemy import or_, select
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
        .where(Posting.closed_at.is_(None))
        .where(or_(Posting.deadline.is_(None), Posting.deadline >= today))
        .options(joinedload(Posting.company))
        .order_by(Posting.id)
    )
    if vetted_only:
        statement = statement.where(Company.vetting == Vetting.APPROVED)
    return list(await session.scalars(statement))
