"""One seeker against one posting: hard filters, the score, and the reasons.

The score is split in two so ranking can skip work: `cheap_parts` (place, pay, age, timing,
licence, dislike) needs a few comparisons; `finish` adds the parts that need every source's
relation to the posting (title, experience, industry context). Both ranking paths (many
seekers, and one new posting) use these same functions, so they give the same scores.
"""

import datetime

from matching.employment import EMPLOYMENT_LABELS
from matching.matches import Match, SeekerFacts
from matching.posting_index import PostingIndex
from matching.regionfit import Neighbours, acceptance, place_reason
from matching.scoring import (
    CAREER_ONLY,
    FAMILY,
    FULL_EXPERIENCE_MONTHS,
    MATCHED,
    MIN_RELEVANCE,
    UNKNOWN_CAREER_MONTHS,
    UNKNOWN_EXPERIENCE,
    W_AGE,
    W_CONTEXT,
    W_DISLIKED,
    W_EXPERIENCE,
    W_LICENCE,
    W_PAY,
    W_REGION,
    W_TIMING,
    W_TITLE,
    age_fit,
    drives,
    experience_fit,
    held_certificates,
    make_sources,
    pay_fit,
    title_fit,
    title_reason,
)
from matching.titles import appears

MAX_REASONS = 4

Relations = tuple[list[float], list[bool]]
"""Per source of the seeker: relation to the posting (0..1), and whether a trade is shared."""


class PreparedSeeker:
    """A seeker's facts in the form the scoring loop reads."""

    __slots__ = (
        "accept",
        "age",
        "available_from",
        "context_bound",
        "context_sources",
        "disliked",
        "drives",
        "facts",
        "has_careers",
        "has_desired",
        "held",
        "part_time",
        "pay",
        "sources",
        "types",
    )

    def __init__(self, facts: SeekerFacts, today: datetime.date, neighbours: Neighbours) -> None:
        self.facts = facts
        self.sources = make_sources(facts.desired_jobs, facts.careers)
        self.has_desired = any(source.desired for source in self.sources)
        self.accept = acceptance(tuple(facts.regions), neighbours)
        self.pay = facts.pay_monthly if facts.pay_monthly and facts.pay_monthly > 0 else None
        self.age = today.year - facts.birth_year if facts.birth_year else None
        self.types = frozenset(facts.employment_types)
        later = facts.available_from
        self.available_from = later if later is not None and later > today else None
        self.part_time = self.types == {"part_time"}
        self.held = held_certificates(facts.certificates)
        self.drives = drives(self.held)
        self.disliked = facts.disliked_families
        # Sources with qualifiers ("자동차부품"): the only ones that can earn the context bonus.
        self.context_sources = tuple(
            (slot, source.terms.qualifiers)
            for slot, source in enumerate(self.sources)
            if source.terms.qualifiers
        )
        self.context_bound = W_CONTEXT if self.context_sources else 0.0
        self.has_careers = any(not source.desired for source in self.sources)


def bounds(seeker: PreparedSeeker) -> tuple[float, float]:
    """(most experience points, most points of every part but title and place) for a seeker.

    Only ranking many postings needs these, to skip postings that cannot make the top list.
    """
    if seeker.has_careers:
        months = sum(
            UNKNOWN_CAREER_MONTHS if source.months is None else source.months
            for source in seeker.sources
            if not source.desired
        )
        experience = W_EXPERIENCE * min(months / FULL_EXPERIENCE_MONTHS, 1.0)
    else:
        experience = W_EXPERIENCE * UNKNOWN_EXPERIENCE
    rest = (
        W_PAY * (1.0 if seeker.pay is not None else pay_fit(None, None, None))
        + W_AGE * (1.0 if seeker.age is not None else age_fit(None, None, None, False))
        + W_TIMING
        + (W_LICENCE if seeker.held else 0.0)
        + experience
        + seeker.context_bound
    )
    return experience, rest


def licences_held(seeker: PreparedSeeker, index: PostingIndex, i: int) -> bool:
    """Whether the seeker holds one licence of each required group (driving only if known)."""
    licences = index.licences[i]
    if licences and licences.isdisjoint(seeker.held):
        return False
    driving = index.driving[i]
    return not (driving and seeker.drives and driving.isdisjoint(seeker.held))


