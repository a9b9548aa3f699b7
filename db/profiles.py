"""Career profiles: loaded whole, edited field by field, saved as each answer arrives."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Select, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from db.models import CareerEntry, Profile, User


async def load_profile(session: AsyncSession, telegram_id: int) -> Profile | None:
    """The profile of this Telegram user with its career entries, or None if not registered."""
    return await session.scalar(
        select(Profile)
        .join(Profile.user)
        .where(User.telegram_id == telegram_id)
        .options(selectinload(Profile.careers), selectinload(Profile.user))
    )


def add_career(profile: Profile, title: str, months: int | None) -> CareerEntry:
    """Append a past role at the end of the profile's career list."""
    entry = CareerEntry(title=title, months=months, position=len(profile.careers))
    profile.careers.append(entry)
    profile.touch()
    return entry


def clear_careers(profile: Profile) -> None:
    """Forget every past role, for a person who wants to type them again."""
    profile.careers.clear()
    profile.touch()


async def find_by_external_id(session: AsyncSession, external_id: str) -> Profile | None:
    """A profile registered by staff, by the id in their spreadsheet."""
    return await session.scalar(
        select(Profile)
        .where(Profile.external_id == external_id)
        .options(selectinload(Profile.careers))
    )


async def link_code_taken(session: AsyncSession, code: str) -> bool:
    return await session.scalar(select(Profile.id).where(Profile.link_code == code)) is not None


class CareerRow(NamedTuple):
    title: str
    months: int | None


@dataclass(frozen=True)
class MatchingProfile:
    """A profile as matching reads it. Loaded as plain rows: a rematch reads every
    profile, and building 100,000 ORM objects with their careers costs more than ranking."""

    id: int
    external_id: str | None
    name: str | None
    desired_jobs: list[str]
    careers: tuple[CareerRow, ...]
    certificates: list[str] | None
    regions: list[str] | None
    pay_monthly: int | None
    employment_types: list[str] | None
    birth_year: int | None
    available_from: date | None


# The profile columns matching reads, for statements that select them beside others.
MATCHING_COLUMNS = (
    Profile.id,
    Profile.external_id,
    Profile.name,
    Profile.desired_jobs,
    Profile.certificates,
    Profile.regions,
    Profile.pay_monthly,
    Profile.employment_types,
    Profile.birth_year,
    Profile.available_from,
)


async def matching_profiles(
    session: AsyncSession, external_id: str | None = None
) -> list[MatchingProfile]:
    """Every profile that says what work its owner wants (or the one with `external_id`)."""
    wanted = (
        Profile.desired_jobs.is_not(None)
        if external_id is None
        else Profile.external_id == external_id
    )
    roles = await careers_of(session, select(Profile.id).where(wanted))
    rows = await session.execute(select(*MATCHING_COLUMNS).where(wanted).order_by(Profile.id))
    return [matching_profile(row, roles) for row in rows]


async def careers_of(
    session: AsyncSession, profile_ids: Select[int]
) -> dict[int, tuple[CareerRow, ...]]:
    """The past roles of the profiles `profile_ids` selects, in the order they were told."""
    statement = (
        select(CareerEntry.profile_id, CareerEntry.title, CareerEntry.months)
        .where(CareerEntry.profile_id.in_(profile_ids))
        .order_by(CareerEntry.profile_id, CareerEntry.position)
    )
    roles: dict[int, list[CareerRow]] = defaultdict(list)
    for profile_id, title, months in await session.execute(statement):
        roles[profile_id].append(CareerRow(title, months))
    return {profile_id: tuple(rows) for profile_id, rows in roles.items()}


def matching_profile(row: Any, careers: dict[int, tuple[CareerRow, ...]]) -> MatchingProfile:
    """A row holding `MATCHING_COLUMNS`, with the careers `careers_of` read for it."""
    return MatchingProfile(
        id=row.id,
        external_id=row.external_id,
        name=row.name,
        desired_jobs=row.desired_jobs or [],
        careers=careers.get(row.id, ()),
        certificates=row.certificates,
        regions=row.regions,
        pay_monthly=row.pay_monthly,
        employment_types=row.employment_types,
        birth_year=row.birth_year,
        available_from=row.available_from,
    )


async def find_by_link_code(session: AsyncSession, code: str) -> Profile | None:
    """A staff-registered profile still waiting for its owner to open the bot."""
    return await session.scalar(
        select(Profile).where(Profile.link_code == code, Profile.user_id.is_(None))
    )


async def attach_profile(session: AsyncSession, user: User, profile: Profile) -> None:
    """Make `profile` the user's own, replacing the empty one they had; the code is spent."""
    await session.execute(delete(Profile).where(Profile.user_id == user.id))
    await session.flush()
    profile.user_id = user.id
    profile.link_code = None
    await session.flush()


