"""Job titles reduced to taxonomy terms, so a posting and a career can be compared by meaning.

Both sides write titles freely: "아파트 시설관리 기사", "물류창고 야간경비 겸 미화",
"자동차부품 품질관리", "품질보증(QA) 엔지니어". Matching needs to know which taxonomy titles
(`matching.jobs`) a title is about, which of them is the job itself (the head) and which only
describes the setting (a modifier), and what words are left over (qualifiers such as
"자동차부품" or "꽃꽂이").

* Terms are found as substrings of the spaceless title, longest first, keeping only matches
  not contained in a longer one ("전기안전관리자" is 전기관리, not 전기 + 안전관리).
* Generic words ("기사", "시설", "현장", "엔지니어") count only when nothing more specific
  is in the same segment: "시설관리 기사" is 시설관리, "기사" alone is 운전기사.
* In Korean the job comes last: the last term of a segment is its head, earlier ones are
  modifiers ("물류창고 야간경비" is 경비 in a 물류 setting). Segments are split on "·", "/",
  "겸", "및"; text in brackets only modifies.
* A word with no exact term gets one fuzzy try over jamo ("품질괸리" is 품질관리).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from matching.hangul import to_jamo
from matching.jobs import JOB_FAMILIES, JOB_TITLES
from matching.text import normalize

HEAD_WEIGHT = 1.0
MODIFIER_WEIGHT = 0.5
"""A modifier ("물류" in "물류창고 경비") says where the job is, not what it is."""

SAME = 1.0
CLOSE = 0.75
"""Titles one naturally moves between (품질관리 and 품질보증, 경비 and 주차관리)."""
FAMILY = 0.45
"""Same family, different work (품질관리 and 포장): related, but not what they do."""
CONTAINED = 0.9
"""One title spelled inside the other ("IT 헬프데스크" in "IT 헬프데스크 상담원")."""
GENERIC_MISMATCH = 0.6
"""A generic title whose qualifiers disagree ("꽃꽂이 강사" vs "전기 강사")."""

_FUZZY_CUTOFF = 88.0
_FUZZY_MARGIN = 3.0
_FUZZY_MIN_LENGTH = 3

# Words that are part of how postings and careers are written but say nothing about the job.
_STOP_WORDS = frozenset(
    (
        "모집", "채용", "구인", "구함", "급구", "상시", "담당", "담당자", "신입", "경력",
        "경력직", "경력자", "신입경력", "직원", "사원", "정규직", "계약직", "시간제", "일용",
        "일용직", "알바", "아르바이트", "파트타임", "단기", "장기", "주간", "야간", "오전",
        "오후", "주말", "평일", "재택", "상주", "교대", "격일", "우대", "가능", "환영", "시니어",
        "중장년", "신중년", "실버", "어르신", "남성", "여성", "남", "여", "무관", "모십니다",
        "초보", "즉시", "출근", "고수익", "정년", "보장", "보조", "책임", "실장", "팀장",
        "과장", "주임", "반장", "조장", "대리", "부장", "업무", "관련", "분야", "직무", "일",
        "근무", "및", "겸", "또는", "등", "외", "주식회사", "주", "유", "운영", "관리", "전담",
        "정직원", "인원", "충원", "긴급", "당일", "전문", "일반", "기타", "겸직", "지원",
        "이상", "이하", "미만", "이내", "회사", "업체", "센터", "분", "자", "님", "구함",
    )
)  # fmt: skip

# Keys too generic to name a job when something more specific is in the same segment.
_WEAK_KEYS = frozenset(
    (
        "기사", "시설", "현장", "현장직", "건설", "공사현장", "전기", "전기실", "설비", "엔지니어",
        "기술자", "기술직", "관리인", "소장", "매니저", "관리소", "관리사무소", "감독",
        "시험", "분석", "연구", "연구소", "개발", "교육", "강의", "상담", "안전", "보안", "사무",
        "운전", "매장", "마트", "편의점", "계산", "자재", "창고", "주방", "조리", "요양",
        "요양원", "요양병원", "복지", "복지관", "보육", "어린이집", "육아", "가사", "컴퓨터",
        "데이터", "서버", "학원", "물류", "물류센터", "배달", "배송", "택배", "공장", "제조",
        "생산", "품질", "검사", "급식", "급식소", "급식실", "화물", "관제", "방재", "주차장",
        "수리기사", "교육담당",
    )
)  # fmt: skip

# Words that contain a term but are not that job: "지점장" is no 점장 (매장관리).
_BLOCKERS = frozenset(("지점장", "경력단절", "경단녀", "사무실", "부지점장", "대표이사"))

# Words missing from the taxonomy that postings use for a taxonomy job.
_EXTRA_ALIASES: dict[str, str] = {
    "기장": "경리",
    "전표": "경리",
    "결산": "경리",
    "송영": "운전기사",
    "송영기사": "운전기사",
    "청소원": "미화원",
    "환경관리원": "미화원",
    "보안원": "경비",
    "경비대원": "경비",
    "시설경비": "경비",
    "헬퍼": "물류관리",
    "정비원": "기계설비",
}

# Close titles, in groups; two titles are close when some group holds both.
_CLOSE_GROUPS: tuple[tuple[str, ...], ...] = (
    ("품질관리", "품질보증", "검사원", "시험분석"),
    ("품질관리", "생산관리"),
    ("생산직", "검사원", "포장", "기계조작"),
    ("기계조작", "용접"),
    ("시설관리", "건물관리", "전기관리", "기계설비", "보일러", "영선", "관리소장", "승강기관리"),
    ("경비", "주차관리", "보안관제"),
    ("경비", "경호"),
    ("운전기사", "버스기사", "택시기사", "화물운전", "배송기사"),
    ("지게차", "물류관리", "창고관리"),
    ("배송기사", "물류관리"),
    ("요양보호사", "활동지원사", "생활지원사", "가사도우미"),
    ("사회복지사", "생활지원사"),
    ("산후관리사", "아이돌보미", "가사도우미", "보육교사"),
    ("미화원", "방역", "세탁"),
    ("조리원", "조리사", "급식", "주방보조"),
    ("경리", "세무", "총무"),
    ("경리", "사무보조"),
    ("총무", "사무보조", "비서", "인사"),
    ("총무", "구매"),
    ("영업", "매장관리", "판매"),
    ("영업", "보험설계사"),
    ("상담원", "보험설계사"),
    ("강사", "방과후강사", "직업훈련교사", "학원강사", "한국어강사"),
    ("강사", "컨설턴트"),
    ("숲해설가", "문화해설사"),
    ("현장관리", "안전관리", "감리", "건축", "토목"),
    ("건설현장", "인테리어", "배관", "전기공사", "중장비"),
    ("연구원", "기술개발", "설계", "시험분석"),
    ("전산", "네트워크관리", "정보보안"),
    ("전산", "개발자", "데이터분석"),
    # Across families: the same trade in another setting.
    ("전기관리", "전기공사"),
    ("기계설비", "배관"),
    ("영선", "인테리어"),
)

GENERIC_TITLES = frozenset(
    (
        "강사", "영업", "연구원", "기술개발", "설계", "컨설턴트", "개발자", "상담원",
        "사무보조", "판매", "시험분석", "건설현장", "매장관리", "운전기사",
    )
)  # fmt: skip
"""Titles that name a kind of work, not a trade: "강사" of what? Qualifiers must agree."""

_SEGMENT_SEPARATORS = re.compile(r"\s*(?:[·/,&+|]|\s겸\s|\s및\s|\s또는\s|\s혹은\s)\s*")
_BRACKETS = re.compile(r"\(([^()]*)\)")
_LATIN = re.compile(r"[a-z]")
_NOT_KEY = re.compile(r"[^0-9a-z가-힣]")


def key(text: str) -> str:
    """The comparison form of `text`: normalised, case-folded, letters and digits only."""
    return _NOT_KEY.sub("", normalize(text).casefold())


def _build_terms() -> dict[str, str]:
    terms: dict[str, str] = {}
    for title in JOB_TITLES.terms:
        terms.setdefault(key(title), title)
        for alias in JOB_TITLES.aliases(title):
            terms.setdefault(key(alias), title)
    for alias, title in _EXTRA_ALIASES.items():
        terms.setdefault(key(alias), title)
    return terms


_TERMS = _build_terms()
_MAX_KEY = max(len(term_key) for term_key in _TERMS)
_FUZZY_KEYS = [term_key for term_key in _TERMS if len(term_key) >= 2]
_FUZZY_JAMO = [to_jamo(term_key) for term_key in _FUZZY_KEYS]
_FAMILY_OF: dict[str, str] = {
    title: family.key for family in JOB_FAMILIES for title in family.titles
}


def _build_related() -> dict[str, dict[str, float]]:
    """For every canonical title, the titles related to it and how closely."""
    related: dict[str, dict[str, float]] = {}
    for title, family in _FAMILY_OF.items():
        row = {
            other: FAMILY for other, other_family in _FAMILY_OF.items() if other_family == family
        }
        related[title] = row
    for group in _CLOSE_GROUPS:
        for title in group:
            if title not in _FAMILY_OF:
                raise ValueError(f"close group names unknown title {title!r}")
            for other in group:
                related[title][other] = max(related[title].get(other, 0.0), CLOSE)
    for title, row in related.items():
        row[title] = SAME
    return related


RELATED: dict[str, dict[str, float]] = _build_related()
"""canonical title -> {related canonical title: SAME, CLOSE or FAMILY}."""


def family_key(title: str) -> str | None:
    """The family key of a canonical title (None for free text)."""
    return _FAMILY_OF.get(title)


@dataclass(frozen=True)
class TitleTerms:
    """What a job title is about, for matching."""

    text: str  # normalised, brackets and stop words removed: "아파트 시설관리 기사"
    segments: tuple[str, ...]  # each segment the same way: ("경리", "회계") for "경리·회계 담당"
    terms: tuple[
        tuple[str, float], ...
    ]  # (canonical title, HEAD_ or MODIFIER_WEIGHT), heads first
    qualifiers: tuple[str, ...]  # leftover words, spaceless: ("자동차부품",)
    forms: tuple[tuple[str, bool], ...]  # (spaceless text for fuzzy matching, has terms)
    compact: str = ""  # `text` without spaces, for containment checks

    @property
    def heads(self) -> tuple[str, ...]:
        return tuple(title for title, weight in self.terms if weight >= HEAD_WEIGHT)

    @property
    def families(self) -> frozenset[str]:
        """Families of the head titles: what kind of job this is."""
        return frozenset(f for title in self.heads if (f := _FAMILY_OF.get(title)) is not None)


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    title: str | None  # None: a blocker ("지점장"), which only hides the terms inside it
    weak: bool

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def _word_is_latin(text: str, start: int, end: int) -> bool:
    """Whether a Latin key at [start, end) is a whole Latin word ("qa", not the "qa" in "aqua")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not _LATIN.match(before) and not _LATIN.match(after)


