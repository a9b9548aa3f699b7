"""A senior's step with a posting moves once, however many staff press the same move."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.demo.seed import seed_demo
from bot.runner import database
from db.alerts import postings_by_external_id, set_application_status
from db.models import Application, ApplicationStatus
from db.users import register_seeker

NOW = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)
Sessions = async_sessionmaker[AsyncSession]


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[Sessions]:
    async with database(database_url) as sessions:
        await seed_demo(sessions, NOW)
        yield sessions


async def _senior_and_posting(sessions: Sessions) -> tuple[int, int]:
    async with sessions.begin() as session:
        user = await register_seeker(session, 6_000_001, consented_at=NOW)
        postings = await postings_by_external_id(session, ["J2026-0001"])
        return user.id, postings["J2026-0001"].id


async def _move(sessions: Sessions, user: int, posting: int, status: ApplicationStatus) -> object:
    async with sessions.begin() as session:
        return await set_application_status(session, user, posting, status)


async def test_a_move_happens_once_and_again_only_to_another_step(sessions: Sessions) -> None:
    user, posting = await _senior_and_posting(sessions)
    created = await _move(sessions, user, posting, ApplicationStatus.APPLIED)
    assert created is not None
    assert await _move(sessions, user, posting, ApplicationStatus.APPLIED) is None
    assert await _move(sessions, user, posting, ApplicationStatus.INTERVIEW) == created


@pytest.mark.parametrize("exists", [False, True])
async def test_the_same_move_pressed_at_once_goes_through_once(
    sessions: Sessions, exists: bool
) -> None:
    user, posting = await _senior_and_posting(sessions)
    if exists:
        await _move(sessions, user, posting, ApplicationStatus.APPLIED)
    moves = [_move(sessions, user, posting, ApplicationStatus.INTERVIEW) for _ in range(4)]
    outcomes = await asyncio.gather(*moves)
    assert sum(outcome is not None for outcome in outcomes) == 1
    async with sessions() as session:
        (status,) = await session.scalars(select(Application.status))
    assert status is ApplicationStatus.INTERVIEW
