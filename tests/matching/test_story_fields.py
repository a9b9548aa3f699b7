import pytest

from matching.story_fields import parse_format, parse_outcome


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("대면", "대면"),
        ("직접 방문 면접", "대면"),
        ("화상", "화상"),
        ("비대면(줌)", "화상"),
        ("Zoom", "화상"),
        ("전화", "전화"),
        ("전화 통화로 했어요", "전화"),
        ("", None),
        ("🙂", None),
        ("잘 모르겠어요", None),
        ("전화 후 대면", None),
    ],
)
def test_format(text: str, expected: str | None) -> None:
    assert parse_format(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("합격", "hired"),
        ("최종 합격", "hired"),
        ("붙었어요!", "hired"),
        ("불합격", "not_hired"),
        ("떨어졌어요", "not_hired"),
        ("결과 기다리는 중", "waiting"),
        ("아직 몰라요", "waiting"),
        ("면접 완료", "waiting"),
        ("", None),
        ("음", None),
    ],
)
def test_outcome(text: str, expected: str | None) -> None:
    assert parse_outcome(text) == expected
