"""Reading staff's CSV files: UTF-8 (with or without a BOM), a fixed header, numbered rows."""

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from handlers import texts


class CsvFileError(Exception):
    """The file as a whole cannot be read; the message says why, in Korean."""


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
        self.rejected = [*(self.rejected or []), (line, reason)]

    def lines(self) -> list[str]:
        problems = [texts.import_rejected(line, reason) for line, reason in self.rejected or []]
        counts = texts.import_counts(
            self.created, self.updated, self.unchanged, len(self.rejected or [])
        )
        return [*problems, counts]


def read_rows(path: Path, columns: Sequence[str]) -> list[Row]:
    """Every data row of `path`, which must have all of `columns` in its header."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            reader = csv.DictReader(file)
            header = reader.fieldnames or []
            missing = [column for column in columns if column not in header]
            if missing:
                raise CsvFileError(texts.import_missing_columns(missing))
            rows = []
            for values in reader:
                rows.append(Row(reader.line_num, {k: v or "" for k, v in values.items() if k}))
            return rows
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise CsvFileError(texts.import_unreadable(str(path), error)) from error
