"""`encore import-jobs FILE.csv`: postings as companies write them, one row each.

Rows are read first, then stored in batches, one transaction each, with one query for the
batch's companies and one for its postings: a centre's file of 10,000 postings takes
seconds, and a failure midway keeps every batch before it.
"""

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.imports.csv_rows import Report, Row, batches, too_long
from db.companies import company_ids
from db.postings import Upsert, upsert_postings
from handlers import texts
from handlers.admin.posting_fields import PostingFields, headcount_of, headcount_unstated
from matching.dates import always_open, parse_day
from matching.postings import posting_problems

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

LIMITS = {
    "external_id": 64,
    "company": 100,
    "title": 200,
    "region": 200,
    "salary": 200,
    "employment_type": 100,
    "experience": 200,
    "age": 200,
    "certificates": 1_000,
    "description": 5_000,
    "start": 100,
}
"""The longest cell each column takes: the columns' sizes; a description of a few pages."""


async def import_jobs(
    sessions: async_sessionmaker[AsyncSession], rows: list[Row], today: date
) -> Report:
    """Create or update each valid row; report the others by line, without stopping.

    `today` places a deadline typed without its year ("12월 20일").
    """
    report = Report()
    first_line: dict[str, int] = {}
    for batch in batches(rows):
        readable: list[tuple[str, PostingFields]] = []
        for row in batch:
            external_id = row.get("external_id")
            fields = _read(row, today)
            first = first_line.setdefault(external_id, row.line)
            if isinstance(fields, PostingFields) and first != row.line:
                fields = texts.import_duplicate_id(external_id, first)
            if isinstance(fields, str):
                report.reject(row.line, fields)
            else:
                readable.append((external_id, fields))
        async with sessions.begin() as session:
            companies = await company_ids(session, {fields.company for _, fields in readable})
            outcomes = await upsert_postings(
                session,
                [(key, companies[fields.company], fields.columns()) for key, fields in readable],
            )
        report.created += outcomes.count(Upsert.CREATED)
        report.updated += outcomes.count(Upsert.UPDATED)
        report.unchanged += outcomes.count(Upsert.UNCHANGED)
    return report


def _read(row: Row, today: date) -> PostingFields | str:
    """The row's posting, or why it cannot be imported in words staff understand.

    The deadline is read as the admin's posting form reads it: "2026-12-20", "2026.12.20",
    "12월 20일"; empty, "상시" or "채용 시 마감" for none. A headcount of "0명", "00명" or
    "약간명" is how boards say "a few" and is kept as not given.
    """
    for column in ("external_id", "title", "company", "region"):
        if not row.get(column):
            return texts.import_empty(column)
    if problem := too_long(row, LIMITS):
        return problem
    typed_deadline = row.get("deadline")
    deadline = parse_day(typed_deadline, today) if typed_deadline else None
    if typed_deadline and deadline is None and not always_open(typed_deadline):
        return texts.import_bad_date(typed_deadline)
    typed_headcount = row.get("headcount")
    headcount = headcount_of(typed_headcount) if typed_headcount else None
    if typed_headcount and headcount is None and not headcount_unstated(typed_headcount):
        return texts.import_bad_headcount(typed_headcount)
    fields = PostingFields(
        title=row.get("title"),
        company=row.get("company").strip(),
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
