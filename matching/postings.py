"""Job postings as companies write them, parsed once into the facts matching compares.

Every field of a posting row is free Korean text ("경력 5년↑", "만 60세 이하", "월 280만원
(잔업수당 별도)", "계약직(정규직 전환 가능)"). `parse_posting` reads each field with the same
parsers the bot uses for seekers' answers wherever one exists, so both sides of a match speak
the same vocabulary; what a field does not say is left as None, never guessed.
"""

import datetime
import re
from dataclasses import dataclass, field

from matching.certificates import CERTIFICATES
from matching.employment import EmploymentType, parse_employment_types
from matching.pay import Pay, parse_pay
from matching.regions import Region, parse_regions
from matching.text import compact, normalize, split_items
from matching.titles import MODIFIER_WEIGHT, TitleTerms, analyse_title, key


@dataclass(frozen=True)
class PostingText:
    """A posting as stored: the raw text fields of one CSV row."""

    key: str  # external_id
    title: str
    company: str
    region: str  # "세종특별자치시 조치원읍", "서울 강남구", "전국", "재택근무"
    salary: str  # "월 300~350만원", "연봉 4,000만원", "시급 12,000원", "회사내규에 따름"
    employment_type: str  # "정규직", "계약직(정규직 전환 가능)", ...
    experience: str  # "경력 10년 이상", "무관", "관련 경력 3년 이상 우대"
    age: str  # "50세 이상 우대", "45~65세", "만 60세 이하", "무관"
    certificates: tuple[str, ...]  # as listed ("지게차운전기능사", "운전면허 1종 보통")
    description: str
    deadline: datetime.date | None  # None = 상시
    start: str  # "즉시", "YYYY-MM-DD" or ""
    vetted: bool  # company approved after a visit
    headcount: int | None = None  # people to hire; None = not said


@dataclass(frozen=True)
class PostingFacts:
    """What matching needs from a posting, parsed once.

    `required_certificates` are hard requirements in two groups, driving licences and the
    rest: a seeker needs one licence of each group that has any ("전기산업기사, 전기기사"
    means either). Listed certificates that are marked 우대, are training certificates
    ("신임교육 이수"), or share a group with one we cannot recognise are
    `preferred_certificates` (canonical where recognised, else as written): a bonus only.
    """

    text: PostingText
    titles: tuple[str, ...]  # normalised title forms used for similarity
    families: frozenset[str]  # JobFamily.key values of the job itself
    regions: tuple[Region, ...]  # NATIONWIDE / REMOTE possible; () if not understood
    pay: Pay | None  # None = 내규/협의/unknown
    employment_types: frozenset[EmploymentType]  # empty = not stated
    min_experience_months: int | None  # None = 무관/신입 가능
    experience_preferred: bool  # "우대": soft, not a filter
    age_min: int | None
    age_max: int | None
    age_preferred: bool  # "50세 이상 우대": soft
    required_certificates: tuple[str, ...]  # canonical names (CERTIFICATES.resolve)
    start_immediately: bool
    start_date: datetime.date | None
    # Beyond the shared interface: what the matcher needs to judge relevance.
    preferred_certificates: tuple[str, ...] = ()
    job_terms: tuple[tuple[str, float], ...] = ()  # (canonical job title, weight)
    qualifiers: tuple[str, ...] = ()  # title words that are not jobs ("자동차부품")
    context: str = field(default="", repr=False)  # spaceless title + description, lower case


# --- Experience -------------------------------------------------------------------------------

_YEARS_MONTHS = re.compile(
    r"(?:(?P<low>\d{1,2})\s*(?:~|-)\s*\d{1,2}\s*년"
    r"|(?P<years>\d{1,2})(?:\.(?P<half>5))?\s*(?:년|yr|years?)\s*(?:차)?"
    r"(?:\s*(?P<extra>\d{1,2})\s*(?:개월|달))?|(?P<months>\d{1,3})\s*(?:개월|달))"
)
_PREFERRED = re.compile(r"우대|선호|환영|가산점|가점|플러스")
_NO_EXPERIENCE = re.compile(r"무관|신입|초보|미경험|경험\s*없|누구나")


