"""`encore import-jobs FILE.csv`: postings as companies write them, one row each."""

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.imports.csv_rows import Report, Row
from db.companies import get_or_add_company
from db.postings import Upsert, upsert_posting
from handlers import texts
from handlers.admin.posting_fields import PostingFields, headcount_of
from matching.dates import always_open, parse_day
from matching.postings import posting_problems

MAX_KEY = 64
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


async def import_jobs(
    sessions: async_sessionmaker[AsyncSession], rows: list[Row], today: date
) -> Report:
    """Create or update each valid row; report the others by line, without stopping.

    `today` places a deadline typed without its year ("12월 20일").
    """
    report = Report()
    async with sessions.begin() as session:
        for row in rows:
            fields = _read(row, today)
            if isinstance(fields, str):
                report.reject(row.line, fields)
                continue
            async with session.begin_nested():
                company, _ = await get_or_add_company(session, fields.company)
                outcome = await upsert_posting(
                    session, row.get("external_id"), company, fields.columns()
                )
            if outcome is Upsert.CREATED:
                report.created += 1
            elif outcome is Upsert.UPDATED:
                report.updated += 1
            else:
                report.unchanged += 1
    return report


def _read(row: Row, today: date) -> PostingFields | str:
    """The row's posting, or why it cannot be imported in words staff understand.

    The deadline is read as the admin's posting form reads it: "2026-12-20", "2026.12.20",
    "12월 20일"; empty, "상시" or "채용 시 마감" for none.
    """
    for column in ("external_id", "title", "company", "region"):
        if not row.get(column):
            return texts.import_empty(column)
    if len(row.get("external_id")) > MAX_KEY:
        return texts.IMPORT_ID_TOO_LONG
    typed_deadline = row.get("deadline")
    deadline = parse_day(typed_deadline, today) if typed_deadline else None
    if typed_deadline and deadline is None and not always_open(typed_deadline):
        return texts.import_bad_date(typed_deadline)
    typed_headcount = row.get("headcount")
    headcount = headcount_of(typed_headcount) if typed_headcount else None
    if typed_headcount and headcount is None:
        return texts.import_bad_headcount(typed_headcount)
    fields = PostingFields(
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
        headcount=headcount,
    )
    problems = posting_problems(fields.text(row.get("external_id")))
    return "; ".join(problems) if problems else fields
