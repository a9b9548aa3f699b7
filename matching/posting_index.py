"""Everything about a batch of postings that does not depend on the seeker, computed once.

Ranking 10,000 postings for 100,000 seekers cannot afford to look at every pair in Python.
The index files each open posting under (region key, job title) so a seeker only ever
touches postings in places they accept and of work related to theirs, and keeps each
posting's facts in flat lists the scoring loop reads without attribute lookups.
"""

import datetime
from collections.abc import Sequence

from matching.employment import EmploymentType
from matching.hangul import to_jamo
from matching.pay import PayPeriod
from matching.postings import PostingFacts
from matching.regions import Region
from matching.scoring import (
    W_AGE,
    W_KIND,
    W_PAY,
    W_TIMING,
    age_fit,
    licence_groups,
    pay_fit,
    pay_reason,
    timing,
)
from matching.titles import analyse_title, key


class PostingIndex:
    """Open postings (deadline not passed; vetted if asked) in input order, with lookups.

    Position `i` in every list is the i-th open posting; ties in score rank by it.
    """

    def __init__(
        self, postings: Sequence[PostingFacts], *, today: datetime.date, vetted_only: bool
    ) -> None:
        self.source = postings  # kept so a cached index keeps its postings alive
        self.today = today
        self.vetted_only = vetted_only
        self.facts: list[PostingFacts] = [
            posting
            for posting in postings
            if (posting.text.deadline is None or posting.text.deadline >= today)
            and (posting.text.vetted or not vetted_only)
        ]
        self.keys: list[tuple[str, ...]] = []
        self.regions: list[tuple[Region, ...]] = []
        self.terms: list[tuple[tuple[str, float], ...]] = []
        self.term_sets: list[frozenset[str]] = []
        self.qualifiers: list[tuple[str, ...]] = []
        self.context: list[str] = []
        self.title_keys: list[str] = []  # cleaned spaceless title, for containment
        self.low: list[int | None] = []
        self.high: list[int | None] = []
        self.types: list[frozenset[str]] = []
        self.part_time_total: list[bool] = []  # a 시간제 job paid per day/month: fewer hours
        self.ages: list[tuple[int | None, int | None, bool]] = []
        self.driving: list[frozenset[str]] = []
        self.licences: list[frozenset[str]] = []
        self.listed: list[dict[str, str]] = []  # certificate key -> name, required or not
        self.listed_keys: list[frozenset[str]] = []
        self.experience: list[tuple[int, bool]] = []
        self.timing_points: list[float] = []
        self.starts: list[datetime.date | None] = []  # when the company needs someone
        self.has_rules: list[bool] = []  # any required licence at all
        self.urgency_reasons: list[tuple[str, ...]] = []
        self.pay_reasons: list[str | None] = []
        self.families: list[frozenset[str]] = []
        self.forms: list[tuple[int, ...]] = []
        # Distinct fuzzy forms (jamo), whether each names taxonomy terms, and who uses it.
        self.form_texts: list[str] = []
        self.form_has_terms: list[bool] = []
        self.form_postings: list[list[int]] = []
        self._form_ids: dict[str, int] = {}
        # job title -> region key -> positions; job title -> positions.
        self.by_term_key: dict[str, dict[str, list[int]]] = {}
        self.by_term: dict[str, list[int]] = {}
        for position, posting in enumerate(self.facts):
            self._add(position, posting)
        self._pay_points: dict[tuple[int | None, bool], list[float]] = {}
        self._age_points: dict[int | None, list[float | None]] = {}
        self._type_points: dict[frozenset[str], list[float]] = {}
        self._start_points: dict[datetime.date | None, list[float]] = {}

    # Seekers share a few desired pays, ages and employment types: each one's filter and
    # points are worked out once for every posting, and the scoring loop only indexes them.

    def pay_points(self, desired: int | None, part_time: bool) -> list[float]:
        """W_PAY x pay fit per posting for a desired monthly minimum.

        Pay never rules a posting out: well under the asked minimum it costs points, so it
        still shows when nothing better does. For a seeker who wants only part-time work, a
        part-time job paid per day or month ("월 150만원", 4 hours a day) costs nothing: its
        figure is for fewer hours than the full-time month their wish was converted to.
        """
        found = self._pay_points.get((desired, part_time))
        if found is None:
            found = [
                W_PAY * max(pay_fit(desired, low, high), 0.0 if part_time and fewer else -1.0)
                for low, high, fewer in zip(self.low, self.high, self.part_time_total, strict=True)
            ]
            self._pay_points[(desired, part_time)] = found
        return found

    def age_points(self, age: int | None) -> list[float | None]:
        """W_AGE x age fit per posting for a seeker's age; None = outside a hard limit."""
        found = self._age_points.get(age)
        if found is None:
            found = [
                None
                if age is not None
                and not preferred
                and ((low is not None and age < low) or (high is not None and age > high))
                else W_AGE * age_fit(age, low, high, preferred)
                for low, high, preferred in self.ages
            ]
            self._age_points[age] = found
        return found

    def pays_less(self, i: int, desired: int | None, part_time: bool) -> bool:
        """Whether posting `i`'s best pay is under the asked minimum, as its card says.

        Never for a part-timer's part-time figure of fewer hours, which `pay_points` does
        not count against it either.
        """
        high = self.high[i]
        if desired is None or high is None or high >= desired:
            return False
        return not (part_time and self.part_time_total[i])

    def start_points(self, available_from: datetime.date | None) -> list[float]:
        """Per posting, -W_TIMING when the company needs someone before the seeker can
        start (즉시, or a start date), else 0: the other side of the hiring timing."""
        found = self._start_points.get(available_from)
        if found is None:
            found = [
                -W_TIMING
                if available_from is not None and start is not None and start < available_from
                else 0.0
                for start in self.starts
            ]
            self._start_points[available_from] = found
        return found

    def type_points(self, types: frozenset[str]) -> list[float]:
        """Per posting, -W_KIND when its employment type is not one the seeker chose, else 0.

        Not a filter: a 계약직 job in someone's own trade is worth seeing for a person who
        asked for 정규직, below the ones they asked for.
        """
        found = self._type_points.get(types)
        if found is None:
            found = [
                0.0 if not types or not kinds or not types.isdisjoint(kinds) else -W_KIND
                for kinds in self.types
            ]
            self._type_points[types] = found
        return found

    def _add(self, position: int, posting: PostingFacts) -> None:
        keys = tuple(dict.fromkeys(region.key for region in posting.regions))
        self.keys.append(keys)
        self.regions.append(posting.regions)
        self.terms.append(posting.job_terms)
        self.term_sets.append(frozenset(title for title, _ in posting.job_terms))
        self.qualifiers.append(posting.qualifiers)
        self.context.append(posting.context)
        self.title_keys.append(analyse_title(posting.text.title).compact)
        pay = posting.pay
        self.low.append(None if pay is None else pay.monthly_minimum)
        self.high.append(None if pay is None else pay.monthly_maximum or pay.monthly_minimum)
        self.types.append(frozenset(str(kind) for kind in posting.employment_types))
        self.part_time_total.append(
            posting.employment_types == {EmploymentType.PART_TIME}
            and pay is not None
            and pay.period is not PayPeriod.HOURLY
        )
        self.ages.append((posting.age_min, posting.age_max, posting.age_preferred))
        driving, other = licence_groups(posting)
        self.driving.append(driving)
        self.licences.append(other)
        self.listed.append(
            {
                key(name): name
                for name in (*posting.required_certificates, *posting.preferred_certificates)
            }
        )
        self.listed_keys.append(frozenset(self.listed[-1]))
        self.experience.append((posting.min_experience_months or 0, posting.experience_preferred))
        urgency, reasons = timing(posting, self.today)
        self.timing_points.append(W_TIMING * urgency)
        self.starts.append(self.today if posting.start_immediately else posting.start_date)
        self.has_rules.append(bool(driving or other))
        self.urgency_reasons.append(reasons)
        self.pay_reasons.append(pay_reason(posting))
        self.families.append(posting.families)
        self.forms.append(self._form_ids_of(position, posting))
        for title, _ in posting.job_terms:
            self.by_term.setdefault(title, []).append(position)
            by_key = self.by_term_key.setdefault(title, {})
            for region_key in keys:
                by_key.setdefault(region_key, []).append(position)

    def _form_ids_of(self, position: int, posting: PostingFacts) -> tuple[int, ...]:
        ids: list[int] = []
        for title in posting.titles:
            for form, has_terms in analyse_title(title).forms:
                jamo = to_jamo(form)
                form_id = self._form_ids.get(jamo)
                if form_id is None:
                    form_id = len(self.form_texts)
                    self._form_ids[jamo] = form_id
                    self.form_texts.append(jamo)
                    self.form_has_terms.append(has_terms)
                    self.form_postings.append([])
                else:
                    self.form_has_terms[form_id] = self.form_has_terms[form_id] or has_terms
                if form_id not in ids:
                    ids.append(form_id)
                    self.form_postings[form_id].append(position)
        return tuple(ids)

    def __len__(self) -> int:
        return len(self.facts)


_cache: list[tuple[tuple[int, ...], datetime.date, bool, PostingIndex]] = []


def posting_index(
    postings: Sequence[PostingFacts], *, today: datetime.date, vetted_only: bool
) -> PostingIndex:
    """The index of `postings`, reused while the same posting objects are ranked again.

    The bot ranks the same open postings for one seeker after another; rebuilding the index
    each time would cost more than the ranking. Only the latest index is kept.
    """
    identity = tuple(id(posting) for posting in postings)
    for cached_identity, cached_today, cached_vetted, index in _cache:
        if cached_identity == identity and cached_today == today and cached_vetted == vetted_only:
            return index
    index = PostingIndex(postings, today=today, vetted_only=vetted_only)
    _cache[:] = [(identity, today, vetted_only, index)]
    return index
