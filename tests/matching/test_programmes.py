"""Who may apply to a programme: age on the day, and a residence read from the profile."""

from datetime import date

import pytest

from matching.programmes import Eligibility

TODAY = date(2026, 12, 8)
SEOUL_45_TO_67 = Eligibility(45, 67, ("서울특별시",))


@pytest.mark.parametrize(
    ("birth_year", "regions", "admitted"),
    [
        (1968, ["서울특별시 강남구"], True),
        (1968, ["경기도 수원시", "서울특별시 노원구"], True),  # one region in Seoul is enough
        (1959, ["서울특별시"], True),  # 67 this year: the last year in
        (1958, ["서울특별시"], False),  # 68
        (1982, ["서울특별시"], False),  # 44
        (None, ["서울특별시"], False),  # an age range needs a known age
        (1968, ["경기도 수원시"], False),
        (1968, ["전국"], False),  # anywhere says nothing of where they live
        (1968, [], False),
    ],
)
def test_age_range_and_residence(
    birth_year: int | None, regions: list[str], admitted: bool
) -> None:
    assert SEOUL_45_TO_67.admits(birth_year, regions, TODAY) is admitted


def test_a_programme_open_to_all_admits_anyone() -> None:
    assert Eligibility(None, None, ()).admits(None, [], TODAY)
