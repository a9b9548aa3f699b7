"""The evaluation set for matching quality: seniors, postings, and how well each fits.

Every senior and posting is drawn first as plain facts (an occupation, a 시군구, pay,
years, a licence, an age limit, a deadline) and only then written out as staff type
them: real ad wording ("아파트 경비원 모집 (격일제)", "시급 10,030원", "만 65세 이하",
"경기 수원시 영통구 매탄동", "세종", "경기 남부"). The grade of a pair comes from the facts
alone, by the rule below, never from what the engine reads of the text; so tuning the
engine cannot move the judgments, and a parser that misreads a spelling loses points.

The rule (written before any tuning; places corrected to the real map since):
- 0, impossible: past its deadline; a licence the law requires for the work that the
  senior lacks (a higher licence counts: 1종 대형 covers 1종 보통); an age limit that
  excludes them; a place they did not choose, that borders none they chose and is not in
  the same city as one; work neither wanted, done before, nor in the family of the work
  they want.
- otherwise start from 3 when the work is one they want, 2 when it is work they did for
  at least three years or work of the same family as one they want, 1 when it is of the
  same family as work they did for at least three years; then one point off for each
  shortfall: the place only borders their choice (two points when it is only another 구
  of the same city: a long subway ride); the pay's top is under what they ask (two
  points when under 85 % of it); fewer years than the posting asks; a kind of
  employment they did not choose. Never below 1.
Unknown facts (pay "협의", experience "무관", no age limit) are no shortfall.
"""

import datetime
import random
from dataclasses import dataclass

from matching.region_neighbours import BORDERS as LAND_BORDERS

TODAY = datetime.date(2026, 11, 22)


@dataclass(frozen=True)
class Occupation:
    key: str
    family: str
    ad_titles: tuple[str, ...]  # how postings name it
    wished_as: tuple[str, ...]  # how seniors name it when they say what they want
    done_as: tuple[str, ...]  # how it appears in a career line
    licence: str | None  # required by law for the work (as written in the posting)
    held_as: tuple[str, ...]  # how a senior holding that licence writes it
    pay: tuple[str, int, int]  # (period, low, high) in KRW of that period


