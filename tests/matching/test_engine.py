"""Ranking postings for seekers: every filter, the order, the reasons, and a labelled set.

Region neighbours come from `neighbours` below, not from the real commuting table, so these
tests state exactly which places they treat as near each other.
"""

import dataclasses
import datetime
from collections.abc import Iterable

import pytest

from matching.engine import (
    MIN_SCORE,
    Match,
    SeekerFacts,
    rank_all,
    rank_postings,
    seekers_for_posting,
)
from matching.postings import PostingFacts, PostingText, parse_posting
from matching.region_data import SIDO

TODAY = datetime.date(2026, 11, 22)

_METROPOLITAN = ("서울특별시", "부산광역시", "대구광역시", "인천광역시", "대전광역시")
_NEAR = (
    ("세종특별자치시", "대전광역시 유성구"),
    ("세종특별자치시", "충청북도 청주시"),
    ("세종특별자치시", "충청남도 천안시"),
    ("세종특별자치시", "충청남도 공주시"),
    ("충청남도 천안시", "충청남도 아산시"),
    ("경기도 수원시", "경기도 용인시"),
    ("경기도 수원시", "경기도 화성시"),
    ("경기도 수원시", "경기도 안산시"),
    ("경기도 안산시", "경기도 시흥시"),
    ("경기도 성남시", "서울특별시 강남구"),
    ("경기도 성남시", "서울특별시 송파구"),
    ("경기도 이천시", "경기도 용인시"),
    ("부산광역시 강서구", "경상남도 김해시"),
    ("경상남도 거제시", "경상남도 통영시"),
    ("제주특별자치도 제주시", "제주특별자치도 서귀포시"),
)


def neighbours(key: str) -> frozenset[str]:
    """Test commuting table: all 구 of one big city, plus the pairs in _NEAR."""
    near = {b for a, b in _NEAR if a == key} | {a for a, b in _NEAR if b == key}
    for city in _METROPOLITAN:
        districts = {f"{city} {name}" for name in SIDO[city].sigungu if name.endswith("구")}
        if key in districts:
            near |= districts - {key}
    return frozenset(near)


def posting(
    key: str,
    title: str,
    region: str,
    salary: str = "회사내규에 따름",
    employment: str = "",
    experience: str = "무관",
    age: str = "무관",
    certificates: tuple[str, ...] = (),
    description: str = "",
    deadline: datetime.date | None = None,
    start: str = "",
    *,
    vetted: bool = True,
    headcount: int | None = None,
) -> PostingFacts:
    return parse_posting(
        PostingText(
            key=key,
            title=title,
            company="(주)테스트",
            region=region,
            salary=salary,
            employment_type=employment,
            experience=experience,
            age=age,
            certificates=certificates,
            description=description,
            deadline=deadline,
            start=start,
            vetted=vetted,
            headcount=headcount,
        )
    )


def seeker(
    key: str = "S",
    desired: tuple[str, ...] = (),
    careers: tuple[tuple[str, int | None], ...] = (),
    certificates: tuple[str, ...] = (),
    regions: tuple[str, ...] = (),
    pay: int | None = None,
    types: tuple[str, ...] = (),
    age: int | None = 58,
    disliked: frozenset[str] = frozenset(),
) -> SeekerFacts:
    return SeekerFacts(
        key=key,
        desired_jobs=desired,
        careers=careers,
        certificates=certificates,
        regions=regions,
        pay_monthly=pay,
        employment_types=types,
        birth_year=None if age is None else TODAY.year - age,
        disliked_families=disliked,
    )


def ranked(person: SeekerFacts, postings: Iterable[PostingFacts], **options: object) -> list[str]:
    return [
        match.posting_key
        for match in rank_postings(
            person,
            list(postings),
            today=TODAY,
            neighbours=neighbours,
            **options,  # type: ignore[arg-type]
        )
    ]


def matches(person: SeekerFacts, postings: Iterable[PostingFacts]) -> dict[str, Match]:
    found = rank_postings(person, list(postings), today=TODAY, neighbours=neighbours)
    return {match.posting_key: match for match in found}


SOON = TODAY + datetime.timedelta(days=3)
LATER = TODAY + datetime.timedelta(days=30)

QC_VETERAN = seeker(
    "QC",
    desired=("품질관리", "생산관리"),
    careers=(("자동차부품 품질관리", 240), ("생산관리", 60)),
    certificates=("운전면허 1종 보통",),
    regions=("세종특별자치시", "대전광역시 유성구"),
    pay=3_000_000,
    types=("full_time", "contract"),
)


# --- The quality-control veteran in 세종 -------------------------------------------------------


def test_quality_veteran_gets_the_sejong_quality_job_first_and_never_care_work() -> None:
    postings = [
        posting("CARE", "요양보호사", "세종특별자치시 새롬동", "월 300만원", "정규직"),
        posting("PROD", "생산관리", "세종특별자치시 조치원읍", "연봉 3,800~4,200만원", "정규직"),
        posting(
            "QC",
            "품질관리 담당",
            "세종특별자치시 조치원읍",
            "월 300~350만원",
            "정규직",
            "경력 10년 이상",
            "50세 이상 우대",
            description="자동차 브레이크 부품 수입검사",
            start="즉시",
        ),
        posting("FAR", "품질관리", "부산 사하구", "월 400만원", "정규직"),
    ]
    order = ranked(QC_VETERAN, postings)
    assert order[0] == "QC"
    assert "CARE" not in order
    assert "FAR" not in order  # not a place the seeker accepts


def test_reasons_say_why_in_order() -> None:
    postings = [
        posting(
            "QC",
            "품질관리 담당",
            "세종특별자치시 조치원읍",
            "월 300~350만원",
            "정규직",
            "경력 10년 이상",
            "50세 이상 우대",
            start="즉시",
        )
    ]
    match = matches(QC_VETERAN, postings)["QC"]
    assert match.reasons == (
        "경력 '자동차부품 품질관리 20년'과 일치",
        "세종시",
        "월 300~350만원",
        "즉시 출근",
    )
    assert match.summary == " · ".join(match.reasons)
    assert match.vetted
    assert "방문 확인 기업" not in match.summary
    assert MIN_SCORE <= match.score <= 100


