"""Headcounts as boards write them, read alike by import-jobs and the admin's form."""

import pytest

from handlers.admin.posting_fields import headcount_of, headcount_unstated


@pytest.mark.parametrize(
    ("typed", "count"),
    [("2", 2), ("2명", 2), (" 3 명 ", 3), ("1~2명", 2), ("1-3명", 3), ("모집인원: 4명", 4)],
)
def test_a_number_of_people_is_read(typed: str, count: int) -> None:
    assert headcount_of(typed) == count


@pytest.mark.parametrize("typed", ["0", "두 명", "10000명", "2명 이상 여러 명", "", "🙂"])
def test_anything_else_is_no_headcount(typed: str) -> None:
    assert headcount_of(typed) is None


@pytest.mark.parametrize("typed", ["0명", "00명", "○○명", "O명", "약간명", "미정"])
def test_boards_words_for_a_few_are_unstated(typed: str) -> None:
    assert headcount_unstated(typed)


@pytest.mark.parametrize("typed", ["두 명", "2명", "많이"])
def test_a_number_or_other_words_are_not_unstated(typed: str) -> None:
    assert not headcount_unstated(typed)
