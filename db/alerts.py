"""What the alert ticks read and write: who wants what, and what each person has seen."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from db.inserts import ignoring_duplicates, insert_ignoring_duplicates
from db.models import (
    AlertedPosting,
    AlertMode,
    Application,
    ApplicationStatus,
    Company,
    Dismissal,
    OutboxMessage,
    OutboxStatus,
    Posting,
    Profile,
    Role,
    User,
    Vetting,
)
from db.profiles import MATCHING_COLUMNS, MatchingProfile, careers_of, matching_profile
from db.slices import IDS_PER_STATEMENT, slices

ALERT_MODES = (AlertMode.INSTANT, AlertMode.DAILY, AlertMode.WEEKLY)


Stamp = tuple[datetime | None, datetime]
"""(users.updated_at, profiles.updated_at) of one subscriber."""


@dataclass(frozen=True)
class Subscriber:
    """A person who asked for alerts: how and when they want them, and their profile.

    `stamp` is when their user row and profile last changed: equal stamps, same subscriber."""

    user_id: int
    alert_mode: AlertMode
    quiet_nights: bool
    profile: MatchingProfile
    stamp: Stamp


@dataclass(frozen=True)
class DigestSchedule:
    """When a digest subscriber wants their digest, and when they last had one."""

    user_id: int
    alert_mode: AlertMode
    digest_hour: int
    last_digest_on: date | None


def _subscribing(modes: Iterable[AlertMode]) -> ColumnElement[bool]:
    return and_(
        User.role == Role.SEEKER,
        User.is_active.is_(True),
        User.alert_mode.in_(list(modes)),
        Profile.completed_at.is_not(None),
    )


def subscriber_ids(modes: Iterable[AlertMode]) -> Select[int]:
    """The users `subscribers` reads, for statements that ask about all of them at once
    (a list of 100,000 ids would not fit in one statement)."""
    return select(User.id).join(User.profile).where(_subscribing(modes))


async def still_subscribed(
    session: AsyncSession, user_ids: Iterable[int], modes: Iterable[AlertMode]
) -> set[int]:
    """Those of `user_ids` who subscribe to `modes` now: a tick's copy of the subscribers
    cannot see who was deleted since (a deleted row leaves no stamp)."""
    wanted = list(modes)
    found: set[int] = set()
    for part in slices(list(user_ids), IDS_PER_STATEMENT):
        statement = subscriber_ids(wanted).where(User.id.in_(part))
        found.update(await session.scalars(statement))
    return found


async def subscriber_stamps(
    session: AsyncSession, since: datetime | None = None
) -> dict[int, Stamp | None]:
    """Users with a profile, changed at or after `since` (all of them if None), with their
    stamp if they subscribe to any kind of alert and None if they do not.

    A few columns, not the profile: checking who changed stays cheap."""
    statement = select(
        User.id, User.updated_at, Profile.updated_at, _subscribing(ALERT_MODES).label("subscribed")
    ).join(User.profile)
    if since is not None:  # two indexed lookups: an OR across the join would read every row
        statement = statement.where(
            or_(
                User.id.in_(select(User.id).where(User.updated_at >= since)),
                User.id.in_(select(Profile.user_id).where(Profile.updated_at >= since)),
            )
        )
    return {
        user_id: (user_stamp, profile_stamp) if subscribed else None
        for user_id, user_stamp, profile_stamp, subscribed in await session.execute(statement)
    }


async def subscribers(session: AsyncSession, user_ids: list[int] | None) -> list[Subscriber]:
    """These users as subscribers (of any kind of alert), those who still subscribe; with
    None, every subscriber (one statement, not 20 of 5,000 ids each)."""
    if user_ids is None:
        return await _read_subscribers(session, _subscribing(ALERT_MODES))
    found: list[Subscriber] = []
    for part in slices(user_ids, IDS_PER_STATEMENT):
        wanted = and_(_subscribing(ALERT_MODES), User.id.in_(part))
        found.extend(await _read_subscribers(session, wanted))
    return found


async def _read_subscribers(
    session: AsyncSession, wanted: ColumnElement[bool]
) -> list[Subscriber]:
    """Read as plain rows: a tick may read every subscriber, up to 100,000 of them."""
    careers = await careers_of(session, select(Profile.id).join(Profile.user).where(wanted))
    rows = await session.execute(
        select(
            User.id.label("user_id"),
            User.alert_mode,
            User.quiet_nights,
            User.updated_at.label("user_updated_at"),
            Profile.updated_at.label("profile_updated_at"),
            *MATCHING_COLUMNS,
        )
        .join(User.profile)
        .where(wanted)
    )
    return [
        Subscriber(
            user_id=row.user_id,
            alert_mode=row.alert_mode,
            quiet_nights=row.quiet_nights,
            profile=matching_profile(row, careers),
            stamp=(row.user_updated_at, row.profile_updated_at),
        )
        for row in rows
    ]


async def unmatched_postings(session: AsyncSession, today: date) -> list[Posting]:
    """Open postings of approved companies that the new-posting tick has not looked at."""
    result = await session.scalars(
        select(Posting)
        .join(Posting.company)
        .where(
            Posting.matched_at.is_(None),
            Posting.closed_at.is_(None),
            or_(Posting.deadline.is_(None), Posting.deadline >= today),
            Company.vetting == Vetting.APPROVED,
        )
        .options(joinedload(Posting.company))
        .order_by(Posting.id)
    )
    return list(result)


async def mark_matched(session: AsyncSession, posting_ids: list[int], now: datetime) -> None:
    await session.execute(
        update(Posting).where(Posting.id.in_(posting_ids)).values(matched_at=now)
    )


async def shown_pairs(
    session: AsyncSession, postings: Select[int] | list[int], users: Select[int] | None = None
) -> set[tuple[int, int]]:
    """(user, posting) pairs among `postings` (and `users`, if given) already shown or
    dismissed: never pushed again."""
    pairs: set[tuple[int, int]] = set()
    for table in (AlertedPosting, Dismissal):
        statement = select(table.user_id, table.posting_id).where(table.posting_id.in_(postings))
        if users is not None:
            statement = statement.where(table.user_id.in_(users))
        pairs.update((user, posting) for user, posting in await session.execute(statement))
    return pairs


async def record_shown(session: AsyncSession, pairs: Iterable[tuple[int, int]]) -> None:
    """Remember that these (user, posting) pairs reached their person (repeats are harmless)."""
    rows = [{"user_id": user_id, "posting_id": posting_id} for user_id, posting_id in pairs]
    if rows:
        unique = [AlertedPosting.user_id, AlertedPosting.posting_id]
        await session.execute(ignoring_duplicates(session, AlertedPosting, unique), rows)


async def dismissed_postings(
    session: AsyncSession, user_ids: list[int]
) -> list[tuple[int, Posting]]:
    """Postings each of these people marked "관심 없어요", to rank similar ones lower for them."""
    return await _dismissed(session, Dismissal.user_id.in_(user_ids))


async def subscribers_dismissed(
    session: AsyncSession, modes: Iterable[AlertMode]
) -> list[tuple[int, Posting]]:
    """`dismissed_postings` of every subscriber to `modes`. Joined rather than asked with
    IN (their ids): the database starts from the few dismissals, not 100,000 subscribers."""
    return await _dismissed(session, _subscribing(modes))


async def _dismissed(
    session: AsyncSession, whose: ColumnElement[bool]
) -> list[tuple[int, Posting]]:
    rows = await session.execute(
        select(Dismissal.user_id, Posting)
        .join(Posting, Posting.id == Dismissal.posting_id)
        .join(User, User.id == Dismissal.user_id)
        .outerjoin(User.profile)
        .where(whose)
        .options(joinedload(Posting.company))
    )
    return [(user_id, posting) for user_id, posting in rows]


async def digest_schedules(
    session: AsyncSession, modes: Iterable[AlertMode], local: datetime
) -> list[DigestSchedule]:
    """Subscribers to `modes` whose hour has come on `local`'s day (a Seoul time) and who
    have not had that day's digest.

    The first test of `matching.schedule.digest_due`, asked of the database, so that between
    the digest hours a tick, every five minutes, reads no one."""
    rows = await session.execute(
        select(User.id, User.alert_mode, User.digest_hour, User.last_digest_on)
        .join(User.profile)
        .where(
            _subscribing(modes),
            User.digest_hour <= local.hour,
            or_(User.last_digest_on.is_(None), User.last_digest_on != local.date()),
        )
    )
    return [DigestSchedule(*row) for row in rows]


async def mark_digest_sent(session: AsyncSession, user_ids: list[int], on: date) -> None:
    """Record the day's digest. It keeps the people's `updated_at`: a digest sent is not a
    change to them, and moving it would make every process read their profiles again."""
    for part in slices(user_ids, IDS_PER_STATEMENT):
        await session.execute(
            update(User)
            .where(User.id.in_(part))
            .values(last_digest_on=on, updated_at=User.updated_at)
        )


async def find_posting(session: AsyncSession, posting_id: int) -> Posting | None:
    return await session.scalar(
        select(Posting).where(Posting.id == posting_id).options(joinedload(Posting.company))
    )


async def postings_by_external_id(session: AsyncSession, keys: list[str]) -> dict[str, Posting]:
    result = await session.scalars(
        select(Posting).where(Posting.external_id.in_(keys)).options(joinedload(Posting.company))
    )
    return {posting.external_id: posting for posting in result}


async def record_interest(session: AsyncSession, user_id: int, posting_id: int) -> bool:
    """The first step of an application; False if they had already shown interest."""
    existing = await session.scalar(
        select(Application).where(
            Application.user_id == user_id, Application.posting_id == posting_id
        )
    )
    if existing is not None:
        return False
    session.add(
        Application(user_id=user_id, posting_id=posting_id, status=ApplicationStatus.INTERESTED)
    )
    await session.flush()
    return True


async def record_dismissal(session: AsyncSession, user_id: int, posting_id: int) -> None:
    row = {"user_id": user_id, "posting_id": posting_id}
    unique = [Dismissal.user_id, Dismissal.posting_id]
    await session.execute(insert_ignoring_duplicates(session, Dismissal, row, unique))


async def admins(session: AsyncSession) -> list[User]:
    result = await session.scalars(
        select(User).where(User.role == Role.ADMIN, User.is_active.is_(True)).order_by(User.id)
    )
    return list(result)


async def set_alert_mode(
    session: AsyncSession, user_id: int, mode: AlertMode, hour: int | None = None
) -> None:
    values: dict[str, object] = {"alert_mode": mode}
    if hour is not None:
        values["digest_hour"] = hour
    await session.execute(update(User).where(User.id == user_id).values(**values))


async def set_quiet_nights(session: AsyncSession, user_id: int, quiet: bool) -> None:
    await session.execute(update(User).where(User.id == user_id).values(quiet_nights=quiet))


async def set_application_status(
    session: AsyncSession, user_id: int, posting_id: int, status: ApplicationStatus
) -> int | None:
    """Move a senior along with one posting: the application's id, or None if it is at
    that step already.

    One conditional statement decides (an UPDATE of another step, else an INSERT that
    skips an existing row), so two staff pressing the same move at once move it once.
    """
    moved = await session.scalar(
        update(Application)
        .where(
            Application.user_id == user_id,
            Application.posting_id == posting_id,
            Application.status != status,
        )
        .values(status=status)
        .returning(Application.id)
    )
    if moved is not None:
        return moved
    row = {"user_id": user_id, "posting_id": posting_id, "status": status}
    unique = [Application.user_id, Application.posting_id]
    return await session.scalar(
        insert_ignoring_duplicates(session, Application, row, unique).returning(Application.id)
    )


async def withdraw_alerts(session: AsyncSession, posting_ids: list[int]) -> None:
    """Drop alerts for these postings still waiting in the outbox (held over a quiet night).

    Alerts are keyed "alert:{user}:{posting}" by the new-posting tick (bot/alerts.py).
    """
    if not posting_ids:
        return
    await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.kind == "alert",
            OutboxMessage.status == OutboxStatus.PENDING,
            or_(*(OutboxMessage.dedupe_key.like(f"alert:%:{id_}") for id_ in posting_ids)),
        )
        .values(status=OutboxStatus.CANCELLED)
    )


@dataclass(frozen=True)
class Applicant:
    """A senior's application to one posting, with who they are."""

    application: Application
    user: User
    profile: Profile | None


