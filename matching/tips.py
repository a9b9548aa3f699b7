"""Which interview stories help which senior: the matcher's job-title logic, applied to tips.

A story is about one job ("품질관리 담당", industry "제조(자동차부품)"); a senior wants some
jobs and has done others. Relevance is the strongest relation between the story's job and
any of the senior's titles, as the matcher rates titles: the same title, a close one, or
one of the same family (titles.RELATED), scaled by how central each term is to its title.
Desired jobs count fully, past roles a little less: a former quality manager applying
for security work needs security interviews first.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from matching.titles import RELATED, analyse_title

PAST_ROLE_WEIGHT = 0.8
FRESH_FOR = timedelta(days=180)
HELPFUL_CAP = 20


@dataclass(frozen=True)
class TipCandidate:
    """What ranking needs to know of a story."""

    story_id: int
    job: str
    industry: str
    helpful: int
    published_at: datetime


def relevance(
    story_job: str, story_industry: str, desired: Sequence[str], past: Sequence[str]
) -> float:
    """0 (unrelated) to 1 (the very job the senior wants)."""
    story_terms = _terms([story_job]) or _terms([story_industry])
    best = 0.0
    for titles, weight in ((desired, 1.0), (past, PAST_ROLE_WEIGHT)):
        for wanted, wanted_weight in _terms(titles).items():
            related = RELATED.get(wanted, {})
            for term, term_weight in story_terms.items():
                best = max(best, related.get(term, 0.0) * term_weight * wanted_weight * weight)
    return best


def _terms(titles: Iterable[str]) -> dict[str, float]:
    terms: dict[str, float] = {}
    for title in titles:
        for term, weight in analyse_title(title).terms:
            terms[term] = max(terms.get(term, 0.0), weight)
    return terms


def rank_tips(
    candidates: Iterable[TipCandidate],
    desired: Sequence[str],
    past: Sequence[str],
    now: datetime,
) -> list[tuple[TipCandidate, float]]:
    """Relevant stories first; among equally relevant ones, the more useful and fresher.

    Helpfulness and freshness only break ties within a relevance step, so a popular
    caregiving story never outranks a plain quality-control one for a quality manager.
    """
    scored = [(c, relevance(c.job, c.industry, desired, past)) for c in candidates]

    def order(item: tuple[TipCandidate, float]) -> tuple[float, float]:
        candidate, score = item
        age = max(timedelta(0), now - candidate.published_at)
        fresh = max(0.0, 1 - age / FRESH_FOR)
        useful = min(candidate.helpful, HELPFUL_CAP) / HELPFUL_CAP
        return (-round(score, 2), -(useful + fresh))

    return sorted(scored, key=order)
