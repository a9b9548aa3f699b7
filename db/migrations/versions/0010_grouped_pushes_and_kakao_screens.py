"""Kakao pushes announced many at a time, and each Kakao chat's screen kept in the database

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-22 09:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("channel_pushes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("announcement", sa.String(length=32), nullable=True))
    # A push announced before this revision carries its own id as the event parameter.
    op.execute("UPDATE channel_pushes SET announcement = CAST(id AS VARCHAR(32))")
    with op.batch_alter_table("channel_pushes", schema=None) as batch_op:
        batch_op.alter_column("announcement", existing_type=sa.String(length=32), nullable=False)
        batch_op.create_index(
            "ix_channel_pushes_announcement_chat", ["announcement", "chat_id"], unique=False
        )
    with op.batch_alter_table("channel_accounts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("screen", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("channel_accounts", schema=None) as batch_op:
        batch_op.drop_column("screen")
    with op.batch_alter_table("channel_pushes", schema=None) as batch_op:
        batch_op.drop_index("ix_channel_pushes_announcement_chat")
        batch_op.drop_column("announcement")
