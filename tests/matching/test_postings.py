"""Posting fields as companies really write them, parsed into matching facts."""

import datetime

import pytest

from matching.employment import EmploymentType
from matching.pay import Pay, PayPeriod
from matching.postings import (
    PostingText,
    parse_age,
    parse_certificate,
    parse_experience,
    parse_posting,
    parse_salary,
    parse_start,
    posting_problems,
)
from matching.regions import RegionKind
from matching.scoring import held_certificates
from matching.titles import analyse_title, key


def posting(**changes: object) -> PostingText:
    fields: dict[str, object] = {
        "key": "J1",
        "title": "품질관리 담당",
        "company": "(주)한빛정밀",
        "region": "세종특별자치시 조치원읍",
        "salary": "월 300~350만원",
        "employment_type": "정규직",
        "experience": "경력 10년 이상",
        "age": "50세 이상 우대",
        "certificates": ("품질경영기사",),
        "description": "자동차 브레이크 부품 수입검사",
        "deadline": datetime.date(2026, 12, 15),
        "start": "즉시",
        "vetted": True,
    }
    fields.update(changes)
    return PostingText(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("경력 10년 이상", (120, False)),
        ("경력 5년↑", (60, False)),
        ("5년 이상", (60, False)),
        ("10년 이상 경력자", (120, False)),
        ("B2B 영업 경력 10년 이상", (120, False)),
        ("안전관리자 선임 경력 5년 이상", (60, False)),
        ("단체급식 경력 5년↑", (60, False)),
        ("경력 3~5년", (36, False)),
        ("경력 6개월 이상", (6, False)),
        ("경력 1년 6개월 이상", (18, False)),
        ("경력 2년차 이상", (24, False)),
        ("관련 경력 3년 이상 우대", (36, True)),
        ("경력 1년 이상 우대", (12, True)),
        ("신입 가능, 경력 3년 이상 우대", (36, True)),
        ("PC 원격지원 경험 우대", (None, True)),
        ("신입 가능(경력자 우대)", (None, True)),
        ("무관", (None, False)),
        ("경력무관", (None, False)),
        ("경력 무관", (None, False)),
        ("신입 가능", (None, False)),
        ("신입/경력", (None, False)),
        ("", (None, False)),
    ],
)
def test_experience(text: str, expected: tuple[int | None, bool]) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50세 이상 우대", (50, None, True)),
        ("45~65세", (45, 65, False)),
        ("45세~60세", (45, 60, False)),
        ("만 60세 이하", (None, 60, False)),
        ("만 65세 이하", (None, 65, False)),
        ("65세까지", (None, 65, False)),
        ("55세 이상", (55, None, False)),
        ("60세 미만", (None, 59, False)),
        ("40세 이상 65세 이하", (40, 65, False)),
        ("만 55세 이상 ~ 65세 미만", (55, 64, False)),
        ("정년 60세", (None, 60, False)),
        ("40대~60대", (40, 69, False)),
        ("50~60대 우대", (50, 69, True)),
        ("50대", (50, 59, False)),
        ("60대 이상", (60, None, False)),
        ("60세 이상 가능", (60, None, True)),
        ("60세 이상 환영", (60, None, True)),
        ("중장년 우대", (40, None, True)),
        ("시니어 우대", (50, None, True)),
        ("고령자 우대", (55, None, True)),
        ("무관", (None, None, False)),
        ("연령무관", (None, None, False)),
        ("나이 무관", (None, None, False)),
        ("", (None, None, False)),
    ],
)
def test_age(text: str, expected: tuple[int | None, int | None, bool]) -> None:
    assert parse_age(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("즉시", (True, None)),
        ("즉시 출근", (True, None)),
        ("즉시출근 가능", (True, None)),
        ("급구", (True, None)),
        ("2026-12-01", (False, datetime.date(2026, 12, 1))),
        ("2026.12.1", (False, datetime.date(2026, 12, 1))),
        ("2027년 1월 5일", (False, datetime.date(2027, 1, 5))),
        ("2026-13-01", (False, None)),
        ("협의", (False, None)),
        ("", (False, None)),
    ],
)
def test_start(text: str, expected: tuple[bool, datetime.date | None]) -> None:
    assert parse_start(text) == expected


