"""Tests for `matching.regions`: real spellings seniors type, and the data's consistency."""

import pytest

from matching.region_data import AREAS, CITY_DISTRICTS, NEIGHBOURHOODS, SIDO
from matching.regions import (
    NATIONWIDE,
    REMOTE,
    Ambiguous,
    Region,
    RegionKind,
    RegionLookup,
    area_members,
    parse_regions,
    region_by_key,
    sido_of,
)


def keys(lookup: RegionLookup) -> list[str]:
    return [region.key for region in lookup.regions]


def option_keys(choice: Ambiguous) -> list[str]:
    return [region.key for region in choice.options]


def all_regions() -> list[Region]:
    """Every region the data defines, found through the public API only."""
    regions = [NATIONWIDE, REMOTE]
    for official, data in SIDO.items():
        regions.append(_get(official))
        regions.extend(_get(f"{official} {name}") for name in data.sigungu)
    regions.extend(_get(f"area:{label}") for label in AREAS)
    return regions


def _get(key: str) -> Region:
    region = region_by_key(key)
    assert region is not None, key
    return region


# --- One region per message -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 시도: official, short and old names.
        ("세종", "세종특별자치시"),
        ("세종시", "세종특별자치시"),
        ("세종특별자치시", "세종특별자치시"),
        ("세종특별자치시 조치원읍", "세종특별자치시"),
        ("서울", "서울특별시"),
        ("서울시", "서울특별시"),
        ("서울특별시", "서울특별시"),
        ("서울 특별시", "서울특별시"),
        ("경기", "경기도"),
        ("경기도", "경기도"),
        ("강원", "강원특별자치도"),
        ("강원도", "강원특별자치도"),
        ("강원특별자치도", "강원특별자치도"),
        ("전북", "전북특별자치도"),
        ("전라북도", "전북특별자치도"),
        ("전북특별자치도", "전북특별자치도"),
        ("충남", "충청남도"),
        ("충청남도", "충청남도"),
        ("충북", "충청북도"),
        ("전남", "전라남도"),
        ("경북", "경상북도"),
        ("경남", "경상남도"),
        ("경상남도", "경상남도"),
        ("제주", "제주특별자치도"),
        ("제주도", "제주특별자치도"),
        ("부산광역시", "부산광역시"),
        ("광주광역시", "광주광역시"),
        ("대구", "대구광역시"),
        ("울산시", "울산광역시"),
        # 시군구 with and without their 시도.
        ("서울 강남구", "서울특별시 강남구"),
        ("서울시 강남구", "서울특별시 강남구"),
        ("서울특별시 강남구", "서울특별시 강남구"),
        ("강남구", "서울특별시 강남구"),
        ("강남", "서울특별시 강남구"),
        ("서울강남구", "서울특별시 강남구"),
        ("서울 중구", "서울특별시 중구"),
        ("부산 강서구", "부산광역시 강서구"),
        ("인천 서구", "인천광역시 서구"),
        ("광주 서구", "광주광역시 서구"),
        ("광주시 북구", "광주광역시 북구"),
        ("광주광역시 광산구", "광주광역시 광산구"),
        ("경기 광주", "경기도 광주시"),
        ("경기도 광주시", "경기도 광주시"),
        ("경기광주", "경기도 광주시"),
        ("광주(경기)", "경기도 광주시"),
        ("강원 고성", "강원특별자치도 고성군"),
        ("고성(강원)", "강원특별자치도 고성군"),
        ("경남 고성군", "경상남도 고성군"),
        ("대구 군위군", "대구광역시 군위군"),
        ("군위", "대구광역시 군위군"),
        ("충북 영동", "충청북도 영동군"),
        ("제주시", "제주특별자치도 제주시"),
        ("제주 제주시", "제주특별자치도 제주시"),
        ("서귀포", "제주특별자치도 서귀포시"),
        ("해운대", "부산광역시 해운대구"),
        ("부산진구", "부산광역시 부산진구"),
        ("화성", "경기도 화성시"),
        ("울릉도", "경상북도 울릉군"),
        ("강화도", "인천광역시 강화군"),
        # Cities with their own 구 resolve to the city.
        ("수원", "경기도 수원시"),
        ("수원시", "경기도 수원시"),
        ("경기 수원시", "경기도 수원시"),
        ("수원시 영통구", "경기도 수원시"),
        ("영통구", "경기도 수원시"),
        ("수원시 팔달구 인계동 123-4", "경기도 수원시"),
        ("경기도 부천시 원미구", "경기도 부천시"),
        ("포항 남구", "경상북도 포항시"),
        ("포항시 북구", "경상북도 포항시"),
        ("경북 포항 북구", "경상북도 포항시"),
        ("천안 서북구", "충청남도 천안시"),
        ("일산서구", "경기도 고양시"),
        ("전북특별자치도 전주시 완산구", "전북특별자치도 전주시"),
        ("창원 마산", "경상남도 창원시"),
        # Neighbourhoods.
        ("분당", "경기도 성남시"),
        ("판교", "경기도 성남시"),
        ("일산", "경기도 고양시"),
        ("동탄", "경기도 화성시"),
        ("영통", "경기도 수원시"),
        ("산본", "경기도 군포시"),
        ("평촌", "경기도 안양시"),
        ("송도", "인천광역시 연수구"),
        ("조치원", "세종특별자치시"),
        # Fillers, particles, emoji, full-width and address parts.
        ("수원 근처", "경기도 수원시"),
        ("수원쪽", "경기도 수원시"),
        ("수원역 근처", "경기도 수원시"),
        ("판교 쪽으로", "경기도 성남시"),
        ("강남구청", "서울특별시 강남구"),
        ("대전권", "대전광역시"),
        ("서울 전체", "서울특별시"),
        ("서울 지역 희망합니다", "서울특별시"),
        ("부산이요", "부산광역시"),
        ("서울 ㅎㅎ", "서울특별시"),
        ("부산 😊", "부산광역시"),
        ("광주（경기）", "경기도 광주시"),  # full-width parentheses
        ("수원시 １２３번지", "경기도 수원시"),  # full-width digits
        ("　서울　", "서울특별시"),  # ideographic spaces
        ("서울 마포구 합정동", "서울특별시 마포구"),
        ("서울 중구 역삼동", "서울특별시 중구"),
        ("경기도 어디든", "경기도"),  # anywhere within 경기, not 전국
        ("서울 아무데나 괜찮아요", "서울특별시"),
        # Anywhere and from home.
        ("전국", "전국"),
        ("어디든", "전국"),
        ("어디든지", "전국"),
        ("상관없음", "전국"),
        ("상관 없어요", "전국"),
        ("상관없다고요", "전국"),
        ("무관", "전국"),
        ("지역 무관", "전국"),
        ("전국 어디든", "전국"),
        ("어디든 괜찮아요", "전국"),
        ("전체", "전국"),
        ("다 좋아요", "전국"),
        ("재택", "재택"),
        ("재택근무", "재택"),
        ("재택 근무", "재택"),
        ("재택가능", "재택"),
        ("집에서", "재택"),
        ("재택 희망합니다", "재택"),
        # Areas.
        ("경기 남부", "area:경기 남부"),
        ("경기남부", "area:경기 남부"),
        ("경기 남부 😊", "area:경기 남부"),
        ("경기도 남부 쪽", "area:경기 남부"),
        ("경기 북부", "area:경기 북부"),
        ("수도권", "area:수도권"),
        ("충청권", "area:충청권"),
        ("충청도", "area:충청권"),
        ("호남권", "area:호남권"),
        ("호남", "area:호남권"),
        ("영남권", "area:영남권"),
        ("영남", "area:영남권"),
        ("경상도", "area:영남권"),
        ("부울경", "area:부울경"),
        ("대구경북", "area:대구경북"),
        ("강원 영동", "area:강원 영동"),
        ("영동 지방", "area:강원 영동"),
        ("강원 영서", "area:강원 영서"),
        ("강남 3구", "area:강남3구"),
        ("강남권", "area:강남3구"),
        # Typos: one jamo off in a 3+ syllable name.
        ("수언시", "경기도 수원시"),
        ("강남귀", "서울특별시 강남구"),
        ("의정보", "경기도 의정부시"),
        ("영등표", "서울특별시 영등포구"),
        ("남얀주", "경기도 남양주시"),
        ("해운데", "부산광역시 해운대구"),
        # A whole sentence around the place.
        ("서울에서 일하고 싶어요", "서울특별시"),
        ("수원 쪽으로 다니고 싶습니다", "경기도 수원시"),
        ("대전 유성구 쪽 일 찾아요", "대전광역시 유성구"),
        ("출퇴근 가능한 성남", "경기도 성남시"),
    ],
)
def test_single_region(text: str, expected: str) -> None:
    lookup = parse_regions(text)
    assert keys(lookup) == [expected]
    assert lookup.ambiguous == ()
    assert lookup.unknown == ()


