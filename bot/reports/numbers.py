"""The centre's numbers, read from the database: one function per statistic.

A programme report describes its applicants by age, region, wanted and past fields of
work, how far they got, and the competition for each posting. Education is left out:
the bot never asks for it. Counts are SQL aggregates, the same on SQLite and PostgreSQL;
only the JSON lists (regions, desired jobs) and career titles are tallied in Python,
because the two databases unnest JSON differently and titles need the job vocabulary.

A seeker is a profile: one made in the chat, or one the centre registered from a file
that may not be linked to a chat yet. Staff accounts are not seekers.
"""

import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, case, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models import (
    AlertedPosting,
    Application,
    ApplicationStatus,
    Booking,
    BookingStatus,
    CareerEntry,
    Company,
    Posting,
    Profile,
    Role,
    User,
)
from handlers import texts
from matching.age import age_on
from matching.jobs import JOB_FAMILIES
from matching.regions import area_members, region_by_key, sido_of
from matching.schedule import SEOUL, korean_date
from matching.titles import analyse_title

T = TypeVar("T")

DEFAULT_WEEKS = 8
TOP_POSTINGS = 5

Tally = tuple[tuple[str, int], ...]
"""(label, count) pairs, largest first unless the labels have an order of their own."""

_IS_SEEKER = or_(
    Profile.user_id.is_(None),
    Profile.user_id.in_(select(User.id).where(User.role == Role.SEEKER)),
)


@dataclass(frozen=True)
class Funnel:
    """How many seekers reached each step at least: a hired person also counts as applied.

    An application only keeps its latest status, so a rejected one counts as interest.
    """

    registered: int
    complete: int
    alerted: int
    interested: int
    applied: int
    interview: int
    hired: int

    def stages(self) -> Tally:
        counts = (
            self.registered,
            self.complete,
            self.alerted,
            self.interested,
            self.applied,
            self.interview,
            self.hired,
        )
        return tuple(zip(texts.STATS_STAGES, counts, strict=True))


@dataclass(frozen=True)
class PostingInterest:
    """A posting with much interest; competition is interest per opening."""

    title: str
    company: str
    interested: int
    headcount: int | None

    @property
    def ratio(self) -> float | None:
        return self.interested / self.headcount if self.headcount else None


@dataclass(frozen=True)
class Coaching:
    """Practice-interview bookings by status, and the seniors' ratings (counts of 1 to 5)."""

    booked: int
    cancelled: int
    done: int
    no_show: int
    ratings: tuple[int, ...]

    @property
    def total(self) -> int:
        return self.booked + self.cancelled + self.done + self.no_show

    @property
    def average_rating(self) -> float | None:
        rated = sum(self.ratings)
        if not rated:
            return None
        return sum(stars * count for stars, count in enumerate(self.ratings, 1)) / rated

    def statuses(self) -> Tally:
        counts = (self.booked, self.done, self.no_show, self.cancelled)
        return tuple(zip(texts.STATS_BOOKING_STATUSES, counts, strict=True))

    def stars(self) -> Tally:
        return tuple((texts.stars(stars), count) for stars, count in enumerate(self.ratings, 1))


@dataclass(frozen=True)
class Week:
    """What happened in one Korean week, Monday to Sunday."""

    starts_on: date
    registrations: int
    interests: int
    bookings: int

    def counts(self) -> Tally:
        return (
            (texts.STATS_NEW_SEEKERS, self.registrations),
            (texts.STATS_INTERESTS, self.interests),
            (texts.STATS_WEEK_BOOKINGS, self.bookings),
        )


@dataclass(frozen=True)
class ReportNumbers:
    as_of: date
    in_chat: int
    age_bands: Tally
    regions: Tally
    job_families: Tally
    career_fields: Tally
    funnel: Funnel
    competition: tuple[PostingInterest, ...]
    coaching: Coaching
    weeks: tuple[Week, ...]

    @property
    def seekers(self) -> int:
        return self.funnel.registered