OCCUPATIONS = (
    Occupation(
        "guard", "security",
        ("아파트 경비원 모집 (격일제)", "경비원 구인 - 24시간 격일근무", "00아파트 보안요원 채용",
         "상가 경비 및 주차관리", "학교 보안관 모집"),
        ("경비", "아파트 경비원", "경비원", "경비 일"),
        ("아파트 경비", "경비원", "건물 경비"),
        None, (), ("month", 2_100_000, 2_600_000),
    ),
    Occupation(
        "parking", "security",
        ("주차관리원 모집", "주차 안내 및 관리 요원", "백화점 주차요원 채용"),
        ("주차관리", "주차 관리원"),
        ("주차관리", "주차장 관리"),
        None, (), ("month", 2_000_000, 2_400_000),
    ),
    Occupation(
        "cleaner", "cleaning",
        ("건물 미화원 모집", "환경미화원(청소) 채용 - 오피스빌딩", "병원 청소원 구인",
         "아파트 미화 담당"),
        ("미화원", "청소", "환경미화"),
        ("건물 미화", "청소 용역"),
        None, (), ("month", 1_900_000, 2_300_000),
    ),
    Occupation(
        "care_worker", "care",
        ("요양보호사 모집 (주간보호센터)", "방문요양 요양보호사 구인",
         "요양원 요양보호사 채용 - 3교대", "재가 요양보호사 급구"),
        ("요양보호사", "요양 보호사", "방문요양"),
        ("요양보호사", "요양원 요양보호사"),
        "요양보호사", ("요양보호사", "요양보호사 자격증", "요양보호사 1급"),
        ("hour", 10_500, 13_000),
    ),
    Occupation(
        "social_worker", "care",
        ("사회복지사 채용 (노인복지관)", "재가복지센터 사회복지사 모집"),
        ("사회복지사",),
        ("사회복지사", "복지관 사회복지사"),
        "사회복지사", ("사회복지사 2급", "사회복지사 1급", "사회복지사"),
        ("month", 2_400_000, 2_900_000),
    ),
    Occupation(
        "facility", "facility",
        ("아파트 시설관리 기사 모집", "건물 시설관리원 (전기/기계) 채용", "빌딩 영선 및 시설 담당",
         "시설관리 주임 구인"),
        ("시설관리", "건물관리", "시설 관리"),
        ("건물 시설관리", "아파트 설비기사", "빌딩 시설관리"),
        None, (), ("month", 2_500_000, 3_200_000),
    ),
    Occupation(
        "electrician", "facility",
        ("전기안전관리자 채용", "아파트 전기주임 모집", "전기기사(건물 전기관리) 구인"),
        ("전기관리", "전기 기사", "전기안전관리"),
        ("전기관리", "전기주임", "공장 전기보수"),
        "전기기능사", ("전기기능사", "전기기능사 자격증"),
        ("month", 2_800_000, 3_600_000),
    ),
    Occupation(
        "housing_manager", "facility",
        ("아파트 관리소장 채용", "공동주택 관리사무소장 모집 (500세대)", "관리소장 구인"),
        ("관리소장", "아파트 관리소장", "주택관리"),
        ("아파트 관리소장", "관리사무소장"),
        "주택관리사", ("주택관리사", "주택관리사 자격"),
        ("month", 3_500_000, 4_500_000),
    ),
    Occupation(
        "forklift", "driving_logistics",
        ("지게차 운전원 모집", "물류센터 지게차 기사 채용", "지게차 상하차 작업자 구인"),
        ("지게차", "지게차 운전", "지게차 기사"),
        ("지게차 운전", "물류창고 지게차"),
        "지게차운전기능사", ("지게차운전기능사", "지게차 자격증", "지게차"),
        ("month", 2_600_000, 3_200_000),
    ),
    Occupation(
        "delivery", "driving_logistics",
        ("1톤 배송기사 모집", "식자재 납품 배송 기사 채용", "택배 배송원 (지입 아님) 구인"),
        ("배송기사", "배송", "운전"),
        ("배송기사", "화물 배송", "납품 운전"),
        "운전면허 1종 보통", ("운전면허 1종 보통", "1종 보통", "1종보통 운전면허"),
        ("month", 2_800_000, 3_400_000),
    ),
    Occupation(
        "shuttle", "driving_logistics",
        ("통근버스 기사 모집 (45인승)", "학원 차량 운전기사 채용", "셔틀버스 운전원 구인"),
        ("버스기사", "운전기사", "차량 운행"),
        ("버스 운전", "관광버스 기사", "통근버스 운전"),
        "운전면허 1종 대형", ("1종 대형", "운전면허 1종 대형", "대형면허"),
        ("month", 2_700_000, 3_300_000),
    ),
    Occupation(
        "quality", "production_quality",
        ("자동차부품 품질검사원 모집", "품질관리(QC) 담당자 채용", "전자부품 수입검사 / 출하검사"),
        ("품질관리", "품질검사", "QC"),
        ("자동차부품 품질관리", "품질보증", "품질검사"),
        None, (), ("month", 2_600_000, 3_500_000),
    ),
    Occupation(
        "production", "production_quality",
        ("생산직 사원 모집 (주간)", "식품공장 포장 및 생산 보조", "기계 조작원 채용 - 2교대"),
        ("생산직", "공장 생산", "포장"),
        ("생산직", "제조 생산라인", "기계 조작"),
        None, (), ("month", 2_200_000, 2_700_000),
    ),
    Occupation(
        "cook", "cooking",
        ("단체급식 조리원 모집", "구내식당 조리 실무자 채용", "요양병원 주방 조리원 구인",
         "학교 급식 조리 종사원"),
        ("조리원", "조리", "급식"),
        ("단체급식 조리", "식당 주방", "한식 조리"),
        None, (), ("month", 2_000_000, 2_500_000),
    ),
    Occupation(
        "bookkeeper", "office",
        ("경리 사무원 채용 (더존 가능자)", "회계 및 경리 담당 모집", "중소기업 경리·총무"),
        ("경리", "회계", "사무 경리"),
        ("경리", "회계 담당", "총무 경리"),
        None, (), ("month", 2_300_000, 2_900_000),
    ),
    Occupation(
        "safety", "construction",
        ("건설현장 안전관리자 모집", "공사현장 안전관리 담당 채용",
         "산업안전관리자 (제조업) 구인"),
        ("안전관리", "안전관리자", "현장 안전"),
        ("건설 안전관리", "현장 안전관리자"),
        "산업안전기사", ("산업안전기사", "산업안전기사 자격증"),
        ("month", 3_200_000, 4_200_000),
    ),
    Occupation(
        "instructor", "education",
        ("직업훈련교사 (용접) 모집", "평생교육원 강사 채용", "방과후 강사 모집"),
        ("강사", "직업훈련교사", "교육 강사"),
        ("기업 교육 강사", "직업훈련 강사"),
        None, (), ("hour", 30_000, 50_000),
    ),
    Occupation(
        "sales", "sales",
        ("법인 영업 담당 모집 (경력직)", "건자재 영업사원 채용", "의료기기 영업 경력자 구인"),
        ("영업", "영업직", "법인영업"),
        ("법인영업", "자동차 영업", "영업 관리"),
        None, (), ("month", 2_800_000, 3_800_000),
    ),
)  # fmt: skip
OCCUPATION = {occupation.key: occupation for occupation in OCCUPATIONS}
# Whose licence (as occupation keys, in `Senior.licences`) allows each licensed work.
LICENSED_BY = {
    occupation.key: frozenset(
        {occupation.key, *({"shuttle"} if occupation.key == "delivery" else ())}
    )
    for occupation in OCCUPATIONS
}

