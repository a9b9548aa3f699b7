"""The engine's input and output records: a seeker's facts and one match."""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SeekerFacts:
    """What matching needs from a profile."""

    key: str  # profile external_id or internal id as str
    desired_jobs: tuple[str, ...]
    careers: tuple[tuple[str, int | None], ...]  # (title, months)
    certificates: tuple[str, ...]  # canonical names
    regions: tuple[str, ...]  # region keys (matching.regions); () = anywhere
    pay_monthly: int | None  # desired minimum per month, None = 무관
    employment_types: tuple[str, ...]  # EmploymentType values; () = 무관
    birth_year: int | None
    disliked_families: frozenset[str] = field(default=frozenset())  # "관심 없어요" (demote)
    available_from: datetime.date | None = None  # first day they can work; None = unknown


@dataclass(frozen=True, slots=True)
class Match:
    """One posting for one seeker: its score and why, most important reason first."""

    posting_key: str
    score: float  # 0..100, higher is better
    reasons: tuple[str, ...]  # Korean, short; "방문 확인 기업" is rendered from `vetted`
    vetted: bool

    @property
    def summary(self) -> str:
        """The one-line reason shown in an alert."""
        return " · ".join(self.reasons)
