"""Who may apply to a programme a centre runs: their age, and where they live."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from matching.age import age_on
from matching.regionfit import covers
from matching.regions import region_by_key


@dataclass(frozen=True)
class Eligibility:
    age_min: int | None
    age_max: int | None
    residence: tuple[str, ...]
    """Region keys the participants must live in; () = anyone."""

    def admits(self, birth_year: int | None, regions: Sequence[str], today: date) -> bool:
        """Whether a senior may apply, from their profile.

        An age range needs a known age. The profile asks where they would work, not where
        they live: a residence is met when one of those regions lies inside it, as seniors
        choose work near home (someone who chose only 전국 is not known to live there)."""
        if self.age_min is not None or self.age_max is not None:
            if birth_year is None:
                return False
            age = age_on(birth_year, today=today)
            if (self.age_min is not None and age < self.age_min) or (
                self.age_max is not None and age > self.age_max
            ):
                return False
        if not self.residence:
            return True
        allowed = _covered(self.residence)
        return any((mine := _covered([key])) and mine <= allowed for key in regions)


def _covered(keys: Sequence[str]) -> frozenset[str]:
    return frozenset().union(*(covers(r) for key in keys if (r := region_by_key(key))))
