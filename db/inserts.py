"""INSERT ... ON CONFLICT on both databases, for rows that must exist once."""

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.sql.dml import Insert


def ignoring_duplicates(
    session: AsyncSession, model: type[DeclarativeBase], unique: list[Any]
) -> Insert:
    """An insert into `model` that skips any row whose `unique` columns already exist.

    Thousands of rows go as the parameters of `execute`, which sends them as a few
    statements of many rows each, without compiling a statement per batch. The statement
    is on the table, not the ORM class: the ORM's bulk path would inspect each row's keys
    again (a tick queues thousands of alerts, and those checks were a fifth of its time)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(model.__table__).on_conflict_do_nothing(index_elements=unique)


def insert_ignoring_duplicates(
    session: AsyncSession, model: type[DeclarativeBase], rows: Any, unique: list[Any]
) -> Insert:
    """An insert of `rows` that skips any whose `unique` columns already exist."""
    return ignoring_duplicates(session, model, unique).values(rows)


def insert_or_update(
    session: AsyncSession, model: type[DeclarativeBase], row: dict[str, Any], unique: list[str]
) -> Insert:
    """An insert of `row` that, where its `unique` columns exist already, updates the rest:
    one statement, so two processes writing the same row never collide."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(model).values(row)
    changed = {column: statement.excluded[column] for column in row if column not in unique}
    return statement.on_conflict_do_update(index_elements=unique, set_=changed)