def test_a_wished_job_reads_as_a_wish_and_a_field_as_a_field() -> None:
    person = seeker("G", desired=("경비",), regions=("서울특별시 강남구",))
    found = matches(
        person,
        [
            posting("GUARD", "아파트 경비원", "서울 강남구", "월 250만원"),
            posting("PARK", "주차관리원", "서울 강남구", "월 250만원", start="즉시"),
        ],
    )
    assert found["GUARD"].reasons[0] == "희망 일자리 '경비'와 일치"
    assert found["PARK"].reasons[0] == "희망 일자리 '경비'와 비슷한 일"


# --- Hard filters ------------------------------------------------------------------------------


def test_expired_posting_never_appears() -> None:
    postings = [
        posting("OLD", "품질관리", "세종", deadline=TODAY - datetime.timedelta(days=1)),
        posting("TODAY", "품질관리", "세종", deadline=TODAY),
        posting("OPEN", "품질관리", "세종"),
    ]
    order = ranked(QC_VETERAN, postings)
    assert "OLD" not in order
    assert set(order) == {"TODAY", "OPEN"}


@pytest.mark.parametrize(
    ("age_text", "shown"),
    [
        ("만 60세 이하", False),
        ("60세 미만", False),
        ("45~60세", False),
        ("정년 60세", False),
        ("만 65세 이하", True),
        ("60세 이상", True),
        ("50세 이상 우대", True),
        ("45~60세 우대", True),  # a preference never excludes
        ("무관", True),
    ],
)
def test_age_limits(age_text: str, shown: bool) -> None:
    person = seeker(desired=("경비",), regions=("서울특별시 노원구",), age=63)
    postings = [posting("G", "아파트 경비원", "서울 노원구", "월 240만원", age=age_text)]
    assert (ranked(person, postings) == ["G"]) is shown


def test_pay_below_the_asked_minimum_ranks_lower_and_says_so() -> None:
    """Pay is never a filter: the very job asked for, paid less, is still worth a look."""
    person = seeker(desired=("경비",), regions=("서울특별시 노원구",), pay=3_000_000)
    postings = [
        posting("LOW", "경비원", "서울 노원구", "월 230만원"),  # < 80% of 300
        posting("ASKED", "경비원", "서울 노원구", "월 300만원"),
        posting("CLOSE", "경비원", "서울 노원구", "월 250만원"),  # >= 80%
        posting("RANGE", "경비원", "서울 노원구", "월 220~260만원"),  # the midpoint counts
        posting("HOURLY", "경비원", "서울 노원구", "시급 10,320원"),  # 215만원 a month
    ]
    found = rank_postings(person, postings, today=TODAY, neighbours=neighbours)
    assert [match.posting_key for match in found] == ["ASKED", "CLOSE", "RANGE", "LOW", "HOURLY"]
    assert found[0].reasons[2] == "월 300만원"
    assert found[3].reasons[2] == "월 230만원 (희망보다 적음)"


def test_part_time_pay_is_not_a_full_time_month() -> None:
    """A part-timer's hourly wish becomes a full-time month; a part-time monthly figure is not."""
    posting_ = posting("DRIVE", "주간보호센터 송영 운전원", "대전 유성구", "월 150만원", "시간제")
    part_timer = seeker(
        desired=("운전기사",),
        regions=("대전광역시 유성구",),
        pay=12_000 * 209,
        types=("part_time",),
    )
    anything = seeker(desired=("운전기사",), regions=("대전광역시 유성구",), pay=300 * 10_000)
    [for_part_timer] = rank_postings(part_timer, [posting_], today=TODAY, neighbours=neighbours)
    [for_anyone] = rank_postings(anything, [posting_], today=TODAY, neighbours=neighbours)
    assert for_anyone.score < for_part_timer.score
    assert "월 150만원 (희망보다 적음)" in for_anyone.reasons
    assert "월 150만원" in for_part_timer.reasons


def test_required_licence() -> None:
    lacking = seeker(desired=("지게차",), regions=("경기도 이천시",))
    holding = seeker(
        desired=("지게차",), certificates=("지게차운전기능사",), regions=("경기도 이천시",)
    )
    postings = [
        posting("NEED", "지게차 운전원", "경기 이천시", certificates=("지게차운전기능사",)),
        posting("NICE", "지게차 운전원", "경기 이천시", certificates=("지게차운전기능사 우대",)),
    ]
    assert ranked(lacking, postings) == ["NICE"]
    assert set(ranked(holding, postings)) == {"NEED", "NICE"}


def test_one_of_several_listed_licences_is_enough() -> None:
    person = seeker(
        desired=("전기관리",), certificates=("전기기사",), regions=("대전광역시 유성구",)
    )
    postings = [
        posting(
            "E",
            "건물 전기안전관리자",
            "대전 유성구",
            certificates=("전기산업기사", "전기기사"),
        )
    ]
    assert ranked(person, postings) == ["E"]


def test_higher_grades_satisfy_lower_ones() -> None:
    postings = [
        posting("DRIVE", "학원 차량 운전기사", "서울 노원구", certificates=("운전면허 2종 보통",))
    ]
    first_class = seeker(
        desired=("운전기사",), certificates=("운전면허 1종 보통",), regions=("서울특별시 노원구",)
    )
    second_class = seeker(
        desired=("운전기사",), certificates=("운전면허 2종 보통",), regions=("서울특별시 노원구",)
    )
    assert ranked(first_class, postings) == ["DRIVE"]
    assert ranked(second_class, postings) == ["DRIVE"]
    big = [posting("BUS", "통근버스 기사", "서울 노원구", certificates=("1종 대형",))]
    assert ranked(first_class, big) == []


def test_unlisted_driving_licence_is_unknown_not_missing() -> None:
    """Seniors rarely list a driving licence; only a listed, lower one excludes."""
    carer = seeker(
        desired=("요양보호사",), certificates=("요양보호사",), regions=("대전광역시 서구",)
    )
    postings = [
        posting(
            "VISIT",
            "방문요양 요양보호사",
            "대전 서구",
            certificates=("요양보호사", "운전면허 2종 보통"),
        )
    ]
    assert ranked(carer, postings) == ["VISIT"]


