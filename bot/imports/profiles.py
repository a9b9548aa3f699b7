"""`encore import-profiles FILE.csv`: seniors registered by staff, linked later with a code.

Each cell is read by the same field parsers as the chat, so "58", "1966년생", "연봉 3천"
and "경기 남부" mean the same here as when a senior types them. Where the chat would ask
back, the import keeps what staff wrote, except for a place name that exists in several
시도: a wrong region would send the wrong jobs, so that row is rejected with the choices
unless another region of the same row names one of them ("서울 종로구|중구").

A centre's file can hold 100,000 seniors, so batches of rows are read on every core
(`bot.imports.parallel`; the same cell, such as "월 250만원", is read once per worker) while
the batches already read are written, one transaction each: a failure midway keeps every
batch before it, and running the same file again finishes the rest.
"""

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache, partial
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.imports.csv_rows import Report, Row, RowRejected, too_long
from bot.imports.parallel import read_batches
from db.models import Profile
from db.profiles import (
    ANSWER_COLUMNS,
    Careers,
    ProfileRecord,
    StoredProfile,
    insert_profiles,
    link_codes_in_use,
    stored_profiles,
    update_profiles,
)
from handlers import texts
from handlers.codes import readable_code
from handlers.profile.fields import FIELDS, DesiredJobsField
from handlers.profile.parsed import Choice, Parsed
from handlers.profile.steps import Step
from matching.regions import RegionKind, region_by_key
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
"""Every question but when the senior can start, which staff files do not say: an imported
profile leaves it unknown, and the senior is asked it if they finish the profile in the chat."""
CODE_LENGTH = 6
LIMITS = {**dict.fromkeys(PROFILE_COLUMNS, 1_000), "external_id": 64, "desired_salary": 100}
"""The longest cell each column takes: the columns' sizes, and no list longer than a page."""


async def import_profiles(
    sessions: async_sessionmaker[AsyncSession], rows: list[Row], now: datetime
) -> tuple[Report, list[tuple[str, str, str]]]:
    """Create or update each valid row; return the report and (id, name, link code) lines."""
    report = Report()
    codes: list[tuple[str, str, str]] = []
    first_line: dict[str, int] = {}
    async with sessions() as session:
        taken = await link_codes_in_use(session)
    async for batch in read_batches(rows, partial(read_profiles, today=korean_date(now))):
        records: list[tuple[int, ProfileRecord]] = []
        for line, record in batch:
            if isinstance(record, ProfileRecord):
                first = first_line.setdefault(record.external_id, line)
                if first != line:
                    record = texts.import_duplicate_id(record.external_id, first)
            if isinstance(record, str):
                report.reject(line, record)
            else:
                records.append((line, record))
        async with sessions.begin() as session:
            codes += await _write(session, records, report, taken, now)
    return report, codes


def read_profiles(rows: list[Row], today: date) -> list[tuple[int, ProfileRecord | str]]:
    """Each row's line and profile, or why it cannot be imported; run in worker processes."""
    read: list[tuple[int, ProfileRecord | str]] = []
    for row in rows:
        try:
            read.append((row.line, read_profile(row, today)))
        except RowRejected as problem:
            read.append((row.line, str(problem)))
    return read


async def _write(
    session: AsyncSession,
    records: list[tuple[int, ProfileRecord]],
    report: Report,
    taken: set[str],
    now: datetime,
) -> list[tuple[str, str, str]]:
    """Store one batch: new rows get a fresh link code, edited rows keep theirs."""
    stored = await stored_profiles(session, [record.external_id for _, record in records])
    new: list[tuple[ProfileRecord, str, datetime | None]] = []
    changed: list[tuple[int, ProfileRecord, datetime | None]] = []
    codes: list[tuple[str, str, str]] = []
    for line, record in records:
        before = stored.get(record.external_id)
        if before is not None and before.user_id is not None:
            report.reject(line, texts.IMPORT_ALREADY_LINKED)
            continue
        if before is None:
            code = _new_code(taken)
            new.append((record, code, now if record.complete else None))
            report.created += 1
        else:
            code = before.link_code or ""
            if record.same_answers(before):
                report.unchanged += 1
            else:
                changed.append((before.id, record, _completed_at(record, before, now)))
                report.updated += 1
        codes.append((record.external_id, record.answers["name"] or "", code))
    await insert_profiles(session, new)
    await update_profiles(session, changed)
    return codes


