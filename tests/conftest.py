"""Database selection for the whole suite.

Without DATABASE_URL every test gets its own SQLite file. With a PostgreSQL DATABASE_URL
(as CI sets it) the schema is rebuilt once per run and every table is emptied before
each test, so tests never see each other's rows.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from db import models  # noqa: F401  (registers every table)
from db.base import Base
from db.engine import async_url

POSTGRES_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = make_url(POSTGRES_URL).get_backend_name() == "postgresql" if POSTGRES_URL else False


def _sync_url(url: str) -> str:
    """The same database through psycopg's sync side, for set-up outside the event loop."""
    return async_url(url).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def _postgres_schema() -> Iterator[None]:
    engine = create_engine(_sync_url(POSTGRES_URL))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    yield
    engine.dispose()


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated-on-start, empty database for one test."""
    if not ON_POSTGRES:
        return f"sqlite+aiosqlite:///{tmp_path / 'encore.sqlite3'}"
    request.getfixturevalue("_postgres_schema")
    engine = create_engine(_sync_url(POSTGRES_URL))
    with engine.begin() as connection:
        existing = set(
            connection.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
        )
        tables = [t.name for t in Base.metadata.sorted_tables if t.name in existing]
        if tables:
            connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return POSTGRES_URL
