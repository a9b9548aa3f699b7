from datetime import UTC, date, datetime

import pytest

from matching.schedule import SEOUL, digest_due, first_allowed


def _kst(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=SEOUL)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (_kst(23, 10), _kst(23, 10)),
        (_kst(23, 20, 59), _kst(23, 20, 59)),
        (_kst(23, 21), _kst(24, 8)),
        (_kst(23, 23, 30), _kst(24, 8)),
        (_kst(24, 0, 5), _kst(24, 8)),
        (_kst(24, 7, 59), _kst(24, 8)),
        (_kst(24, 8), _kst(24, 8)),
    ],
)
def test_quiet_nights_hold_until_eight(now: datetime, expected: datetime) -> None:
    assert first_allowed(now.astimezone(UTC), quiet_nights=True) == expected
    assert first_allowed(now.astimezone(UTC), quiet_nights=True).tzinfo is UTC


def test_no_quiet_nights_sends_at_once() -> None:
    night = _kst(23, 23).astimezone(UTC)
    assert first_allowed(night, quiet_nights=False) == night


def test_daily_digest() -> None:
    assert not digest_due(_kst(23, 8, 59), weekly=False, hour=9, last_sent_on=None)
    assert digest_due(_kst(23, 9), weekly=False, hour=9, last_sent_on=None)
    assert digest_due(_kst(23, 15), weekly=False, hour=9, last_sent_on=date(2026, 11, 22))
    assert not digest_due(_kst(23, 15), weekly=False, hour=9, last_sent_on=date(2026, 11, 23))


def test_weekly_digest_on_mondays() -> None:
    monday, tuesday = _kst(23, 9), _kst(24, 9)  # 2026-11-23 is a Monday
    assert digest_due(monday, weekly=True, hour=9, last_sent_on=date(2026, 11, 16))
    assert not digest_due(tuesday, weekly=True, hour=9, last_sent_on=date(2026, 11, 23))
    assert digest_due(tuesday, weekly=True, hour=9, last_sent_on=date(2026, 11, 17))
    assert digest_due(tuesday, weekly=True, hour=9, last_sent_on=None)
