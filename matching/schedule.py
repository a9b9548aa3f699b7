"""When a pushed message may go out: quiet nights and digest times, in Korean time.

Pure functions of the clock, so the ticks stay stateless: whatever is due is derived
from the time and the rows, and a restart changes nothing.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")
QUIET_FROM = time(21, 0)
QUIET_UNTIL = time(8, 0)
WEEKLY_DIGEST_WEEKDAY = 0  # Monday


def first_allowed(now: datetime, *, quiet_nights: bool) -> datetime:
    """`now`, or 08:00 Korean time next morning when `now` falls in the 21:00–08:00 night."""
    local = now.astimezone(SEOUL)
    if not quiet_nights or QUIET_UNTIL <= local.time() < QUIET_FROM:
        return now
    morning = local.date() + timedelta(days=1) if local.time() >= QUIET_FROM else local.date()
    return datetime.combine(morning, QUIET_UNTIL, tzinfo=SEOUL).astimezone(now.tzinfo)


def korean_date(now: datetime) -> date:
    return now.astimezone(SEOUL).date()


def digest_due(now: datetime, *, weekly: bool, hour: int, last_sent_on: date | None) -> bool:
    """A daily digest is due from `hour` o'clock once a day; a weekly one on Mondays."""
    local = now.astimezone(SEOUL)
    if local.hour < hour or last_sent_on == local.date():
        return False
    if not weekly:
        return True
    monday = local.date() - timedelta(days=local.weekday() - WEEKLY_DIGEST_WEEKDAY)
    return last_sent_on is None or last_sent_on < monday
