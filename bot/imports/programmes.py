"""`encore import-programmes FILE.csv`: programmes a centre runs, one row each.

A programme names who may apply (an age range as postings write it, "45~67세"; a residence,
"서울"), when (application and activity periods, "2026-12-01~2026-12-20"), and what it
gives (places, training hours, the monthly hour cap and the allowance at that cap). A row
is created or, with a known external_id, updated; a row that cannot be read is reported
with its line and the first thing to fix.
"""

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.imports.csv_rows import Report, Row, RowRejected, too_long
from db.models import Programme
from handlers import texts
from handlers.admin.posting_fields import headcount_of
from matching.amounts import parse_korean_amount
from matching.dates import parse_day
from matching.postings import parse_age
from matching.regions import NATIONWIDE, parse_regions

PROGRAMME_COLUMNS = (
    "external_id",
    "name",
    "organiser",
    "partners",
    "age",
    "residence",
    "places",
    "application_period",
    "activity_period",
    "training_hours",
    "monthly_hour_cap",
    "monthly_allowance",
    "description",
)
LIMITS = {
    "external_id": 64,
    "name": 200,
    "organiser": 200,
    "partners": 1_000,
    "age": 100,
    "residence": 200,
    "description": 5_000,
}
_REQUIRED = (
    "external_id",
    "name",
    "organiser",
    "places",
    "application_period",
    "activity_period",
)
_HOURS = re.compile(r"(\d{1,4})\s*(?:시간|h)?", re.IGNORECASE)
_PERIOD_SEPARATOR = re.compile(r"\s*(?:~|～|부터|-\s(?=\d))\s*")


@dataclass(frozen=True)
class _Period:
    start: date
    end: date


async def import_programmes(
    sessions: async_sessionmaker[AsyncSession], rows: list[Row], today: date
) -> Report:
    """Create or update each valid row; report the others by line, without stopping."""
    report = Report()
    read: dict[str, dict[str, Any]] = {}
    first_line: dict[str, int] = {}
    for row in rows:
        try:
            columns = _read(row, today)
        except RowRejected as problem:
            report.reject(row.line, str(problem))
            continue
        external_id = columns["external_id"]
        if (first := first_line.setdefault(external_id, row.line)) != row.line:
            report.reject(row.line, texts.import_duplicate_id(external_id, first))
            continue
        read[external_id] = columns
    async with sessions.begin() as session:
        stored = {
            programme.external_id: programme
            for programme in await session.scalars(
                select(Programme).where(Programme.external_id.in_(list(read)))
            )
        }
        for external_id, columns in read.items():
            programme = stored.get(external_id)
            if programme is None:
                session.add(Programme(**columns))
                report.created += 1
            elif all(getattr(programme, name) == value for name, value in columns.items()):
                report.unchanged += 1
            else:
                for name, value in columns.items():
                    setattr(programme, name, value)
                report.updated += 1
    return report


def _read(row: Row, today: date) -> dict[str, Any]:
    for column in _REQUIRED:
        if not row.get(column):
            raise RowRejected(texts.import_empty(column))
    if problem := too_long(row, LIMITS):
        raise RowRejected(problem)
    places = headcount_of(row.get("places"))
    if places is None:
        raise RowRejected(texts.import_bad_headcount(row.get("places")))
    applying = _period(row.get("application_period"), today)
    active = _period(row.get("activity_period"), today)
    age_min, age_max, preferred = parse_age(row.get("age"))
    if preferred:  # "50세 이상 우대" prefers; only a stated range decides who may apply
        age_min = age_max = None
    return {
        "external_id": row.get("external_id"),
        "name": row.get("name"),
        "organiser": row.get("organiser"),
        "partners": row.items("partners"),
        "age_min": age_min,
        "age_max": age_max,
        "residence": _residence(row.get("residence")),
        "places": places,
        "apply_from": applying.start,
        "apply_until": applying.end,
        "active_from": active.start,
        "active_until": active.end,
        "training_hours": _hours(row.get("training_hours")),
        "monthly_hour_cap": _hours(row.get("monthly_hour_cap")),
        "monthly_allowance": _won(row.get("monthly_allowance")),
        "description": row.get("description"),
    }


def _period(text: str, today: date) -> _Period:
    """ "2026-12-01~2026-12-20", "12월 1일 ~ 12월 20일": two days, the first not the later."""
    parts = _PERIOD_SEPARATOR.split(text.strip())
    days = [parse_day(part, today) for part in parts if part]
    if len(days) != 2 or days[0] is None or days[1] is None or days[0] > days[1]:
        raise RowRejected(texts.import_bad_period(text))
    return _Period(days[0], days[1])


def _residence(text: str) -> list[str]:
    if not text:
        return []
    lookup = parse_regions(text)
    if lookup.ambiguous or lookup.unknown or not lookup.regions:
        raise RowRejected(texts.import_bad_residence(text))
    if NATIONWIDE in lookup.regions:
        return []
    return [region.key for region in lookup.regions]


def _hours(text: str) -> int | None:
    if not text:
        return None
    match = _HOURS.fullmatch(text.strip())
    if match is None:
        raise RowRejected(texts.import_bad_hours(text))
    return int(match[1])


def _won(text: str) -> int | None:
    if not text:
        return None
    amount = parse_korean_amount(text.replace(" ", ""))
    if amount is None:
        raise RowRejected(texts.import_bad_amount(text))
    return amount
