"""Understand Korean regions as people type them: "서울 강남구", "수원 근처", "경기남부".

Seniors name where they want to work in many ways: official names ("세종특별자치시"), short
names ("충남"), a 시군구 without its 시도 ("강남"), neighbourhoods ("분당"), groups
("수도권"), or "anywhere" ("상관없음"). `parse_regions` turns one message into canonical
`Region`s, whose `key` is what gets stored, and never guesses: a name shared by several
places ("중구", "광주", "고성") comes back as `Ambiguous` so the bot can ask which one.

How one item is read (items are split with `split_items`):

* Words are matched against an index of every name, spaces removed, longest phrase first
  ("경기 남부" is one area, not 경기도 plus "남부").
* A word right after a 시도 narrows it: "서울 중구" is 서울 중구, "경기 광주" is 경기 광주시,
  "광주시 북구" is 광주광역시 북구. A 시도 after an ambiguous 시군구 narrows that too:
  "고성(강원)". A 시도 named earlier in the same item also settles later names:
  "부산 중구 동구" is 부산 중구 and 부산 동구.
* A 구 of a big city ("수원시 영통구", "포항 남구") resolves to the city.
* Filler words ("쪽", "근처", "지역", "희망") and particles glued to a name ("수원쪽",
  "서울이나") are dropped; address parts after a region ("조치원읍", "역삼동") are ignored.
* "Anywhere" next to a place means anywhere in it: "경기도 어디든" is 경기도, not 전국.
* Only when nothing else matched, a word of 3+ syllables is compared jamo by jamo with the
  place names (rapidfuzz, high cut-off), so "수언시" still finds 수원시.

Text with nothing readable in it (only emoji) is reported as one unknown item, so callers
can always answer "I did not understand ..." from `unknown`.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process

from matching.hangul import to_jamo
from matching.region_data import (
    AREAS,
    CITY_DISTRICTS,
    FORMER_NAMES,
    NATIONWIDE_WORDS,
    NEIGHBOURHOODS,
    REMOTE_WORDS,
    SIDO,
)
from matching.text import compact, normalize, split_items


class RegionKind(StrEnum):
    """What a region covers; matching treats a 시도 as covering all its 시군구."""

    NATIONWIDE = "nationwide"
    REMOTE = "remote"
    SIDO = "sido"
    SIGUNGU = "sigungu"
    AREA = "area"


@dataclass(frozen=True)
class Region:
    """A place a person wants to work; `key` is stable and stored, `label` is for display."""

    key: str
    label: str
    kind: RegionKind


@dataclass(frozen=True)
class Ambiguous:
    """A name that fits several places; the bot must ask which one was meant."""

    text: str
    options: tuple[Region, ...]


@dataclass(frozen=True)
class RegionLookup:
    """Everything `parse_regions` made of one message."""

    regions: tuple[Region, ...]
    ambiguous: tuple[Ambiguous, ...]
    unknown: tuple[str, ...]


NATIONWIDE = Region("전국", "전국", RegionKind.NATIONWIDE)
REMOTE = Region("재택", "재택", RegionKind.REMOTE)

_AREA_PREFIX = "area:"

# Whole words that carry no place ("수원 근처", "서울 쪽 희망해요").
_FILLER_WORDS = frozenset((
    "쪽", "근처", "지역", "일대", "부근", "인근", "주변", "방면", "시내", "전체", "전역",
    "전부", "모두", "다", "지방", "정도", "위주", "에서", "으로", "로", "쪽으로", "이나",
    "이랑", "하고", "또는", "혹은", "아니면", "도", "만", "요", "이요", "입니다", "이에요",
    "에요", "예요", "가능", "가능해요", "가능합니다", "희망", "희망함", "희망해요",
    "희망합니다", "원함", "원해요", "원합니다", "좋음", "좋아요", "좋습니다", "괜찮음",
    "괜찮아요", "괜찮습니다", "돼요", "됩니다", "주세요", "부탁해요", "부탁드려요",
    "부탁드립니다", "일", "일자리", "근무", "알바", "곳",
    # the sentence around a place: "서울에서 일하고 싶어요", "수원 쪽으로 다니고 싶습니다"
    "일하고", "근무하고", "다니고", "출퇴근", "싶어요", "싶습니다", "싶음", "싶다",
    "했으면", "했으면해요", "좋겠어요", "좋겠습니다", "있으면", "찾아요", "찾습니다",
    "가능한", "가까운",
))  # fmt: skip
# Words that alone mean "all of it" (answering "어느 지역?" with "전체"), but are fillers
# after a place ("서울 전체").
_ALL_WORDS = frozenset(("전체", "전부", "모두", "다", "전역"))
# Endings glued to a name ("수원쪽", "서울이나", "강남역", "수원시청", "대전권"), longest first.
_SUFFIXES = tuple(sorted((
    "쪽으로", "쪽이요", "이에요", "입니다", "에서요", "근처", "지역", "일대", "부근",
    "인근", "주변", "방면", "시내", "전체", "전역", "에서", "으로", "이나", "이랑", "하고",
    "지방", "가능", "희망", "이요", "이고", "이면", "쪽", "로", "권", "역", "청", "요",
    "와", "과", "나", "도", "만", "랑",
), key=len, reverse=True))  # fmt: skip
# Beginnings of longer ways to say "anywhere": "상관없다고요", "무관해요", "어디든지요".
_NATIONWIDE_STARTS = ("상관없", "무관", "어디든", "어디서든", "아무데", "아무곳")
# A wrongly typed administrative suffix: "강남시" for 강남구.
_ADMIN_SUFFIXES = frozenset("시군구도")
# Address parts below a 시군구, ignored once a region is known: "조치원읍", "역삼1동".
_ADDRESS_PART = re.compile(r"(?:.+[읍면동리가로길]|.*\d.*)")
# Punctuation that separates words inside an item: "광주(경기)", "서울·경기".
_WORD_PUNCTUATION = str.maketrans(dict.fromkeys(",.~-/()·:+%", " "))
# Laughter and crying typed as bare jamo ("ㅎㅎ", "ㅠㅠ"), in both jamo blocks NFKC leaves.
_BARE_JAMO = re.compile(r"[\u1100-\u11ff\u3131-\u318e]+")
# "집 근처" or "집에서 가까운 곳" ask for a place we cannot know; not remote work.
_NEAR_HOME = re.compile(r"집(?:에서)?(?:근처|가까|주변|부근|인근|앞)")

_MAX_PHRASE_WORDS = 3
_FUZZY_MIN_SYLLABLES = 3
_FUZZY_CUTOFF = 85.0


# --- Index building (once, at import) ------------------------------------------------------


def _short_name(name: str) -> str | None:
    """Return "강남" for "강남구"; None when the stem would be one syllable ("중구")."""
    stem = name[:-1]
    return stem if len(stem) >= 2 else None


def _build() -> tuple[
    dict[str, Region],
    dict[str, Region],
    dict[str, tuple[Region, ...]],
    dict[str, frozenset[str]],
    dict[str, tuple[Region, ...]],
]:
    """Create every Region and the name index; fail loudly on inconsistent data."""
    by_key: dict[str, Region] = {NATIONWIDE.key: NATIONWIDE, REMOTE.key: REMOTE}
    sido_of: dict[str, Region] = {}
    names: dict[str, list[Region]] = {}

    def add_name(name: str, region: Region) -> None:
        bucket = names.setdefault(compact(name), [])
        if region not in bucket:
            bucket.append(region)

    def add_region(region: Region) -> None:
        if region.key in by_key:
            raise ValueError(f"duplicate region key {region.key!r}")
        by_key[region.key] = region

    for word in NATIONWIDE_WORDS:
        add_name(word, NATIONWIDE)
    for word in REMOTE_WORDS:
        add_name(word, REMOTE)

    autonomous_names: set[str] = set()
    for official, data in SIDO.items():
        sido = Region(official, data.label, RegionKind.SIDO)
        add_region(sido)
        sido_of[sido.key] = sido
        for name in (official, data.label, *data.aliases):
            add_name(name, sido)
        for name in data.sigungu:
            sigungu = Region(f"{official} {name}", f"{data.label} {name}", RegionKind.SIGUNGU)
            add_region(sigungu)
            sido_of[sigungu.key] = sido
            autonomous_names.add(name)
            add_name(name, sigungu)
            if short := _short_name(name):
                add_name(short, sigungu)

    districts: dict[str, frozenset[str]] = {}
    for city_key, district_names in CITY_DISTRICTS.items():
        city = by_key[city_key]
        spellings: set[str] = set()
        for name in district_names:
            spellings.add(name)
            if short := _short_name(name):
                spellings.add(short)
            # "남구" alone means a metropolitan 남구, not 포항; only "포항 남구" reaches 포항.
            if name not in autonomous_names:
                add_name(name, city)
        districts[city_key] = frozenset(spellings)

    for name, key in NEIGHBOURHOODS.items():
        add_name(name, by_key[key])
    for name, successors in FORMER_NAMES.items():
        for key in successors:
            add_name(name, by_key[key])

    area_members: dict[str, tuple[Region, ...]] = {}
    for label, area_data in AREAS.items():
        area = Region(f"{_AREA_PREFIX}{label}", label, RegionKind.AREA)
        add_region(area)
        area_members[area.key] = tuple(by_key[key] for key in area_data.members)
        for name in (label, *area_data.aliases):
            add_name(name, area)

    index = {name: _drop_covered(regions, sido_of) for name, regions in names.items()}
    return by_key, sido_of, index, districts, area_members


def _drop_covered(regions: Sequence[Region], sido_of: dict[str, Region]) -> tuple[Region, ...]:
    """Keep a 시도 over its own 시군구 sharing the name: "제주" is 제주도, not 제주시."""
    sidos = {region for region in regions if region.kind is RegionKind.SIDO}
    return tuple(
        region
        for region in regions
        if region.kind is not RegionKind.SIGUNGU or sido_of[region.key] not in sidos
    )


_BY_KEY, _SIDO_OF, _INDEX, _CITY_DISTRICTS, _AREA_MEMBERS = _build()
_PLACE_KINDS = frozenset({RegionKind.SIDO, RegionKind.SIGUNGU, RegionKind.AREA})
_ORDER = {key: position for position, key in enumerate(_BY_KEY)}
# Fuzzy matching only looks at place names long enough for a one-jamo slip to be a typo.
_FUZZY_NAMES: dict[str, str] = {
    to_jamo(name): name
    for name, regions in _INDEX.items()
    if len(name) >= _FUZZY_MIN_SYLLABLES and all(region.kind in _PLACE_KINDS for region in regions)
}
_FUZZY_CHOICES = list(_FUZZY_NAMES)


# --- Public helpers ---------------------------------------------------------------------------


def region_by_key(key: str) -> Region | None:
    """Return the region stored under `key`, or None if the key is unknown (e.g. outdated)."""
    return _BY_KEY.get(key)


def area_members(region: Region) -> tuple[Region, ...]:
    """Return the 시도/시군구 an AREA covers; any other region covers just itself."""
    return _AREA_MEMBERS.get(region.key, (region,))


def sido_of(region: Region) -> Region | None:
    """Return the 시도 of a 시군구 (a 시도 is its own); None for areas, 전국 and 재택."""
    return _SIDO_OF.get(region.key)


# --- Parsing ----------------------------------------------------------------------------------

_Piece = tuple[str, tuple[Region, ...]]  # the name as matched (suffixes dropped), its places


@dataclass
class _Group:
    """Words of one item that name one place, with the places they may still mean.

    `sido_named` records that a 시도 word took part ("부산 중구"), which lets later
    ambiguous names in the same item be settled by it ("부산 중구 동구").
    """

    text: str
    options: tuple[Region, ...]
    sido_named: bool


def parse_regions(text: str) -> RegionLookup:
    """Read every region named in `text`; ambiguous and unknown names are reported, not guessed."""
    regions: list[Region] = []
    ambiguous: list[Ambiguous] = []
    unknown: list[str] = []
    items = split_items(text)
    if not items and _has_symbols(text):
        unknown.append(text.strip())
    for item in items:
        groups, item_unknown = _parse_item(item)
        unknown.extend(item_unknown)
        for group in groups:
            if len(group.options) == 1:
                if group.options[0] not in regions:
                    regions.append(group.options[0])
            else:
                choice = Ambiguous(group.text, _sorted(group.options))
                if choice not in ambiguous:
                    ambiguous.append(choice)
    return RegionLookup(tuple(regions), tuple(ambiguous), tuple(dict.fromkeys(unknown)))


def _has_symbols(text: str) -> bool:
    """Whether `text` holds more than spaces and punctuation (emoji, say) that we dropped."""
    return any(not (char.isspace() or unicodedata.category(char).startswith("P")) for char in text)


def _parse_item(item: str) -> tuple[list[_Group], list[str]]:
    """Split one item into place groups and unknown words, narrowing names by context."""
    words = normalize(item).translate(_WORD_PUNCTUATION).split()
    if words and all(_is_filler(word) for word in words):
        if any(word in _ALL_WORDS for word in words):
            return [_Group(item, (NATIONWIDE,), sido_named=False)], []
        return [], [item]

    groups: list[_Group] = []
    unknown: list[str] = []
    pending: list[str] = []  # consecutive unknown words, reported together

    def flush() -> None:
        if pending:
            unknown.append(" ".join(pending))
            pending.clear()

    position = 0
    while position < len(words):
        used, pieces = _match_at(words, position, groups)
        if pieces is not None:
            flush()
            for name, options in pieces:
                _attach(groups, name, options)
        elif _is_filler(words[position]) or (groups and _is_address_part(words[position])):
            flush()
        else:
            pending.append(words[position])
        position += used
    flush()
    if any(NATIONWIDE not in group.options for group in groups):
        # "경기도 어디든", "서울 아무데나": anywhere within the place named, not 전국.
        groups = [group for group in groups if group.options != (NATIONWIDE,)]
    if _NEAR_HOME.search("".join(words)):
        # "집에서 가까운 곳" is near an unknown home, not work from home.
        groups = [group for group in groups if not group.text.startswith("집")]
        if not groups:
            return [], [item]
    return groups, unknown


def _match_at(
    words: Sequence[str], position: int, groups: Sequence[_Group]
) -> tuple[int, list[_Piece] | None]:
    """Return how many words were consumed at `position` and the named pieces, if any."""
    word = words[position]
    if groups and (cities := _cities_with_district(groups[-1].options, word)):
        return 1, [(word, cities)]
    for size in range(min(_MAX_PHRASE_WORDS, len(words) - position), 1, -1):
        typed = words[position : position + size]
        phrase = "".join(typed)
        pieces = _resolve(phrase, allow_split=False, allow_fuzzy=False)
        if pieces is not None:
            # Report the phrase as typed ("인천 중구"), not as looked up ("인천중구").
            return size, [(" ".join(typed) if n == phrase else n, o) for n, o in pieces]
    if _is_filler(word):
        return 1, None
    if word.startswith(_NATIONWIDE_STARTS):
        return 1, [(word, (NATIONWIDE,))]
    # An unknown "역삼동" after a place is an address part, not a typo of some other place.
    allow_fuzzy = not (groups and _is_address_part(word))
    return 1, _resolve(word, allow_split=True, allow_fuzzy=allow_fuzzy)


def _is_filler(word: str) -> bool:
    """Words that never name a place: "근처", "희망해요", laughter typed as "ㅎㅎ"."""
    return word in _FILLER_WORDS or word in _ALL_WORDS or _BARE_JAMO.fullmatch(word) is not None


def _is_address_part(word: str) -> bool:
    """Whether `word` looks like a part of an address below a 시군구 ("조치원읍", "3동")."""
    return _ADDRESS_PART.fullmatch(word) is not None


def _resolve(word: str, *, allow_split: bool, allow_fuzzy: bool) -> list[_Piece] | None:
    """Name(s) in one spaceless word: exact, minus a glued ending, glued pair, or a typo."""
    if options := _INDEX.get(word):
        return [(word, options)]
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) and word.endswith(suffix):
            stripped = _resolve(word[: -len(suffix)], allow_split=allow_split, allow_fuzzy=False)
            if stripped is not None:
                return stripped
    if len(word) >= 3 and word[-1] in _ADMIN_SUFFIXES and (options := _INDEX.get(word[:-1])):
        return [(word, options)]
    if allow_split:
        # "서울강남구", "경기광주": the longest known head followed by a known tail.
        for cut in range(len(word) - 2, 1, -1):
            if head := _INDEX.get(word[:cut]):
                tail = _resolve(word[cut:], allow_split=True, allow_fuzzy=False)
                if tail is not None:
                    return [(word[:cut], head), *tail]
    if allow_fuzzy and len(word) >= _FUZZY_MIN_SYLLABLES:
        return _fuzzy(word)
    return None


def _fuzzy(word: str) -> list[_Piece] | None:
    """Typo tolerance: every place name within a jamo or two of `word`, else None."""
    matches = process.extract(
        to_jamo(word),
        _FUZZY_CHOICES,
        scorer=fuzz.ratio,
        score_cutoff=_FUZZY_CUTOFF,
        limit=None,
    )
    options: list[Region] = []
    for jamo, _score, _index in matches:
        for region in _INDEX[_FUZZY_NAMES[jamo]]:
            if region not in options:
                options.append(region)
    return [(word, tuple(options))] if options else None


def _cities_with_district(options: Iterable[Region], word: str) -> tuple[Region, ...]:
    """Cities among `options` that have a 구 called `word` ("포항" + "남구")."""
    return tuple(
        region for region in options if word in _CITY_DISTRICTS.get(region.key, frozenset())
    )


def _attach(groups: list[_Group], name: str, options: tuple[Region, ...]) -> None:
    """Add a named piece to the item's groups, merging it with the previous one if it narrows."""
    if groups:
        previous = groups[-1]
        merged_text = f"{previous.text} {name}"
        if cities := _cities_with_district(previous.options, name):
            # "포항 남구": a 구 of the city just named.
            groups[-1] = _Group(merged_text, cities, previous.sido_named)
            return
        narrowed = tuple(
            option
            for option in options
            if any(_contains(outer, option) for outer in previous.options)
        )
        if narrowed:
            # "서울 강남구", "광주시 북구", "수원시 영통구": the new name lies in the previous one.
            sido_named = previous.sido_named or any(
                option.kind is RegionKind.SIDO for option in previous.options
            )
            groups[-1] = _Group(merged_text, narrowed, sido_named)
            return
        widened = tuple(
            option
            for option in previous.options
            if any(_contains(outer, option) for outer in options)
        )
        if widened and all(option.kind is RegionKind.SIDO for option in options):
            # "고성 강원", "광주(경기)": the new name is the 시도 around the previous one.
            groups[-1] = _Group(merged_text, widened, sido_named=True)
            return
        if len(options) > 1 and (settled := _settle(groups, options)):
            options = settled
    sido_named = len(options) == 1 and options[0].kind is RegionKind.SIDO
    groups.append(_Group(name, options, sido_named))


def _settle(groups: Sequence[_Group], options: tuple[Region, ...]) -> tuple[Region, ...]:
    """Options inside the one 시도 this item named earlier ("부산 중구 동구"), if any."""
    named = {
        _SIDO_OF.get(group.options[0].key)
        for group in groups
        if group.sido_named and len(group.options) == 1
    }
    if len(named) != 1 or None in named:
        return ()
    return tuple(option for option in options if _SIDO_OF.get(option.key) in named)


def _contains(outer: Region, inner: Region) -> bool:
    """Whether `inner` is `outer` itself or one of its 시군구 (only 시도 and 시군구 nest)."""
    if outer.kind not in (RegionKind.SIDO, RegionKind.SIGUNGU):
        return False
    return inner == outer or (outer.kind is RegionKind.SIDO and _SIDO_OF.get(inner.key) == outer)


def _sorted(options: Iterable[Region]) -> tuple[Region, ...]:
    """Options in the data's order (시도 order, then 시군구 order) so prompts are stable."""
    return tuple(sorted(options, key=lambda region: _ORDER[region.key]))