# --- Several regions in one message -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("수원시, 화성시", ["경기도 수원시", "경기도 화성시"]),
        ("수원시 화성시", ["경기도 수원시", "경기도 화성시"]),
        ("수원\n화성\n오산", ["경기도 수원시", "경기도 화성시", "경기도 오산시"]),
        ("서울 그리고 경기", ["서울특별시", "경기도"]),
        ("서울/경기", ["서울특별시", "경기도"]),
        ("서울·경기", ["서울특별시", "경기도"]),
        ("서울이나 경기", ["서울특별시", "경기도"]),
        ("서울 경기 인천", ["서울특별시", "경기도", "인천광역시"]),
        ("서울 재택", ["서울특별시", "재택"]),
        ("재택 또는 수원 근처", ["재택", "경기도 수원시"]),
        (
            "서울 강남 서초 송파",
            ["서울특별시 강남구", "서울특별시 서초구", "서울특별시 송파구"],
        ),
        # A 시도 named earlier in the item settles later names.
        ("부산 중구 동구", ["부산광역시 중구", "부산광역시 동구"]),
        ("광주시 북구 서구", ["광주광역시 북구", "광주광역시 서구"]),
        # Duplicates collapse; the order typed is kept.
        ("분당, 판교, 성남", ["경기도 성남시"]),
        ("경기, 서울, 경기도", ["경기도", "서울특별시"]),
        ("경기 남부, 강원 영동", ["area:경기 남부", "area:강원 영동"]),
    ],
)
def test_several_regions(text: str, expected: list[str]) -> None:
    lookup = parse_regions(text)
    assert keys(lookup) == expected
    assert lookup.ambiguous == ()
    assert lookup.unknown == ()


