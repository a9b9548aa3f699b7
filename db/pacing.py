"""One sending rate per channel across every process that dispatches the outbox."""

from sqlalchemy import case, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.inserts import insert_ignoring_duplicates
from db.models import SendPacing


async def reserve_send(session: AsyncSession, channel: str, interval: float, now: float) -> float:
    """Take the channel's next free moment for one message; when (epoch seconds) it may go.

    The moment is never before `now`, and the next one is `interval` after it, whoever asks.
    """
    taken = (
        update(SendPacing)
        .where(SendPacing.channel == channel)
        .values(
            next_free=case((SendPacing.next_free > now, SendPacing.next_free), else_=now)
            + interval
        )
        .returning(SendPacing.next_free)
    )
    next_free = await session.scalar(taken)
    if next_free is None:  # the channel's first message ever
        row = {"channel": channel, "next_free": now}
        await session.execute(insert_ignoring_duplicates(session, SendPacing, [row], ["channel"]))
        next_free = await session.scalar(taken)
    assert next_free is not None
    return next_free - interval
