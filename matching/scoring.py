"""How well one posting fits one seeker: the weights, each part's fit, and the reasons.

score = sum of weight x fit over the parts below, minus W_DISLIKED for a disliked family
and W_KIND for an employment type not chosen, clamped to 0..100. Every fit is in [0, 1],
except pay, which goes down to -1 far below the asked minimum, and experience, which goes
down to -0.8 when a hard requirement ("경력 10년 이상") is missed. The weights and thresholds
here are the one place where ranking is tuned; how close two job titles are (same 1.0,
close 0.75, same family 0.45, a modifier counting 0.4) lives with the titles in
`matching.titles`.
"""

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from matching.careers import describe_months
from matching.certificates import CERTIFICATES
from matching.pay import describe_pay
from matching.postings import DRIVING_PREFIX, PostingFacts
from matching.title_data import GENERIC_TITLES
from matching.titles import (
    CLOSE,
    CONTAINED,
    FAMILY,
    GENERIC_MISMATCH,
    RELATED,
    SAME,
    TitleTerms,
    analyse_title,
    key,
    qualifiers_agree,
)

# --- Weights: positive ones add up to 100 ----------------------------------------------------
W_TITLE = 52.0  # what the job is: the work itself decides whether a match makes sense
W_EXPERIENCE = 8.0  # years of related work rank jobs of one kind; never above the job asked for
W_REGION = 12.0  # seniors commute by bus and subway; distance is paid every day
W_PAY = 10.0  # more than the asked minimum is better, but a floor filter already protects
W_LICENCE = 5.0  # holding a licence the posting lists is a concrete head start
W_AGE = 5.0  # an employer who prefers the seeker's age band is likelier to hire them
W_TIMING = 4.0  # an urgent need (즉시 출근, closing within a week, several hires) will not wait
W_CONTEXT = 4.0  # the same industry words ("자동차부품") as the seeker's own role
W_DISLIKED = 25.0  # subtracted: the seeker said "관심 없어요" to this family of jobs
W_KIND = 8.0  # subtracted: an employment type the seeker did not choose (계약직 for 정규직)

# --- Thresholds --------------------------------------------------------------------------------
MIN_SCORE = 50.0
"""Below this a posting related only by its field is no match: a job only of the same family
needs most else to fit."""
MIN_RELATED_SCORE = 25.0
"""Below this no posting is a match, not even the very job the seeker named or did: that
only happens when nearly everything else is against it (far below the pay, a kind of
employment not chosen, a neighbouring place). Above it such a posting is always listed,
however low: never miss the posting that truly fits."""

MIN_RELEVANCE = 0.35
"""Title fit below this means unrelated work, whatever else fits ("never nonsense")."""
PAY_FLOOR = 0.8
"""At 80% of the asked minimum pay earns nothing; further below it costs, down to -W_PAY."""
FUZZY_CUTOFF = 80.0
"""Jamo ratio below this is a different word ("경리" vs "경비" is exactly 80)."""
FULL_EXPERIENCE_MONTHS = 180
"""15 years of related work earn the whole experience weight."""
UNKNOWN_CAREER_MONTHS = 12
"""A role given without a length still counts for a year."""
URGENT_DAYS = 7
SEVERAL_HIRES = 2
"""A posting hiring this many people at once has room for one more applicant."""
MATCHED = 0.7
"""A source relation at least this strong is the same or a neighbouring job, not just a field."""


def is_match(score: float, values: Sequence[float]) -> bool:
    """Whether a scored posting is shown, given each source's relation to it."""
    if score >= MIN_SCORE:
        return True
    return score >= MIN_RELATED_SCORE and max(values, default=0.0) >= MATCHED


def fuzzy_fit(score: float) -> float:
    """Map a jamo ratio to a relation: 80 -> 0.5 (barely alike), 100 -> 1.0 (same words)."""
    if score < FUZZY_CUTOFF:
        return 0.0
    return 0.5 + 0.5 * (score - FUZZY_CUTOFF) / (100.0 - FUZZY_CUTOFF)


