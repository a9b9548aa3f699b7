"""`encore import-profiles FILE.csv`: seniors registered by staff, linked later with a code.

Each cell is read by the same field parsers as the chat, so "58", "1966년생", "연봉 3천"
and "경기 남부" mean the same here as when a senior types them. Where the chat would ask
back, the import keeps what staff wrote, except for a place name that exists in several
시도: a wrong region would send the wrong jobs, so that row is rejected with the choices.
"""

from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.imports.csv_rows import Report, Row
from db.models import Profile
from db.profiles import find_by_external_id, link_code_taken
from handlers import texts
from handlers.codes import readable_code
from handlers.profile.fields import FIELDS
from handlers.profile.steps import QUESTIONS, Step
from matching.schedule import korean_date

PROFILE_COLUMNS = (
    "external_id",
    "name",
    "age",
    "desired_jobs",
    "career",
    "certificates",
    "regions",
    "desired_salary",
    "employment_types",
)
_COLUMN_OF = {
    Step.NAME: "name",
    Step.AGE: "age",
    Step.DESIRED_JOBS: "desired_jobs",
    Step.CAREER: "career",
    Step.LICENCES: "certificates",
    Step.REGIONS: "regions",
    Step.PAY: "desired_salary",
    Step.EMPLOYMENT: "employment_types",
}
CODE_LENGTH = 6


class RowRejected(Exception):
    """A cell could not be used; the message says which and why."""


async def import_profiles(
    sessions: async_sessionmaker[AsyncSession], rows: list[Row], now: datetime
) -> tuple[Report, list[tuple[str, str, str]]]:
    """Create or update each valid row; return the report and (id, name, link code) lines."""
    report = Report()
    codes: list[tuple[str, str, str]] = []
    today = korean_date(now)
    async with sessions.begin() as session:
        for row in rows:
            external_id = row.get("external_id")
            if not external_id:
                report.reject(row.line, texts.import_empty("external_id"))
                continue
            stored = await find_by_external_id(session, external_id)
            if stored is not None and stored.user_id is not None:
                report.reject(row.line, texts.IMPORT_ALREADY_LINKED)
                continue
            draft = Profile(external_id=external_id)
            try:
                _fill(draft, row, now)
            except RowRejected as problem:
                report.reject(row.line, str(problem))
                continue
            if stored is None:
                draft.link_code = await _new_code(session)
                report.created += 1
            elif _answers(stored, today) == _answers(draft, today):
                report.unchanged += 1
                draft = stored
            else:
                draft.link_code = stored.link_code
                await session.delete(stored)
                await session.flush()
                report.updated += 1
            session.add(draft)
            await session.flush()
            codes.append((external_id, draft.name or "", draft.link_code or ""))
    return report, codes


def _fill(profile: Profile, row: Row, now: datetime) -> None:
    """Answer every question of `profile` from the row's cells, or raise RowRejected."""
    today = korean_date(now)
    for step in QUESTIONS:
        field = FIELDS[step]
        cell = ", ".join(row.items(_COLUMN_OF[step]))
        if not cell:
            if field.optional:
                field.answer_none(profile)
            continue
        parsed = field.parse(cell, today)
        if not parsed.understood:
            raise RowRejected(texts.import_field_problem(field.title, parsed.note))
        for value in parsed.values:
            field.store(profile, value)
        for choice in parsed.choices:
            if step is Step.REGIONS:
                places = [option.label for option in choice.options]
                raise RowRejected(texts.import_ambiguous_region(choice.subject, places))
            field.store(profile, choice.options[-1].value)  # the last option keeps the text
        for title in parsed.needs_years:
            field.store(profile, {"title": title, "months": None})
        if parsed.answered_none:
            field.answer_none(profile)
    if all(answer is not None for answer in _answers(profile, today).values()):
        profile.completed_at = now


def _answers(profile: Profile, today: date) -> dict[Step, list[str] | None]:
    """Every answer as the profile summary shows it, to tell an edited row from the same."""
    return {step: FIELDS[step].items(profile, today) for step in QUESTIONS}


async def _new_code(session: AsyncSession) -> str:
    while True:
        code = readable_code(CODE_LENGTH)
        if not await link_code_taken(session, code):
            return code