# --- Ambiguous names are asked about, not guessed ---------------------------------------------


def _in(name: str, *sidos: str) -> list[str]:
    return [f"{sido} {name}" for sido in sidos]


@pytest.mark.parametrize(
    ("text", "ambiguous_text", "expected_options"),
    [
        (
            "중구",
            "중구",
            _in(
                "중구",
                "서울특별시",
                "부산광역시",
                "대구광역시",
                "대전광역시",
                "울산광역시",
            ),
        ),
        (
            "동구",
            "동구",
            _in(
                "동구",
                "부산광역시",
                "대구광역시",
                "광주광역시",
                "대전광역시",
                "울산광역시",
            ),
        ),
        (
            "서구",
            "서구",
            _in("서구", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시"),
        ),
        ("남구", "남구", _in("남구", "부산광역시", "대구광역시", "광주광역시", "울산광역시")),
        ("북구 쪽", "북구", _in("북구", "부산광역시", "대구광역시", "광주광역시", "울산광역시")),
        ("강서구", "강서구", ["서울특별시 강서구", "부산광역시 강서구"]),
        # 인천's 중구 was split in 2026 (제물포구 inland, 영종구 on the islands).
        ("인천 중구", "인천 중구", ["인천광역시 제물포구", "인천광역시 영종구"]),
        ("강서", "강서", ["서울특별시 강서구", "부산광역시 강서구"]),
        ("광주", "광주", ["광주광역시", "경기도 광주시"]),
        ("광주시", "광주시", ["광주광역시", "경기도 광주시"]),
        ("광주 근처", "광주", ["광주광역시", "경기도 광주시"]),
        ("고성", "고성", ["강원특별자치도 고성군", "경상남도 고성군"]),
        ("고성군", "고성군", ["강원특별자치도 고성군", "경상남도 고성군"]),
        ("영동", "영동", ["충청북도 영동군", "area:강원 영동"]),
        # A typo close to two names offers both.
        ("광영시", "광영시", ["경기도 광명시", "전라남도 광양시"]),
    ],
)
def test_ambiguous(text: str, ambiguous_text: str, expected_options: list[str]) -> None:
    lookup = parse_regions(text)
    assert lookup.regions == ()
    assert lookup.unknown == ()
    assert len(lookup.ambiguous) == 1
    assert lookup.ambiguous[0].text == ambiguous_text
    assert option_keys(lookup.ambiguous[0]) == expected_options


def test_ambiguous_next_to_resolved_regions() -> None:
    lookup = parse_regions("서울, 중구, 광주")
    assert keys(lookup) == ["서울특별시"]
    assert [choice.text for choice in lookup.ambiguous] == ["중구", "광주"]


def test_sido_context_does_not_cross_items() -> None:
    """Items are read independently: in "부산 중구, 동구" the 동구 could be any 동구."""
    lookup = parse_regions("부산 중구, 동구")
    assert keys(lookup) == ["부산광역시 중구"]
    assert [choice.text for choice in lookup.ambiguous] == ["동구"]
    assert len(lookup.ambiguous[0].options) == 5


def test_same_ambiguity_is_reported_once() -> None:
    lookup = parse_regions("중구, 중구")
    assert len(lookup.ambiguous) == 1


# --- Unknown ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_unknown"),
    [
        ("달나라", ("달나라",)),
        ("abc", ("abc",)),
        ("Seoul", ("Seoul",)),
        ("😊", ("😊",)),  # emoji only: one unknown item, so the bot can say so
        ("😊 👍", ("😊 👍",)),
        ("지역", ("지역",)),
        ("집 근처", ("집 근처",)),  # near home is a place we cannot know, not remote work
        ("우리 집에서 가까운 곳", ("우리 집에서 가까운 곳",)),
        ("잘 모르겠어요", ("잘 모르겠어요",)),
        ("안면도", ("안면도",)),
        ("역삼동", ("역삼동",)),  # an address part without a 시군구 tells us nothing
        ("여쥬시", ("여쥬시",)),  # two jamo off: too far to guess
    ],
)
def test_unknown(text: str, expected_unknown: tuple[str, ...]) -> None:
    lookup = parse_regions(text)
    assert lookup.regions == ()
    assert lookup.ambiguous == ()
    assert lookup.unknown == expected_unknown