CAREER_ONLY = 0.65
"""A past role the seeker did not ask for again counts this much of a wished-for job, in
the title fit and in its years of experience: someone who now wants cleaning work should
see cleaning before their old taxi job."""


SHORT_CAREER_MONTHS = 36
"""A role held for less than this was a stint, not a trade: it counts less in the title fit."""


def career_weight(months: int | None) -> float:
    """How much a past role's relation to a posting counts, by how long it lasted: 0.3 at
    nothing, in full from SHORT_CAREER_MONTHS (a role given without a length, in full)."""
    if months is None or months >= SHORT_CAREER_MONTHS:
        return 1.0
    return 0.3 + 0.7 * months / SHORT_CAREER_MONTHS


def title_fit(desired: float, career: float) -> float:
    """Combine the best desired-job and best career relations into one title fit.

    What the seeker asked for counts most; a career alone counts CAREER_ONLY of that; both
    together earn the last tenth, so a posting that is both wanted and done before wins,
    but not by so much that the other job asked for falls out of the top ten.
    """
    return 0.9 * max(desired, CAREER_ONLY * career) + 0.1 * min(desired, career)


# --- Seekers ---------------------------------------------------------------------------------

_CAREER_BREAK = re.compile(r"경력\s*단절|경단|공백|휴직|무직|구직|쉬었|육아로|육아\s*때문")
_IMPLIES: dict[str, tuple[str, ...]] = {
    "운전면허 1종 대형": ("운전면허 1종 보통", "운전면허 2종 보통"),
    "운전면허 1종 보통": ("운전면허 2종 보통",),
    "운전면허 1종 특수": ("운전면허 2종 보통",),
    "사회복지사 1급": ("사회복지사 2급",),
    "전기기사": ("전기산업기사", "전기기능사"),
    "전기산업기사": ("전기기능사",),
    "소방안전관리자 1급": ("소방안전관리자 2급",),
    "컴퓨터활용능력 1급": ("컴퓨터활용능력 2급",),
    "전산회계 1급": ("전산회계 2급",),
    "전산세무 1급": ("전산세무 2급", "전산회계 1급", "전산회계 2급"),
    "전산세무 2급": ("전산회계 1급", "전산회계 2급"),
    "위험물산업기사": ("위험물기능사",),
    "산업안전기사": ("산업안전산업기사",),
    "주택관리사": ("주택관리사보",),
}
"""A higher grade satisfies a posting asking for a lower one."""


@dataclass(frozen=True, eq=False)
class Source:
    """One thing a seeker said about work: a desired job or a past role.

    Compared by identity: `make_sources` shares one object per distinct input, and hashing
    the nested analysis on every cache lookup would cost more than the lookup saves.
    """

    desired: bool
    text: str
    months: int | None
    terms: TitleTerms
    compact: str
    weight: float
    """How much its relation to a posting counts in the title fit (`career_weight`)."""


def make_sources(
    desired_jobs: Iterable[str], careers: Iterable[tuple[str, int | None]]
) -> tuple[Source, ...]:
    """Desired jobs first, then careers; career breaks ("육아로 경력단절") are not work."""
    found = (make_source(True, text, None) for text in desired_jobs)
    careers_found = (make_source(False, text, months) for text, months in careers)
    return tuple(source for source in (*found, *careers_found) if source is not None)


@lru_cache(maxsize=1 << 17)
def make_source(desired: bool, text: str, months: int | None) -> Source | None:
    """One source, shared by every seeker who wrote the same words; None if it says no job."""
    terms = analyse_title(text)
    if not terms.forms or (not desired and _CAREER_BREAK.search(text)):
        return None
    weight = 1.0 if desired else career_weight(months)
    return Source(desired, text.strip(), months, terms, _key(text), weight)


_key = lru_cache(maxsize=1 << 16)(key)


def held_certificates(names: Iterable[str]) -> frozenset[str]:
    """Keys of the certificates a seeker holds, with the lower grades each one implies."""
    return _held(tuple(names))


