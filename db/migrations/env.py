"""Alembic environment: reuses the application's connection when it runs the migrations.

Run by hand (`alembic revision --autogenerate`), it connects to DATABASE_URL or the
default SQLite file.
"""

import asyncio
import os
from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection

from db import models  # noqa: F401  (registers the tables on Base.metadata)
from db.base import Base, UTCDateTime
from db.engine import DEFAULT_DATABASE_URL, create_engine


def _render_item(kind: str, item: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Write our UTC type as the plain column type it stores, so migrations never import it."""
    if kind == "type" and isinstance(item, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_standalone() -> None:
    engine = create_engine(os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    async with engine.begin() as connection:
        await connection.run_sync(_run)
    await engine.dispose()


connection = context.config.attributes.get("connection")
if connection is None:
    asyncio.run(_run_standalone())
else:
    _run(connection)
