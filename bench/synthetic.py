"""Synthetic but realistic postings and seekers for benchmarks.

Postings are written the way Korean job boards write them ("아파트 경비원 모집 (24시간 격일)",
"월 250만원 (식대 포함)", "만 65세 이하") and go through the real parser; seekers look like
profiles the bot builds (canonical desired jobs, careers with qualifiers and years, region
keys chosen around a home 시군구). Regions follow population, jobs follow the senior job
market (many 경비, 미화, 요양; few IT). Everything comes from one seeded `random.Random`.
"""

import datetime
import random
from collections.abc import Sequence

from matching.engine import SeekerFacts
from matching.jobs import JOB_FAMILIES, JOB_TITLES
from matching.postings import PostingText
from matching.region_data import AREAS, SIDO
from matching.region_neighbours import neighbours

TODAY = datetime.date(2026, 11, 22)

# Millions of people per 시도 (2024, rounded): postings and seekers follow them.
_POPULATION = {
    "서울특별시": 9.4, "부산광역시": 3.3, "대구광역시": 2.4, "인천광역시": 3.0,
    "광주광역시": 1.4, "대전광역시": 1.4, "울산광역시": 1.1, "세종특별자치시": 0.4,
    "경기도": 13.6, "강원특별자치도": 1.5, "충청북도": 1.6, "충청남도": 2.1,
    "전북특별자치도": 1.7, "전라남도": 1.8, "경상북도": 2.5, "경상남도": 3.2,
    "제주특별자치도": 0.7,
}  # fmt: skip
# Share of senior job postings per family.
_FAMILY_SHARE = {
    "security": 15, "cleaning": 15, "care": 14, "driving_logistics": 12,
    "production_quality": 10, "facility": 8, "cooking": 8, "office": 6, "construction": 5,
    "sales": 3, "education": 2, "it": 1, "research": 1,
}  # fmt: skip
_QUALIFIERS = {
    "security": ("아파트", "오피스텔", "물류센터", "공장", "학교", "병원", "대학교", "상가"),
    "cleaning": ("건물", "병원", "아파트", "학교", "오피스", "호텔", "관공서", "상가"),
    "care": ("방문", "주간보호센터", "요양원", "재가", "노인복지관", "요양병원"),
    "driving_logistics": ("물류센터", "1톤", "5톤", "택배", "식자재", "냉동창고", "통근"),
    "production_quality": (
        "자동차부품",
        "전자부품",
        "식품",
        "화장품",
        "금속",
        "플라스틱",
        "반도체",
    ),
    "facility": ("아파트", "오피스텔", "상가", "병원", "호텔", "공공기관", "대학교"),
    "cooking": ("단체급식", "구내식당", "요양병원", "학교", "어린이집", "한식당"),
    "office": ("세무회계", "건설사", "물류회사", "병원", "제조업체", "협회"),
    "construction": ("아파트 신축", "공동주택", "도로", "플랜트", "리모델링", "관급"),
    "sales": ("자동차", "보험", "식품", "화장품", "의료기기", "건자재"),
    "education": ("직업훈련", "평생교육원", "복지관", "초등학교", "도서관"),
    "it": ("공공기관", "병원", "학교", "제조업체"),
    "research": ("자동차부품", "전자부품", "식품", "소재"),
}
_SUFFIXES = ("", "", "", " 모집", " 채용", " 담당", " (주간)", " (야간)", " 구인", " 급구")
_FREE_TITLES = (
    "항공정비사", "미싱사", "주유원", "세차원", "검침원", "재봉사", "바리스타", "목욕관리사",
    "이미용사", "산림보호원", "수질관리원", "재활용 선별원", "통역", "사서 보조", "매표원",
)  # fmt: skip
_CERTIFICATES = {
    "지게차": "지게차운전기능사",
    "요양보호사": "요양보호사",
    "전기관리": "전기기능사",
    "경비": "일반경비원 신임교육 이수",
    "조리사": "한식조리기능사",
    "버스기사": "운전면허 1종 대형",
    "배송기사": "운전면허 1종 보통",
    "운전기사": "운전면허 1종 보통",
    "경리": "전산회계 1급",
    "안전관리": "산업안전기사",
    "보일러": "에너지관리기능사",
    "중장비": "굴착기운전기능사",
}
_EXPERIENCE = (
    "무관", "신입 가능", "경력 1년 이상", "경력 3년 이상", "경력 5년↑", "경력 10년 이상",
    "관련 경력 3년 이상 우대", "경력무관",
)  # fmt: skip
_AGES = (
    "무관", "연령무관", "50세 이상 우대", "45~65세", "만 60세 이하", "만 65세 이하", "55세 이상",
    "중장년 우대", "60세 미만",
)  # fmt: skip
_FAMILY_OF = {title: family.key for family in JOB_FAMILIES for title in family.titles}
_TITLES_BY_FAMILY = {family.key: family.titles for family in JOB_FAMILIES}