def _substring_hits(text: str) -> list[_Hit]:
    """The longest term (or blocker) starting at each position of `text`."""
    hits: list[_Hit] = []
    for start in range(len(text)):
        for end in range(min(len(text), start + _MAX_KEY), start + 1, -1):
            candidate = text[start:end]
            if candidate in _BLOCKERS:
                hits.append(_Hit(start, end, None, weak=True))
                break
            title = _TERMS.get(candidate)
            if title is None:
                continue
            if _LATIN.match(candidate[0]) and not _word_is_latin(text, start, end):
                continue
            hits.append(_Hit(start, end, title, candidate in _WEAK_KEYS))
            break
    return hits


def _find_hits(words: list[str]) -> tuple[list[_Hit], list[_Hit], list[tuple[int, int]]]:
    """Kept and weak-dropped term occurrences in the spaceless segment, and each word's span."""
    spans: list[tuple[int, int]] = []
    position = 0
    for word in words:
        spans.append((position, position + len(word)))
        position += len(word)
    hits = _substring_hits("".join(words))
    for word, (start, end) in zip(words, spans, strict=True):
        if len(word) == 1 and (title := _TERMS.get(word)) is not None:
            hits.append(_Hit(start, end, title, weak=False))
    for word, (start, end) in zip(words, spans, strict=True):
        inside = [hit for hit in hits if hit.overlaps(start, end)]
        if any(not hit.weak for hit in inside):
            continue
        title = _fuzzy_title(word) if not inside or _uncovered(start, end, inside) else None
        if title is not None:  # "품질괸리": the typo replaces whatever weak part it had
            hits = [hit for hit in hits if hit not in inside]
            hits.append(_Hit(start, end, title, weak=False))
    maximal = [
        hit
        for hit in hits
        if not any(
            other is not hit
            and other.start <= hit.start
            and hit.end <= other.end
            and (other.end - other.start) > (hit.end - hit.start)
            for other in hits
        )
    ]
    maximal = [hit for hit in maximal if hit.title is not None]
    strong = [hit for hit in maximal if not hit.weak]
    kept = strong or maximal
    dropped = [hit for hit in maximal if hit not in kept]
    return sorted(kept, key=lambda hit: (hit.start, hit.end)), dropped, spans


