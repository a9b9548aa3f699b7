"""The whole report: numbers, summary and charts, for /stats and `encore report`."""

import asyncio
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.reports.csv_out import write_csv
from bot.reports.numbers import DEFAULT_WEEKS, ReportNumbers, collect_numbers
from bot.reports.summary import summary_text

if TYPE_CHECKING:
    from bot.reports.charts import Chart

CSV_NAME = "numbers.csv"


@dataclass(frozen=True)
class Report:
    numbers: ReportNumbers
    summary: str
    charts: tuple["Chart", ...]


async def make_report(
    sessions: async_sessionmaker[AsyncSession], now: datetime, weeks: int = DEFAULT_WEEKS
) -> Report:
    """Read the numbers, then draw the charts in a worker thread so the bot keeps answering."""
    # Imported here: matplotlib takes half a second to load, and only reports draw.
    from bot.reports.charts import render_charts

    numbers = await collect_numbers(sessions, now, weeks)
    charts = await asyncio.to_thread(render_charts, numbers)
    return Report(numbers, summary_text(numbers), charts)


def save_report(report: Report, directory: Path) -> list[Path]:
    """Write each chart as NAME.png and the numbers as numbers.csv; return the files."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for chart in report.charts:
        path = directory / f"{chart.name}.png"
        path.write_bytes(chart.png)
        written.append(path)
    write_csv(report.numbers, directory / CSV_NAME)
    return [*written, directory / CSV_NAME]
