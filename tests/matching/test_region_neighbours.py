"""Tests for `matching.region_neighbours`: the data's consistency and geography people check."""

from itertools import combinations

import pytest

from matching.region_data import AREAS, SIDO
from matching.region_neighbours import BORDERS, BRIDGES, neighbours
from matching.regions import RegionKind, region_by_key

SEJONG = "세종특별자치시"


def all_sigungu_keys() -> list[str]:
    """Every 시군구 key the region data defines, plus 세종, which has no 시군구."""
    keys = [f"{official} {name}" for official, data in SIDO.items() for name in data.sigungu]
    return [*keys, SEJONG]


def components() -> list[set[str]]:
    """Groups of regions reachable from each other through neighbours."""
    unseen = set(all_sigungu_keys())
    groups: list[set[str]] = []
    while unseen:
        start = unseen.pop()
        group, todo = {start}, [start]
        while todo:
            for other in neighbours(todo.pop()):
                if other not in group:
                    group.add(other)
                    todo.append(other)
        unseen -= group
        groups.append(group)
    return groups


# --- The tables ------------------------------------------------------------------------------


def test_borders_cover_every_sigungu_exactly() -> None:
    assert sorted(BORDERS) == sorted(all_sigungu_keys())
    assert len(BORDERS) == 230


@pytest.mark.parametrize("key", sorted(BORDERS))
def test_borders_keys_are_real_regions(key: str) -> None:
    for name in (key, *BORDERS[key]):
        region = region_by_key(name)
        assert region is not None, name
        assert region.kind is RegionKind.SIGUNGU or name == SEJONG, name


@pytest.mark.parametrize("key", sorted(BORDERS))
def test_borders_are_symmetric(key: str) -> None:
    for other in BORDERS[key]:
        assert key in BORDERS[other], f"{other} does not list {key}"


@pytest.mark.parametrize("key", sorted(BORDERS))
def test_borders_have_no_self_or_duplicates(key: str) -> None:
    assert key not in BORDERS[key]
    assert len(set(BORDERS[key])) == len(BORDERS[key])


@pytest.mark.parametrize("key", sorted(BORDERS))
def test_borders_list_no_pair_the_city_rule_covers(key: str) -> None:
    sido, _, name = key.partition(" ")
    if name.endswith("구") and sido.endswith(("특별시", "광역시")):
        same_city = [other for other in BORDERS[key] if other.startswith(f"{sido} ")]
        assert all(not other.endswith("구") for other in same_city), same_city


@pytest.mark.parametrize(("first", "second"), BRIDGES)
def test_bridges_join_real_regions_without_a_land_border(first: str, second: str) -> None:
    assert first in BORDERS
    assert second in BORDERS
    assert first != second
    assert second not in BORDERS[first]


def test_bridges_are_listed_once() -> None:
    pairs = [frozenset(pair) for pair in BRIDGES]
    assert len(set(pairs)) == len(pairs)


# --- The lookup ------------------------------------------------------------------------------


@pytest.mark.parametrize("key", all_sigungu_keys())
def test_neighbours_are_symmetric_and_exclude_the_key(key: str) -> None:
    found = neighbours(key)
    assert isinstance(found, frozenset)
    assert key not in found
    for other in found:
        assert key in neighbours(other), f"{other} does not neighbour {key}"


@pytest.mark.parametrize("key", all_sigungu_keys())
def test_neighbours_include_every_land_border(key: str) -> None:
    assert set(BORDERS[key]) <= neighbours(key)


def test_only_ulleung_has_no_neighbours() -> None:
    assert [key for key in all_sigungu_keys() if not neighbours(key)] == ["경상북도 울릉군"]