@lru_cache(maxsize=1 << 14)
def _held(names: tuple[str, ...]) -> frozenset[str]:
    held: set[str] = set()
    for name in names:
        canonical = name if name in CERTIFICATES else None
        if canonical is None:
            resolution = CERTIFICATES.resolve(name)
            canonical = resolution.value if resolution.known else None
        if canonical is None:
            held.add(key(name))
            continue
        held.add(key(canonical))
        held.update(key(lower) for lower in _IMPLIES.get(canonical, ()))
    return frozenset(held)


_DRIVING_KEY = key(DRIVING_PREFIX)


def drives(held: frozenset[str]) -> bool:
    """Whether the seeker listed any driving licence (else we do not know, and do not filter)."""
    return any(name.startswith(_DRIVING_KEY) for name in held)


def licence_groups(posting: PostingFacts) -> tuple[frozenset[str], frozenset[str]]:
    """Required licence keys as (driving, other): one of each non-empty group is needed."""
    driving = frozenset(
        key(name) for name in posting.required_certificates if name.startswith(DRIVING_PREFIX)
    )
    other = frozenset(
        key(name) for name in posting.required_certificates if not name.startswith(DRIVING_PREFIX)
    )
    return driving, other


# --- Relations between what a seeker did or wants and a posting ---------------------------------


MIN_CONTAINED_LENGTH = 3
"""Two-letter titles ("경비", "영업") are inside too many others to mean the same job."""


def contained(source: Source, posting_title: str, posting_titles: frozenset[str]) -> bool:
    """Whether the posting's title spells out the source and more ("IT 헬프데스크 상담원").

    Only this direction counts, and only when the posting names every job the source names:
    "운전기사" inside "냉동창고 지게차 운전기사" is another job, not a closer one.
    """
    text = source.terms.compact
    return (
        len(text) >= MIN_CONTAINED_LENGTH
        and text in posting_title
        and all(title in posting_titles for title, _ in source.terms.terms)
    )


def term_relation(
    source: Source,
    posting_terms: tuple[tuple[str, float], ...],
    posting_qualifiers: tuple[str, ...],
    posting_context: str,
    posting_title: str,
    posting_titles: frozenset[str],
) -> tuple[float, bool]:
    """(relation 0..1, trade shared) between a source and a posting, through the taxonomy.

    The relation weighs heads over modifiers; "trade shared" says whether any of their titles
    are the same or close at all, modifiers included, which is enough for experience to count
    ("발전소 전기설비 정비" is experience for "직업훈련 강사 (전기)").
    """
    terms = source.terms
    best = CONTAINED if contained(source, posting_title, posting_titles) else 0.0
    shared = best > 0.0
    for ours, our_weight in terms.terms:
        row = RELATED[ours]
        for theirs, their_weight in posting_terms:
            relation = row.get(theirs)
            if relation is None:
                continue
            if relation >= CLOSE:
                if (
                    relation == SAME
                    and theirs in GENERIC_TITLES
                    and not qualifiers_agree(
                        terms.qualifiers, source.compact, posting_qualifiers, posting_context
                    )
                ):
                    relation = GENERIC_MISMATCH
                else:
                    shared = True
            value = our_weight * relation * their_weight  # same order as ranking's fast path
            if value > best:
                best = value
    return best, shared


# --- Parts of the score ---------------------------------------------------------------------


UNKNOWN_EXPERIENCE = 0.3
"""The experience fit of a seeker who listed no career: unknown, so neither good nor bad."""


def experience_fit(months: int | None, required: int, preferred: bool) -> float:
    """Related experience, up to 15 years; missing a requirement costs (less if only 우대).

    `months` None means the seeker listed no career at all: a neutral fit, and a requirement
    costs half, since they may well have the experience.
    """
    if months is None:
        if not required:
            return UNKNOWN_EXPERIENCE
        return UNKNOWN_EXPERIENCE - (0.3 if preferred else 0.8) / 2
    fit = min(months / FULL_EXPERIENCE_MONTHS, 1.0)
    if required and months < required:
        fit -= (required - months) / required * (0.3 if preferred else 0.8)
    return fit


