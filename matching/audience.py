"""Who an announcement goes to: everyone, or a segment of the people we serve.

Segments follow what admins plan by: a province (from the regions a senior chose), an
age decade, a job family (from desired jobs, the matcher's families), seniors who left
their profile unfinished (to invite them back), or the coaches. Pure functions over the
facts of one person, so the same rule counts the recipients in the preview and picks
them when the announcement is sent.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from matching.jobs import JOB_FAMILIES, family_of
from matching.regions import SIDO, area_members, region_by_key, sido_of

SEEKER, COACH = "seeker", "coach"


class AudienceKind(StrEnum):
    EVERYONE = "everyone"
    REGION = "region"
    AGE = "age"
    FAMILY = "family"
    UNFINISHED = "unfinished"
    COACHES = "coaches"


@dataclass(frozen=True)
class Audience:
    kind: AudienceKind
    value: str = ""  # the province label, the decade ("50대") or the family label


@dataclass(frozen=True)
class Member:
    """What deciding needs to know of one active user."""

    user_id: int
    quiet_nights: bool
    role: str
    consented: bool
    birth_year: int | None = None
    regions: Sequence[str] = ()
    desired_jobs: Sequence[str] = ()
    profile_complete: bool = False
    coach_active: bool = False


def province_choices() -> list[str]:
    """Province labels ("서울", "경기", "세종" …) in the usual order."""
    return [region.label for key in SIDO if (region := region_by_key(key)) is not None]


AGE_CHOICES = ("40대", "50대", "60대")
FAMILY_CHOICES = tuple(family.label for family in JOB_FAMILIES)


def includes(audience: Audience, member: Member, today_year: int) -> bool:
    """Whether `member` is in `audience`."""
    if audience.kind is AudienceKind.COACHES:
        return member.role == COACH and member.coach_active
    if audience.kind is AudienceKind.EVERYONE:
        return member.consented or member.role != SEEKER
    if member.role != SEEKER or not member.consented:
        return False
    if audience.kind is AudienceKind.UNFINISHED:
        return not member.profile_complete
    if audience.kind is AudienceKind.REGION:
        return any(audience.value in _provinces(key) for key in member.regions)
    if audience.kind is AudienceKind.AGE:
        if member.birth_year is None:
            return False
        age = today_year - member.birth_year  # as matching.age.age_on counts it
        return f"{age // 10 * 10}대" == audience.value
    return any(_family_label(title) == audience.value for title in member.desired_jobs)


@lru_cache(maxsize=4096)
def _provinces(region_key: str) -> frozenset[str]:
    """The province labels a chosen region lies in ("경기 남부" → {"경기"})."""
    region = region_by_key(region_key)
    if region is None:
        return frozenset()
    members = area_members(region) or (region,)
    return frozenset(p.label for member in members if (p := sido_of(member)) is not None)


@lru_cache(maxsize=4096)
def _family_label(title: str) -> str | None:
    family = family_of(title)
    return family.label if family else None