@pytest.mark.parametrize(
    ("employment", "chosen"),
    [
        ("정규직", True),
        ("계약직(정규직 전환 가능)", True),
        ("", True),  # not stated
        ("계약직", False),
        ("일용직", False),
    ],
)
def test_employment_type_not_chosen_ranks_lower_and_says_so(employment: str, chosen: bool) -> None:
    person = seeker(desired=("경비",), regions=("서울특별시 노원구",), types=("full_time",))
    postings = [
        posting("G", "경비원", "서울 노원구", employment=employment),
        posting("FULL", "경비원", "서울 노원구", employment="정규직"),
    ]
    found = rank_postings(person, postings, today=TODAY, neighbours=neighbours)
    assert [match.posting_key for match in found] == (["G", "FULL"] if chosen else ["FULL", "G"])
    said = any(
        reason.endswith("(희망과 다름)") for reason in found[-1 if not chosen else 0].reasons
    )
    assert said is not chosen


def test_unrelated_work_is_never_shown_however_well_it_pays() -> None:
    person = seeker(desired=("경리",), careers=(("경리", 120),), regions=("서울특별시 마포구",))
    postings = [
        posting("CLEAN", "건물 미화원", "서울 마포구", "월 500만원", "정규직", start="즉시"),
        posting("DRIVE", "임원 수행기사", "서울 마포구", "월 500만원", "정규직"),
        posting("ACC", "경리·회계 담당", "서울 마포구", "월 250만원"),
    ]
    assert ranked(person, postings) == ["ACC"]


def test_nobody_without_any_job_gets_anything() -> None:
    person = seeker(regions=("서울특별시 마포구",))
    assert ranked(person, [posting("A", "경리", "서울 마포구")]) == []


def test_vetted_only() -> None:
    postings = [
        posting("V", "품질관리", "세종", vetted=True),
        posting("U", "품질관리", "세종", vetted=False),
    ]
    assert set(ranked(QC_VETERAN, postings)) == {"V", "U"}
    assert ranked(QC_VETERAN, postings, vetted_only=True) == ["V"]


def test_every_match_reaches_min_score() -> None:
    person = seeker(desired=("품질관리",), regions=("세종특별자치시",), pay=3_000_000)
    postings = [
        posting("GOOD", "품질관리", "세종", "월 320만원", start="즉시"),
        # Same field only, far from ideal in every other way: below the cut.
        posting(
            "WEAK",
            "포장 작업",
            "세종",
            "월 240만원",
            experience="경력 10년 이상",
            age="40~50세 우대",
        ),
    ]
    found = rank_postings(person, postings, today=TODAY, neighbours=neighbours)
    assert [match.posting_key for match in found] == ["GOOD"]
    assert all(match.score >= MIN_SCORE for match in found)


# --- Similar work ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wish", "title"),
    [
        ("경비원", "보안요원"),
        ("보안요원", "아파트 경비원"),
        ("요양보호사", "간병인 (요양병원)"),
        ("간병인", "요양보호사"),
        ("경리", "회계 담당자"),
        ("회계", "경리 사무원"),
        ("미화원", "건물 청소원"),
        ("택배기사", "1톤 배송기사"),
    ],
)
def test_synonyms_are_the_same_job(wish: str, title: str) -> None:
    person = seeker(desired=(wish,), regions=("서울특별시 마포구",))
    found = matches(person, [posting("P", title, "서울 마포구", "월 250만원")])
    assert "P" in found
    assert found["P"].reasons[0].endswith("일치")


def test_typo_still_finds_the_job() -> None:
    person = seeker(
        desired=("품질괸리",),
        careers=(("식품회사 품질괸리", 144),),
        regions=("서울특별시 금천구",),
    )
    postings = [
        posting("QC", "품질관리(QC) 담당자 - 식품", "서울 금천구 가산동", "연봉 3,500만원"),
        posting("CLEAN", "미화원", "서울 금천구"),
    ]
    assert ranked(person, postings) == ["QC"]


def test_same_family_different_title_still_scores() -> None:
    person = seeker(
        desired=("경비",), careers=(("아파트 경비", 60),), regions=("서울특별시 노원구",)
    )
    postings = [
        posting("GUARD", "아파트 경비원", "서울 노원구", "월 240만원"),
        posting("CCTV", "CCTV 관제요원", "서울 노원구", "월 240만원"),
        posting("BODY", "경호원", "서울 노원구", "월 240만원"),
    ]
    order = ranked(person, postings)
    assert order[0] == "GUARD"
    assert set(order) == {"GUARD", "CCTV", "BODY"}


def test_free_text_jobs_match_by_similarity() -> None:
    person = seeker(
        desired=("항공정비",), careers=(("항공기 정비", 300),), regions=("부산광역시 강서구",)
    )
    postings = [
        posting("AIR", "항공기 정비사 (기체)", "부산 강서구 대저동", "연봉 5,200만원"),
        posting("GUARD", "아파트 경비원", "부산 강서구"),
    ]
    assert ranked(person, postings) == ["AIR"]


def test_generic_titles_need_agreeing_qualifiers() -> None:
    florist = seeker(desired=("꽃꽂이 강사",), regions=("대전광역시 서구",))
    postings = [
        posting("FLOWER", "평생교육원 꽃꽂이 강사", "대전 서구", "시급 3만원"),
        posting("ELEC", "직업훈련 강사 (전기)", "대전 서구", "시급 4만원"),
    ]
    found = matches(florist, postings)
    assert "FLOWER" in found
    assert "ELEC" not in found or found["ELEC"].score < found["FLOWER"].score


def test_modifier_words_are_not_the_job() -> None:
    """ "물류창고 야간경비" is a guard job in a warehouse, not warehouse work."""
    forklift = seeker(
        desired=("지게차",), careers=(("물류센터 지게차 운전", 84),), regions=("경기도 이천시",)
    )
    postings = [posting("GUARD", "물류창고 야간경비 겸 미화", "경기 이천시", "월 300만원")]
    assert ranked(forklift, postings) == []


# --- Order ---------------------------------------------------------------------------------


def test_region_fit_orders_same_district_then_neighbour_then_wider() -> None:
    person = seeker(desired=("경비",), regions=("경기도 수원시",))
    postings = [
        posting("NATION", "경비원", "전국", "월 250만원"),
        posting("SIDO", "경비원", "경기도", "월 250만원"),
        posting("NEAR", "경비원", "경기 화성시", "월 250만원"),
        posting("SAME", "경비원", "경기 수원시 영통구", "월 250만원"),
        posting("AWAY", "경비원", "경기 파주시", "월 250만원"),  # same 시도, not near
    ]
    assert ranked(person, postings) == ["SAME", "NEAR", "SIDO", "NATION"]
    reasons = {key: match.reasons[1] for key, match in matches(person, postings).items()}
    assert reasons == {
        "SAME": "경기 수원시",
        "NEAR": "경기 화성시 (가까운 지역)",
        "SIDO": "경기",
        "NATION": "전국 근무",
    }


