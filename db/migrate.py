"""Run the Alembic migrations from inside the application, on start.

Alembic's command API is synchronous; `run_sync` hands it a connection of the async
engine, so the same code path serves `encore run`, `encore demo` and the tests.
"""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import AsyncEngine

from db.locks import LockSpace

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config that needs no alembic.ini, so an installed package can migrate."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


async def upgrade_to_head(engine: AsyncEngine) -> None:
    """Bring the database schema up to the newest migration.

    Several workers started together on PostgreSQL would each try the same migrations;
    they take turns on a lock held until the migrating transaction ends, so the first
    migrates and the others find the schema already at head.
    """
    async with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            await connection.execute(
                text("SELECT pg_advisory_xact_lock(:space, 0)"), {"space": int(LockSpace.MIGRATE)}
            )
        await connection.run_sync(lambda sync: command.upgrade(alembic_config(sync), "head"))
