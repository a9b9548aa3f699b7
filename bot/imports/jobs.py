"""`encore import-jobs FILE.csv`: postings as companies write them, one row each."""

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.imports.csv_rows import Report, Row
from db.companies import get_or_add_company
from db.postings import Upsert, upsert_posting
from handlers import texts
from matching.postings import PostingText, posting_problems

JOB_COLUMNS = (
    "external_id",
    "title",
    "company",
    "region",
    "salary",
    "employment_type",
    "experience",
    "age",
    "certificates",
    "description",
    "deadline",
    "start",
    "headcount",
)


async def import_jobs(sessions: async_sessionmaker[AsyncSession], rows: list[Row]) -> Report:
    """Create or update each valid row; report the others by line, without stopping."""
    report = Report()
    async with sessions.begin() as session:
        for row in rows:
            problem = _problem(row)
            if problem:
                report.reject(row.line, problem)
                continue
            async with session.begin_nested():
                company, _ = await get_or_add_company(session, row.get("company"))
                outcome = await upsert_posting(
                    session, row.get("external_id"), company, _values(row)
                )
            if outcome is Upsert.CREATED:
                report.created += 1
            elif outcome is Upsert.UPDATED:
                report.updated += 1
            else:
                report.unchanged += 1
    return report


def _values(row: Row) -> dict[str, object]:
    headcount = row.get("headcount")
    return {
        "title": row.get("title"),
        "region": row.get("region"),
        "salary": row.get("salary"),
        "employment_type": row.get("employment_type"),
        "experience": row.get("experience"),
        "age": row.get("age"),
        "certificates": row.items("certificates"),
        "description": row.get("description"),
        "deadline": date.fromisoformat(row.get("deadline")) if row.get("deadline") else None,
        "start": row.get("start"),
        "headcount": int(headcount) if headcount else None,
    }


def _problem(row: Row) -> str | None:
    """Why the row cannot be imported, in words staff understand; None when it can."""
    for column in ("external_id", "title", "company", "region"):
        if not row.get(column):
            return texts.import_empty(column)
    if len(row.get("external_id")) > 64:
        return texts.IMPORT_ID_TOO_LONG
    try:
        deadline = date.fromisoformat(row.get("deadline")) if row.get("deadline") else None
    except ValueError:
        return texts.import_bad_date(row.get("deadline"))
    headcount = row.get("headcount")
    if headcount and not (headcount.isdigit() and int(headcount) > 0):
        return texts.import_bad_headcount(headcount)
    problems = posting_problems(
        PostingText(
            key=row.get("external_id"),
            title=row.get("title"),
            company=row.get("company"),
            region=row.get("region"),
            salary=row.get("salary"),
            employment_type=row.get("employment_type"),
            experience=row.get("experience"),
            age=row.get("age"),
            certificates=tuple(row.items("certificates")),
            description=row.get("description"),
            deadline=deadline,
            start=row.get("start"),
            vetted=False,
        )
    )
    return "; ".join(problems) if problems else None