def _uncovered(start: int, end: int, hits: list[_Hit]) -> bool:
    """Whether some of [start, end) is outside every hit."""
    return any(not any(hit.start <= p < hit.end for hit in hits) for p in range(start, end))


@lru_cache(maxsize=8192)
def _fuzzy_title(word: str) -> str | None:
    """The title a long unknown word is a typo of ("품질괸리"), if one clearly stands out."""
    if len(word) < _FUZZY_MIN_LENGTH or not re.fullmatch(r"[가-힣]+", word):
        return None
    found = process.extract(
        to_jamo(word), _FUZZY_JAMO, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=5
    )
    if not found:
        return None
    best = _TERMS[_FUZZY_KEYS[found[0][2]]]
    for _, score, index in found[1:]:
        if _TERMS[_FUZZY_KEYS[index]] != best and found[0][1] - score < _FUZZY_MARGIN:
            return None
    return best


def _words(text: str) -> list[str]:
    """Spaceless, case-folded words of `text` without stop words or digit-bearing words."""
    words = []
    for raw in text.split():
        word = key(raw)
        if word and word not in _STOP_WORDS and not any(char.isdigit() for char in word):
            words.append(word)
    return words


def _leftovers(words: list[str], spans: list[tuple[int, int]], hits: list[_Hit]) -> list[str]:
    """Parts of words no term covers ("해외" of "해외영업"), at least two characters long.

    `hits` includes generic words that were dropped as terms: they are not qualifiers either.
    """
    text = "".join(words)
    covered = [False] * len(text)
    for hit in hits:
        for position in range(hit.start, hit.end):
            covered[position] = True
    found: list[str] = []
    for start, end in spans:
        run = ""
        for position in range(start, end + 1):
            if position < end and not covered[position]:
                run += text[position]
                continue
            if len(run) >= 2 and run not in _STOP_WORDS:
                found.append(run)
            run = ""
    return found


