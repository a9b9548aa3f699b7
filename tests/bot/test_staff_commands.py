"""The centre staff's command-line tools: import-jobs, vet and match."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.imports.csv_rows import read_rows
from bot.imports.jobs import JOB_COLUMNS

ROOT = Path(__file__).parents[2]
DATA = ROOT / "bot" / "demo" / "data"
HEADER = ",".join(JOB_COLUMNS)


def _encore(*args: str, database: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "staff.sqlite3"


def test_import_jobs_is_idempotent_and_updates_edited_rows(database: Path, tmp_path: Path) -> None:
    first = _encore("import-jobs", str(DATA / "jobs.csv"), database=database)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "새로 등록 33건 · 수정 0건 · 그대로 0건 · 거부 0건"
    again = _encore("import-jobs", str(DATA / "jobs.csv"), database=database)
    assert again.stdout.strip() == "새로 등록 0건 · 수정 0건 · 그대로 33건 · 거부 0건"

    rows = (DATA / "jobs.csv").read_text(encoding="utf-8").splitlines()
    edited = tmp_path / "edited.csv"
    edited.write_text(
        "\n".join([rows[0], rows[1].replace("월 300~350만원", "월 320~360만원")]) + "\n",
        encoding="utf-8",
    )
    result = _encore("import-jobs", str(edited), database=database)
    assert result.stdout.strip() == "새로 등록 0건 · 수정 1건 · 그대로 0건 · 거부 0건"


def test_bad_rows_are_reported_with_line_and_reason(database: Path, tmp_path: Path) -> None:
    path = tmp_path / "jobs.csv"
    good = "G1,경비원,세종시설관리(주),세종,월 250만원,정규직,무관,무관,,아파트 경비,,즉시,2"
    path.write_text(
        "\n".join(
            [
                HEADER,
                good,
                "B1,,세종시설관리(주),세종,월 250만원,정규직,무관,무관,,,,즉시,1",
                "B2,경비원,세종시설관리(주),세종,월 250만원,정규직,무관,무관,,,내년 봄,즉시,1",
                "B3,경비원,세종시설관리(주),세종,월 250만원,정규직,무관,무관,,,,즉시,두 명",
                "B4,경비원,세종시설관리(주),달나라,월 250만원,정규직,무관,무관,,,,즉시,1",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = _encore("import-jobs", str(path), database=database)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "3행: 'title' 칸이 비어 있어요."
    assert lines[1].startswith("4행: 날짜 '내년 봄'을 알 수 없어요.")
    assert "'상시'" in lines[1]
    assert lines[2].startswith("5행: 모집 인원 '두 명'은")
    assert lines[3].startswith("6행: ")
    assert lines[-1] == "새로 등록 1건 · 수정 0건 · 그대로 0건 · 거부 4건"


def test_a_file_that_cannot_be_read_fails_with_one_line(database: Path, tmp_path: Path) -> None:
    result = _encore("import-jobs", str(tmp_path / "nowhere.csv"), database=database)
    assert result.returncode == 1
    assert result.stderr.strip() == f"'{tmp_path / 'nowhere.csv'}' 파일을 찾을 수 없어요."


def test_vet_and_match(database: Path) -> None:
    _encore("import-jobs", str(DATA / "jobs.csv"), database=database)
    _encore("import-profiles", str(DATA / "profiles.csv"), database=database)

    every = _encore("match", "P2026-001", "--as-of", "2026-11-22", "--json", database=database)
    assert every.returncode == 0, every.stderr
    ranked = json.loads(every.stdout)["P2026-001"]
    assert ranked[0]["posting"] == "J2026-0001"
    assert ranked[0]["reasons"][0].startswith("경력")
    assert set(ranked[0]) == {"posting", "score", "reasons", "vetted"}
    assert ranked[0]["vetted"] is False  # nothing was vetted in this database yet

    vetted = _encore(
        "match", "P2026-001", "--as-of", "2026-11-22", "--json", "--vetted-only", database=database
    )
    assert json.loads(vetted.stdout) == {"P2026-001": []}

    verdict = _encore(
        "vet", "(주)한빛정밀", "--approve", "--note", "휴게실 있음", database=database
    )
    assert verdict.returncode == 0, verdict.stderr
    assert verdict.stdout.startswith("(주)한빛정밀: 승인으로 기록했어요.")
    vetted = _encore(
        "match", "P2026-001", "--as-of", "2026-11-22", "--json", "--vetted-only", database=database
    )
    assert json.loads(vetted.stdout)["P2026-001"][0]["posting"] == "J2026-0001"

    text = _encore("match", "P2026-001", "--as-of", "2026-11-22", "--top", "1", database=database)
    assert "[방문 확인 기업]" in text.stdout
    assert text.stdout.count("J2026-") == 1

    # --all ranks in worker processes and writes each profile as it comes: the same
    # rankings, in profile order, laid out as one indented JSON object.
    everyone = _encore("match", "--all", "--as-of", "2026-11-22", "--json", database=database)
    assert everyone.returncode == 0, everyone.stderr
    by_profile = json.loads(everyone.stdout)
    profiles = [row.get("external_id") for row in read_rows(DATA / "profiles.csv", ("name",))]
    assert list(by_profile) == profiles
    assert everyone.stdout == json.dumps(by_profile, ensure_ascii=False, indent=2) + "\n"
    for key in profiles[:3]:
        alone = _encore("match", key, "--as-of", "2026-11-22", "--json", database=database)
        assert json.loads(alone.stdout)[key] == by_profile[key]
    as_text = _encore("match", "--all", "--as-of", "2026-11-22", "--top", "2", database=database)
    assert [line.split(":")[0].split()[0] for line in as_text.stdout.split("\n\n") if line] == (
        profiles
    )

    late = _encore("match", "P2026-001", "--as-of", "2027-03-01", "--json", database=database)
    assert json.loads(late.stdout) == {"P2026-001": []}  # every sample deadline has passed


def test_unknown_names_fail_kindly(database: Path) -> None:
    _encore("import-jobs", str(DATA / "jobs.csv"), database=database)
    missing = _encore("match", "P9999", database=database)
    assert missing.returncode == 1
    assert "'P9999' 프로필이 없어요." in missing.stderr
    company = _encore("vet", "한빛", "--reject", database=database)
    assert company.returncode == 1
    assert "비슷한 이름: (주)한빛정밀" in company.stderr
    usage = _encore("match", database=database)
    assert usage.returncode == 2


def test_a_file_saved_by_korean_excel_is_read(database: Path, tmp_path: Path) -> None:
    """Excel on Korean Windows saves CSV as CP949, with CRLF and often spaces in the header."""
    lines = (DATA / "jobs.csv").read_text(encoding="utf-8").splitlines()
    header = ", ".join(lines[0].split(","))
    excel = tmp_path / "공고.csv"
    excel.write_bytes("\r\n".join([header, *lines[1:4]]).encode("cp949") + b"\r\n")
    result = _encore("import-jobs", str(excel), database=database)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "새로 등록 3건 · 수정 0건 · 그대로 0건 · 거부 0건"

    binary = tmp_path / "사진.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    refused = _encore("import-jobs", str(binary), database=database)
    assert refused.returncode != 0
    assert "파일을 읽을 수 없어요" in refused.stdout + refused.stderr


def test_deadlines_as_staff_write_them(database: Path, tmp_path: Path) -> None:
    path = tmp_path / "jobs.csv"
    row = "D{n},경비원,세종시설관리(주),세종,월 250만원,정규직,무관,무관,,경비,{deadline},즉시,1"
    deadlines = [
        "상시", "상시 채용", "채용 시 마감", "2026.12.20", "2026-12-20", "",
        "2026-12-20 (채용 시 조기 마감)", "12월 20일",
    ]  # fmt: skip
    rows = [row.format(n=n, deadline=deadline) for n, deadline in enumerate(deadlines)]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    result = _encore("import-jobs", str(path), database=database)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "새로 등록 8건 · 수정 0건 · 그대로 0건 · 거부 0건"
    with sqlite3.connect(database) as connection:
        stored = dict(connection.execute("SELECT external_id, deadline FROM postings"))
    assert [stored[f"D{n}"] for n in range(7)] == [
        None, None, None, "2026-12-20", "2026-12-20", None, "2026-12-20",
    ]  # fmt: skip
    assert stored["D7"].endswith("-12-20")  # the next 20 December, whatever today is


def test_headcounts_as_boards_write_them(database: Path, tmp_path: Path) -> None:
    path = tmp_path / "jobs.csv"
    row = "H{n},경비원,세종시설관리(주),세종,월 250만원,정규직,무관,무관,,경비,,즉시,{headcount}"
    headcounts = ["2", "2명", "1~2명", "00명", "0명", "○명", "약간명", "모집인원 3명"]
    rows = [row.format(n=n, headcount=count) for n, count in enumerate(headcounts)]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    result = _encore("import-jobs", str(path), database=database)
    assert result.stdout.strip() == "새로 등록 8건 · 수정 0건 · 그대로 0건 · 거부 0건"
    with sqlite3.connect(database) as connection:
        stored = dict(connection.execute("SELECT external_id, headcount FROM postings"))
    assert [stored[f"H{n}"] for n in range(8)] == [2, 2, 2, None, None, None, None, 3]


def test_a_large_file_is_stored_in_batches_and_every_row_is_counted(
    database: Path, tmp_path: Path
) -> None:
    """More rows than one batch, a repeated id across batches and a cell too long for its
    column: each row is imported or reported, and the same file again changes nothing."""
    row = "L{n},경비원 {n},회사{company},서울 강남구,월 250만원,정규직,무관,무관,,경비,,즉시,1"
    rows = [row.format(n=n, company=n % 7) for n in range(2_600)]
    rows.append(row.format(n=5, company=1))  # line 2602 repeats line 7's id
    rows.append(f"LONG,{'경비원' * 100},회사1,서울 강남구,,,,,,,,,")
    path = tmp_path / "jobs.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")

    result = _encore("import-jobs", str(path), database=database)
    lines = result.stdout.strip().splitlines()
    assert lines[0] == (
        "2602행: external_id 'L5'가 7행에도 있어요. 줄마다 다른 external_id를 적어 주세요."
    )
    assert lines[1] == "2603행: 'title' 칸이 너무 길어요(300자). 200자까지 쓸 수 있어요."
    assert lines[-1] == "새로 등록 2600건 · 수정 0건 · 그대로 0건 · 거부 2건"
    with sqlite3.connect(database) as connection:
        (companies,) = connection.execute("SELECT count(*) FROM companies").fetchone()
    assert companies == 7
    again = _encore("import-jobs", str(path), database=database)
    assert again.stdout.strip().splitlines()[-1] == (
        "새로 등록 0건 · 수정 0건 · 그대로 2600건 · 거부 2건"
    )


PROGRAMME_HEADER = (
    "external_id,name,organiser,partners,age,residence,places,application_period,"
    "activity_period,training_hours,monthly_hour_cap,monthly_allowance,description"
)
SOCIAL_MARKETER = (
    "SM2027,소셜마케터 인턴십,서울50플러스재단,중부캠퍼스|사회적기업 12곳,45~67세,서울,30명,"
    "2026-12-01~2026-12-20,2027.01.05~2027.06.30,51시간,57시간,"
    '"525,020원",사회적경제기업에서 온라인 홍보를 돕는 일입니다.'
)


def test_import_programmes_reads_a_cohort_as_staff_write_it(
    database: Path, tmp_path: Path
) -> None:
    path = tmp_path / "programmes.csv"
    path.write_text(
        "\n".join(
            [
                PROGRAMME_HEADER,
                SOCIAL_MARKETER,
                "BAD1,이름만,재단,,45~67세,서울,30명,12월 20일까지,2027-01-05~2027-06-30,,,,설명",
                "BAD2,거주지,재단,,,달나라,5,2026-12-01~2026-12-20,2027-01-05~2027-06-30,,,,설명",
                "BAD3,시간,재단,,,,5,2026-12-01~2026-12-20,2027-01-05~2027-06-30,많이,,,설명",
                SOCIAL_MARKETER,
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = _encore("import-programmes", str(path), database=database)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("3행: 기간 '12월 20일까지'")
    assert lines[1].startswith("4행: 거주 지역 '달나라'")
    assert lines[2].startswith("5행: 시간 '많이'")
    assert lines[3].startswith("6행: external_id 'SM2027'이 2행에도 있어요.")
    assert lines[-1] == "새로 등록 1건 · 수정 0건 · 그대로 0건 · 거부 4건"
    with sqlite3.connect(database) as connection:
        stored = connection.execute(
            "SELECT age_min, age_max, residence, places, apply_from, apply_until, active_from,"
            " active_until, training_hours, monthly_hour_cap, monthly_allowance, partners"
            " FROM programmes WHERE external_id = 'SM2027'"
        ).fetchone()
    assert stored[:2] == (45, 67)
    assert json.loads(stored[2]) == ["서울특별시"]
    assert stored[3:8] == (30, "2026-12-01", "2026-12-20", "2027-01-05", "2027-06-30")
    assert stored[8:11] == (51, 57, 525_020)
    assert json.loads(stored[11]) == ["중부캠퍼스", "사회적기업 12곳"]

    again = _encore("import-programmes", str(path), database=database)
    assert (
        again.stdout.strip().splitlines()[-1] == "새로 등록 0건 · 수정 0건 · 그대로 1건 · 거부 4건"
    )