def parse_experience(text: str) -> tuple[int | None, bool]:
    """Minimum months of experience and whether it is only preferred (우대).

    "경력 10년 이상" -> (120, False); "관련 경력 3년 이상 우대" -> (36, True); "경력 3~5년"
    -> (36, False); "신입 가능" / "무관" -> (None, False); "신입 가능(경력자 우대)" ->
    (None, True). A figure next to "신입" or "무관" is a preference, never a requirement.
    """
    cleaned = normalize(text)
    preferred = bool(_PREFERRED.search(cleaned))
    open_to_new = bool(_NO_EXPERIENCE.search(cleaned))
    match = _YEARS_MONTHS.search(cleaned)
    if match is None:
        return None, preferred
    if match["low"] is not None:  # "경력 3~5년": at least the lower figure
        months = int(match["low"]) * 12
    elif match["months"] is not None:
        months = int(match["months"])
    else:
        months = int(match["years"]) * 12 + (6 if match["half"] else 0)
        months += int(match["extra"] or 0)
    if months <= 0 or months > 50 * 12:
        return None, preferred
    return months, preferred or open_to_new


# --- Age --------------------------------------------------------------------------------------

_AGE = r"(?:만\s*)?(\d{2})\s*(?:세|살)"
_AGE_RANGE = re.compile(
    rf"(?:만\s*)?(\d{{2}})\s*(?:세|살)?\s*(?:~|-|부터|에서)\s*{_AGE}(\s*미만)?"
)
_AGE_BOTH = re.compile(rf"{_AGE}\s*이상\s*,?\s*{_AGE}\s*(이하|미만|까지)")
_DECADES = re.compile(r"(\d)0\s*대?\s*(?:~|-|부터)\s*(\d)0\s*대|(\d)0\s*대(\s*이상)?")
_AGE_MIN = re.compile(rf"{_AGE}\s*(이상|부터|초과|넘)")
_AGE_MAX = re.compile(rf"(?:정년\s*(?:만\s*)?(\d{{2}})\s*세?)|(?:{_AGE}\s*(이하|까지|미만|이내))")
_AGE_WORDS: tuple[tuple[str, int], ...] = (
    ("준고령", 50),
    ("고령", 55),
    ("노인", 60),
    ("어르신", 60),
    ("시니어", 50),
    ("신중년", 40),
    ("중장년", 40),
    ("장년", 40),
    ("중년", 40),
)
_AGE_PREFERRED = re.compile(r"우대|가능|환영|선호|모십니다|도\s*지원")
_MIN_PLAUSIBLE_AGE = 15
_MAX_PLAUSIBLE_AGE = 99


def parse_age(text: str) -> tuple[int | None, int | None, bool]:
    """(minimum age, maximum age, only preferred) from a posting's age field.

    "45~65세" is a hard range; "50세 이상 우대" and "60세 이상 가능" only prefer; "만 60세
    이하", "60세 미만" (-> 59) and "정년 60세" are hard upper limits; "중장년 우대" prefers
    40+, "시니어" 50+, "고령자" 55+. "무관" and unknown text give (None, None, False).
    """
    cleaned = normalize(text)
    preferred = bool(_AGE_PREFERRED.search(cleaned))
    low: int | None = None
    high: int | None = None
    if match := _AGE_BOTH.search(cleaned):
        low = int(match[1])
        high = int(match[2]) - (1 if match[3] == "미만" else 0)
    elif match := _AGE_RANGE.search(cleaned):
        low, high = int(match[1]), int(match[2]) - (1 if match[3] else 0)
    elif match := _DECADES.search(cleaned):
        if match[1] is not None:  # "40대~60대", "50~60대"
            low, high = int(match[1]) * 10, int(match[2]) * 10 + 9
        else:  # "50대", "60대 이상"
            low = int(match[3]) * 10
            high = None if match[4] else low + 9
    else:
        if match := _AGE_MIN.search(cleaned):
            low = int(match[1]) + (1 if match[2] in ("초과", "넘") else 0)
        if match := _AGE_MAX.search(cleaned):
            if match[1] is not None:
                high = int(match[1])
            else:
                high = int(match[2]) - (1 if match[3] == "미만" else 0)
    if low is None and high is None:
        spaceless = cleaned.replace(" ", "")
        for word, age in _AGE_WORDS:
            if word in spaceless:
                return age, None, True
        return None, None, False
    if (low is not None and not _MIN_PLAUSIBLE_AGE <= low <= _MAX_PLAUSIBLE_AGE) or (
        high is not None and not _MIN_PLAUSIBLE_AGE <= high <= _MAX_PLAUSIBLE_AGE
    ):
        return None, None, False
    if low is not None and high is not None and low > high:
        return None, None, False
    return low, high, preferred


# --- Start ------------------------------------------------------------------------------------