def test_mainland_is_one_connected_area() -> None:
    groups = sorted(components(), key=len)
    assert groups[:2] == [
        {"경상북도 울릉군"},
        {"제주특별자치도 제주시", "제주특별자치도 서귀포시"},
    ]
    assert len(groups) == 3


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # From the brief of the matcher.
        ("경기도 수원시", "경기도 화성시"),
        ("경기도 수원시", "경기도 용인시"),
        ("세종특별자치시", "대전광역시 유성구"),
        ("세종특별자치시", "충청북도 청주시"),
        ("세종특별자치시", "충청남도 공주시"),
        ("세종특별자치시", "충청남도 천안시"),
        ("서울특별시 강남구", "서울특별시 송파구"),
        ("서울특별시 강남구", "경기도 성남시"),
        ("대구광역시 수성구", "경상북도 경산시"),
        ("부산광역시 강서구", "경상남도 김해시"),
        ("부산광역시 강서구", "경상남도 창원시"),
        ("경상남도 창원시", "경상남도 김해시"),
        ("충청남도 천안시", "충청남도 아산시"),
        ("제주특별자치도 제주시", "제주특별자치도 서귀포시"),
        # Seoul and the cities around it.
        ("서울특별시 서초구", "경기도 과천시"),
        ("서울특별시 송파구", "경기도 하남시"),
        ("서울특별시 노원구", "경기도 의정부시"),
        ("서울특별시 노원구", "경기도 남양주시"),
        ("서울특별시 은평구", "경기도 고양시"),
        ("서울특별시 강서구", "경기도 김포시"),
        ("서울특별시 강서구", "인천광역시 계양구"),
        ("서울특별시 구로구", "경기도 광명시"),
        ("서울특별시 금천구", "경기도 안양시"),
        ("서울특별시 강동구", "경기도 구리시"),
        ("경기도 부천시", "인천광역시 부평구"),
        ("경기도 시흥시", "인천광역시 남동구"),
        ("경기도 안양시", "경기도 군포시"),
        ("경기도 평택시", "경기도 오산시"),
        ("경기도 평택시", "충청남도 아산시"),
        ("경기도 평택시", "충청남도 당진시"),
        ("경기도 김포시", "인천광역시 검단구"),
        ("경기도 고양시", "경기도 파주시"),
        # Same metropolitan city, even without a shared border.
        ("서울특별시 도봉구", "서울특별시 강서구"),
        ("부산광역시 영도구", "부산광역시 해운대구"),
        ("인천광역시 영종구", "인천광역시 연수구"),
        ("인천광역시 제물포구", "인천광역시 검단구"),
        ("광주광역시 광산구", "광주광역시 동구"),
        ("대전광역시 대덕구", "대전광역시 유성구"),
        ("울산광역시 동구", "울산광역시 남구"),
        ("대구광역시 달서구", "대구광역시 수성구"),
        # 군 of a metropolitan city keep their real borders.
        ("부산광역시 기장군", "부산광역시 해운대구"),
        ("부산광역시 기장군", "경상남도 양산시"),
        ("대구광역시 달성군", "대구광역시 달서구"),
        ("대구광역시 군위군", "경상북도 구미시"),
        ("울산광역시 울주군", "경상남도 양산시"),
        # Around 대전, 광주, 대구, 울산.
        ("대전광역시 유성구", "충청남도 공주시"),
        ("대전광역시 유성구", "충청남도 계룡시"),
        ("대전광역시 동구", "충청북도 옥천군"),
        ("대전광역시 서구", "충청남도 논산시"),
        ("광주광역시 광산구", "전라남도 나주시"),
        ("광주광역시 북구", "전라남도 담양군"),
        ("광주광역시 동구", "전라남도 화순군"),
        ("대구광역시 북구", "경상북도 칠곡군"),
        ("대구광역시 동구", "경상북도 영천시"),
        ("울산광역시 북구", "경상북도 경주시"),
        # Elsewhere.
        ("충청북도 청주시", "충청북도 증평군"),
        ("충청북도 청주시", "충청남도 천안시"),
        ("충청북도 충주시", "충청북도 제천시"),
        ("전북특별자치도 전주시", "전북특별자치도 완주군"),
        ("전북특별자치도 익산시", "전북특별자치도 군산시"),
        ("전북특별자치도 군산시", "충청남도 서천군"),
        ("전라남도 목포시", "전라남도 무안군"),
        ("전라남도 순천시", "전라남도 광양시"),
        ("전라남도 여수시", "전라남도 순천시"),
        ("전라남도 광양시", "경상남도 하동군"),
        ("경상북도 포항시", "경상북도 경주시"),
        ("경상북도 구미시", "경상북도 칠곡군"),
        ("경상북도 안동시", "경상북도 예천군"),
        ("경상남도 진주시", "경상남도 사천시"),
        ("경상남도 양산시", "부산광역시 금정구"),
        ("강원특별자치도 춘천시", "경기도 가평군"),
        ("강원특별자치도 원주시", "충청북도 충주시"),
        ("강원특별자치도 강릉시", "강원특별자치도 동해시"),
        ("강원특별자치도 속초시", "강원특별자치도 고성군"),
        ("강원특별자치도 태백시", "경상북도 봉화군"),
        # Bridges.
        ("경상남도 거제시", "경상남도 통영시"),
        ("경상남도 거제시", "부산광역시 강서구"),
        ("경상남도 남해군", "경상남도 하동군"),
        ("인천광역시 강화군", "경기도 김포시"),
        ("전라남도 진도군", "전라남도 해남군"),
        ("전라남도 완도군", "전라남도 해남군"),
        ("전라남도 신안군", "전라남도 목포시"),
    ],
)
def test_known_neighbours(first: str, second: str) -> None:
    assert second in neighbours(first)
    assert first in neighbours(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("경기도 수원시", "부산광역시 해운대구"),
        ("서울특별시 강남구", "인천광역시 강화군"),
        ("서울특별시 강남구", "경기도 과천시"),  # 서초구 lies between
        ("세종특별자치시", "대전광역시 대덕구"),  # 유성구 meets 청주 between them
        ("세종특별자치시", "충청북도 진천군"),
        ("경기도 수원시", "경기도 오산시"),  # 화성 lies between
        ("서울특별시 종로구", "인천광역시 부평구"),  # different cities
        ("부산광역시 기장군", "부산광역시 강서구"),  # a 군 gets no city rule
        ("대구광역시 군위군", "대구광역시 중구"),
        ("인천광역시 옹진군", "인천광역시 연수구"),
        ("인천광역시 강화군", "인천광역시 서구"),
        ("울산광역시 울주군", "울산광역시 동구"),
        ("경기도 고양시", "경기도 의정부시"),
        ("전라남도 여수시", "경상남도 남해군"),  # no fixed link yet
        ("경상북도 울릉군", "경상북도 포항시"),  # ferry only
        ("강원특별자치도 고성군", "경상남도 고성군"),  # same name, far apart
    ],
)
def test_known_non_neighbours(first: str, second: str) -> None:
    assert second not in neighbours(first)
    assert first not in neighbours(second)