def pay_fit(desired: int | None, low: int | None, high: int | None) -> float:
    """Pay against the asked monthly minimum; unknown on either side is neutral."""
    if desired is None or desired <= 0:
        return 0.5
    if low is None or high is None:
        return 0.35
    ratio = (low + high) / 2 / desired
    if ratio >= 1.0:
        return 0.75 + 0.25 * min((ratio - 1.0) / 0.25, 1.0)
    return max(-1.0, 0.75 * (ratio - PAY_FLOOR) / (1.0 - PAY_FLOOR))


def age_fit(age: int | None, low: int | None, high: int | None, preferred: bool) -> float:
    """A preference for the seeker's age band is a bonus; a senior-friendly range is good."""
    if age is None or (low is None and high is None):
        return 0.4
    inside = (low is None or age >= low) and (high is None or age <= high)
    if preferred:
        return 1.0 if inside else 0.1
    return 0.6 if low is not None and low >= 40 else 0.4


def timing(posting: PostingFacts, today: datetime.date) -> tuple[float, tuple[str, ...]]:
    """The company's demand in [0, 1] with its reasons, as AllWork weighs hiring timing:
    closing within a week (0.35), 즉시 출근 (0.45), several people hired at once (0.2).

    The deadline reason comes first: it is the one the seeker has to act on.
    """
    value = 0.0
    reasons: list[str] = []
    deadline = posting.text.deadline
    if deadline is not None and 0 <= (deadline - today).days <= URGENT_DAYS:
        value += 0.35
        days = (deadline - today).days
        reasons.append("오늘 마감" if days == 0 else f"마감 {days}일 전")
    start = posting.start_date
    if posting.start_immediately:
        value += 0.45
        reasons.append("즉시 출근")
    elif start is not None and 0 <= (start - today).days <= URGENT_DAYS:
        value += 0.45
        reasons.append(f"{start.month}월 {start.day}일 출근")
    headcount = posting.text.headcount
    if headcount is not None and headcount >= SEVERAL_HIRES:
        value += 0.2
        reasons.append(f"{headcount}명 채용")
    return value, tuple(reasons)


# --- Reasons ---------------------------------------------------------------------------------

_DIGIT_HAS_FINAL = {"0": True, "1": True, "3": True, "6": True, "7": True, "8": True}
_MAX_LABEL = 20


def _with(text: str) -> str:
    """`text` with 과/와 ("and/with") chosen by its last sound."""
    last = text[-1] if text else ""
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28 != 0
    else:
        final = _DIGIT_HAS_FINAL.get(last, False)
    return f"'{text}'{'과' if final else '와'}"


def _verdict(relation: float) -> str:
    if relation >= 0.95:
        return "일치"
    if relation >= MATCHED:
        return "비슷한 일"
    return "같은 분야"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1] + "…"


def title_reason(sources: Sequence[Source], relations: Sequence[float]) -> str:
    """Why the work fits: the past role if it is as close as the wish, else the wish."""
    desired: Source | None = None
    career: Source | None = None
    desired_value = career_value = -1.0
    for source, value in zip(sources, relations, strict=True):
        if source.desired:
            if value > desired_value:
                desired, desired_value = source, value
        elif value > career_value:
            career, career_value = source, value
    if career is not None and career_value >= max(FAMILY, desired_value - 0.1):
        return _phrase(False, career.text, career.months, _verdict(career_value))
    if desired is None:
        return ""
    return _phrase(True, desired.text, None, _verdict(desired_value))


@lru_cache(maxsize=1 << 16)
def _phrase(desired: bool, text: str, months: int | None, verdict: str) -> str:
    label = _short(text)
    if desired:
        return f"희망 일자리 {_with(label)} {verdict}"
    if months:
        label = f"{label} {describe_months(months)}"
    return f"경력 {_with(label)} {verdict}"


def pay_reason(posting: PostingFacts) -> str | None:
    return describe_pay(posting.pay) if posting.pay is not None else None
