"""A Kakao chat's screen goes to the database and comes back the same, or fresh if unreadable."""

import pytest

from bot.channels.kakao.render import Outgoing
from bot.channels.kakao.screen import Screen


def test_a_screen_comes_back_as_it_was_stored() -> None:
    screen = Screen(
        keyboard=("처음으로", "도움말"),
        rest=(
            Outgoing("둘째 쪽이에요.", buttons=(("관심 있어요", "job:i:7"),)),
            Outgoing("키보드를 없앴어요.", keyboard=()),
            Outgoing("그림 설명", photo=True),
        ),
        more_replies=("서울", "부산"),
        unseen={"version": "2.0", "template": {"outputs": []}},
    )
    assert Screen.from_json(screen.to_json()) == screen


@pytest.mark.parametrize(
    "stored",
    [None, {}, {"keyboard": "처음으로"}, {"keyboard": [], "rest": [{"text": 3}], "x": 1}],
)
def test_a_screen_that_cannot_be_read_is_a_fresh_one(stored: dict[str, object] | None) -> None:
    assert Screen.from_json(stored) == Screen()


def test_the_last_keyboard_set_holds() -> None:
    screen = Screen(keyboard=("예", "아니요"))
    after = screen.after([Outgoing("질문", keyboard=("서울", "경기")), Outgoing("설명")])
    assert after.keyboard == ("서울", "경기")
    assert screen.after([Outgoing("설명")]).keyboard == ("예", "아니요")