# A small country: 시군구 with the ways people write them, and which border which.
PLACES = {
    "강남": ("서울특별시", "강남구", ("서울 강남구", "서울특별시 강남구 역삼동", "강남구")),
    "서초": ("서울특별시", "서초구", ("서울 서초구", "서초구 방배동", "서울시 서초구")),
    "송파": ("서울특별시", "송파구", ("서울 송파구", "송파구 문정동", "서울특별시 송파구")),
    "노원": ("서울특별시", "노원구", ("서울 노원구", "노원구 상계동", "서울시 노원구")),
    "성남": ("경기도", "성남시", ("경기 성남시 분당구", "성남시 중원구", "경기도 성남시")),
    "수원": ("경기도", "수원시", ("경기 수원시 영통구 매탄동", "수원시 권선구", "수원")),
    "화성": ("경기도", "화성시", ("경기 화성시 동탄", "화성시 향남읍", "경기도 화성시")),
    "용인": ("경기도", "용인시", ("경기 용인시 기흥구", "용인시 처인구", "용인")),
    "의정부": ("경기도", "의정부시", ("경기 의정부시", "의정부시 민락동", "의정부")),
    "해운대": ("부산광역시", "해운대구", ("부산 해운대구", "부산시 해운대구 우동", "해운대구")),
    "수영": ("부산광역시", "수영구", ("부산 수영구", "부산광역시 수영구 광안동", "수영구")),
    "세종": ("세종특별자치시", "", ("세종", "세종특별자치시 조치원읍", "세종시 나성동")),
    "유성": ("대전광역시", "유성구", ("대전 유성구", "대전광역시 유성구 봉명동", "유성구")),
    "청주": ("충청북도", "청주시", ("충북 청주시 흥덕구", "청주시 오송읍", "청주")),
}


def _region_key(place: str) -> str:
    sido, sigungu, _ = PLACES[place]
    return f"{sido} {sigungu}" if sigungu else sido


# Land borders between the places, read off KOSTAT's boundary map (the data table of
# `matching.region_neighbours`, which leaves out borders between 구 of one city: those
# three are written here).
BORDERS = {
    frozenset((a, b))
    for a in PLACES
    for b in PLACES
    if _region_key(b) in LAND_BORDERS.get(_region_key(a), ())
} | {frozenset(("강남", "서초")), frozenset(("강남", "송파")), frozenset(("해운대", "수영"))}
# Two 구 of one metropolitan city without a border: a subway ride apart, but a long one.
SAME_CITY = {
    frozenset((a, b))
    for a in PLACES
    for b in PLACES
    if a != b
    and PLACES[a][0] == PLACES[b][0]
    and PLACES[a][1].endswith("구")
    and PLACES[b][1].endswith("구")
} - BORDERS
# Whole 시도 or areas a senior may name instead of 시군구, and the places they cover.
WIDE = {
    "서울 전체": ("서울 전지역", {"강남", "서초", "송파", "노원"}),
    "경기 남부": ("경기 남부", {"수원", "화성", "용인", "성남"}),
    "부산": ("부산 전체", {"해운대", "수영"}),
}
KINDS = {"full_time": "정규직", "contract": "계약직", "part_time": "시간제"}


@dataclass(frozen=True)
class Job:
    key: str
    occupation: str
    place: str  # a PLACES key, or "전국"
    pay: tuple[str, int | None, int | None]  # period, low, high (None: 협의)
    years: int  # experience asked, 0 for 무관
    age_max: int | None
    kind: str
    deadline: datetime.date | None
    start: str


