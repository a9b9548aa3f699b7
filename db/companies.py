"""Companies and the centre's visit log; a verdict on a visit sets the company's standing."""

from datetime import date

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from db.models import Company, CompanyVisit, Posting, Vetting
from db.postings import is_open


async def find_company(session: AsyncSession, name: str) -> Company | None:
    return await session.scalar(select(Company).where(Company.name == name.strip()))


async def get_or_add_company(session: AsyncSession, name: str) -> tuple[Company, bool]:
    """The company called `name`, created as pending (not yet visited) if new."""
    company = await find_company(session, name)
    if company is not None:
        return company, False
    company = Company(name=name.strip(), vetting=Vetting.PENDING)
    session.add(company)
    await session.flush()
    return company, True


async def company_ids(session: AsyncSession, names: set[str]) -> dict[str, int]:
    """The id of every company named, by name; those not known yet are created as pending."""
    known = await _ids_by_name(session, names)
    missing = sorted(names - known.keys())
    if missing:
        await session.execute(
            insert(Company), [{"name": name, "vetting": Vetting.PENDING} for name in missing]
        )
        known |= await _ids_by_name(session, set(missing))
    return known


async def _ids_by_name(session: AsyncSession, names: set[str]) -> dict[str, int]:
    rows = await session.execute(select(Company.name, Company.id).where(Company.name.in_(names)))
    return {name: id_ for name, id_ in rows}


async def record_visit(
    session: AsyncSession,
    company: Company,
    verdict: Vetting,
    *,
    visited_on: date | None = None,
    visitor: str | None = None,
    notes: str | None = None,
) -> CompanyVisit:
    """Log a visit and make its verdict the company's standing."""
    visit = CompanyVisit(
        company=company, verdict=verdict, visited_on=visited_on, visitor=visitor, notes=notes
    )
    session.add(visit)
    company.vetting = verdict
    # Approval releases the company's postings to alerts: the next tick looks at them again.
    await session.execute(
        update(Posting).where(Posting.company_id == company.id).values(matched_at=None)
    )
    await session.flush()
    return visit


async def count_postings(session: AsyncSession, company: Company) -> int:
    """How many postings the company has, open or not."""
    count = await session.scalar(
        select(func.count()).select_from(Posting).where(Posting.company_id == company.id)
    )
    return count or 0


async def find_company_by_id(session: AsyncSession, company_id: int) -> Company | None:
    return await session.scalar(
        select(Company).where(Company.id == company_id).options(selectinload(Company.visits))
    )


async def vetting_counts(session: AsyncSession) -> dict[Vetting, int]:
    """How many companies stand at each step of vetting (zero included)."""
    rows = await session.execute(select(Company.vetting, func.count()).group_by(Company.vetting))
    counts = dict.fromkeys(Vetting, 0)
    counts.update({vetting: count for vetting, count in rows})
    return counts


async def companies_by_vetting(
    session: AsyncSession, vetting: Vetting, today: date, *, offset: int, limit: int
) -> list[tuple[Company, int]]:
    """A page of the companies at `vetting`, by name, each with its open postings counted."""
    open_count = (
        select(func.count())
        .select_from(Posting)
        .where(Posting.company_id == Company.id, is_open(today))
        .correlate(Company)
        .scalar_subquery()
    )
    rows = await session.execute(
        select(Company, open_count)
        .where(Company.vetting == vetting)
        .options(selectinload(Company.visits))
        .order_by(Company.name)
        .offset(offset)
        .limit(limit)
    )
    return [(company, count) for company, count in rows]


async def company_names(session: AsyncSession, limit: int) -> list[str]:
    """Names of companies postings may be added for (not rejected ones), by name."""
    result = await session.scalars(
        select(Company.name)
        .where(Company.vetting != Vetting.REJECTED)
        .order_by(Company.name)
        .limit(limit)
    )
    return list(result)
