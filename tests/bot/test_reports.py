"""Statistics for the centre: numbers from real imports, charts that render, CSV, CLI."""

import asyncio
import csv
import io
import warnings
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import matplotlib.image
import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.cli import main
from bot.demo.seed import seed_demo
from bot.reports.charts import Chart, korean_font, render_charts
from bot.reports.csv_out import csv_rows, write_csv
from bot.reports.numbers import ReportNumbers, collect_numbers
from bot.reports.report import make_report
from bot.runner import database
from db.alerts import (
    postings_by_external_id,
    record_interest,
    record_shown,
    set_application_status,
)
from db.coaching import book, cancel_booking, open_slots, rate
from db.models import ApplicationStatus, Booking, Profile
from db.profiles import attach_profile, find_by_external_id
from db.users import register_seeker
from handlers import texts

CHART_NAMES = ["seekers", "jobs", "applications", "coaching", "weekly"]
CUT_OFF = timedelta(hours=3)


@pytest.fixture
def now() -> datetime:
    """Rows are stamped with the real clock, so the weekly counts are read against it too."""
    return datetime.now(UTC)


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    async with database(database_url) as sessions:
        yield sessions


@pytest.fixture
async def numbers(sessions: async_sessionmaker[AsyncSession], now: datetime) -> ReportNumbers:
    await seed_with_activity(sessions, now)
    return await collect_numbers(sessions, now)


async def seed_with_activity(sessions: async_sessionmaker[AsyncSession], now: datetime) -> None:
    """The demo data, then four seniors who linked their profiles and got somewhere.

    All four were alerted to two postings; three showed interest in J2026-0001 (one
    opening), one also in J2026-0002. One was hired, one reached the interview, one
    applied. Three booked coaching: ratings 5 and 4, and one cancelled.
    """
    await seed_demo(sessions, now)
    async with sessions.begin() as session:
        users = []
        for number, external_id in enumerate(["P2026-001", "P2026-002", "P2026-003", "P2026-004"]):
            user = await register_seeker(session, 5_000_001 + number, consented_at=now)
            profile = await find_by_external_id(session, external_id)
            assert profile is not None
            await attach_profile(session, user, profile)
            users.append(user.id)
        postings = await postings_by_external_id(session, ["J2026-0001", "J2026-0002"])
        first, second = postings["J2026-0001"].id, postings["J2026-0002"].id
        await record_shown(session, [(u, p) for u in users for p in (first, second)])
        for user_id in users[:3]:
            await record_interest(session, user_id, first)
        await record_interest(session, users[0], second)
        steps = [ApplicationStatus.HIRED, ApplicationStatus.INTERVIEW, ApplicationStatus.APPLIED]
        for user_id, status in zip(users, steps, strict=False):
            await set_application_status(session, user_id, first, status)
        slots = await open_slots(session, after=now + CUT_OFF, until=now + timedelta(days=60))
        bookings = []
        for user_id, slot in zip(users[:3], slots, strict=False):
            booking = await book(
                session, slot.id, user_id, now=now, cut_off=CUT_OFF, max_upcoming=1
            )
            assert isinstance(booking, Booking)
            bookings.append(booking)
        assert await rate(session, bookings[0].id, users[0], 5)
        assert await rate(session, bookings[1].id, users[1], 4)
        cancelled = await cancel_booking(
            session, bookings[2].id, users[2], now=now, cut_off=CUT_OFF
        )
        assert isinstance(cancelled, Booking)


async def test_numbers_from_the_demo_data_and_some_activity(
    numbers: ReportNumbers, sessions: async_sessionmaker[AsyncSession]
) -> None:
    async with sessions() as session:
        profiles = await session.scalar(select(func.count()).select_from(Profile)) or 0
        aged = await session.scalar(select(func.count()).where(Profile.birth_year.is_not(None)))
    assert numbers.seekers == profiles == 16
    assert numbers.in_chat == 4
    assert sum(count for _, count in numbers.age_bands) == aged
    assert [label for label, _ in numbers.age_bands] == ["40대", "50대", "60대"]
    assert all(0 < count <= numbers.seekers for _, count in numbers.regions)
    assert dict(numbers.regions)["대전"] == 5  # 대전 유성구 and 대전 서구 count once a person
    assert dict(numbers.job_families)["생산·품질"] == 3
    assert dict(numbers.career_fields)["생산·품질"] >= 1  # "자동차부품 품질관리 20년"

    stages = [count for _, count in numbers.funnel.stages()]
    assert stages == [16, 16, 4, 3, 3, 2, 1]
    assert stages == sorted(stages, reverse=True)

    top = numbers.competition[0]
    assert (top.title, top.interested, top.headcount, top.ratio) == ("품질관리 담당", 3, 1, 3.0)
    assert [posting.interested for posting in numbers.competition] == [3, 1]

    coaching = numbers.coaching
    assert (coaching.booked, coaching.cancelled, coaching.done, coaching.total) == (2, 1, 0, 3)
    assert coaching.ratings == (0, 0, 0, 1, 1)
    assert coaching.average_rating == 4.5

    assert len(numbers.weeks) == 8
    assert numbers.weeks[-1].starts_on.weekday() == 0  # Monday, in Korea
    this_week = numbers.weeks[-1]
    assert (this_week.registrations, this_week.interests, this_week.bookings) == (16, 4, 3)
    assert all(week.registrations == 0 for week in numbers.weeks[:-1])


