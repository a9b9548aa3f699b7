"""Masking of personal data in interview stories before other seniors read them.

Seniors who got hired share how their interview went, and those stories are shown to other
seniors. Writers often leave in a phone number ("문자 주세요"), an e-mail, a resident number
pasted from a form, or the name of the interviewer, so every story passes through
`mask_personal_data` before it is shown, and `has_personal_data` warns an admin.

Numbers and e-mails have a fixed shape and are replaced whole ("(전화번호)", "(이메일)",
"(주민번호)"): a half-masked "010-****-5678" still identifies someone. Korean names have no
shape: "김철수" and "공장장" are both three syllables starting with a surname syllable. So a
name is only recognised in context: a name the caller already knows, a surname plus given
name right before a title or honorific ("김철수 과장님"), or a name after a label ("이름:").
The surname is kept and the given name masked ("김○○ 과장님") so the story still reads
naturally. Over-masking an ordinary word is the safer mistake, but it spoils a tip
("공○ 과장" for "공장 과장"), so words that are jobs, departments or everyday words are
checked against a vocabulary before they are masked.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from matching.jobs import JOB_TITLES
from matching.region_data import AREAS, CITY_DISTRICTS, NEIGHBOURHOODS, SIDO
from matching.title_data import EXTRA_ALIASES, STOP_WORDS, WEAK_KEYS

PHONE_MASK = "(전화번호)"
EMAIL_MASK = "(이메일)"
RESIDENT_NUMBER_MASK = "(주민번호)"
NAME_MASK_CHAR = "○"
FOREIGN_NAME_MASK = "(이름)"
"""A known name not written in Hangul has no surname to keep, so it is replaced whole."""

# About the 100 most common Korean surnames (2015 census), roughly most common first.
SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지"
    "엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉"
    "사부가복태목형계피두감음빈동"
)
DOUBLE_SURNAMES = ("남궁", "황보", "제갈", "선우", "독고", "사공", "서문")

HONORIFICS = ("씨", "님")
TITLES = (
    "선생", "과장", "부장", "차장", "대리", "사장", "부사장", "대표", "팀장", "실장", "소장",
    "원장", "센터장", "반장", "조장", "주임", "이사", "이사장", "상무", "전무", "회장",
    "면접관", "담당자", "매니저", "코치", "기사", "국장", "계장", "본부장", "지점장", "점장",
    "공장장", "사무장", "총무", "강사", "교수", "감독",
)  # fmt: skip
"""Job titles that follow a name ("김철수 과장님"); each may take 님 and particles."""

# Words that can follow a name and its title: particles, copulas, plural 들.
_PARTICLES = (
    "들", "께", "에게", "한테", "이", "가", "은", "는", "을", "를", "의", "도", "만", "와",
    "과", "랑", "하고", "처럼", "보다", "으로", "로", "부터", "까지", "에", "였", "셨", "라고",
    "라는", "세요", "예요", "요", "고", "나", "네", "야",
)  # fmt: skip
_COPULAS = (
    "입니다", "입니", "이에요", "예요", "이고", "이라", "라고", "이야", "이요", "요", "이며",
    "다", "님", "씨",
)  # fmt: skip

# Everyday words that precede a title the way a name does ("우리 팀장님", "정말 사장님이",
# "신임 과장"), people and family words that take 님 or 씨 ("부모님", "마음씨"), and
# departments and workplaces missing from the job taxonomy ("고객 담당자", "지점 매니저").
_EVERYDAY_WORDS = frozenset(
    (
        "우리", "이번", "이전", "이제", "이후", "이분", "이쪽", "이런", "이미", "지금", "지난",
        "지난번", "정말", "진짜", "모든", "모두", "여러", "여기", "어느", "어떤", "어린", "어제",
        "오늘", "오히려", "원래", "한번", "한참", "한국", "한두", "전부", "전혀", "전체", "전직",
        "전임", "신임", "신규", "현재", "현직", "최근", "최고", "최종", "마침", "마지막", "하지만",
        "사실", "기존", "차기", "가장", "계속", "나이든", "새로", "남성", "여성", "남자", "여자",
        "선배", "동기", "동료", "상사", "고객", "고객사", "손님", "주민", "입주민", "박사", "석사",
        "목사", "신부", "전도사", "하나", "하느", "부처", "임금", "위원", "위원장", "고문", "은사",
        "명장", "선임", "선장", "형수", "사모", "사부", "고모", "이모", "장모", "부모", "어머",
        "도련", "마음", "손글", "채용", "신입", "경력", "면접", "인력", "정비", "원청", "하청",
        "협력", "협력사", "유통", "기획", "홍보", "방송", "장비", "차량", "공정", "고용", "노동",
        "노조", "보건", "감사", "계약", "음식", "지점", "지사", "지역", "본사", "구청", "시청",
        "공무", "전략", "국제", "서비스", "원무", "주간", "야간", "당직", "부서", "동네",
        "은행", "소방", "소방서", "경찰", "경찰서", "우체국", "정부", "공공", "공기업", "공단",
        "민간", "지방", "지자체", "도청", "신협", "공동", "사외", "인생", "주인", "도서", "전환",
        "오래", "오랜", "한때", "한동안", "예전", "가끔", "조금", "도움", "고생", "정식", "임시",
        "진심", "나름",
    )
)  # fmt: skip
# Unit endings that make a department of a job noun: "조립반", "영업팀", "전산실".
_UNIT_SUFFIXES = frozenset("팀반과부실청처단직소")
# Final syllables that end particles and verb forms, almost never a given name: "제가 팀장
# 할 때", "전에 사장님이", "나온 대리".
_NON_NAME_FINALS = frozenset("가는를에의와과께을로던든")


def _job_words() -> frozenset[str]:
    """Hangul words of jobs and postings: "조립", "시설관리", "현장소장", "주간", "채용"..."""
    phrases = [
        phrase for title in JOB_TITLES.terms for phrase in (title, *JOB_TITLES.aliases(title))
    ]
    phrases.extend((*STOP_WORDS, *WEAK_KEYS, *EXTRA_ALIASES))
    return frozenset(word for phrase in phrases for word in re.findall("[가-힣]{2,}", phrase))


def _place_words() -> frozenset[str]:
    """Names of regions, with and without 시/군/구: "천안 공장장", "김포시 지점장"..."""
    names = [
        *(name for official, sido in SIDO.items() for name in (official, *sido.aliases)),
        *(name for sido in SIDO.values() for name in sido.sigungu),
        *(name for districts in CITY_DISTRICTS.values() for name in districts),
        *NEIGHBOURHOODS,
        *(alias for area in AREAS.values() for alias in area.aliases),
    ]
    stems = [name[:-1] for name in names if name[-1] in "시군구도"]
    return frozenset(name for name in (*names, *stems) if re.fullmatch("[가-힣]{2,}", name))


_JOB_WORDS = _job_words()
_ORDINARY_WORDS = _JOB_WORDS | _place_words() | _EVERYDAY_WORDS | frozenset(TITLES)
_LONGEST_ORDINARY_WORD = max(len(word) for word in _ORDINARY_WORDS)
_TITLE_STARTS = (*TITLES, *HONORIFICS)


def _alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of `words`, longest first so "이사장" beats "이사"."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


_HANGUL = "가-힣"
_SEP = r"(?: ?[-.‐–—] ?| )?"
"""What seniors put between digit groups: hyphens, dashes, dots, spaces, or nothing."""
_AREA = r"(?:1[016789]|2|[3-6][1-5]|70)"
"""Mobile prefixes (010, 011...), Seoul 02, regional 031-064 and 070 internet phones."""
_HIDDEN = "*xX●"
"""Characters writers use to hide digits themselves ("010-****-5678"): still masked whole."""
_SUBSCRIBER = rf"(?:\d{{3,4}}|[{_HIDDEN}]{{3,4}}){_SEP}(?:\d{{4}}|[{_HIDDEN}]{{4}})"
_COUNTERS = r"(?:명|원|개|건|년|대|곳|회|시간|분|초|만|천|억|톤|km|kg|%)"

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")
_RESIDENT_NUMBER = re.compile(
    r"(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]) ?[-‐–—]? ?"
    rf"(?:[1-8]\d{{6}}|[1-8{_HIDDEN}][{_HIDDEN}]{{6}})(?![\d{_HIDDEN}])"
)
_PHONE_FORMS = (
    rf"\+82{_SEP}(?:\(0\) ?)?0?{_AREA}{_SEP}{_SUBSCRIBER}",  # +82 10 1234 5678
    rf"\(0{_AREA}\) ?{_SUBSCRIBER}",  # (02) 123-4567
    rf"0{_AREA}{_SEP}{_SUBSCRIBER}",  # 010-1234-5678, 031-123-4567
    rf"1[568]\d{{2}}[-.‐–—]\d{{4}}(?! ?{_COUNTERS})",  # 1588-1234, but not 1500-2000명
)
_PHONE = re.compile(rf"(?<!\d)(?:{'|'.join(_PHONE_FORMS)})(?!\d)")

_NAME_TAIL = rf"(?:[^{_HANGUL}{NAME_MASK_CHAR}]|$|{_alternation((*_PARTICLES, *_COPULAS))})"
"""What may follow a name or its title: a particle ("님께서") or anything but Hangul.