def test_remote_work() -> None:
    remote = posting("HOME", "IT 헬프데스크 상담원", "재택근무", "시급 12,500원")
    office = posting("OFFICE", "IT 헬프데스크 상담원", "대전 서구", "시급 12,500원")
    nation = posting("NATION", "전산 유지보수", "전국", "연봉 3,400만원")
    anywhere = seeker(desired=("상담원", "전산"))
    only_home = seeker(desired=("상담원", "전산"), regions=("재택",))
    daejeon = seeker(desired=("상담원", "전산"), regions=("부산광역시 해운대구",))
    assert set(ranked(anywhere, [remote, office, nation])) == {"HOME", "OFFICE", "NATION"}
    assert ranked(only_home, [remote, office, nation]) == ["HOME"]
    assert set(ranked(daejeon, [remote, office, nation])) == {"HOME", "NATION"}
    assert matches(only_home, [remote])["HOME"].reasons[1] == "재택 근무"


def test_area_choice_accepts_its_members() -> None:
    person = seeker(desired=("경비",), regions=("area:경기 남부",))
    postings = [
        posting("SOUTH", "경비원", "경기 평택시", "월 250만원"),
        posting("NORTH", "경비원", "경기 파주시", "월 250만원"),
    ]
    assert ranked(person, postings) == ["SOUTH"]


def test_urgent_need_ranks_higher() -> None:
    person = seeker(desired=("경비",), regions=("서울특별시 노원구",))
    postings = [
        posting("CALM", "경비원", "서울 노원구", "월 250만원", deadline=LATER),
        posting("URGENT", "경비원", "서울 노원구", "월 250만원", deadline=SOON, start="즉시"),
    ]
    assert ranked(person, postings) == ["URGENT", "CALM"]
    assert matches(person, postings)["URGENT"].reasons[2:] == ("월 250만원", "마감 3일 전")


def test_hiring_several_people_ranks_higher_and_says_so() -> None:
    person = seeker(desired=("경비",), regions=("서울특별시 노원구",))
    postings = [
        posting("ONE", "경비원", "서울 노원구", "월 250만원", headcount=1),
        posting("THREE", "경비원", "서울 노원구", "월 250만원", headcount=3),
    ]
    assert ranked(person, postings) == ["THREE", "ONE"]
    assert matches(person, postings)["THREE"].reasons[2:] == ("월 250만원", "3명 채용")
    assert matches(person, postings)["ONE"].reasons[2:] == ("월 250만원",)


def test_more_related_experience_ranks_higher() -> None:
    open_to_all = [posting("QC", "품질관리", "세종", "월 320만원")]
    veteran = seeker(desired=("품질관리",), careers=(("품질관리", 240),), regions=("세종",))
    newcomer = seeker(desired=("품질관리",), careers=(("품질관리", 24),), regions=("세종",))
    unrelated = seeker(desired=("품질관리",), careers=(("택시기사", 240),), regions=("세종",))
    scores = [
        matches(person, open_to_all)["QC"].score for person in (veteran, newcomer, unrelated)
    ]
    assert scores[0] > scores[1] > scores[2]


def test_missing_a_required_experience_costs_more_than_a_preferred_one() -> None:
    newcomer = seeker(desired=("품질관리",), careers=(("품질관리", 24),), regions=("세종",))
    postings = [
        posting("HARD", "품질관리", "세종", "월 320만원", experience="경력 10년 이상"),
        posting("SOFT", "품질관리", "세종", "월 320만원", experience="경력 10년 이상 우대"),
        posting("NONE", "품질관리", "세종", "월 320만원", experience="무관"),
    ]
    found = matches(newcomer, postings)
    assert found["NONE"].score > found["SOFT"].score > found["HARD"].score


def test_preferred_age_and_held_licence_are_bonuses() -> None:
    person = seeker(
        desired=("경비",),
        certificates=("일반경비 신임교육 이수",),
        regions=("서울특별시 노원구",),
        age=62,
    )
    plain = posting("PLAIN", "경비원", "서울 노원구", "월 250만원")
    welcoming = posting(
        "WELCOME",
        "경비원",
        "서울 노원구",
        "월 250만원",
        age="60세 이상 우대",
        certificates=("일반경비원 신임교육 이수",),
    )
    assert ranked(person, [plain, welcoming]) == ["WELCOME", "PLAIN"]
    assert matches(person, [welcoming])["WELCOME"].reasons[2:] == (
        "월 250만원",
        "60세 이상 우대",
    )


def test_disliked_family_is_demoted() -> None:
    postings = [
        posting("GUARD", "경비원", "서울 노원구", "월 250만원", start="즉시"),
        posting("PARK", "주차관리원", "서울 노원구", "월 250만원"),
    ]
    likes = seeker(desired=("경비", "주차관리"), regions=("서울특별시 노원구",))
    assert ranked(likes, postings)[0] == "GUARD"
    # The security family is shown less: a guard job can fall below the cut altogether.
    dislikes = seeker(
        desired=("경비", "주차관리"),
        regions=("서울특별시 노원구",),
        disliked=frozenset({"security"}),
    )
    before = matches(likes, postings)
    after = matches(dislikes, postings)
    assert all(after[key].score < before[key].score for key in after)


def test_top_limits_the_list() -> None:
    postings = [posting(f"G{n}", "경비원", "서울 노원구", "월 250만원") for n in range(15)]
    person = seeker(desired=("경비",), regions=("서울특별시 노원구",))
    assert len(ranked(person, postings)) == 15
    assert ranked(person, postings, top=3) == ["G0", "G1", "G2"]  # ties keep input order


# --- Batch paths agree with the single one ---------------------------------------------------


def _mixed_postings() -> list[PostingFacts]:
    return [
        posting(p.key, p.title, p.region, p.salary, p.employment, p.experience, p.age, p.certs)
        for p in LABELLED_POSTINGS
    ]


def test_rank_all_equals_rank_postings_for_each_seeker() -> None:
    postings = _mixed_postings()
    people = [case.seeker for case in LABELLED]
    together = rank_all(people, postings, today=TODAY, top=3, neighbours=neighbours)
    for person in people:
        alone = rank_postings(person, postings, today=TODAY, top=3, neighbours=neighbours)
        assert together[person.key] == alone
        full = rank_postings(person, postings, today=TODAY, neighbours=neighbours)
        assert full[:3] == alone