def _completed_at(record: ProfileRecord, before: StoredProfile, now: datetime) -> datetime | None:
    return (before.completed_at or now) if record.complete else None


def _new_code(taken: set[str]) -> str:
    while (code := readable_code(CODE_LENGTH)) in taken:
        pass
    taken.add(code)
    return code


def read_profile(row: Row, today: date) -> ProfileRecord:
    """The profile `row` describes, or RowRejected with the first thing staff should fix."""
    external_id = row.get("external_id")
    if not external_id:
        raise RowRejected(texts.import_empty("external_id"))
    if problem := too_long(row, LIMITS):
        raise RowRejected(problem)
    answers = dict.fromkeys(ANSWER_COLUMNS)
    careers: Careers = ()
    complete = True
    for step, column in _COLUMN_OF.items():
        answer = _answer(step, ", ".join(row.items(column)), today)
        if answer.problem:
            raise RowRejected(answer.problem)
        answers.update(answer.columns)
        careers += answer.careers
        complete = complete and answer.answered
    return ProfileRecord(external_id, answers, careers, complete)


@dataclass(frozen=True)
class _Answer:
    """What one cell answers to one question, or why it cannot."""

    columns: dict[str, Any]
    careers: Careers
    answered: bool
    problem: str = ""


@lru_cache(maxsize=200_000)
def _answer(step: Step, cell: str, today: date) -> _Answer:
    """Staff files repeat the same cells ("월 250만원", "서울 강남구") thousands of times.

    Each question stores into columns of its own, so a cell's answer, worked out once on an
    empty profile, is the same in every row.
    """
    profile = Profile()
    try:
        _store(profile, step, cell, today)
    except RowRejected as problem:
        return _Answer({}, (), False, str(problem))
    return _Answer(
        columns={c: v for c in ANSWER_COLUMNS if (v := getattr(profile, c)) is not None},
        careers=tuple((entry.title, entry.months) for entry in profile.careers),
        answered=FIELDS[step].items(profile, today) is not None,
    )


def _store(profile: Profile, step: Step, cell: str, today: date) -> None:
    """Store what `cell` says for one question, as the chat would after its last question."""
    field = FIELDS[step]
    if isinstance(field, DesiredJobsField) and field.names_no_job(cell):
        field.answer_none(profile)  # staff wrote "무관": answered, and the careers match
        return
    if not cell:
        if field.optional:
            field.answer_none(profile)
        return
    parsed = field.parse(cell, today)
    if not parsed.understood:
        raise RowRejected(texts.import_field_problem(field.title, parsed.note))
    for value in parsed.values:
        field.store(profile, value)
    for choice in parsed.choices:
        field.store(profile, _chosen(step, choice, parsed))
    for title in parsed.needs_years:
        field.store(profile, {"title": title, "months": None})
    if parsed.answered_none:
        field.answer_none(profile)


def _chosen(step: Step, choice: Choice, parsed: Parsed) -> object:
    """What the import answers where the chat would ask back.

    A place in several 시도 is the 시도 itself when that is its everyday name ("광주" is
    광주광역시, as "대구" is 대구광역시), else the one in the 시도 of the row's other regions
    ("서울 종로구|중구"); with neither, the row is refused. For other questions the last
    option keeps what was typed.
    """
    if step is not Step.REGIONS:
        return choice.options[-1].value
    regions = [(option.value, region_by_key(option.value)) for option in choice.options]
    for key, region in regions:
        if (
            region is not None
            and region.kind is RegionKind.SIDO
            and region.label == choice.subject
        ):
            return key
    provinces = {_province(key) for key in parsed.values}
    fitting = [key for key, _ in regions if _province(key) in provinces]
    if len(fitting) == 1:
        return fitting[0]
    places = [option.label for option in choice.options]
    raise RowRejected(texts.import_ambiguous_region(choice.subject, places))


def _province(key: str) -> str:
    """The 시도 part of a region key ("서울특별시 중구" -> "서울특별시")."""
    return key.partition(" ")[0]
