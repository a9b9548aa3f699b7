"""Engine and session factory for SQLite (embedded default) and PostgreSQL (production).

People paste URLs in their usual sync form ("sqlite:///x.db", "postgres://..."); the bot
is async all the way, so the URL is mapped onto the async driver of the same database.
"""

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///encore.sqlite3"

_ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "postgres": "postgresql+psycopg",
    "postgresql": "postgresql+psycopg",
    "postgresql+psycopg2": "postgresql+psycopg",
    "postgresql+asyncpg": "postgresql+psycopg",
}


def async_url(url: str) -> URL:
    """Return `url` with its driver replaced by the async driver this project ships."""
    parsed = make_url(url)
    driver = _ASYNC_DRIVERS.get(parsed.drivername, parsed.drivername)
    return parsed.set(drivername=driver)


def _configure_sqlite(dbapi_connection: object, _record: ConnectionPoolEntry) -> None:
    """Enforce foreign keys (off by default in SQLite) and let readers and a writer coexist."""
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


POSTGRES_POOL = {"pool_size": 10, "max_overflow": 20}
"""Each update in flight holds a connection for its chat's turn (`db.locks`) besides the
ones it works with: eight at once need more than SQLAlchemy's default five."""


def create_engine(url: str) -> AsyncEngine:
    """Create the async engine for `url`, with SQLite tuned for a bot's small writes."""
    target = async_url(url)
    pool = POSTGRES_POOL if target.get_backend_name() == "postgresql" else {}
    engine = create_async_engine(target, pool_pre_ping=True, **pool)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _configure_sqlite)
    return engine


def create_sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Session factory; objects stay readable after commit so replies can use them."""
    return async_sessionmaker(engine, expire_on_commit=False)