def test_rank_all_in_two_processes_gives_the_same_result() -> None:
    postings = _mixed_postings()
    people = [case.seeker for case in LABELLED]
    one = rank_all(people, postings, today=TODAY, neighbours=neighbours)
    two = rank_all(people, postings, today=TODAY, neighbours=neighbours, workers=2)
    assert one == two
    assert list(one) == list(two)


def test_seekers_for_posting_agrees_with_rank_postings() -> None:
    postings = _mixed_postings()
    people = [case.seeker for case in LABELLED]
    by_seeker = {
        person.key: {
            match.posting_key: match
            for match in rank_postings(
                person, postings, today=TODAY, vetted_only=True, neighbours=neighbours
            )
        }
        for person in people
    }
    for new in postings:
        found = seekers_for_posting(new, people, today=TODAY, neighbours=neighbours)
        expected = [
            (person.key, by_seeker[person.key][new.text.key])
            for person in people
            if new.text.key in by_seeker[person.key]
        ]
        assert sorted(found, key=_order) == sorted(expected, key=_order)
        assert [match.score for _, match in found] == sorted(
            (match.score for _, match in found), reverse=True
        )


def _order(pair: tuple[str, Match]) -> tuple[float, str]:
    return -pair[1].score, pair[0]


def test_seekers_for_an_expired_or_unvetted_posting() -> None:
    people = [QC_VETERAN]
    expired = posting("OLD", "품질관리", "세종", deadline=TODAY - datetime.timedelta(days=1))
    unvetted = posting("U", "품질관리", "세종", vetted=False)
    assert seekers_for_posting(expired, people, today=TODAY, neighbours=neighbours) == []
    assert seekers_for_posting(unvetted, people, today=TODAY, neighbours=neighbours) == []
    found = seekers_for_posting(
        unvetted, people, today=TODAY, vetted_only=False, neighbours=neighbours
    )
    assert [key for key, _ in found] == ["QC"]


def test_the_job_asked_for_comes_before_twenty_years_of_another() -> None:
    """A driver of twenty years who now asks for quality control sees quality control first,
    though the driving job also wants his licence and would reward every year of driving."""
    changer = seeker(
        desired=("품질관리",),
        careers=(("관광버스 기사", 240),),
        certificates=("운전면허 1종 대형",),
        regions=("경기도 용인시",),
        pay=2_000_000,
    )
    quality = posting("QC", "품질관리(QC) 담당자 채용", "경기 용인시 기흥구", "월 260~350만원")
    shuttle = posting(
        "BUS",
        "셔틀버스 운전원 구인",
        "경기 용인시 기흥구",
        "월 270만원",
        certificates=("운전면허 1종 대형",),
        start="즉시",
        headcount=2,
    )
    assert ranked(changer, [shuttle, quality]) == ["QC", "BUS"]


def test_a_short_stint_in_merely_similar_work_is_no_match() -> None:
    """Two years of driving a commuter bus do not make a school-van job a match for someone
    who asked for other work; fifteen years of guarding still make a guard job one."""
    guard = seeker(
        desired=("요양보호사",),
        careers=(("통근버스 운전", 24), ("경비원", 180)),
        regions=("경기도 용인시",),
        pay=3_000_000,
    )
    guarding = posting("G", "아파트 경비원 모집 (격일제)", "경기 용인시 기흥구", "월 210만원")
    van = posting("VAN", "학원 차량 운전기사 채용", "경기 용인시 기흥구", "월 270~330만원")
    assert ranked(guard, [van, guarding]) == ["G"]


def test_a_company_that_needs_someone_before_the_senior_can_start_ranks_lower() -> None:
    """Hiring timing from both sides: 즉시 출근 is a plus for someone free now and a minus,
    said in the reason, for someone who can only start next month."""
    later = dataclasses.replace(QC_VETERAN, available_from=TODAY + datetime.timedelta(days=30))
    now = posting("NOW", "품질관리", "세종", "월 300만원", start="즉시")
    open_start = posting("OPEN", "품질관리", "세종", "월 300만원", start="협의")
    assert ranked(QC_VETERAN, [open_start, now]) == ["NOW", "OPEN"]
    assert ranked(later, [now, open_start]) == ["OPEN", "NOW"]
    assert "즉시 출근 (가능일보다 빠름)" in matches(later, [now])["NOW"].reasons


def test_seekers_for_posting_follows_seekers_who_changed_or_left() -> None:
    """Its index of seekers is kept between calls: a seeker passed as a new object is
    indexed as they are now, and one no longer passed is never found again."""
    quality = posting("Q", "품질관리", "세종")
    guard = posting("G", "아파트 경비원", "세종")
    colleague = dataclasses.replace(QC_VETERAN, key="QC2")

    def keys(new: PostingFacts, people: list[SeekerFacts]) -> list[str]:
        found = seekers_for_posting(new, people, today=TODAY, neighbours=neighbours)
        return sorted(key for key, _ in found)

    assert keys(quality, [QC_VETERAN, colleague]) == ["QC", "QC2"]
    now_a_guard = dataclasses.replace(colleague, desired_jobs=("경비원",), careers=())
    assert keys(quality, [QC_VETERAN, now_a_guard]) == ["QC"]
    assert keys(guard, [QC_VETERAN, now_a_guard]) == ["QC2"]
    assert keys(guard, [QC_VETERAN]) == []


# --- A hand-labelled realistic set ------------------------------------------------------------


class Row:
    """One labelled posting, as written on a Korean job board."""

    def __init__(
        self,
        key: str,
        title: str,
        region: str,
        salary: str,
        employment: str,
        experience: str = "무관",
        age: str = "무관",
        certs: tuple[str, ...] = (),
    ) -> None:
        self.key, self.title, self.region, self.salary = key, title, region, salary
        self.employment, self.experience, self.age, self.certs = employment, experience, age, certs