async def applicants(session: AsyncSession, posting_id: int) -> list[Applicant]:
    """Everyone who showed interest in the posting, in the order they did."""
    rows = await session.execute(
        select(Application, User, Profile)
        .join(User, User.id == Application.user_id)
        .outerjoin(Profile, Profile.user_id == User.id)
        .where(Application.posting_id == posting_id)
        .order_by(Application.id)
    )
    return [Applicant(application, user, profile) for application, user, profile in rows]


async def find_applicant(session: AsyncSession, application_id: int) -> Applicant | None:
    row = (
        await session.execute(
            select(Application, User, Profile)
            .join(User, User.id == Application.user_id)
            .outerjoin(Profile, Profile.user_id == User.id)
            .where(Application.id == application_id)
        )
    ).first()
    return None if row is None else Applicant(*row)


async def application_counts(
    session: AsyncSession, posting_ids: list[int]
) -> dict[int, dict[ApplicationStatus, int]]:
    """For each posting, how many seniors are at each step (steps nobody is at are left out)."""
    rows = await session.execute(
        select(Application.posting_id, Application.status, func.count())
        .where(Application.posting_id.in_(posting_ids))
        .group_by(Application.posting_id, Application.status)
    )
    counts: dict[int, dict[ApplicationStatus, int]] = {}
    for posting_id, status, count in rows:
        counts.setdefault(posting_id, {})[status] = count
    return counts