MONTHLY = PayPeriod.MONTHLY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("월 300~350만원", Pay(MONTHLY, 3_000_000, 3_500_000)),
        ("월 280만원 (잔업수당 별도)", Pay(MONTHLY, 2_800_000)),
        ("월 250만원 (식대 포함)", Pay(MONTHLY, 2_500_000)),
        ("월 300만원 + 인센티브", Pay(MONTHLY, 3_000_000)),
        ("월급 250", Pay(MONTHLY, 2_500_000)),
        ("월 200만원 이상", Pay(MONTHLY, 2_000_000)),
        ("연봉 4,000만원", Pay(PayPeriod.ANNUAL, 40_000_000)),
        ("연봉 3,800~4,200만원", Pay(PayPeriod.ANNUAL, 38_000_000, 42_000_000)),
        ("연봉 4,500만원 이상 (경력에 따라 협의)", Pay(PayPeriod.ANNUAL, 45_000_000)),
        ("시급 12,000원", Pay(PayPeriod.HOURLY, 12_000)),
        ("시간당 강사료 40,000원", Pay(PayPeriod.HOURLY, 40_000)),
        ("시급 최저임금", Pay(PayPeriod.HOURLY, 10_320)),
        ("일급 15만원", Pay(PayPeriod.DAILY, 150_000)),
        ("일당 13만원", Pay(PayPeriod.DAILY, 130_000)),
        ("회사내규에 따름", None),
        ("면접 후 결정", None),
        ("협의", None),
        ("건당 3만원 (월 정산)", None),
        ("", None),
    ],
)
def test_salary(text: str, expected: Pay | None) -> None:
    assert parse_salary(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("지게차운전기능사", ("지게차운전기능사", False)),
        ("지게차 자격증", ("지게차운전기능사", False)),
        ("요양보호사(필수)", ("요양보호사", False)),
        ("요양보호사 우대", ("요양보호사", True)),
        ("운전면허 1종 보통", ("운전면허 1종 보통", False)),
        ("1종 보통 이상", ("운전면허 1종 보통", False)),
        ("2종 보통 운전면허 소지자", ("운전면허 2종 보통", False)),
        ("대형면허", ("운전면허 1종 대형", False)),
        ("운전면허", ("운전면허 2종 보통", False)),  # any licence will do
        ("사회복지사", ("사회복지사 2급", False)),  # any grade will do
        ("컴활", ("컴퓨터활용능력 2급", False)),
        ("일반경비원 신임교육 이수", ("일반경비 신임교육 이수", True)),  # training: soft
        ("직업능력개발훈련교사 3급", (None, True)),  # unknown: never a hard filter
        ("조리산업기사", (None, True)),  # not a typo of 전기산업기사
        ("품질경영산업기사", (None, True)),  # not 품질경영기사, a different grade
        ("주택관리사(보)", ("주택관리사보", False)),  # either will do: the lower one
        ("주택관리사", ("주택관리사", False)),
    ],
)
def test_certificate(text: str, expected: tuple[str | None, bool]) -> None:
    assert parse_certificate(text) == expected


def test_whole_posting() -> None:
    facts = parse_posting(posting())
    assert facts.titles == ("품질관리",)
    assert facts.families == frozenset({"production_quality"})
    assert [region.key for region in facts.regions] == ["세종특별자치시"]
    assert facts.pay == Pay(MONTHLY, 3_000_000, 3_500_000)
    assert facts.employment_types == frozenset({EmploymentType.FULL_TIME})
    assert (facts.min_experience_months, facts.experience_preferred) == (120, False)
    assert (facts.age_min, facts.age_max, facts.age_preferred) == (50, None, True)
    assert facts.required_certificates == ("품질경영기사",)
    assert facts.start_immediately
    assert facts.start_date is None
    assert "브레이크" in facts.context


def test_contract_convertible_to_permanent_counts_as_both() -> None:
    facts = parse_posting(posting(employment_type="계약직(정규직 전환 가능)"))
    assert facts.employment_types == {EmploymentType.CONTRACT, EmploymentType.FULL_TIME}


def test_unstated_employment_type_is_empty() -> None:
    assert parse_posting(posting(employment_type="")).employment_types == frozenset()


@pytest.mark.parametrize(
    ("region", "keys"),
    [
        ("서울 강남구 대치동", ["서울특별시 강남구"]),
        ("충남 천안시 서북구 성거읍", ["충청남도 천안시"]),
        ("경기 수원시 영통구", ["경기도 수원시"]),
        ("대전 서구 둔산동", ["대전광역시 서구"]),
        ("전국", ["전국"]),
        ("재택근무", ["재택"]),
        (
            "경기 남부 (화성·오산·평택)",
            ["area:경기 남부", "경기도 화성시", "경기도 오산시", "경기도 평택시"],
        ),
        ("인천 중구 운서동", ["인천광역시 제물포구", "인천광역시 영종구"]),  # ambiguous: both
    ],
)
def test_regions(region: str, keys: list[str]) -> None:
    assert [r.key for r in parse_posting(posting(region=region)).regions] == keys


def test_remote_and_nationwide_kinds() -> None:
    assert parse_posting(posting(region="재택")).regions[0].kind is RegionKind.REMOTE
    assert parse_posting(posting(region="전국")).regions[0].kind is RegionKind.NATIONWIDE


