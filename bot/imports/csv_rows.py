"""Reading staff's CSV files: UTF-8 (with or without a BOM) or Excel's Korean CP949, a fixed
header, numbered rows."""

import csv
import io
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from db.slices import slices
from handlers import texts


class CsvFileError(Exception):
    """The file as a whole cannot be read; the message says why, in Korean."""


class RowRejected(Exception):
    """A cell could not be used; the message says which and why."""


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return (self.values.get(column) or "").strip()

    def items(self, column: str) -> list[str]:
        """A `|`-separated list cell as its non-empty items."""
        return [item.strip() for item in self.get(column).split("|") if item.strip()]


@dataclass
class Report:
    """What an import did, for the closing summary."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str]] | None = None

    def reject(self, line: int, reason: str) -> None:
        if self.rejected is None:
            self.rejected = []
        self.rejected.append((line, reason))

    def lines(self) -> list[str]:
        problems = [texts.import_rejected(line, reason) for line, reason in self.rejected or []]
        counts = texts.import_counts(
            self.created, self.updated, self.unchanged, len(self.rejected or [])
        )
        return [*problems, counts]


BATCH = 2_000
"""Rows per transaction: large enough that statements, not round trips, take the time."""


def batches(rows: list[Row]) -> Iterator[list[Row]]:
    """`rows` in slices of `BATCH`, each stored in a transaction of its own."""
    yield from slices(rows, BATCH)


def too_long(row: Row, limits: Mapping[str, int]) -> str | None:
    """Why a cell is longer than its column can hold (a paste gone wrong); None if none is."""
    for column, limit in limits.items():
        if len(cell := row.get(column)) > limit:
            return texts.import_too_long(column, len(cell), limit)
    return None


def read_rows(path: Path, columns: Sequence[str]) -> list[Row]:
    """Every data row of `path`, which must have all of `columns` in its header.

    Header names are read without surrounding spaces, which spreadsheets tend to keep.
    """
    try:
        reader = csv.DictReader(io.StringIO(_decoded(path.read_bytes()), newline=""))
        header = [name.strip() for name in reader.fieldnames or []]
        reader.fieldnames = header
        missing = [column for column in columns if column not in header]
        if missing:
            raise CsvFileError(texts.import_missing_columns(missing))
        return [
            Row(reader.line_num, {k: v or "" for k, v in values.items() if k}) for values in reader
        ]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise CsvFileError(texts.import_unreadable(str(path), error)) from error


def _decoded(data: bytes) -> str:
    """UTF-8, else CP949: Excel on Korean Windows saves "CSV (쉼표로 분리)" that way."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp949")