async def collect_numbers(
    sessions: async_sessionmaker[AsyncSession], now: datetime, weeks: int = DEFAULT_WEEKS
) -> ReportNumbers:
    """Every statistic as of `now`, with the last `weeks` (at least 1) Korean weeks."""
    today = korean_date(now)
    async with sessions() as session:
        return ReportNumbers(
            as_of=today,
            in_chat=await seekers_in_chat(session),
            age_bands=await age_bands(session, today),
            regions=await regions(session),
            job_families=await job_families(session),
            career_fields=await career_fields(session),
            funnel=await funnel(session),
            competition=await competition(session),
            coaching=await coaching(session),
            weeks=await weekly(session, week_starts(today, weeks)),
        )


async def seekers_in_chat(session: AsyncSession) -> int:
    """Seekers who use the bot themselves (the rest were registered by the centre)."""
    statement = (
        select(func.count()).select_from(Profile).where(_IS_SEEKER, Profile.user_id.is_not(None))
    )
    return await session.scalar(statement) or 0


async def age_bands(session: AsyncSession, today: date) -> Tally:
    """Seekers by decade of age ("50대"), youngest first; those without an age are left out."""
    years = await _grouped(session, Profile.birth_year, _IS_SEEKER)
    decades: Counter[int] = Counter()
    for birth_year, count in years.items():
        if birth_year is not None:
            decades[age_on(birth_year, today=today) // 10 * 10] += count
    return tuple((texts.age_decade(decade), decades[decade]) for decade in sorted(decades))


async def regions(session: AsyncSession) -> Tally:
    """Seekers by the 시도 they would work in; someone open to two 시도 counts in both."""
    lists = await session.scalars(select(Profile.regions).where(_IS_SEEKER))
    return _by_count(
        {province for key in keys or () for province in _provinces(key)} for keys in lists
    )


async def job_families(session: AsyncSession) -> Tally:
    """Seekers by the job family of the work they want, each family once per person."""
    lists = await session.scalars(select(Profile.desired_jobs).where(_IS_SEEKER))
    return _by_count(
        {field for title in titles or () for field in _fields(title)} for titles in lists
    )


async def career_fields(session: AsyncSession) -> Tally:
    """Seekers by the job family of their past roles ("자동차부품 품질관리" is 생산·품질)."""
    rows = await session.execute(
        select(CareerEntry.profile_id, CareerEntry.title)
        .join(Profile, Profile.id == CareerEntry.profile_id)
        .where(_IS_SEEKER)
    )
    by_profile: dict[int, set[str]] = {}
    for profile_id, title in rows:
        by_profile.setdefault(profile_id, set()).update(_fields(title))
    return _by_count(by_profile.values())


# Steps are numbered like Funnel's fields: 0 is registered, 6 is hired.
_COMPLETE, _ALERTED, _INTERESTED, _APPLIED, _INTERVIEW, _HIRED = range(1, 7)
_FURTHEST_APPLICATION = {
    ApplicationStatus.INTERESTED: _INTERESTED,
    ApplicationStatus.REJECTED: _INTERESTED,
    ApplicationStatus.APPLIED: _APPLIED,
    ApplicationStatus.INTERVIEW: _INTERVIEW,
    ApplicationStatus.HIRED: _HIRED,
}


async def funnel(session: AsyncSession) -> Funnel:
    """Seekers by the furthest step each reached, counted in one grouped query."""
    furthest_application = (
        select(
            func.max(
                case(
                    *(
                        (Application.status == status, step)
                        for status, step in _FURTHEST_APPLICATION.items()
                    )
                )
            )
        )
        .where(Application.user_id == Profile.user_id)
        .scalar_subquery()
    )
    alerted = exists().where(AlertedPosting.user_id == Profile.user_id)
    step = func.coalesce(
        furthest_application,
        case((alerted, _ALERTED), (Profile.completed_at.is_not(None), _COMPLETE), else_=0),
    )
    steps = select(step.label("step")).where(_IS_SEEKER).subquery()
    people = await _grouped(session, steps.c.step)
    stages = range(len(fields(Funnel)))
    return Funnel(*(sum(n for last, n in people.items() if last >= k) for k in stages))


async def competition(
    session: AsyncSession, top: int = TOP_POSTINGS
) -> tuple[PostingInterest, ...]:
    """The `top` postings by interest (every application began as "관심 있어요")."""
    interested = func.count(Application.id)
    rows = await session.execute(
        select(Posting.title, Company.name, interested, Posting.headcount)
        .join(Application, Application.posting_id == Posting.id)
        .join(Company, Company.id == Posting.company_id)
        .group_by(Posting.id, Posting.title, Company.name, Posting.headcount)
        .order_by(interested.desc(), Posting.id)
        .limit(top)
    )
    return tuple(PostingInterest(*row) for row in rows)


async def coaching(session: AsyncSession) -> Coaching:
    by_status = await _grouped(session, Booking.status)
    by_rating = await _grouped(session, Booking.rating, Booking.rating.is_not(None))
    return Coaching(
        booked=by_status.get(BookingStatus.BOOKED, 0),
        cancelled=by_status.get(BookingStatus.CANCELLED, 0),
        done=by_status.get(BookingStatus.DONE, 0),
        no_show=by_status.get(BookingStatus.NO_SHOW, 0),
        ratings=tuple(by_rating.get(stars, 0) for stars in range(1, 6)),
    )


def week_starts(today: date, weeks: int) -> list[date]:
    """The Mondays of the last `weeks` weeks, oldest first, ending with this week's."""
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


async def weekly(session: AsyncSession, mondays: list[date]) -> tuple[Week, ...]:
    """New seekers, interests and bookings in each week starting on `mondays`.

    A seeker is new when their profile was made; re-importing a changed row makes it anew.
    """
    registrations = await _per_week(session, Profile.created_at, mondays, _IS_SEEKER)
    interests = await _per_week(session, Application.created_at, mondays)
    bookings = await _per_week(session, Booking.created_at, mondays)
    return tuple(
        Week(monday, *counts)
        for monday, *counts in zip(mondays, registrations, interests, bookings, strict=True)
    )


async def _per_week(
    session: AsyncSession,
    created_at: SQLColumnExpression[datetime],
    mondays: list[date],
    *where: ColumnElement[bool],
) -> list[int]:
    """Rows created in each week, as one row of conditional counts."""
    edges = [_seoul_midnight(monday) for monday in [*mondays, mondays[-1] + timedelta(weeks=1)]]
    counts = [
        func.count(case((and_(created_at >= start, created_at < end), 1)))
        for start, end in itertools.pairwise(edges)
    ]
    statement = select(*counts).where(created_at >= edges[0], created_at < edges[-1], *where)
    return [int(count) for count in (await session.execute(statement)).one()]


async def _grouped(
    session: AsyncSession, column: SQLColumnExpression[T], *where: ColumnElement[bool]
) -> dict[T, int]:
    """How many rows have each value of `column`."""
    rows = await session.execute(select(column, func.count()).where(*where).group_by(column))
    return {value: count for value, count in rows}


def _seoul_midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=SEOUL)


_FAMILY_LABELS = {family.key: family.label for family in JOB_FAMILIES}


def _fields(title: str) -> set[str]:
    """The job families a title is about, read as matching reads it; free text included."""
    families = analyse_title(title).families
    return {_FAMILY_LABELS[key] for key in families} or {texts.STATS_OTHER}


def _provinces(key: str) -> set[str]:
    """The 시도 a stored region lies in; 전국 and 재택 stand for themselves."""
    region = region_by_key(key)
    if region is None:
        return {key}
    sidos = {sido.label for member in area_members(region) if (sido := sido_of(member))}
    return sidos or {region.label}


def _by_count(groups: Iterable[set[str]]) -> Tally:
    """How many groups hold each label, largest first (ties by label, for a stable order)."""
    counts = Counter(label for group in groups for label in group)
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