@pytest.mark.parametrize("text", ["", "   ", "\n", ", ,"])
def test_blank_text_is_empty(text: str) -> None:
    assert parse_regions(text) == RegionLookup((), (), ())


def test_unknown_words_next_to_a_region() -> None:
    lookup = parse_regions("달나라, 수원")
    assert keys(lookup) == ["경기도 수원시"]
    assert lookup.unknown == ("달나라",)


def test_unknown_word_inside_an_item_is_reported() -> None:
    lookup = parse_regions("제주 성산")
    assert keys(lookup) == ["제주특별자치도"]
    assert lookup.unknown == ("성산",)


def test_near_home_is_not_remote_work() -> None:
    lookup = parse_regions("수원 집에서 가까운 곳")
    assert keys(lookup) == ["경기도 수원시"]
    assert lookup.unknown == ()


def test_fuzzy_does_not_apply_to_short_words() -> None:
    # "수언" is one jamo from "수원" but two syllables are too short to guess safely.
    assert parse_regions("수언").unknown == ("수언",)


# --- Data and keys ----------------------------------------------------------------------------


def test_seventeen_sido_and_all_sigungu() -> None:
    assert len(SIDO) == 17
    sigungu = sum(len(data.sigungu) for data in SIDO.values())
    # 226 autonomous 시군구 plus 제주's two administrative cities, plus one since 인천's
    # 2026 reorganisation (중구 and 동구 became 제물포구 and 영종구; 검단구 split off 서구).
    assert sigungu == 229
    assert {"제물포구", "영종구", "검단구"} <= set(SIDO["인천광역시"].sigungu)
    assert SIDO["세종특별자치시"].sigungu == ()
    assert "군위군" in SIDO["대구광역시"].sigungu
    assert "군위군" not in SIDO["경상북도"].sigungu
    assert len(SIDO["서울특별시"].sigungu) == 25
    assert len(SIDO["경기도"].sigungu) == 31


@pytest.mark.parametrize(
    ("official", "label"),
    [
        ("서울특별시", "서울"),
        ("세종특별자치시", "세종"),
        ("강원특별자치도", "강원"),
        ("전북특별자치도", "전북"),
        ("제주특별자치도", "제주"),
        ("울산광역시", "울산"),
    ],
)
def test_sido_official_names(official: str, label: str) -> None:
    region = region_by_key(official)
    assert region == Region(official, label, RegionKind.SIDO)