LABELLED_POSTINGS = (
    Row("J01", "아파트 경비원 모집 (24시간 격일제)", "서울 노원구 상계동", "월 235만원", "계약직", age="60세 이상 환영", certs=("일반경비원 신임교육 이수 우대",)),  # noqa: E501
    Row("J02", "오피스빌딩 보안요원", "서울 중구 을지로", "월 260만원", "계약직", "경력 1년 이상", "만 65세 이하", ("일반경비원 신임교육 이수",)),  # noqa: E501
    Row("J03", "빌딩 시설관리 기사 (전기)", "서울 영등포구 여의도동", "월 300~330만원", "정규직", "경력 5년 이상", certs=("전기기능사",)),  # noqa: E501
    Row("J04", "경리·회계 사무원", "서울 마포구 공덕동", "월 250~280만원", "정규직", "경력 3년↑", certs=("전산회계 2급 우대",)),  # noqa: E501
    Row("J05", "요양보호사 (주간보호센터)", "서울 은평구", "시급 12,500원", "시간제", "신입 가능", certs=("요양보호사",)),  # noqa: E501
    Row("J06", "사무실 청소 미화원 (새벽)", "서울 강남구 역삼동", "월 200만원", "계약직", age="70세 이하"),  # noqa: E501
    Row("J07", "택배 분류 상하차 (야간)", "서울 송파구", "일급 14만원", "일용직", age="만 55세 이하"),  # noqa: E501
    Row("J08", "학교 급식 조리실무사", "서울 관악구", "월 220만원", "계약직", "관련 경력 1년 이상 우대", certs=("한식조리기능사 우대",)),  # noqa: E501
    Row("J09", "품질관리(QC) 담당자 - 식품", "서울 금천구 가산동", "연봉 3,500만원", "정규직", "경력 5년 이상"),  # noqa: E501
    Row("J10", "임원 수행기사", "서울 서초구", "월 320만원", "계약직", "경력 3년 이상", "만 60세 이하", ("운전면허 1종 보통",)),  # noqa: E501
    Row("J12", "지게차 운전원 (물류센터)", "경기 이천시 마장면", "월 320만원", "정규직", "경력 2년 이상", "만 60세 이하", ("지게차운전기능사",)),  # noqa: E501
    Row("J13", "물류센터 지게차 기사", "경기 용인시 처인구", "월 300~340만원", "계약직(정규직 전환 가능)", "경력 1년 이상", certs=("지게차 면허",)),  # noqa: E501
    Row("J14", "1톤 탑차 배송기사", "경기 화성시 동탄", "월 330만원", "계약직", age="만 63세 이하", certs=("1종 보통",)),  # noqa: E501
    Row("J15", "공장 생산직 (조립)", "경기 안산시 단원구", "시급 11,000원", "계약직", "신입 가능", "45~60세"),  # noqa: E501
    Row("J16", "자동차부품 품질관리", "경기 평택시", "연봉 4,200만원", "정규직", "경력 10년 이상", "50세 이상 우대", ("품질경영기사 우대",)),  # noqa: E501
    Row("J17", "아파트 관리소장", "경기 수원시 영통구", "월 380만원", "계약직", "경력 5년↑", certs=("주택관리사",)),  # noqa: E501
    Row("J18", "건물 미화원", "경기 성남시 분당구", "월 210만원", "계약직"),
    Row("J19", "방문요양 요양보호사", "경기 고양시 일산동구", "시급 13,000원", "시간제", certs=("요양보호사",)),  # noqa: E501
    Row("J20", "주차관리원 (백화점)", "경기 성남시 분당구", "월 230만원", "계약직", age="만 65세 이하"),  # noqa: E501
    Row("J21", "CNC 선반 기계조작원", "경기 시흥시", "월 300만원", "정규직", "경력 3년 이상"),
    Row("J22", "용접사 (특수용접)", "경기 김포시", "일급 20만원", "일용직", "경력 5년 이상", certs=("특수용접기능사",)),  # noqa: E501
    Row("J23", "품질관리 담당 (자동차 부품)", "세종특별자치시 조치원읍", "월 300~350만원", "정규직", "경력 10년 이상", "50세 이상 우대"),  # noqa: E501
    Row("J24", "생산관리 과장", "충북 청주시 흥덕구", "연봉 4,000만원", "정규직", "경력 7년 이상"),
    Row("J25", "요양원 요양보호사 (3교대)", "대전 유성구", "월 240만원", "정규직", "신입 가능", certs=("요양보호사",)),  # noqa: E501
    Row("J26", "간병인 (요양병원)", "대전 서구", "일급 12만원", "일용직", "경력 6개월 이상"),
    Row("J27", "아파트 경비", "대전 서구 둔산동", "월 230만원", "계약직", age="60세 이상 우대"),
    Row("J28", "전기안전관리자 (선임)", "충남 천안시 서북구", "월 350만원", "정규직", "경력 5년 이상", certs=("전기산업기사",)),  # noqa: E501
    Row("J29", "건설현장 안전관리자", "충남 아산시 배방읍", "월 420만원", "계약직", "경력 5년 이상", "만 65세 이하", ("산업안전기사",)),  # noqa: E501
    Row("J30", "사무보조 (관공서)", "대전 중구", "시급 10,320원", "시간제", certs=("컴활 2급 우대",)),  # noqa: E501
    Row("J31", "식당 주방보조", "세종특별자치시 나성동", "시급 11,000원", "시간제"),
    Row("J32", "IT 헬프데스크 (전화 원격지원)", "재택근무", "시급 12,500원", "시간제", "PC 원격지원 경험 우대"),  # noqa: E501
    Row("J33", "항공기 정비사 (기체)", "부산 강서구 대저동", "연봉 5,200만원", "정규직", "경력 10년 이상"),  # noqa: E501
    Row("J34", "항공부품 품질검사원", "경남 사천시", "연봉 3,800만원", "정규직", "경력 5년 이상"),
    Row("J35", "조선소 용접공", "경남 거제시", "일급 22만원", "일용직", "경력 3년 이상", certs=("용접기능사",)),  # noqa: E501
    Row("J36", "아파트 경비원", "부산 해운대구", "월 225만원", "계약직"),
    Row("J37", "법인택시 기사", "부산 사상구", "월 300만원 이상", "정규직", certs=("택시운전자격",)),  # noqa: E501
    Row("J38", "단체급식 조리원", "경남 김해시", "월 240만원", "계약직", "경력 1년 이상", "만 60세 이하"),  # noqa: E501
    Row("J39", "공항 미화원", "인천 중구 운서동", "월 230만원", "계약직"),
    Row("J40", "물류센터 입출고 관리", "인천 서구", "월 280만원", "정규직", "경력 3년 이상"),
    Row("J41", "구내식당 조리사", "인천 남동구", "월 280만원", "정규직", "경력 5년↑", certs=("한식조리기능사",)),  # noqa: E501
    Row("J42", "섬유공장 생산직", "대구 달서구", "월 230만원", "정규직", "신입 가능"),
    Row("J43", "보험 영업 (FC)", "대구 수성구", "회사내규에 따름", "프리랜서"),
    Row("J44", "전산 유지보수 엔지니어", "전국", "연봉 3,400만원", "정규직", "관련 경력 3년 이상", certs=("정보처리기사 우대",)),  # noqa: E501
    Row("J45", "해외영업 (중동 바이어)", "서울 종로구", "연봉 5,500만원", "정규직", "해외영업 경력 10년 이상"),  # noqa: E501
    Row("J46", "무역사무원", "서울 중구", "월 280만원", "정규직", "경력 3년"),
    Row("J47", "플로리스트 (꽃집)", "제주 제주시", "월 220만원", "계약직", "경력 3년 이상 우대"),
    Row("J48", "감귤 선별 포장 (단기)", "제주 서귀포시", "일급 11만원", "일용직"),
    Row("J50", "경비원 (야간)", "서울 노원구", "월 240만원", "계약직", age="만 60세 이하"),
    Row("J52", "방역 소독원", "서울 강서구", "월 250만원", "정규직"),
    Row("J53", "학원 차량 운전기사", "서울 노원구", "월 180만원", "시간제", age="만 70세 이하", certs=("1종 보통",)),  # noqa: E501
    Row("J54", "산후관리사 (산모신생아 도우미)", "경기 수원시 장안구", "월 250만원", "프리랜서", certs=("산후관리사 교육 수료",)),  # noqa: E501
    Row("J55", "건축 현장 공무 담당", "서울 강동구", "연봉 5,000만원", "정규직", "경력 10년 이상", certs=("건축기사 우대",)),  # noqa: E501
    Row("J56", "사회복지사 (노인복지관)", "대전 대덕구", "월 260만원", "계약직", "경력 2년", certs=("사회복지사 2급",)),  # noqa: E501
    Row("J57", "마트 계산원", "대전 서구", "시급 10,500원", "시간제"),
    Row("J58", "세무사무소 기장 담당", "서울 마포구", "월 270만원", "정규직", "경리 또는 기장 경력 3년 이상", certs=("전산세무 2급",)),  # noqa: E501
    Row("J59", "물류창고 야간 경비", "경기 이천시", "월 250만원", "계약직"),
    Row("J60", "공장 경비원", "경기 안산시 단원구", "월 240만원", "계약직", age="65세 이하"),
    Row("J61", "택시 배차 사무", "부산 사상구", "월 230만원", "정규직"),
    Row("J62", "청소년수련관 시설관리", "경기 용인시 수지구", "월 280만원", "계약직", "경력 3년 이상"),  # noqa: E501
)  # fmt: skip


