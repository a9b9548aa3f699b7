"""The demo's sample data reads cleanly, so `encore demo` shows every coach's free times."""

from datetime import UTC, datetime

import pytest

from bot.demo.seed import COACH_COLUMNS, DATA
from bot.imports.csv_rows import Row, read_rows
from matching.slots import parse_availability

NOW = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)


COACHES = read_rows(DATA / "coaches.csv", COACH_COLUMNS)


@pytest.mark.parametrize("row", COACHES, ids=[row.get("name") for row in COACHES])
def test_every_coach_availability_is_understood(row: Row) -> None:
    lines = "\n".join(row.items("availability"))
    answer = parse_availability(lines, now=NOW)
    assert answer.problems == ()
    assert answer.windows