@dataclass(frozen=True)
class Senior:
    key: str
    age: int
    wants: tuple[str, ...]  # occupation keys
    careers: tuple[tuple[str, int], ...]  # (occupation key, years)
    licences: frozenset[str]  # occupation keys whose licence they hold
    places: frozenset[str]  # PLACES keys they accept
    place_words: tuple[str, ...]  # how they named them
    pay_monthly: int | None
    kinds: frozenset[str]  # empty: any


def monthly(period: str, amount: int) -> int:
    """Pay of a period as a month's: 209 hours a month, 22 days."""
    return {"month": amount, "hour": amount * 209, "day": amount * 22, "year": amount // 12}[
        period
    ]


def grade(senior: Senior, job: Job, today: datetime.date = TODAY) -> int:
    """How well `job` fits `senior`, 0 to 3, by the rule in the module's docstring."""
    occupation = OCCUPATION[job.occupation]
    if job.deadline is not None and job.deadline < today:
        return 0
    if occupation.licence and not senior.licences & LICENSED_BY[job.occupation]:
        return 0
    if job.age_max is not None and senior.age > job.age_max:
        return 0
    pairs = {frozenset((job.place, chosen)) for chosen in senior.places}
    if job.place == "전국" or job.place in senior.places:
        distance = 0
    elif pairs & BORDERS:
        distance = 1
    elif pairs & SAME_CITY:
        distance = 2
    else:
        return 0
    years_done = sum(years for key, years in senior.careers if key == job.occupation)
    families = {OCCUPATION[key].family for key in senior.wants}
    done = {OCCUPATION[key].family for key, years in senior.careers if years >= 3}
    if job.occupation in senior.wants:
        best = 3
    elif years_done >= 3 or occupation.family in families:
        best = 2
    elif occupation.family in done:
        best = 1
    else:
        return 0
    shortfall = distance
    period, _, high = job.pay
    if senior.pay_monthly and high is not None:
        top = monthly(period, high)
        shortfall += 2 if top < 0.85 * senior.pay_monthly else int(top < senior.pay_monthly)
    shortfall += int(job.years > years_done)
    shortfall += int(bool(senior.kinds) and job.kind not in senior.kinds)
    return max(1, best - shortfall)


def jobs(count: int, rng: random.Random) -> list[Job]:
    places = [*PLACES, "전국"]
    made = []
    for number in range(count):
        occupation = rng.choice(OCCUPATIONS)
        period, low, high = occupation.pay
        roll = rng.random()
        pay: tuple[str, int | None, int | None]
        if roll < 0.15:
            pay = (period, None, None)
        elif roll < 0.55:
            pay = (period, low, low)
        else:
            pay = (period, low, high)
        kind = "part_time" if period == "hour" else rng.choice(("full_time", "contract"))
        deadline = rng.choice((None, TODAY + datetime.timedelta(days=rng.randint(-15, 45))))
        made.append(
            Job(
                key=f"Q{number:04d}",
                occupation=occupation.key,
                place=rng.choices(places, weights=[*[1] * len(PLACES), 0.3])[0],
                pay=pay,
                years=rng.choice((0, 0, 1, 3, 5, 10)),
                age_max=rng.choice((None, None, None, 60, 65, 70)),
                kind=kind,
                deadline=deadline,
                start=rng.choice(("즉시", "즉시 출근", "협의", "2026-12-01", "")),
            )
        )
    return made


def seniors(count: int, rng: random.Random) -> list[Senior]:
    made = []
    for number in range(count):
        wants = rng.sample(OCCUPATIONS, k=rng.choice((1, 1, 2)))
        careers = [(rng.choice((*wants, rng.choice(OCCUPATIONS))).key, rng.choice((2, 5, 10, 20)))]
        if rng.random() < 0.5:
            careers.append((rng.choice(OCCUPATIONS).key, rng.choice((3, 8, 15))))
        licences = {o.key for o in wants if o.licence and rng.random() < 0.85}
        licences |= {key for key, _ in careers if OCCUPATION[key].licence}
        words: tuple[str, ...]
        if rng.random() < 0.3:
            wide_key = rng.choice(list(WIDE))
            words, places = (WIDE[wide_key][0],), set(WIDE[wide_key][1])
        else:
            home = rng.choice(list(PLACES))
            chosen = [home]
            nearby = sorted(p for pair in BORDERS if home in pair for p in pair if p != home)
            if nearby and rng.random() < 0.4:
                chosen.append(rng.choice(nearby))
            places = set(chosen)
            words = tuple(_place_word(rng, place) for place in chosen)
        made.append(
            Senior(
                key=f"E{number:03d}",
                age=rng.randint(45, 68),
                wants=tuple(o.key for o in wants),
                careers=tuple(dict.fromkeys(careers)),
                licences=frozenset(licences),
                places=frozenset(places),
                place_words=words,
                pay_monthly=rng.choice((None, 2_000_000, 2_300_000, 2_500_000, 3_000_000)),
                kinds=frozenset(rng.choice(((), ("full_time",), ("full_time", "contract")))),
            )
        )
    return made