_IMMEDIATE = re.compile(r"즉시|바로|당장|asap|당일|급구", re.IGNORECASE)
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})")


def parse_start(text: str) -> tuple[bool, datetime.date | None]:
    """(start immediately, start date) from "즉시", "즉시 출근", "2026-12-01", "협의", ""."""
    cleaned = normalize(text)
    if _IMMEDIATE.search(cleaned):
        return True, None
    if match := _DATE.search(cleaned):
        try:
            return False, datetime.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return False, None
    return False, None


# --- Salary -----------------------------------------------------------------------------------

_NOTES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_PERIOD_AND_FIGURE = re.compile(
    r"(?P<period>시급|시간당|일급|일당|월급여|월급|월|연봉)\D*?"
    r"(?P<figure>\d[\d,.]*\s*[천백만억]*\s*(?:[\d,.]+\s*[천백만]*)?\s*원?"
    r"(?:\s*[~\-]\s*\d[\d,.]*\s*[천백만억]*\s*(?:[\d,.]+\s*[천백만]*)?\s*원?)?(?:\s*이상)?)"
)


def parse_salary(text: str) -> Pay | None:
    """The pay a posting offers; None for 회사내규, 협의, per-task pay or unreadable text.

    Notes in brackets are dropped first ("월 280만원 (잔업수당 별도)"); if the rest is still
    not a plain figure ("시간당 강사료 40,000원", "월 300만원 + 인센티브"), the first period
    word with the figure after it is read.
    """
    cleaned = _NOTES.sub(" ", normalize(text)).strip()
    answer = parse_pay(cleaned)
    if answer is not None:
        return answer.pay
    match = _PERIOD_AND_FIGURE.search(cleaned)
    if match is None:
        return None
    answer = parse_pay(f"{match['period']} {match['figure']}")
    return None if answer is None else answer.pay


# --- Certificates -----------------------------------------------------------------------------

_CERT_PREFERRED = re.compile(r"우대|선호|가산|있으면|소지자\s*우대|플러스")
_CERT_NOISE = re.compile(r"필수|소지자|보유자|취득자|소지|보유|이상|지참|\(|\)")
_TRAINING = re.compile(r"교육|이수|수료")
DRIVING_PREFIX = "운전면허"
_DRIVING = re.compile(
    r"([12])종(보통|대형|특수)?"
)  # "1종 보통", "2종 운전면허": a driving licence
_LOWEST_GRADE_HINTS = ("2종 보통", "2급", "기능사")


def parse_certificate(text: str) -> tuple[str | None, bool]:
    """(canonical name or None if unrecognised, soft) for one listed certificate.

    A name that could be several grades ("운전면허", "사회복지사") is read as the lowest one,
    which any grade satisfies. Training certificates are never hard requirements.
    """
    cleaned = normalize(text)
    soft = bool(_CERT_PREFERRED.search(cleaned)) or bool(_TRAINING.search(cleaned))
    name = _CERT_NOISE.sub(" ", _CERT_PREFERRED.sub(" ", cleaned)).strip()
    if not name:
        return None, True
    if driving := _DRIVING.search(name.replace(" ", "")):
        licence = f"{DRIVING_PREFIX} {driving[1]}종 {driving[2] or '보통'}"
        if licence in CERTIFICATES:
            return licence, soft
    resolution = CERTIFICATES.resolve(name)
    if resolution.known:
        # Only an exact name counts: a fuzzy "조리산업기사" must not become 전기산업기사.
        return (resolution.value, soft) if _spelled_as(name, resolution.value) else (None, True)
    options = tuple(option for option in resolution.suggestions if _spelled_as(name, option))
    if options and len({_base(option) for option in options}) == 1:
        for hint in _LOWEST_GRADE_HINTS:
            lowest = [option for option in options if hint in option]
            if lowest:
                return lowest[0], soft
        return options[-1], soft
    if options and all(option.startswith(DRIVING_PREFIX) for option in options):
        return f"{DRIVING_PREFIX} 2종 보통", soft
    return None, True


def _spelled_as(text: str, canonical: str) -> bool:
    """Whether `text` is `canonical` or one of its aliases, ignoring spaces and a filler ending."""
    spellings = {key(canonical)} | {key(alias) for alias in CERTIFICATES.aliases(canonical)}
    typed = key(text)
    return typed in spellings or any(
        typed.endswith(ending) and typed[: -len(ending)] in spellings
        for ending in _CERT_FILLER_ENDINGS
    )