def cheap_parts(seeker: PreparedSeeker, index: PostingIndex, i: int, tier: float) -> float | None:
    """Place, pay, kind, age, timing, licence and dislike; None if a hard filter rules `i` out.

    The hard filters here are an age limit and licences the work requires (place and
    relevance are the caller's). The ranking loop inlines exactly this arithmetic, in
    this order.
    """
    age = index.age_points(seeker.age)[i]
    if age is None:
        return None
    if index.has_rules[i] and not licences_held(seeker, index, i):
        return None
    pay = index.pay_points(seeker.pay, seeker.part_time)[i]
    kind = index.type_points(seeker.types)[i]
    start = index.start_points(seeker.available_from)[i]
    score = W_REGION * tier + pay + kind + age + index.timing_points[i] + start
    if seeker.held and not index.listed_keys[i].isdisjoint(seeker.held):
        score += W_LICENCE
    if seeker.disliked and not index.families[i].isdisjoint(seeker.disliked):
        score -= W_DISLIKED
    return score


def core(seeker: PreparedSeeker, index: PostingIndex, i: int, found: Relations) -> float | None:
    """Title and experience points, or None if the work is unrelated after all.

    Experience counts months in related roles: the same or a close job in full, the same
    field or a shared trade in another role half.
    """
    values, shared = found
    desired = career = 0.0
    months = 0.0
    for source, value, trade in zip(seeker.sources, values, shared, strict=True):
        if source.desired:
            if value > desired:
                desired = value
        else:
            if (weighed := value * source.weight) > career:
                career = weighed
            if value >= FAMILY or trade:
                length = UNKNOWN_CAREER_MONTHS if source.months is None else source.months
                months += length if value >= MATCHED else length / 2
    fit = title_fit(desired if seeker.has_desired else career, career)
    if fit < MIN_RELEVANCE:
        return None
    required, preferred = index.experience[i]
    related = int(months) if seeker.has_careers else None
    experience = W_EXPERIENCE * experience_fit(related, required, preferred)
    if seeker.has_desired and desired < MATCHED:
        experience *= CAREER_ONLY  # old work not asked for again: its years count less too
    return W_TITLE * fit + experience


def in_context(seeker: PreparedSeeker, index: PostingIndex, i: int, values: list[float]) -> bool:
    """Whether a related role's qualifiers ("자동차부품") appear in the posting's text."""
    text = index.context[i]
    return any(
        values[slot] >= FAMILY and any(appears(word, text) for word in qualifiers)
        for slot, qualifiers in seeker.context_sources
    )


def total(base: float, context: bool) -> float:
    """The final score from cheap parts + core, and the context bonus: 0..100, 2 decimals."""
    return round(min(max(base + (W_CONTEXT if context else 0.0), 0.0), 100.0), 2)


def finish(
    seeker: PreparedSeeker, index: PostingIndex, i: int, cheap: float, found: Relations
) -> float | None:
    """The whole score, or None if the work is unrelated after all."""
    points = core(seeker, index, i, found)
    if points is None:
        return None
    return total(cheap + points, in_context(seeker, index, i, found[0]))


def _reasons(
    seeker: PreparedSeeker, index: PostingIndex, i: int, tier: float, found: Relations
) -> tuple[str, ...]:
    """Title, place, pay, urgency, age preference, licence held: the first four that apply.

    A shortfall that is shown rather than filtered says so next to its figure: pay under
    what the seeker asked, an employment type they did not choose.
    """
    reasons = [title_reason(seeker.sources, found[0])]
    regions = index.regions[i]
    if regions:
        accept = seeker.accept
        region = regions[0]
        if accept is not None and len(regions) > 1:
            region = max(regions, key=lambda r: accept.get(r.key, -1.0))
        reasons.append(place_reason(region, tier))
    pay = index.pay_reasons[i]
    if pay and index.pays_less(i, seeker.pay, seeker.part_time):
        pay = f"{pay} (희망보다 적음)"
    reasons.append(pay or "")
    if index.type_points(seeker.types)[i] < 0.0:
        kind = min(index.facts[i].employment_types)
        reasons.append(f"{EMPLOYMENT_LABELS[kind]} (희망과 다름)")
    late = index.start_points(seeker.available_from)[i] < 0.0
    reasons.extend(
        f"{reason} (가능일보다 빠름)" if late and reason.endswith("출근") else reason
        for reason in index.urgency_reasons[i]
    )
    low_age, high_age, preferred = index.ages[i]
    age = seeker.age
    if (
        preferred
        and age is not None
        and (low_age is None or age >= low_age)
        and (high_age is None or age <= high_age)
    ):
        reasons.append(" ".join(index.facts[i].text.age.split()))
    held = [name for key, name in index.listed[i].items() if key in seeker.held]
    if held:
        reasons.append(f"{held[0]} 보유")
    return tuple(reason for reason in reasons if reason)[:MAX_REASONS]


def make_match(
    seeker: PreparedSeeker,
    index: PostingIndex,
    i: int,
    score: float,
    tier: float,
    found: Relations,
) -> Match:
    posting = index.facts[i].text
    return Match(posting.key, score, _reasons(seeker, index, i, tier, found), posting.vetted)
