"""Past roles and how long they lasted, from answers like "자동차부품 품질관리 20년".

Seniors describe a career in one breath: "경비 5년, 시설관리 10년", "20년 품질관리 했습니다",
"1995~2015 경리". Matching needs each role's title and its length in months, so this
module separates the two and drops the filler words around them.

All-or-nothing: if any part of the message cannot be read, the result is [] so the bot
asks again rather than silently keeping half an answer.
"""

import datetime
import re
from dataclasses import dataclass

from matching.text import normalize, split_items

MAX_CAREER_MONTHS = 60 * 12
MAX_TITLE_LENGTH = 40

# "20년", "20여년", "10년 6개월", "1년 반", "6개월", "6달". Digits directly before are
# refused so that "1995년" is never read as 95 years.
_DURATION = re.compile(
    r"(?<![\d.,])(?:"
    r"(?P<years>\d{1,2})\s*여?\s*년(?!\s*생)(?:\s*(?P<half>반))?"
    r"(?:\s*(?P<extra_months>\d{1,2})\s*(?:개월|달))?"
    r"|(?P<months>\d{1,3})\s*(?:개월|달)"
    r")"
)
# A duration with the words said around it: "8년 동안", "10년차", "20여 년 정도". A word
# that goes on is the title's, not the duration's: "3년 간호조무사", "2년 차량운전".
_SPOKEN_DURATION = re.compile(
    rf"(?:{_DURATION.pattern})"
    r"(?:\s*(?:동안|간|째|차|정도|넘게|이상|가까이|쯤|가량|남짓)(?![가-힣]))*"
)
# "1995~2015", "1995년부터 2015년까지", "2010년~현재".
_YEAR_SPAN = re.compile(
    r"(?<!\d)(?P<start>(?:19|20)\d{2})\s*(?:년\s*)?(?:~|-|부터|에서)\s*~?\s*"
    r"(?P<end>(?:19|20)\d{2}|현재|지금|재직\s*중)(?!\d)\s*(?:년\s*)?(?:까지)?"
)
# "경비로 일했습니다", "품질관리를 했어요", "근무했음": the verb says nothing about the role.
_VERB_TAIL = re.compile(
    r"(?:(?<=\S)(?:으로|로))?\s*(?:(?:일|근무|종사|재직|경력)\s*)?(?:을|를)?\s*"
    r"(?:했|하였|해\s?왔|해\s?봤|하고\s?있|합니다|해요|하는\s?중)\S*$"
)
_FILLER_WORDS = frozenset(
    {
        "약", "대략", "거의", "한", "총", "정도", "동안", "간", "쯤", "가량", "남짓", "여",
        "이상", "넘게", "넘", "가까이", "째", "일", "근무", "경력", "종사", "재직", "했고",
        "하고", "그리고", "요", "이요", "입니다", "이에요", "예요", "저는", "제가",
    }
)  # fmt: skip
_PUNCTUATION = re.compile(r"[()~\-:·.,+%/]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class RoleAnswer:
    title: str  # what they did, cleaned: "자동차부품 품질관리"
    months: int | None  # total months of experience, None when they did not say


def parse_roles(text: str, *, today: datetime.date) -> list[RoleAnswer]:
    """Return every role in `text`, or [] when any part of it is not understood."""
    roles: list[RoleAnswer] = []
    # `split_items` folds newlines into spaces, so lines are split here first.
    for line in text.splitlines():
        for item in split_items(line):
            parsed = _parse_item(item, today)
            if parsed is None:
                return []
            roles.extend(parsed)
    return roles


def without_durations(text: str) -> str:
    """`text` without how long something lasted: "아파트 관리소장 8년" -> "아파트 관리소장"."""
    return _SPACES.sub(" ", _SPOKEN_DURATION.sub(" ", text)).strip()


def describe_role(title: str, months: int | None) -> str:
    """ "자동차부품 품질관리 20년", or the title alone when the years are unknown."""
    return f"{title} {describe_months(months)}" if months else title


def describe_months(months: int) -> str:
    """Korean length of service: 240 -> "20년", 126 -> "10년 6개월", 6 -> "6개월"."""
    years, rest = divmod(months, 12)
    if years and rest:
        return f"{years}년 {rest}개월"
    if years:
        return f"{years}년"
    return f"{rest}개월"


def _parse_item(item: str, today: datetime.date) -> list[RoleAnswer] | None:
    """Roles in one list item; None when the item cannot be read as roles at all."""
    text = normalize(item)
    span = _YEAR_SPAN.search(text)
    durations = list(_SPOKEN_DURATION.finditer(text))
    if span is not None:
        if durations:  # "1995~2015 경리 20년" contradicts itself or repeats; ask again
            return None
        months = _span_months(span, today)
        if months is None:
            return None
        title = _clean_title(text[: span.start()] + " " + text[span.end() :])
        return _roles([(title, months)])
    if len(durations) <= 1:
        months = _duration_months(durations[0]) if durations else None
        return _roles([(_clean_title(_SPOKEN_DURATION.sub(" ", text)), months)])
    pairs = _pair_titles(text, durations)
    return None if pairs is None else _roles(pairs)


def _pair_titles(text: str, durations: list[re.Match[str]]) -> list[tuple[str, int | None]] | None:
    """Split "경비 5년 시설관리 10년" (or "5년 경비 10년 시설관리") into one role per duration."""
    starts = [0] + [match.end() for match in durations]
    ends = [match.start() for match in durations] + [len(text)]
    gaps = [_clean_title(text[start:end]) for start, end in zip(starts, ends, strict=True)]
    if gaps[0]:  # title first: each title precedes its duration
        titles, leftover = gaps[:-1], gaps[-1]
    else:  # duration first: each title follows its duration
        titles, leftover = gaps[1:], gaps[0]
    if leftover:  # a title with no duration of its own: we cannot tell where it belongs
        return None
    return list(zip(titles, (_duration_months(match) for match in durations), strict=True))


def _roles(pairs: list[tuple[str, int | None]]) -> list[RoleAnswer] | None:
    """Keep the pairs only if every title is a real title and every length is believable."""
    roles = []
    for title, months in pairs:
        if not _is_title(title) or (months is not None and not 0 < months <= MAX_CAREER_MONTHS):
            return None
        roles.append(RoleAnswer(title=title, months=months))
    return roles


def _duration_months(match: re.Match[str]) -> int:
    if match["months"] is not None:
        return int(match["months"])
    months = int(match["years"]) * 12
    if match["half"]:
        months += 6
    if match["extra_months"]:
        months += int(match["extra_months"])
    return months


def _span_months(span: re.Match[str], today: datetime.date) -> int | None:
    """Whole years between the two ends; an end in the future is a typo."""
    end_text = span["end"]
    end = int(end_text) if end_text.isdigit() else today.year
    if end > today.year:
        return None
    return (end - int(span["start"])) * 12


def _clean_title(text: str) -> str:
    """Remove verbs, hedges and punctuation so only the role itself is left."""
    text = _SPACES.sub(" ", _PUNCTUATION.sub(" ", text)).strip()
    text = _VERB_TAIL.sub("", text).strip()
    return " ".join(word for word in text.split() if word not in _FILLER_WORDS)


def _is_title(title: str) -> bool:
    return 0 < len(title) <= MAX_TITLE_LENGTH and any(char.isalpha() for char in title)
