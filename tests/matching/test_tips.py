from datetime import UTC, datetime, timedelta

import pytest

from matching.age import age_band
from matching.tips import TipCandidate, rank_tips, relevance

NOW = datetime(2026, 11, 22, tzinfo=UTC)


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (40, "40대 초반"),
        (45, "40대 중반"),
        (47, "40대 후반"),
        (58, "50대 후반"),
        (63, "60대 초반"),
    ],
)
def test_age_band(age: int, band: str) -> None:
    assert age_band(age) == band


def test_the_same_job_is_fully_relevant_and_another_family_not_at_all() -> None:
    assert relevance("품질관리 담당", "제조", ["품질관리"], []) == 1.0
    assert relevance("요양보호사", "요양·돌봄", ["품질관리"], []) == 0.0


def test_past_roles_count_less_than_desired_jobs() -> None:
    desired = relevance("경비원", "경비·보안", ["경비"], [])
    past = relevance("경비원", "경비·보안", [], ["아파트 경비 5년"])
    assert 0 < past < desired


def test_the_industry_stands_in_for_a_job_no_one_recognises() -> None:
    assert relevance("무언가 담당", "요양보호사", ["요양보호사"], []) > 0


def _candidate(story_id: int, job: str, helpful: int = 0, days_old: int = 0) -> TipCandidate:
    return TipCandidate(story_id, job, "", helpful, NOW - timedelta(days=days_old))


def test_usefulness_and_freshness_only_break_ties() -> None:
    candidates = [
        _candidate(1, "요양보호사", helpful=50),
        _candidate(2, "품질관리 담당", days_old=300),
        _candidate(3, "품질관리원", helpful=5),
        _candidate(4, "품질관리원"),
    ]
    order = [c.story_id for c, _ in rank_tips(candidates, ["품질관리"], [], NOW)]
    assert order == [3, 4, 2, 1]