# Imports write thousands of profiles at once: these work on plain values in batches, one
# statement per table, instead of ORM objects flushed one by one. `render_nulls` keeps the
# ORM from splitting a batch into one INSERT per pattern of empty cells.

ANSWER_COLUMNS = (
    "name",
    "birth_year",
    "desired_jobs",
    "certificates",
    "regions",
    "pay_text",
    "pay_period",
    "pay_minimum",
    "pay_maximum",
    "pay_monthly",
    "employment_types",
)
Careers = tuple[tuple[str, int | None], ...]


@dataclass(frozen=True)
class ProfileRecord:
    """A profile's answers as plain values: what one imported row says."""

    external_id: str
    answers: dict[str, Any]  # ANSWER_COLUMNS -> value
    careers: Careers  # (title, months)
    complete: bool

    def same_answers(self, stored: "StoredProfile") -> bool:
        return self.answers == stored.answers and self.careers == stored.careers


@dataclass(frozen=True)
class StoredProfile:
    """What an import needs to know of a profile already in the database."""

    id: int
    user_id: int | None
    link_code: str | None
    completed_at: datetime | None
    answers: dict[str, Any]
    careers: Careers


async def stored_profiles(
    session: AsyncSession, external_ids: list[str]
) -> dict[str, StoredProfile]:
    """The profiles registered under these ids, by id, in two queries."""
    columns = [getattr(Profile, name) for name in ANSWER_COLUMNS]
    rows = await session.execute(
        select(
            Profile.external_id,
            Profile.id,
            Profile.user_id,
            Profile.link_code,
            Profile.completed_at,
            *columns,
        ).where(Profile.external_id.in_(external_ids))
    )
    found = {row[0]: row for row in rows}
    careers: dict[int, list[tuple[str, int | None]]] = defaultdict(list)
    entries = await session.execute(
        select(CareerEntry.profile_id, CareerEntry.title, CareerEntry.months)
        .where(CareerEntry.profile_id.in_([row[1] for row in found.values()]))
        .order_by(CareerEntry.profile_id, CareerEntry.position)
    )
    for profile_id, title, months in entries:
        careers[profile_id].append((title, months))
    return {
        external_id: StoredProfile(
            id=row[1],
            user_id=row[2],
            link_code=row[3],
            completed_at=row[4],
            answers=dict(zip(ANSWER_COLUMNS, row[5:], strict=True)),
            careers=tuple(careers[row[1]]),
        )
        for external_id, row in found.items()
    }


async def link_codes_in_use(session: AsyncSession) -> set[str]:
    return set(
        await session.scalars(select(Profile.link_code).where(Profile.link_code.is_not(None)))
    )


async def insert_profiles(
    session: AsyncSession, new: list[tuple[ProfileRecord, str, datetime | None]]
) -> None:
    """Create each (record, link code, completed at) with its career entries."""
    if not new:
        return
    now = datetime.now(UTC)
    await session.execute(
        insert(Profile).execution_options(render_nulls=True),
        [
            {
                **record.answers,
                "external_id": record.external_id,
                "link_code": code,
                "completed_at": completed_at,
                "created_at": now,
                "updated_at": now,
            }
            for record, code, completed_at in new
        ],
    )
    # A second query rather than RETURNING, which aiosqlite reads back in time quadratic
    # in the number of rows.
    found = await session.execute(
        select(Profile.external_id, Profile.id).where(
            Profile.external_id.in_([record.external_id for record, _, _ in new])
        )
    )
    ids = {str(external_id): id_ for external_id, id_ in found}
    await _insert_careers(
        session, [(ids[record.external_id], record.careers) for record, _, _ in new]
    )


async def update_profiles(
    session: AsyncSession, changed: list[tuple[int, ProfileRecord, datetime | None]]
) -> None:
    """Overwrite each (profile id, record, completed at), its career entries included."""
    if not changed:
        return
    now = datetime.now(UTC)
    await session.execute(
        update(Profile),
        [
            {**record.answers, "id": profile_id, "completed_at": completed_at, "updated_at": now}
            for profile_id, record, completed_at in changed
        ],
    )
    ids = [profile_id for profile_id, _, _ in changed]
    await session.execute(delete(CareerEntry).where(CareerEntry.profile_id.in_(ids)))
    await _insert_careers(
        session, [(profile_id, record.careers) for profile_id, record, _ in changed]
    )


async def _insert_careers(session: AsyncSession, careers: list[tuple[int, Careers]]) -> None:
    rows = [
        {"profile_id": profile_id, "position": position, "title": title, "months": months}
        for profile_id, entries in careers
        for position, (title, months) in enumerate(entries)
    ]
    if rows:
        await session.execute(insert(CareerEntry).execution_options(render_nulls=True), rows)
