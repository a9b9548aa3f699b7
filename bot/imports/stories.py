"""`encore import-stories FILE.csv`: interview stories staff collected from hired seniors.

An imported story waits for an admin exactly like one told in the chat, so nothing a
centre typed reaches peers unread. Cells are stored as written: a phone number in the
advice is masked whenever the story is shown, not here, so the admin sees what was said.
"""

import re

from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.imports.csv_rows import Report, Row
from bot.imports.profiles import RowRejected
from db.models import Story, StoryOutcome
from db.stories import StoryDraft, import_story
from handlers import texts
from matching.story_fields import FORMATS, parse_format, parse_outcome

STORY_COLUMNS = (
    "external_id",
    "job",
    "industry",
    "company",
    "format",
    "questions",
    "what_helped",
    "advice",
    "outcome",
    "age_band",
)
REQUIRED = ("external_id", "job", "format", "questions", "what_helped", "advice", "outcome")
MAX_CELL = 2_000
"""Longer than any story told aloud: a longer cell is a paste gone wrong, not a story."""
_SHORT_COLUMNS = ("external_id", "job", "industry", "company")
_AGE_BAND = re.compile(r"([2-9]0)대\s*(초반|중반|후반)?")


async def import_stories(sessions: async_sessionmaker[AsyncSession], rows: list[Row]) -> Report:
    """Create or update each valid row as a pending story; report the others by line."""
    report = Report()
    first_line: dict[str, int] = {}
    async with sessions.begin() as session:
        # import_story only says "changed"; the ids stored before tell created from updated.
        stored = set(await session.scalars(select(Story.external_id)))
        for row in rows:
            external_id = row.get("external_id")
            first = first_line.setdefault(external_id, row.line)
            try:
                draft = _draft(row)
                if first != row.line:
                    raise RowRejected(texts.import_duplicate_id(external_id, first))
            except RowRejected as problem:
                report.reject(row.line, str(problem))
                continue
            if not await import_story(session, external_id, draft):
                report.unchanged += 1
            elif external_id in stored:
                report.updated += 1
            else:
                report.created += 1
    return report


def _draft(row: Row) -> StoryDraft:
    """The story in `row`, or RowRejected with the first thing staff should fix.

    Imported stories have no author account, so `author_career` is the story's own job:
    the best description of the teller's background the file has.
    """
    for column in REQUIRED:
        if not row.items(column):  # "|" alone is no list of questions
            raise RowRejected(texts.import_empty(column))
    for column in STORY_COLUMNS:
        limit = _limit(column)
        if len(row.get(column)) > limit:
            raise RowRejected(texts.import_too_long(column, len(row.get(column)), limit))
    interview_format = parse_format(row.get("format"))
    if interview_format is None:
        raise RowRejected(texts.import_bad_interview_format(row.get("format"), FORMATS))
    outcome = parse_outcome(row.get("outcome"))
    if outcome is None:
        raise RowRejected(texts.import_bad_outcome(row.get("outcome")))
    return StoryDraft(
        job=row.get("job"),
        industry=row.get("industry"),
        interview_format=interview_format,
        questions="\n".join(row.items("questions")),
        what_helped=row.get("what_helped"),
        advice=row.get("advice"),
        outcome=StoryOutcome(outcome),
        company=row.get("company") or None,
        author_career=row.get("job"),
        age_band=_age_band(row.get("age_band")),
    )


def _limit(column: str) -> int:
    """The model's width for the short columns (PostgreSQL refuses more), MAX_CELL otherwise."""
    if column in _SHORT_COLUMNS:
        column_type = Story.__table__.c[column].type
        if isinstance(column_type, String) and column_type.length:
            return column_type.length
    return MAX_CELL


def _age_band(text: str) -> str | None:
    """ "50대후반" as matching.age.age_band writes it ("50대 후반"); None for an empty cell."""
    if not text:
        return None
    found = _AGE_BAND.fullmatch(text)
    if found is None:
        raise RowRejected(texts.import_bad_age_band(text))
    decade, part = found.groups()
    return f"{decade}대 {part}" if part else f"{decade}대"