@pytest.mark.parametrize(
    ("title", "titles"),
    [
        ("품질관리 담당", ("품질관리",)),
        ("[급구] 아파트 경비원 모집", ("아파트 경비원",)),
        ("(주)대성 생산직 신입/경력 채용", ("대성 생산직",)),
        ("경리·회계 담당", ("경리 회계", "경리", "회계")),
        ("시설경비원(야간)", ("시설경비원",)),
        ("사무보조 (시간제)", ("사무보조",)),
    ],
)
def test_title_forms(title: str, titles: tuple[str, ...]) -> None:
    assert parse_posting(posting(title=title)).titles == titles


@pytest.mark.parametrize(
    ("title", "families", "heads"),
    [
        ("품질관리 담당", {"production_quality"}, ("품질관리",)),
        ("보안요원", {"security"}, ("경비",)),
        ("간병인 (요양병원)", {"care"}, ("요양보호사",)),
        ("경리·회계 담당", {"office"}, ("경리",)),
        ("아파트 시설관리 기사", {"facility"}, ("시설관리",)),  # 기사 is not a driver here
        ("물류창고 야간경비 겸 미화", {"security", "cleaning"}, ("경비", "미화원")),
        ("생산직 외관검사원", {"production_quality"}, ("검사원",)),
        ("IT 헬프데스크 상담원", {"sales"}, ("상담원",)),
        ("직업훈련 강사 (전기)", {"education"}, ("직업훈련교사",)),
        ("항공기 정비사", set(), ()),  # free text: matched by similarity only
    ],
)
def test_title_meaning(title: str, families: set[str], heads: tuple[str, ...]) -> None:
    facts = parse_posting(posting(title=title))
    assert facts.families == families
    assert analyse_title(title).heads == heads


def test_modifiers_are_kept_but_weigh_less() -> None:
    terms = dict(parse_posting(posting(title="물류 입출고 사무원")).job_terms)
    assert terms["사무보조"] > terms["물류관리"] > 0


def test_experience_field_names_a_job() -> None:
    facts = parse_posting(
        posting(title="기장 입력 (재택)", experience="경리 또는 기장 경력 3년 이상")
    )
    assert dict(facts.job_terms)["경리"] >= 0.8
    assert facts.min_experience_months == 36


def test_typo_in_title_still_finds_the_job() -> None:
    assert analyse_title("품질괸리").heads == ("품질관리",)
    assert analyse_title("자동차부품 품질괸리").heads == ("품질관리",)


def test_bank_branch_manager_is_not_a_shop_manager() -> None:
    assert analyse_title("은행 지점장").terms == ()


def test_certificates_split_into_required_and_preferred() -> None:
    facts = parse_posting(
        posting(certificates=("전기기능사|소방안전관리자 2급", "운전면허 1종 보통 우대"))
    )
    assert facts.required_certificates == ("전기기능사", "소방안전관리자 2급")
    assert facts.preferred_certificates == ("운전면허 1종 보통",)


def test_a_group_with_an_unknown_certificate_is_only_preferred() -> None:
    facts = parse_posting(posting(certificates=("한식조리기능사", "조리산업기사")))
    assert facts.required_certificates == ()
    assert facts.preferred_certificates == ("한식조리기능사", "조리산업기사")


def test_driving_and_other_licences_are_separate_groups() -> None:
    facts = parse_posting(posting(certificates=("지게차운전기능사", "운전면허 1종 보통")))
    assert facts.required_certificates == ("운전면허 1종 보통", "지게차운전기능사")


def test_no_problems_with_a_good_row() -> None:
    assert posting_problems(posting()) == []


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"title": "  "}, "공고 제목이 비어 있어요"),
        ({"title": "★★★"}, "공고 제목이 비어 있어요"),
        ({"key": ""}, "공고 번호가 비어 있어요"),
        ({"company": ""}, "회사 이름이 비어 있어요"),
        ({"region": ""}, "근무 지역이 비어 있어요"),
        ({"region": "아무데서나 ㅎㅎ 🙂"}, None),
    ],
)
def test_problems(changes: dict[str, object], problem: str | None) -> None:
    problems = posting_problems(posting(**changes))
    if problem is None:
        assert problems == []
    else:
        assert problem in problems


def test_unreadable_region_is_a_problem() -> None:
    assert posting_problems(posting(region="달나라 기지")) == [
        "근무 지역 '달나라 기지'을(를) 알 수 없어요"
    ]


@pytest.mark.parametrize(
    ("held", "asked", "enough"),
    [
        ("주택관리사", "주택관리사(보)", True),
        ("주택관리사보", "주택관리사(보)", True),
        ("주택관리사보", "주택관리사", False),  # the higher licence takes years more
        ("전기기사", "전기산업기사", True),
    ],
)
def test_a_higher_grade_satisfies_a_lower_requirement(held: str, asked: str, enough: bool) -> None:
    required, _ = parse_certificate(asked)
    assert required is not None
    assert (key(required) in held_certificates([held])) is enough