Not "○": "남궁○○" is a name masked already, not the name "남궁".
"""
_TITLE_AFTER_NAME = (
    rf"(?: ?(?:(?:{_alternation(_JOB_WORDS)}) ?)?(?:{_alternation(TITLES)})|"
    rf" ?(?:{_alternation(HONORIFICS)}))님?{_NAME_TAIL}"
)
"""A title, maybe after a job noun ("현장소장님", "품질 팀장"), or 씨/님."""
_DOUBLE = _alternation(DOUBLE_SURNAMES)
_SINGLE = "[" + "".join(sorted(SURNAMES)) + "]"

_NAME_BEFORE_TITLE = re.compile(
    rf"(?<![{_HANGUL}])(?:{_DOUBLE}|{_SINGLE})[{_HANGUL}]{{1,2}}(?={_TITLE_AFTER_NAME})"
)
_LABELLED_NAME = rf"(?P<name>(?:{_DOUBLE})[{_HANGUL}]{{1,2}}|[{_HANGUL}]{{2,3}})"
_NAME_AFTER_COLON = re.compile(
    rf"(?P<label>(?:이름|성명|성함|담당자) ?[:：]\s*){_LABELLED_NAME}(?={_NAME_TAIL})"
)
_NAME_AFTER_TOPIC = re.compile(
    rf"(?P<label>(?:이름|성명|성함) ?[은는] ?){_LABELLED_NAME}"
    rf"(?= ?(?:{_alternation(_COPULAS)})|[^\S\n]*(?:[^\s{_HANGUL}]|\n|$))"
)
"""After "이름은" only a copula or punctuation may follow, not "이름은 기억 안 나요"."""


def _surname_length(name: str) -> int:
    """Return 2 for a two-syllable surname with a given name after it ("남궁민수"), else 1."""
    double = any(name.startswith(surname) for surname in DOUBLE_SURNAMES)
    return 2 if double and len(name) > 2 else 1


def _mask_name(name: str) -> str:
    """Return `name` with its surname kept and each given-name syllable replaced by "○"."""
    compact = "".join(name.split())
    if not re.fullmatch(f"[{_HANGUL}]+", compact):
        return FOREIGN_NAME_MASK
    surname_length = _surname_length(compact)
    return compact[:surname_length] + NAME_MASK_CHAR * (len(compact) - surname_length)


def _is_ordinary(candidate: str) -> bool:
    """Whether a name-shaped `candidate` is rather an ordinary word, so it stays as written.

    Job and department nouns ("현장 소장", "조립반 반장"), everyday words ("우리 팀장님"),
    a surname with a bare title ("김부장님", "이사장") and particle endings ("제가 과장").
    """
    given = candidate[_surname_length(candidate) :]
    return (
        candidate in _ORDINARY_WORDS
        or (
            len(candidate) > 2
            and candidate[:-1] in _ORDINARY_WORDS
            and candidate[-1] in _UNIT_SUFFIXES
        )
        or given.startswith(_TITLE_STARTS)
        or candidate[-1] in _NON_NAME_FINALS
    )


def _mask_candidate(candidate: str) -> str:
    """Return `candidate` masked as a name, or unchanged if it is an ordinary word."""
    return candidate if _is_ordinary(candidate) else _mask_name(candidate)


def _is_inside_word(candidate: str, following: str) -> bool:
    """Whether an ordinary word runs from inside `candidate` into the title after it.

    "지하주차장" is no "지하주" with the title 차장: "주차장" spans the boundary.
    """
    glued = candidate + following[:_LONGEST_ORDINARY_WORD]
    return any(
        glued[start:end] in _ORDINARY_WORDS
        for start in range(len(candidate))
        for end in range(len(candidate) + 1, len(glued) + 1)
    )


def _mask_before_title(match: re.Match[str]) -> str:
    """Mask the name before a title ("김철수 과장님"), unless it is an ordinary word."""
    candidate = match.group(0)
    if _is_inside_word(candidate, match.string[match.end() :]):
        return candidate
    return _mask_candidate(candidate)


def _mask_labelled(match: re.Match[str]) -> str:
    """Mask the name after a label ("이름: 김철수"), keeping the label."""
    return match.group("label") + _mask_candidate(match.group("name"))


@lru_cache(maxsize=256)
def _known_names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """Compile the known names into one pattern, longest first, or None if there are none.

    Spacing is free ("김 철수" also finds "김철수") and Latin letters ignore case.
    """
    keys = {" ".join(name.split()) for name in names}
    keys = {key for key in keys if len(key.replace(" ", "")) >= 2}
    if not keys:
        return None
    spelled = sorted(
        (r"\s?".join(re.escape(char) for char in key.replace(" ", "")) for key in keys),
        key=len,
        reverse=True,
    )
    return re.compile(
        rf"(?<![{_HANGUL}A-Za-z])(?:{'|'.join(spelled)})(?![A-Za-z])(?={_NAME_TAIL})",
        re.IGNORECASE,
    )


def mask_personal_data(text: str, *, known_names: Iterable[str] = ()) -> str:
    """Return `text` with phone numbers, e-mails, resident numbers and names masked.

    Everything else, line breaks and figures such as "0.8%", "월 250만원", "12월 3일" or
    "14:00" included, is returned unchanged. `known_names` (the writer's registered name,
    the company contact) are masked wherever they stand. Masking masked text changes nothing.
    """
    masked = _EMAIL.sub(EMAIL_MASK, text)
    masked = _RESIDENT_NUMBER.sub(RESIDENT_NUMBER_MASK, masked)
    masked = _PHONE.sub(PHONE_MASK, masked)
    known = _known_names_pattern(tuple(sorted(known_names)))
    if known is not None:
        masked = known.sub(lambda match: _mask_name(match.group(0)), masked)
    masked = _NAME_AFTER_COLON.sub(_mask_labelled, masked)
    masked = _NAME_AFTER_TOPIC.sub(_mask_labelled, masked)
    return _NAME_BEFORE_TITLE.sub(_mask_before_title, masked)


def has_personal_data(text: str, *, known_names: Iterable[str] = ()) -> bool:
    """Whether masking would change `text`, so an admin is warned before a story goes out."""
    return mask_personal_data(text, known_names=known_names) != text