def _place_word(rng: random.Random, place: str) -> str:
    sido, sigungu, _ = PLACES[place]
    short = {"서울특별시": "서울", "경기도": "경기", "부산광역시": "부산", "대전광역시": "대전",
             "충청북도": "충북"}.get(sido, sido)  # fmt: skip
    if not sigungu:
        return rng.choice(("세종", "세종시", "세종특별자치시"))
    return rng.choice((f"{short} {sigungu}", sigungu, f"{sido} {sigungu}"))


def _pay_text(pay: tuple[str, int | None, int | None], rng: random.Random) -> str:
    period, low, high = pay
    if low is None or high is None:
        return rng.choice(("협의", "회사 내규에 따름", "면접 후 결정"))
    if period == "hour":
        return f"시급 {low:,}원" if low == high else f"시급 {low:,}~{high:,}원"
    man_low, man_high = low // 10_000, high // 10_000
    if low == high:
        return rng.choice(
            (f"월 {man_low}만원", f"월급 {man_low}만원", f"연봉 {man_low * 12:,}만원")
        )
    return rng.choice(
        (f"월 {man_low}~{man_high}만원", f"월 {man_low}만원 이상 (경력에 따라 협의)")
    )


def job_row(job: Job, rng: random.Random) -> dict[str, str]:
    occupation = OCCUPATION[job.occupation]
    if job.place == "전국":
        region = rng.choice(("전국", "전국 (현장별 배치)"))
    else:
        region = rng.choice(PLACES[job.place][2])
    experience = (
        rng.choice(("무관", "경력무관", "신입 가능"))
        if job.years == 0
        else rng.choice((f"경력 {job.years}년 이상", f"관련 경력 {job.years}년↑"))
    )
    age = (
        rng.choice(("무관", "연령무관", "중장년 우대"))
        if job.age_max is None
        else rng.choice((f"만 {job.age_max}세 이하", f"{job.age_max}세 이하"))
    )
    return {
        "external_id": job.key,
        "title": rng.choice(occupation.ad_titles),
        "company": f"{rng.choice(('한빛', '늘봄', '대성', '동원', '새솔'))}{job.key[-2:]} (주)",
        "region": region,
        "salary": _pay_text(job.pay, rng),
        "employment_type": {"full_time": "정규직", "contract": "계약직", "part_time": "시간제"}[
            job.kind
        ],
        "experience": experience,
        "age": age,
        "certificates": occupation.licence or "",
        "description": f"{occupation.ad_titles[0]} 업무입니다. 4대보험 가입.",
        "deadline": job.deadline.isoformat() if job.deadline else "상시",
        "start": job.start,
        "headcount": str(rng.choice((1, 1, 2, 3))),
    }


def senior_row(senior: Senior, rng: random.Random) -> dict[str, str]:
    careers = [f"{rng.choice(OCCUPATION[key].done_as)} {years}년" for key, years in senior.careers]
    held = [rng.choice(OCCUPATION[key].held_as) for key in sorted(senior.licences)]
    pay = senior.pay_monthly
    return {
        "external_id": senior.key,
        "name": "",
        "age": rng.choice((f"{senior.age}세", f"{TODAY.year - senior.age}년생", str(senior.age))),
        "desired_jobs": " | ".join(rng.choice(OCCUPATION[key].wished_as) for key in senior.wants),
        "career": " | ".join(careers),
        "certificates": " | ".join(held),
        "regions": ", ".join(senior.place_words),
        "desired_salary": "" if pay is None else f"월 {pay // 10_000}만원",
        "employment_types": ", ".join(KINDS[kind] for kind in sorted(senior.kinds)),
    }