async def test_staff_accounts_are_not_seekers(
    sessions: async_sessionmaker[AsyncSession], now: datetime
) -> None:
    await seed_demo(sessions, now)  # three coaches and an admin, none with a profile
    numbers = await collect_numbers(sessions, now)
    assert numbers.seekers == 16
    assert numbers.in_chat == 0


def test_charts_are_pngs_with_pictures_in_them(numbers: ReportNumbers) -> None:
    charts = render_charts(numbers)
    assert [chart.name for chart in charts] == CHART_NAMES
    for chart in charts:
        assert_picture(chart)


def test_korean_labels_use_nanum_gothic_and_no_glyph_is_missing(numbers: ReportNumbers) -> None:
    family = korean_font()
    assert "Nanum" in font_manager.findfont(family, fallback_to_default=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_charts(numbers)
    assert [str(w.message) for w in caught] == []


def test_a_missing_glyph_would_be_noticed() -> None:
    """The check above means something: a character NanumGothic lacks does warn."""
    figure = Figure()
    FigureCanvasAgg(figure)
    figure.text(0.5, 0.5, "통계 \U0001f4ca", family=korean_font())
    with pytest.warns(UserWarning, match="missing from font"):
        figure.savefig(io.BytesIO(), format="png")


async def test_an_empty_database_gives_zeros_and_charts_that_say_so(
    sessions: async_sessionmaker[AsyncSession], now: datetime
) -> None:
    report = await make_report(sessions, now)
    numbers = report.numbers
    assert numbers.seekers == 0
    assert numbers.age_bands == numbers.regions == numbers.competition == ()
    assert numbers.coaching.average_rating is None
    assert [week.registrations for week in numbers.weeks] == [0] * 8
    assert texts.stats_seekers(0, 0) in report.summary
    assert texts.stats_coaching(0, 0, None) in report.summary
    assert [chart.name for chart in report.charts] == CHART_NAMES
    for chart in report.charts:
        assert_picture(chart)


async def test_the_summary_has_the_main_numbers(
    numbers: ReportNumbers, sessions: async_sessionmaker[AsyncSession], now: datetime
) -> None:
    summary = (await make_report(sessions, now)).summary.splitlines()
    assert summary == [
        texts.stats_heading(numbers.as_of),
        "구직자 16명 (채팅으로 가입 4명 · 센터 등록 12명)",
        "프로필 완성 16명",
        "이번 주 새 구직자 16명",
        "관심 3명 · 지원 3명 · 면접 2명 · 합격 1명",
        "코칭 예약 3건 · 완료 0건 · 평균 평점 4.5점",
    ]


def test_csv_has_every_section_and_opens_in_excel(numbers: ReportNumbers, tmp_path: Path) -> None:
    path = tmp_path / "numbers.csv"
    write_csv(numbers, path)
    assert path.read_bytes().startswith("\ufeff".encode())
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["구분", "항목", "값"]
    assert len(rows) == 1 + len(list(csv_rows(numbers)))
    values = {(section, label): value for section, label, value in rows[1:]}
    assert values[texts.STATS_SEEKERS, texts.STATS_ALL] == "16"
    assert values[texts.STATS_FUNNEL, "합격"] == "1"
    assert values[texts.STATS_RATIO, "품질관리 담당 · (주)한빛정밀"] == "3.0"
    assert values[texts.STATS_RATINGS, texts.STATS_AVERAGE] == "4.5"
    assert values[texts.STATS_AGE_BANDS, "60대"] == "8"
    weekly = [row for row in rows if row[0] == texts.weekly_section(texts.STATS_INTERESTS)]
    assert len(weekly) == 8
    assert weekly[-1][2] == "4"


def test_cli_writes_the_charts_and_the_csv(
    database_url: str,
    now: datetime,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    async def seed() -> None:
        async with database(database_url) as sessions:
            await seed_with_activity(sessions, now)

    asyncio.run(seed())
    monkeypatch.setenv("DATABASE_URL", database_url)
    out = tmp_path / "2026-11" / "report"
    assert main(["report", "--out", str(out), "--weeks", "4"]) == 0
    files = sorted(path.name for path in out.iterdir())
    assert files == sorted([*(f"{name}.png" for name in CHART_NAMES), "numbers.csv"])
    for name in CHART_NAMES:
        assert_picture(Chart(name, "", (out / f"{name}.png").read_bytes()))
    rows = list(csv.reader((out / "numbers.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert (
        len([row for row in rows if row[0] == texts.weekly_section(texts.STATS_NEW_SEEKERS)]) == 4
    )
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith(f"{out}에 저장했어요: seekers.png")
    assert "관심 3명 · 지원 3명 · 면접 2명 · 합격 1명" in printed


def test_cli_refuses_a_silly_number_of_weeks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "--out", str(tmp_path), "--weeks", "0"])
    assert exit_info.value.code == 2
    assert "give a number of weeks from 1 to 52" in capsys.readouterr().err


def assert_picture(chart: Chart) -> None:
    """A real PNG of a sensible size with something drawn on it."""
    assert chart.png.startswith(b"\x89PNG\r\n\x1a\n"), chart.name
    assert len(chart.png) > 5_000, chart.name
    pixels = matplotlib.image.imread(io.BytesIO(chart.png), format="png")
    assert pixels.shape[0] >= 400, chart.name
    assert pixels.shape[1] == 800, chart.name
    assert pixels.min() < pixels.max(), chart.name