class Case:
    """A seeker, the postings that should lead their list, and ones that must never show."""

    def __init__(self, person: SeekerFacts, best: set[str], never: set[str]) -> None:
        self.seeker, self.best, self.never = person, best, never


def _case(
    key: str,
    best: set[str],
    never: set[str],
    *,
    desired: tuple[str, ...] = (),
    careers: tuple[tuple[str, int | None], ...] = (),
    certificates: tuple[str, ...] = (),
    regions: tuple[str, ...] = (),
    pay: int | None = None,
    types: tuple[str, ...] = (),
    age: int = 58,
) -> Case:
    return Case(seeker(key, desired, careers, certificates, regions, pay, types, age), best, never)


MAN = 10_000
LABELLED = (
    _case("S01", {"J23"}, {"J25", "J26", "J27", "J31", "J30", "J57"},
          desired=("품질관리", "생산관리"),
          careers=(("자동차부품 품질관리", 240), ("생산관리", 60)),
          regions=("세종특별자치시", "대전광역시 유성구"), pay=300 * MAN,
          types=("full_time", "contract")),
    _case("S02", {"J04", "J58"}, {"J06", "J02", "J10", "J52", "J55", "J07", "J05"},
          desired=("경리", "사무보조"), careers=(("경리", 126), ("건설회사 총무", 48)),
          certificates=("전산회계 1급", "컴퓨터활용능력 2급"),
          regions=("서울특별시 마포구", "서울특별시 서대문구"), pay=250 * MAN,
          types=("full_time", "part_time"), age=60),
    _case("S03", {"J01"}, {"J50", "J05", "J08", "J04", "J53", "J52"},
          desired=("경비", "주차관리"), careers=(("아파트 경비", 36), ("은행 지점장", 336)),
          regions=("서울특별시 노원구",), pay=220 * MAN, types=("contract", "part_time"),
          age=63),
    _case("S04", {"J25"}, {"J27", "J57", "J30", "J56"},
          desired=("요양보호사",), careers=(("요양보호사", 24), ("어린이집 조리사", 144)),
          certificates=("요양보호사",), regions=("대전광역시 서구", "대전광역시 유성구"),
          pay=12_000 * 209, types=("part_time", "full_time"), age=63),
    _case("S05", {"J26", "J25"}, {"J27", "J57", "J30"},
          desired=("간병인",), careers=(("요양병원 간병", 60),), certificates=("요양보호사",),
          regions=("대전광역시 서구",), age=60),
    _case("S06", {"J13"}, {"J17", "J54", "J62"},
          desired=("지게차", "배송기사"),
          careers=(("물류센터 지게차 운전", 84), ("택배 배송", 36)),
          certificates=("지게차운전기능사", "운전면허 1종 보통"),
          regions=("경기도 수원시", "경기도 화성시"), pay=250 * MAN, types=("full_time",),
          age=55),
    _case("S07", {"J02"}, {"J03", "J46", "J45", "J04"},
          desired=("경비원",), careers=(("빌딩 보안요원", 48),),
          certificates=("일반경비 신임교육 이수",),
          regions=("서울특별시 중구", "서울특별시 종로구"), types=("contract",), age=61),
    _case("S08", {"J03"}, {"J06", "J07", "J02", "J01", "J05"},
          desired=("시설관리", "전기관리"),
          careers=(("빌딩 전기기사", 180), ("아파트 관리소장", 60)),
          certificates=("전기기능사", "전기산업기사"), regions=("서울특별시 영등포구",),
          pay=300 * MAN, types=("full_time",), age=59),
    _case("S09", {"J09"}, {"J07", "J06", "J10"},
          desired=("품질괸리",), careers=(("식품회사 품질괸리", 144),),
          regions=("서울특별시 금천구",), pay=250 * MAN, types=("full_time",), age=55),
    _case("S10", {"J41"}, {"J40", "J39"},
          desired=("조리사", "조리원"),
          careers=(("단체급식 조리원", 108), ("한식당 운영", 36)),
          certificates=("한식조리기능사",),
          regions=("인천광역시 남동구", "인천광역시 연수구"), pay=230 * MAN,
          types=("full_time", "contract"), age=52),
    _case("S11", {"J29", "J55"}, {"J07", "J22", "J59", "J36", "J01"},
          desired=("건설 안전관리", "현장관리"),
          careers=(("건설 현장소장", 144), ("공무", 96)),
          certificates=("산업안전기사", "건축기사"), regions=("전국",), pay=400 * MAN,
          types=("contract", "full_time"), age=59),
    _case("S12", {"J18"}, {"J20", "J54"},
          desired=("미화원", "청소"), careers=(("학교 환경미화", 60),),
          regions=("경기도 성남시",), pay=11_000 * 209, types=("contract", "part_time"),
          age=60),
    _case("S13", {"J44", "J32"}, {"J15", "J21", "J12", "J14"},
          desired=("전산 유지보수", "IT 헬프데스크"),
          careers=(("공공기관 전산실 서버·네트워크 관리", 300),),
          certificates=("정보처리기사",), regions=("area:경기 남부", "재택"),
          pay=250 * MAN, types=("full_time", "part_time"), age=64),
    _case("S14", {"J33"}, {"J36", "J37", "J38", "J61"},
          desired=("항공정비", "항공 품질관리"), careers=(("항공기 정비", 300),),
          regions=("부산광역시 강서구", "경상남도 김해시"), pay=416 * MAN,
          types=("full_time",), age=53),
    _case("S15", {"J47"}, {"J48"},
          desired=("플로리스트", "꽃꽂이 강사"), careers=(("꽃집 운영", 180),),
          regions=("제주특별자치도",), pay=200 * MAN, age=62),
    # J46 is the very job asked for at 56 % of the pay: shown, last, said to pay less.
    _case("S16", {"J45"}, {"J02", "J10"},
          desired=("해외영업", "무역사무"), careers=(("무역회사 해외영업", 240),),
          regions=("서울특별시 중구", "서울특별시 종로구"), pay=500 * MAN,
          types=("full_time",), age=47),
    _case("S17", {"J10"}, {"J06", "J08", "J07"},
          desired=("운전기사",), careers=(("회사 임원 수행기사", 120),),
          certificates=("운전면허 1종 보통",), regions=("서울특별시 서초구",),
          pay=300 * MAN, age=57),
    _case("S18", {"J35"}, set(),
          desired=("용접",), careers=(("조선소 용접", 240),), certificates=("용접기능사",),
          regions=("경상남도 거제시", "경상남도 통영시"), types=("daily", "contract"), age=56),
    _case("S19", {"J37"}, {"J36"},
          desired=("택시기사", "운전기사"), careers=(("개인택시", 180),),
          certificates=("택시운전자격", "운전면허 1종 보통"),
          regions=("부산광역시 사상구", "부산광역시 북구"), age=61),
    _case("S20", {"J56"}, {"J27", "J57", "J26"},
          desired=("사회복지사",), careers=(("노인복지관 사회복지사", 96),),
          certificates=("사회복지사 2급",), regions=("대전광역시",), pay=250 * MAN, age=52),
    _case("S21", {"J54"}, {"J17", "J13"},
          desired=("산후관리사", "아이돌보미"), careers=(("산후도우미", 72),),
          regions=("경기도 수원시",), age=56),
    _case("S22", {"J30"}, {"J57", "J27"},
          desired=("사무보조",), careers=(("관공서 행정보조", 36),),
          certificates=("컴퓨터활용능력 2급",),
          regions=("대전광역시 중구", "대전광역시 서구"), pay=10_000 * 209,
          types=("part_time",), age=55),
    _case("S23", {"J15"}, {"J60", "J22"},
          desired=("생산직",), careers=(("자동차부품 조립", 120),),
          regions=("경기도 안산시", "경기도 시흥시"), pay=11_000 * 209, age=45),
    _case("S24", {"J17"}, {"J54", "J13", "J18"},
          desired=("관리소장", "시설관리"), careers=(("아파트 관리소장", 120),),
          certificates=("주택관리사",), regions=("경기도 수원시", "경기도 용인시"),
          pay=350 * MAN, age=61),
    _case("S25", {"J60"}, {"J15", "J21"},
          desired=("경비",), careers=(("공장 경비", 60),), regions=("경기도 안산시",),
          age=62),
    _case("S26", {"J08"}, {"J07", "J05", "J52"},
          careers=(("초등학교 급식 조리", 96),), regions=("서울특별시 관악구",),
          types=("part_time", "contract"), age=57),
    _case("S27", {"J52"}, {"J04", "J10", "J01"},
          desired=("방역",), careers=(("해충방제", 84),), regions=("서울특별시 강서구",),
          age=54),
    _case("S28", {"J20"}, {"J18"},
          desired=("주차관리",), careers=(("백화점 주차 안내", 36),),
          regions=("경기도 성남시",), types=("contract",), age=65),
    _case("S29", {"J36"}, {"J37", "J61"},
          desired=("경비",), careers=(("아파트 경비", 24),),
          regions=("부산광역시 해운대구",), age=66),
    # Asks far more than any guard job pays: still shown the guard jobs, said to pay less.
    _case("S30", {"J01"}, {"J50", "J53"},
          desired=("경비",), careers=(("아파트 경비", 24),), regions=("서울특별시 노원구",),
          pay=400 * MAN, age=61),
)  # fmt: skip


@pytest.mark.parametrize("case", LABELLED, ids=[case.seeker.key for case in LABELLED])
def test_labelled_best_leads_and_irrelevant_never_shows(case: Case) -> None:
    found = ranked(case.seeker, _mixed_postings())
    assert not case.never & set(found), found
    if case.best:
        assert case.best & set(found[:3]), found
    else:
        assert found == []


def test_labelled_set_shows_few_postings_per_seeker() -> None:
    """Never a flood: a handful each, not everything in the area."""
    postings = _mixed_postings()
    counts = [len(ranked(case.seeker, postings)) for case in LABELLED]
    assert max(counts) <= 6
    assert sum(counts) / len(counts) <= 3
