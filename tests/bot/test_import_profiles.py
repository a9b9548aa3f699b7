"""Staff import seniors they met offline; each gets a code to link their Telegram account."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.imports.csv_rows import CsvFileError, read_rows
from bot.imports.profiles import PROFILE_COLUMNS, import_profiles
from bot.runner import database
from db.profiles import find_by_external_id

SAMPLE = Path(__file__).parents[2] / "bot" / "demo" / "data" / "profiles.csv"
NOW = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)
HEADER = ",".join(PROFILE_COLUMNS)


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    async with database(database_url) as sessions:
        yield sessions


def _csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "profiles.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


async def test_sample_file_imports_and_reimports_unchanged(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    rows = read_rows(SAMPLE, PROFILE_COLUMNS)
    report, codes = await import_profiles(sessions, rows, NOW)
    assert report.rejected is None
    assert report.created == len(rows)
    assert len({code for _, _, code in codes}) == len(rows)
    assert all(len(code) == 6 for _, _, code in codes)

    again, again_codes = await import_profiles(sessions, rows, NOW)
    assert (again.created, again.updated, again.unchanged) == (0, 0, len(rows))
    assert again_codes == codes

    async with sessions() as session:
        profile = await find_by_external_id(session, "P2026-001")
    assert profile is not None
    assert profile.name == "정태호"
    assert profile.birth_year == 1968
    assert [(c.title, c.months) for c in profile.careers] == [
        ("자동차부품 품질관리", 240),
        ("생산관리", 60),
    ]
    assert profile.regions == ["세종특별자치시", "대전광역시 유성구"]
    assert profile.pay_monthly == 3_000_000
    assert profile.completed_at == NOW


async def test_bad_rows_are_reported_by_line_and_do_not_stop_the_others(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    path = _csv(
        tmp_path,
        "P1,김영수,58,경비,경비 5년,,수원시,월 250만원,정규직",
        "P2,박순자,나이 비밀,요양보호사,요양 8년,요양보호사,수원시,무관,시간제",
        "P3,이철수,61,경비,경비 3년,,중구,무관,무관",
        ",이름만,60,경비,경비 3년,,수원시,무관,무관",
        "P5,최영희,1964년생,경리,경리 10년 6개월,전산회계 1급,서울 마포구,연봉 3천,정규직|계약직",
    )
    report, codes = await import_profiles(sessions, read_rows(path, PROFILE_COLUMNS), NOW)
    assert report.created == 2
    assert [line for line, _ in report.rejected or []] == [3, 4, 5]
    reasons = dict(report.rejected or [])
    assert reasons[3].startswith("나이:")
    assert "서울 중구" in reasons[4]
    assert "external_id" in reasons[5]
    assert [external_id for external_id, _, _ in codes] == ["P1", "P5"]
    assert report.lines()[-1] == "새로 등록 2건 · 수정 0건 · 그대로 0건 · 거부 3건"


async def test_an_edited_row_updates_and_keeps_the_code(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    first = _csv(tmp_path, "P1,김영수,58,경비,경비 5년,,수원시,월 250만원,정규직")
    _, codes = await import_profiles(sessions, read_rows(first, PROFILE_COLUMNS), NOW)
    edited = _csv(tmp_path, "P1,김영수,58,경비|주차관리,경비 6년,,수원시|화성시,월 250만원,정규직")
    report, edited_codes = await import_profiles(sessions, read_rows(edited, PROFILE_COLUMNS), NOW)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    assert edited_codes == codes
    async with sessions() as session:
        profile = await find_by_external_id(session, "P1")
    assert profile is not None
    assert profile.regions == ["경기도 수원시", "경기도 화성시"]
    assert [(c.title, c.months) for c in profile.careers] == [("경비", 72)]


async def test_anything_as_the_desired_job_is_no_wish_and_the_row_is_kept(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    path = _csv(tmp_path, "P1,김영수,58,무관,아파트 경비 5년,,수원시,월 250만원,정규직")
    report, _ = await import_profiles(sessions, read_rows(path, PROFILE_COLUMNS), NOW)
    assert report.rejected is None
    assert report.created == 1
    async with sessions() as session:
        profile = await find_by_external_id(session, "P1")
    assert profile is not None
    assert profile.desired_jobs == []
    assert profile.completed_at is not None
    assert [(c.title, c.months) for c in profile.careers] == [("아파트 경비", 60)]


def test_a_file_without_the_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("이름,나이\n김영수,58\n", encoding="utf-8")
    with pytest.raises(CsvFileError, match="external_id"):
        read_rows(path, PROFILE_COLUMNS)


def test_a_missing_or_unreadable_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CsvFileError, match="찾을 수 없어요"):
        read_rows(tmp_path / "nowhere.csv", PROFILE_COLUMNS)
    path = tmp_path / "garbled.csv"
    path.write_bytes((HEADER + "\nP1,").encode() + b"\xff\xfe\xff\n")  # neither UTF-8 nor CP949
    with pytest.raises(CsvFileError, match="CSV UTF-8"):
        read_rows(path, PROFILE_COLUMNS)


def test_an_euc_kr_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "euckr.csv"
    path.write_bytes((HEADER + "\nP1,김영수\n").encode("euc-kr"))
    (row,) = read_rows(path, PROFILE_COLUMNS)
    assert row.get("name") == "김영수"


async def test_a_place_in_several_provinces_is_read_from_the_rest_of_the_row(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    """ "광주" alone is 광주광역시, as everyone shortens it; "중구" next to another 서울 구 is
    서울 중구; "중구" alone is still refused with the choices."""
    path = _csv(
        tmp_path,
        "P1,김영수,58,경비,경비 5년,,광주,무관,무관",
        "P2,박순자,60,경비,경비 5년,,서울 종로구|중구,무관,무관",
        "P3,이철수,61,경비,경비 3년,,중구,무관,무관",
        "P4,최영희,62,경비,경비 3년,,경기 광주,무관,무관",
    )
    report, _ = await import_profiles(sessions, read_rows(path, PROFILE_COLUMNS), NOW)
    assert report.created == 3
    assert [line for line, _ in report.rejected or []] == [4]
    async with sessions() as session:
        regions = {
            key: profile.regions
            for key in ("P1", "P2", "P4")
            if (profile := await find_by_external_id(session, key)) is not None
        }
    assert regions == {
        "P1": ["광주광역시"],
        "P2": ["서울특별시 종로구", "서울특별시 중구"],
        "P4": ["경기도 광주시"],
    }


async def test_a_large_file_is_stored_in_batches_and_every_row_is_counted(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    """More rows than one batch, a repeated id, a cell too long for its column and a row
    already linked by its owner: every row is imported or reported, once."""
    rows = [
        f"P{n},김영수,{40 + n % 27},경비,경비 {1 + n % 9}년,,수원시,무관,무관"
        for n in range(2_500)
    ]
    rows.append("P7,박순자,60,요양보호사,요양 8년,요양보호사,수원시,무관,시간제")
    rows.append(f"P9999,김영수,58,경비,경비 5년,,수원시,월 {'3' * 120}만원,무관")
    path = _csv(tmp_path, *rows)
    report, codes = await import_profiles(sessions, read_rows(path, PROFILE_COLUMNS), NOW)
    assert (report.created, report.updated, report.unchanged) == (2_500, 0, 0)
    assert report.rejected == [
        (2_502, "external_id 'P7'이 9행에도 있어요. 줄마다 다른 external_id를 적어 주세요."),
        (2_503, "'desired_salary' 칸이 너무 길어요(124자). 100자까지 쓸 수 있어요."),
    ]
    assert len({code for _, _, code in codes}) == 2_500
    async with sessions() as session:
        last = await find_by_external_id(session, "P2499")
    assert last is not None
    assert [(c.title, c.months) for c in last.careers] == [("경비", 12 * (1 + 2499 % 9))]

    again, again_codes = await import_profiles(sessions, read_rows(path, PROFILE_COLUMNS), NOW)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2_500)
    assert again_codes == codes
