"""Whether a posting's place is one a seeker accepts, and how well it fits.

Every region is reduced to the 시군구 it covers (세종, which has none, counts as one): a
시도 covers its 시군구, an area ("경기 남부") its members'. For the places a seeker chose:

* a posting inside them fits best (EXACT): same 시군구, or a 시군구 of a chosen 시도;
* a posting in a commuting neighbour of a chosen 시군구 comes next (NEAR);
* a posting filed at a wider level that overlaps them ("대전" for a seeker in 유성구, "경기
  남부" for 수원) is accepted with less certainty (WIDE);
* 전국 and 재택 postings are accepted by everyone (OPEN), except that a seeker who chose
  only 재택 accepts nothing but remote work; a seeker who chose 재택 fits it EXACTly.

A seeker with no regions or with 전국 accepts everything (`None`: no place preference).
"""

from collections.abc import Callable
from functools import lru_cache

from matching.region_data import AREAS, SIDO
from matching.regions import (
    NATIONWIDE,
    REMOTE,
    Region,
    RegionKind,
    area_members,
    region_by_key,
)

EXACT = 1.0
NEAR = 0.5
"""A neighbouring 시군구 costs half the place weight, more than an urgent start is worth:
the commute is paid every day."""
WIDE = 0.45
OPEN = 0.3
ANYWHERE = 0.6
"""The fit of every posting for a seeker who accepts any place: no preference either way."""

Neighbours = Callable[[str], frozenset[str]]


def default_neighbours(region_key: str) -> frozenset[str]:
    """`matching.region_neighbours.neighbours`, imported on first use."""
    from matching.region_neighbours import neighbours

    return neighbours(region_key)


def _sido_atoms() -> dict[str, frozenset[str]]:
    return {
        official: frozenset(f"{official} {name}" for name in data.sigungu) or frozenset({official})
        for official, data in SIDO.items()
    }


_SIDO_ATOMS = _sido_atoms()


def covers(region: Region) -> frozenset[str]:
    """The 시군구 keys (or 세종) a region stands for; empty for 전국 and 재택."""
    if region.kind is RegionKind.SIGUNGU:
        return frozenset({region.key})
    if region.kind is RegionKind.SIDO:
        return _SIDO_ATOMS.get(region.key, frozenset({region.key}))
    if region.kind is RegionKind.AREA:
        return frozenset().union(*(covers(member) for member in area_members(region)))
    return frozenset()


_AREA_COVERS: dict[str, frozenset[str]] = {}


def _area_covers(key: str) -> frozenset[str]:
    found = _AREA_COVERS.get(key)
    if found is None:
        region = region_by_key(key)
        found = covers(region) if region is not None else frozenset()
        _AREA_COVERS[key] = found
    return found


@lru_cache(maxsize=1 << 16)
def acceptance(region_keys: tuple[str, ...], neighbours: Neighbours) -> dict[str, float] | None:
    """posting region key -> fit for a seeker who chose `region_keys`; None = anywhere.

    Unknown (outdated) keys are ignored; if nothing known is left the seeker accepts anywhere.
    The result is shared between callers: do not modify it.
    """
    regions = [region for key in region_keys if (region := region_by_key(key)) is not None]
    if not regions or any(region.kind is RegionKind.NATIONWIDE for region in regions):
        return None
    chosen: set[str] = set()
    for region in regions:
        chosen |= covers(region)
    tiers: dict[str, float] = {}
    if any(region.kind is RegionKind.REMOTE for region in regions):
        tiers[REMOTE.key] = EXACT
    if not chosen:
        return tiers  # only 재택
    for atom in chosen:
        for near in neighbours(atom):
            if near not in chosen:
                tiers[near] = NEAR
    for atom in chosen:
        tiers[atom] = EXACT
    for key in {wide for atom in chosen for wide in _containers().get(atom, ())}:
        area = _SIDO_ATOMS.get(key) or _area_covers(key)
        tiers[key] = EXACT if area <= chosen else WIDE
    tiers.setdefault(REMOTE.key, OPEN)
    tiers[NATIONWIDE.key] = OPEN
    return tiers


@lru_cache(maxsize=1)
def _containers() -> dict[str, tuple[str, ...]]:
    """atom -> the 시도 and area keys that cover it."""
    wide: dict[str, list[str]] = {}
    for sido, atoms in _SIDO_ATOMS.items():
        for atom in atoms:
            wide.setdefault(atom, []).append(sido)
    for label in AREAS:
        key = f"area:{label}"
        for atom in _area_covers(key):
            wide.setdefault(atom, []).append(key)
    return {atom: tuple(keys) for atom, keys in wide.items()}


def place_label(region: Region) -> str:
    """How a posting's place reads in a reason: "세종시", "대전 유성구", "재택 근무"."""
    if region.kind is RegionKind.REMOTE:
        return "재택 근무"
    if region.kind is RegionKind.NATIONWIDE:
        return "전국 근무"
    if region.kind is RegionKind.SIDO and region.key.endswith("시"):
        return f"{region.label}시"
    return region.label


@lru_cache(maxsize=4096)
def place_reason(region: Region, fit: float) -> str:
    """The place reason: the label, marked when it is a neighbour of what the seeker chose."""
    label = place_label(region)
    return f"{label} (가까운 지역)" if fit == NEAR else label