def test_every_key_round_trips() -> None:
    regions = all_regions()
    assert len({region.key for region in regions}) == len(regions)
    for region in regions:
        assert region_by_key(region.key) is region


def test_every_sido_and_sigungu_key_parses_to_itself() -> None:
    for region in all_regions():
        if region.kind in (RegionKind.SIDO, RegionKind.SIGUNGU):
            assert keys(parse_regions(region.key)) == [region.key], region.key


def test_every_label_parses_to_its_region() -> None:
    for region in all_regions():
        lookup = parse_regions(region.label)
        if region.key == "광주광역시":
            # "광주" is also 경기 광주시: the bare label is ambiguous on purpose.
            assert region in lookup.ambiguous[0].options
        else:
            assert keys(lookup) == [region.key], region.label


def test_unknown_key_is_none() -> None:
    assert region_by_key("경상북도 군위군") is None  # moved to 대구 in 2023
    assert region_by_key("") is None
    assert region_by_key("area:달나라") is None


def test_labels() -> None:
    assert _get("서울특별시 강남구").label == "서울 강남구"
    assert _get("경기도 수원시").label == "경기 수원시"
    assert _get("area:경기 남부").label == "경기 남부"
    assert (NATIONWIDE.key, NATIONWIDE.label, NATIONWIDE.kind) == ("전국", "전국", "nationwide")
    assert (REMOTE.key, REMOTE.label, REMOTE.kind) == ("재택", "재택", "remote")


def test_data_references_existing_regions() -> None:
    for city_key in CITY_DISTRICTS:
        assert _get(city_key).kind is RegionKind.SIGUNGU
    for name, key in NEIGHBOURHOODS.items():
        assert keys(parse_regions(name)) == [key], name


# --- sido_of and area_members -----------------------------------------------------------------


def test_sido_of() -> None:
    assert sido_of(_get("서울특별시 강남구")) == _get("서울특별시")
    assert sido_of(_get("대구광역시 군위군")) == _get("대구광역시")
    assert sido_of(_get("경기도")) == _get("경기도")
    assert sido_of(_get("세종특별자치시")) == _get("세종특별자치시")
    assert sido_of(_get("area:수도권")) is None
    assert sido_of(NATIONWIDE) is None
    assert sido_of(REMOTE) is None


def test_every_sigungu_has_its_sido() -> None:
    for region in all_regions():
        if region.kind is RegionKind.SIGUNGU:
            sido = sido_of(region)
            assert sido is not None
            assert region.key.startswith(f"{sido.key} ")


def test_area_members_resolve() -> None:
    for label, data in AREAS.items():
        members = area_members(_get(f"area:{label}"))
        assert [member.key for member in members] == list(data.members)
        assert all(member.kind in (RegionKind.SIDO, RegionKind.SIGUNGU) for member in members)


def test_gyeonggi_south_and_north_split_every_city_once() -> None:
    south = {m.key for m in area_members(_get("area:경기 남부"))}
    north = {m.key for m in area_members(_get("area:경기 북부"))}
    gyeonggi = {f"경기도 {name}" for name in SIDO["경기도"].sigungu}
    assert south.isdisjoint(north)
    assert south | north == gyeonggi
    assert {"경기도 수원시", "경기도 광주시", "경기도 부천시", "경기도 김포시"} <= south
    assert {"경기도 고양시", "경기도 의정부시", "경기도 남양주시", "경기도 연천군"} <= north


def test_gangwon_east_and_west_split_every_county_once() -> None:
    east = {m.key for m in area_members(_get("area:강원 영동"))}
    west = {m.key for m in area_members(_get("area:강원 영서"))}
    gangwon = {f"강원특별자치도 {name}" for name in SIDO["강원특별자치도"].sigungu}
    assert east.isdisjoint(west)
    assert east | west == gangwon


def test_capital_area_members() -> None:
    assert [m.key for m in area_members(_get("area:수도권"))] == [
        "서울특별시",
        "인천광역시",
        "경기도",
    ]


def test_non_area_covers_itself() -> None:
    gangnam = _get("서울특별시 강남구")
    assert area_members(gangnam) == (gangnam,)
    assert area_members(NATIONWIDE) == (NATIONWIDE,)
