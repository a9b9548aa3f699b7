import pytest

from handlers import texts


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("품질관리", "이/가", "품질관리가"),
        ("월 300만원", "이/가", "월 300만원이"),
        ("월 200만원", "으로/로", "월 200만원으로"),
        ("서울", "으로/로", "서울로"),
        ("세종", "으로/로", "세종으로"),
        ("경비", "을/를", "경비를"),
        ("경력 20년", "을/를", "경력 20년을"),
        ("중구", "은/는", "중구는"),
        ("고성", "은/는", "고성은"),
        ("3", "을/를", "3을"),
        ("2", "을/를", "2를"),
        ("10", "으로/로", "10으로"),
        ("7", "으로/로", "7로"),
        ("coach", "으로/로", "coach로"),
    ],
)
def test_particles_follow_the_last_syllable(word: str, pair: str, expected: str) -> None:
    assert texts.with_particle(word, pair) == expected


def test_every_bot_command_has_a_korean_description() -> None:
    for command, description in texts.COMMANDS:
        assert command.isascii()
        assert command.islower()
        assert any("가" <= char <= "힣" for char in description)