def _merge(terms: dict[str, float], title: str, weight: float) -> None:
    if weight > terms.get(title, 0.0):
        terms[title] = weight


@lru_cache(maxsize=65536)
def analyse_title(text: str) -> TitleTerms:
    """Analyse one job title (a posting title, a desired job or a career role)."""
    cleaned = normalize(text)
    bracketed = [inner for inner in _BRACKETS.findall(cleaned)]
    main = _BRACKETS.sub(" ", cleaned).replace("(", " ").replace(")", " ")
    terms: dict[str, float] = {}
    qualifiers: list[str] = []
    segments: list[str] = []
    forms: list[tuple[str, bool]] = []
    for segment in _SEGMENT_SEPARATORS.split(f" {main} "):
        words = _words(segment)
        if not words:
            continue
        hits, dropped, spans = _find_hits(words)
        head_end = max((hit.end for hit in hits), default=0)
        for hit in hits:
            if hit.title is not None:
                weight = HEAD_WEIGHT if hit.end == head_end else MODIFIER_WEIGHT
                _merge(terms, hit.title, weight)
        qualifiers.extend(_leftovers(words, spans, hits + dropped))
        segments.append(" ".join(words))
        forms.append(("".join(words), bool(hits)))
        if len(words) > 1 and not any(hit.overlaps(*spans[-1]) for hit in hits + dropped):
            forms.append((words[-1], False))  # an unknown head word: "미싱" of "봉제 미싱"
    for inner in bracketed:
        words = _words(inner)
        if not words:
            continue
        hits, dropped, spans = _find_hits(words)
        for hit in hits:
            if hit.title is not None:
                _merge(terms, hit.title, MODIFIER_WEIGHT)
        qualifiers.extend(_leftovers(words, spans, hits + dropped))
    ordered = sorted(terms.items(), key=lambda item: -item[1])
    return TitleTerms(
        text=" ".join(segments),
        compact="".join(segments).replace(" ", ""),
        segments=tuple(segments),
        terms=tuple(ordered),
        qualifiers=tuple(dict.fromkeys(qualifiers)),
        forms=tuple(dict.fromkeys(forms)),
    )


def qualifiers_agree(
    ours: Iterable[str], our_text: str, theirs: Iterable[str], their_text: str
) -> bool:
    """Whether two titles' qualifiers are compatible: one side has none, or they overlap.

    A qualifier overlaps when it, or its first or last half, appears in the other side's text
    ("자동차부품" finds "자동차 브레이크 부품"); halves keep compound nouns from missing.
    """
    ours, theirs = tuple(ours), tuple(theirs)
    if not ours or not theirs:
        return True
    return any(appears(q, their_text) for q in ours) or any(appears(q, our_text) for q in theirs)


def appears(qualifier: str, text: str) -> bool:
    if qualifier in text:
        return True
    if len(qualifier) >= 4:
        half = (len(qualifier) + 1) // 2
        return qualifier[:half] in text or qualifier[half:] in text
    return False