class World:
    """Region choices weighted by population, with the 시군구 keys behind them."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.places: list[tuple[str, str, str]] = []  # (sido key, sigungu key, text)
        weights: list[float] = []
        for sido, data in SIDO.items():
            names = data.sigungu or ("",)
            for name in names:
                key = f"{sido} {name}" if name else sido
                text = f"{data.label} {name}".strip() if name else f"{sido}"
                self.places.append((sido, key, text))
                weights.append(_POPULATION[sido] / len(names))
        self.weights = weights

    def place(self) -> tuple[str, str, str]:
        return self.rng.choices(self.places, self.weights)[0]


def _family(rng: random.Random) -> str:
    return rng.choices(list(_FAMILY_SHARE), list(_FAMILY_SHARE.values()))[0]


def _spelling(rng: random.Random, title: str) -> str:
    """The canonical title or one of its everyday spellings."""
    aliases = JOB_TITLES.aliases(title)
    return title if not aliases or rng.random() < 0.5 else rng.choice(aliases)


def _pay_text(rng: random.Random, family: str) -> str:
    roll = rng.random()
    if roll < 0.1:
        return rng.choice(("회사내규에 따름", "면접 후 결정", "협의"))
    base = {"it": 300, "research": 330, "construction": 330, "office": 250}.get(family, 230)
    if roll < 0.3:
        return f"시급 {rng.randrange(10_320, 15_000, 10):,}원"
    if roll < 0.4:
        return f"일급 {rng.randrange(11, 20)}만원"
    if roll < 0.55:
        low = rng.randrange(base * 12, base * 18, 100)
        return f"연봉 {low:,}만원"
    low = rng.randrange(base - 30, base + 80, 5)
    if rng.random() < 0.4:
        return f"월 {low}~{low + rng.choice((20, 30, 50))}만원"
    return f"월 {low}만원" + rng.choice(("", " (식대 포함)", " (잔업수당 별도)"))


def posting(rng: random.Random, world: World, number: int) -> PostingText:
    """One realistic posting."""
    if rng.random() < 0.03:
        family, title = "", rng.choice(_FREE_TITLES)
    else:
        family = _family(rng)
        canonical = rng.choice(_TITLES_BY_FAMILY[family])
        words = [_spelling(rng, canonical)]
        if rng.random() < 0.6:
            words.insert(0, rng.choice(_QUALIFIERS[family]))
        title = " ".join(words) + rng.choice(_SUFFIXES)
    roll = rng.random()
    if roll < 0.02:
        region = "전국"
    elif roll < 0.04:
        region = "재택근무"
    else:
        sido, _, text = world.place()
        region = text if rng.random() > 0.03 else SIDO[sido].label
        if rng.random() < 0.3:
            region += rng.choice((" 중앙동", " 신도시", " 산업단지", " 역삼동"))
    deadline = None if rng.random() < 0.3 else TODAY + datetime.timedelta(rng.randint(-20, 60))
    certificate = _CERTIFICATES.get(title.split()[-1], "") if family else ""
    return PostingText(
        key=f"S{number:07d}",
        title=title,
        company=f"(주)회사{number % 997}",
        region=region,
        salary=_pay_text(rng, family),
        employment_type=rng.choice(
            ("정규직", "정규직", "계약직", "계약직(정규직 전환 가능)", "시간제", "일용직")
        ),
        experience=rng.choice(_EXPERIENCE),
        age=rng.choice(_AGES),
        certificates=(certificate,) if certificate and rng.random() < 0.5 else (),
        description=f"{title} 업무. 주 5일, 4대보험. {rng.choice(_QUALIFIERS.get(family, ('',)))}",
        deadline=deadline,
        start=rng.choice(("즉시", "즉시 출근", "", "협의", "2026-12-01", "2027-01-02")),
        vetted=rng.random() < 0.6,
    )


def _regions(rng: random.Random, world: World) -> tuple[str, ...]:
    roll = rng.random()
    if roll < 0.04:
        return ("전국",)
    if roll < 0.06:
        return ("재택",)
    sido, home, _ = world.place()
    if roll < 0.14:
        return (sido,)
    if roll < 0.17:
        areas = [f"area:{label}" for label, data in AREAS.items() if home in data.members]
        if areas:
            return (areas[0],)
    chosen = [home]
    nearby = sorted(neighbours(home))
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        if nearby:
            chosen.append(rng.choice(nearby))
    if rng.random() < 0.05:
        chosen.append("재택")
    return tuple(dict.fromkeys(chosen))


def seeker(rng: random.Random, world: World, number: int) -> SeekerFacts:
    """One realistic profile as the bot stores it."""
    family = _family(rng)
    titles = _TITLES_BY_FAMILY[family]
    desired = rng.sample(titles, k=min(len(titles), rng.choice((1, 1, 2, 2, 3))))
    careers: list[tuple[str, int | None]] = []
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        past_family = family if rng.random() < 0.6 else _family(rng)
        title = rng.choice(_TITLES_BY_FAMILY[past_family])
        text = f"{rng.choice(_QUALIFIERS[past_family])} {_spelling(rng, title)}"
        if rng.random() < 0.03:
            text = text[:-1] + "괸"  # a typo
        careers.append((text, rng.choice((None, 12, 36, 60, 96, 120, 180, 240, 300))))
    if rng.random() < 0.03:
        desired.append(rng.choice(_FREE_TITLES))
    certificates = [c for t in desired if (c := _CERTIFICATES.get(t))]
    if rng.random() < 0.5:
        certificates.append(rng.choice(("운전면허 1종 보통", "운전면허 2종 보통")))
    pay = rng.choice((None, 2_000_000, 2_300_000, 2_500_000, 2_800_000, 3_000_000, 3_500_000))
    kinds = rng.choice(
        ((), ("full_time",), ("full_time", "contract"), ("part_time",), ("contract", "part_time"))
    )
    return SeekerFacts(
        key=f"P{number:07d}",
        desired_jobs=tuple(desired),
        careers=tuple(careers),
        certificates=tuple(certificates),
        regions=_regions(rng, world),
        pay_monthly=pay,
        employment_types=kinds,
        birth_year=rng.randint(1958, 1986),
    )


def postings(count: int, *, seed: int = 7) -> list[PostingText]:
    rng = random.Random(seed)
    world = World(rng)
    return [posting(rng, world, number) for number in range(count)]


def arriving_postings(count: int) -> list[PostingText]:
    """`count` postings still open on TODAY, as new ones arriving one at a time."""
    drawn = postings(count * 3, seed=5)
    return [p for p in drawn if p.deadline is None or p.deadline >= TODAY][:count]


def seekers(count: int, *, seed: int = 11) -> list[SeekerFacts]:
    rng = random.Random(seed)
    world = World(rng)
    return [seeker(rng, world, number) for number in range(count)]


def families_of(titles: Sequence[str]) -> set[str]:
    return {family for title in titles if (family := _FAMILY_OF.get(title))}
