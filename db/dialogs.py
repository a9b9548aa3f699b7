"""Storage behind the bot's conversation persistence: states and per-person scratch data.

Rows are keyed the way python-telegram-bot keys them; the bot layer converts keys.
"""

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.inserts import insert_or_update
from db.models import DialogData, DialogState


async def load_states(session: AsyncSession, conversation: str) -> dict[str, int]:
    """Every stored state of one conversation, by key."""
    rows = await session.execute(
        select(DialogState.key, DialogState.state).where(DialogState.conversation == conversation)
    )
    return {key: state for key, state in rows}


async def save_state(
    session: AsyncSession, conversation: str, key: str, state: int | None
) -> None:
    """Store where a person is in a conversation; None means they left it."""
    if state is None:
        await session.execute(
            delete(DialogState).where(
                DialogState.conversation == conversation, DialogState.key == key
            )
        )
    else:
        row = {"conversation": conversation, "key": key, "state": state}
        await session.execute(insert_or_update(session, DialogState, row, ["conversation", "key"]))


async def load_all_data(session: AsyncSession) -> dict[int, dict[str, Any]]:
    """Every person's scratch data, by Telegram id."""
    rows = await session.execute(select(DialogData.telegram_id, DialogData.data))
    return {telegram_id: data for telegram_id, data in rows}


async def save_data(session: AsyncSession, telegram_id: int, data: dict[str, Any]) -> None:
    """Store a person's scratch data; empty data removes the row."""
    if data:
        row = {"telegram_id": telegram_id, "data": data}
        await session.execute(insert_or_update(session, DialogData, row, ["telegram_id"]))
    else:
        await drop_data(session, telegram_id)


async def drop_data(session: AsyncSession, telegram_id: int) -> None:
    """Forget a person's scratch data."""
    await session.execute(delete(DialogData).where(DialogData.telegram_id == telegram_id))


async def states_at(session: AsyncSession, conversations: list[str], key: str) -> dict[str, int]:
    """Where the person keyed `key` stands in those of `conversations` they are in."""
    rows = await session.execute(
        select(DialogState.conversation, DialogState.state).where(
            DialogState.conversation.in_(conversations), DialogState.key == key
        )
    )
    return {conversation: state for conversation, state in rows}


async def load_data(session: AsyncSession, telegram_id: int) -> dict[str, Any]:
    """One person's scratch data ({} if none)."""
    data = await session.scalar(
        select(DialogData.data).where(DialogData.telegram_id == telegram_id)
    )
    return dict(data or {})
