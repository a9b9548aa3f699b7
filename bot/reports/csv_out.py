"""The report's numbers as a CSV file for the centre's monthly report.

Three columns, 구분 (section), 항목 (label) and 값 (value), one number per row, so a
spreadsheet can filter by section. UTF-8 with a byte-order mark, because Excel reads a
file without one in the local code page and garbles the Korean.
"""

import csv
from collections.abc import Iterator
from pathlib import Path

from bot.reports.numbers import ReportNumbers, Tally
from handlers import texts

Row = tuple[str, str, str | int | float]


def write_csv(numbers: ReportNumbers, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(texts.STATS_CSV_HEADER)
        writer.writerows(csv_rows(numbers))


def csv_rows(numbers: ReportNumbers) -> Iterator[Row]:
    """Every number of the report, section by section, in the order of the charts."""
    yield texts.STATS_AS_OF, texts.STATS_AS_OF, numbers.as_of.isoformat()
    yield from _section(
        texts.STATS_SEEKERS,
        (
            (texts.STATS_ALL, numbers.seekers),
            (texts.STATS_IN_CHAT, numbers.in_chat),
            (texts.STATS_BY_CENTRE, numbers.seekers - numbers.in_chat),
        ),
    )
    yield from _section(texts.STATS_AGE_BANDS, numbers.age_bands)
    yield from _section(texts.STATS_REGIONS, numbers.regions)
    yield from _section(texts.STATS_JOB_FAMILIES, numbers.job_families)
    yield from _section(texts.STATS_CAREER_FIELDS, numbers.career_fields)
    yield from _section(texts.STATS_FUNNEL, numbers.funnel.stages())
    for posting in numbers.competition:
        name = f"{posting.title} · {posting.company}"
        yield texts.STATS_COMPETITION, name, posting.interested
        if posting.headcount is not None:
            yield texts.STATS_HEADCOUNT, name, posting.headcount
        if posting.ratio is not None:
            yield texts.STATS_RATIO, name, round(posting.ratio, 2)
    coaching = numbers.coaching
    yield from _section(texts.STATS_BOOKINGS, coaching.statuses())
    yield from _section(texts.STATS_RATINGS, coaching.stars())
    if coaching.average_rating is not None:
        yield texts.STATS_RATINGS, texts.STATS_AVERAGE, round(coaching.average_rating, 2)
    for week in numbers.weeks:
        for series, count in week.counts():
            yield texts.weekly_section(series), week.starts_on.isoformat(), count


def _section(section: str, tally: Tally) -> Iterator[Row]:
    for label, count in tally:
        yield section, label, count
