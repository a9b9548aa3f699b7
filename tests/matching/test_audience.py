import pytest

from matching.audience import Audience, AudienceKind, Member, includes, province_choices

SENIOR = Member(
    user_id=1,
    quiet_nights=True,
    role="seeker",
    consented=True,
    birth_year=1968,
    regions=("경기도 수원시", "area:경기 남부", "대전광역시 유성구"),
    desired_jobs=("품질관리", "경비원"),
    profile_complete=True,
)


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        (Audience(AudienceKind.EVERYONE), True),
        (Audience(AudienceKind.REGION, "경기"), True),
        (Audience(AudienceKind.REGION, "대전"), True),
        (Audience(AudienceKind.REGION, "서울"), False),
        (Audience(AudienceKind.AGE, "50대"), True),
        (Audience(AudienceKind.AGE, "60대"), False),
        (Audience(AudienceKind.FAMILY, "생산·품질"), True),
        (Audience(AudienceKind.UNFINISHED), False),
        (Audience(AudienceKind.COACHES), False),
    ],
)
def test_a_senior_in_segments(audience: Audience, expected: bool) -> None:
    assert includes(audience, SENIOR, 2026) is expected


def test_who_is_not_a_senior_or_did_not_agree() -> None:
    coach = Member(2, True, "coach", consented=False, coach_active=True)
    stopped = Member(3, True, "coach", consented=False, coach_active=False)
    undecided = Member(4, True, "seeker", consented=False)
    assert includes(Audience(AudienceKind.COACHES), coach, 2026)
    assert not includes(Audience(AudienceKind.COACHES), stopped, 2026)
    assert includes(Audience(AudienceKind.EVERYONE), coach, 2026)
    assert not includes(Audience(AudienceKind.EVERYONE), undecided, 2026)
    assert not includes(Audience(AudienceKind.UNFINISHED), undecided, 2026)
    assert not includes(Audience(AudienceKind.REGION, "경기"), coach, 2026)


def test_province_buttons() -> None:
    provinces = province_choices()
    assert provinces[0] == "서울"
    assert "세종" in provinces
    assert len(provinces) == 17
