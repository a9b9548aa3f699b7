"""`encore vet COMPANY --approve|--reject`: record the centre's verdict on a company."""

from datetime import date

from rapidfuzz import process
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.audit import record
from db.companies import count_postings, find_company, record_visit
from db.models import Company, Vetting
from handlers import texts


class UnknownCompanyError(Exception):
    """No company has that name; the message suggests close names."""


async def vet_command(
    sessions: async_sessionmaker[AsyncSession],
    name: str,
    verdict: Vetting,
    note: str | None,
    today: date,
) -> str:
    async with sessions.begin() as session:
        company = await find_company(session, name)
        if company is None:
            names = list(await session.scalars(select(Company.name)))
            close = [
                found for found, _, _ in process.extract(name, names, limit=3, score_cutoff=50)
            ]
            raise UnknownCompanyError(texts.vet_unknown_company(name, close))
        await record_visit(
            session, company, verdict, visited_on=today, visitor=texts.VET_BY_CLI, notes=note
        )
        await record(session, None, "company.visit", company.name, {"verdict": verdict.value})
        postings = await count_postings(session, company)
    return texts.vet_recorded(company.name, verdict, postings)