_CERT_FILLER_ENDINGS = ("자격증", "자격", "면허증", "증", "취득", "합격", "수료", "이수")


def _base(name: str) -> str:
    """A certificate name without its grade: "사회복지사 1급" -> "사회복지사"."""
    return re.sub(r"\s*\d\s*(?:급|종.*)$", "", name)


def _certificates(items: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(required, preferred) canonical names; a group with an unknown name is all preferred."""
    parsed: list[tuple[str | None, bool, str]] = []
    for item in items:
        for part in split_items(item.replace("|", ",")):
            name, soft = parse_certificate(part)
            parsed.append((name, soft, part))
    required: list[str] = []
    preferred: list[str] = []
    for driving in (True, False):
        group = [
            (name, soft, part)
            for name, soft, part in parsed
            if (name is not None and name.startswith(DRIVING_PREFIX)) == driving
        ]
        group_unknown = any(name is None for name, _, _ in group)
        for name, soft, part in group:
            if name is None:
                preferred.append(normalize(part))
            elif soft or group_unknown:
                preferred.append(name)
            else:
                required.append(name)
    return tuple(dict.fromkeys(required)), tuple(dict.fromkeys(preferred))


# --- Whole posting ----------------------------------------------------------------------------

EXPERIENCE_TERM_WEIGHT = 0.8
"""A job named in the experience field ("경리 또는 기장 경력") is nearly the job itself."""


def _regions(text: str) -> tuple[Region, ...]:
    lookup = parse_regions(text)
    regions = list(lookup.regions)
    for ambiguous in lookup.ambiguous:
        regions.extend(option for option in ambiguous.options if option not in regions)
    return tuple(regions)


def _job_terms(title: TitleTerms, experience: str) -> tuple[tuple[str, float], ...]:
    """The title's terms, plus the jobs named in the experience field, as modifiers or better."""
    terms = dict(title.terms)
    for name, weight in analyse_title(experience).terms:
        boosted = EXPERIENCE_TERM_WEIGHT if weight > MODIFIER_WEIGHT else MODIFIER_WEIGHT
        if boosted > terms.get(name, 0.0):
            terms[name] = boosted
    return tuple(sorted(terms.items(), key=lambda item: -item[1]))


def parse_posting(posting: PostingText) -> PostingFacts:
    """Parse every field of `posting` once; what a field does not say stays None or empty."""
    title = analyse_title(posting.title)
    answer = parse_employment_types(posting.employment_type) if posting.employment_type else None
    months, experience_preferred = parse_experience(posting.experience)
    age_min, age_max, age_preferred = parse_age(posting.age)
    start_immediately, start_date = parse_start(posting.start)
    required, preferred = _certificates(posting.certificates)
    titles = title.segments if len(title.segments) <= 1 else (title.text, *title.segments)
    return PostingFacts(
        text=posting,
        titles=tuple(dict.fromkeys(titles)),
        families=title.families,
        regions=_regions(posting.region),
        pay=parse_salary(posting.salary),
        employment_types=frozenset(answer.types) if answer is not None else frozenset(),
        min_experience_months=months,
        experience_preferred=experience_preferred,
        age_min=age_min,
        age_max=age_max,
        age_preferred=age_preferred,
        required_certificates=required,
        start_immediately=start_immediately,
        start_date=start_date,
        preferred_certificates=preferred,
        job_terms=_job_terms(title, posting.experience),
        qualifiers=title.qualifiers,
        context=key(f"{posting.title} {posting.description}"),
    )


def posting_problems(posting: PostingText) -> list[str]:
    """Korean reasons a posting row cannot be used for matching; [] when it can."""
    problems: list[str] = []
    if not compact(posting.key):
        problems.append("공고 번호가 비어 있어요")
    if title := title_problem(posting.title):
        problems.append(title)
    if not compact(posting.company):
        problems.append("회사 이름이 비어 있어요")
    if region := region_problem(posting.region):
        problems.append(region)
    return problems


def title_problem(title: str) -> str | None:
    """Why a posting's title cannot be matched (it has no letters); None when it can."""
    return None if any(char.isalpha() for char in normalize(title)) else "공고 제목이 비어 있어요"


def region_problem(region: str) -> str | None:
    """Why a posting's region cannot be matched (empty or unknown); None when it can."""
    if not compact(region):
        return "근무 지역이 비어 있어요"
    if not _regions(region):
        return f"근무 지역 '{region.strip()}'을(를) 알 수 없어요"
    return None