@pytest.mark.parametrize(
    "mainland", [key for key in all_sigungu_keys() if not key.startswith("제주특별자치도")]
)
@pytest.mark.parametrize("jeju", ["제주특별자치도 제주시", "제주특별자치도 서귀포시"])
def test_jeju_has_no_mainland_neighbours(jeju: str, mainland: str) -> None:
    assert mainland not in neighbours(jeju)


def test_jeju_cities_only_neighbour_each_other() -> None:
    assert neighbours("제주특별자치도 제주시") == {"제주특별자치도 서귀포시"}
    assert neighbours("제주특별자치도 서귀포시") == {"제주특별자치도 제주시"}


def test_sejong_neighbours() -> None:
    assert neighbours(SEJONG) == {
        "대전광역시 유성구",
        "충청북도 청주시",
        "충청남도 공주시",
        "충청남도 천안시",
    }


@pytest.mark.parametrize("city", [official for official in SIDO if official.endswith("시")])
def test_every_gu_of_a_metropolitan_city_neighbours_the_others(city: str) -> None:
    districts = [f"{city} {name}" for name in SIDO[city].sigungu if name.endswith("구")]
    for first, second in combinations(districts, 2):
        assert second in neighbours(first)


def test_seoul_gu_neighbour_all_other_seoul_gu() -> None:
    found = neighbours("서울특별시 강남구")
    seoul = {key for key in found if key.startswith("서울특별시 ")}
    assert len(seoul) == 24
    assert found - seoul == {"경기도 성남시"}


# --- Keys without neighbours -----------------------------------------------------------------


@pytest.mark.parametrize("sido", [official for official in SIDO if official != SEJONG])
def test_sido_keys_have_no_neighbours(sido: str) -> None:
    assert neighbours(sido) == frozenset()


@pytest.mark.parametrize(
    "key",
    [
        "",
        "서울",
        "수원시",
        "경기 수원시",
        "경기도  수원시",
        "서울특별시 없는구",
        "인천광역시 중구",  # abolished in 2026
        "인천광역시 동구",
        "경상북도 군위군",  # moved to 대구 in 2023
        "경기도 수원시 영통구",
        "전국",
        "재택",
        *(f"area:{label}" for label in AREAS),
    ],
)
def test_unknown_keys_have_no_neighbours(key: str) -> None:
    assert neighbours(key) == frozenset()
