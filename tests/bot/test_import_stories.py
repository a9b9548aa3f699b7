"""Staff import interview stories told offline; each waits for an admin like a chat story."""

import asyncio
import csv
import io
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select, update

from bot.imports.stories import STORY_COLUMNS
from bot.runner import database
from db.models import Story, StoryOutcome, StoryStatus

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "bot" / "demo" / "data" / "stories.csv"
GOOD = {
    "external_id": "T1",
    "job": "경비원",
    "industry": "경비·보안",
    "company": "",
    "format": "줌 면접",
    "questions": "지원 동기|야간 근무 괜찮으세요?",
    "what_helped": "신임교육 이수증을 미리 따 갔어요.",
    "advice": "먼저 인사하는 사람이라는 걸 보여주세요.",
    "outcome": "최종 합격",
    "age_band": "60대후반",
}


def _encore(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _csv(path: Path, rows: list[dict[str, str]], encoding: str = "utf-8") -> Path:
    """A file staff could have saved from a spreadsheet, quoting cells with commas."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=STORY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(text.getvalue(), encoding=encoding)
    return path


def _stories(database_url: str) -> dict[str, Story]:
    """Every stored story by external_id, read the way the bot reads them."""

    async def read() -> dict[str, Story]:
        async with database(database_url) as sessions, sessions() as session:
            stories = await session.scalars(select(Story))
            return {story.external_id or "": story for story in stories}

    return asyncio.run(read())


def test_sample_file_imports_pending_and_reimports_unchanged(database_url: str) -> None:
    first = _encore("import-stories", str(SAMPLE), database_url=database_url)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "새로 등록 14건 · 수정 0건 · 그대로 0건 · 거부 0건"
    again = _encore("import-stories", str(SAMPLE), database_url=database_url)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "새로 등록 0건 · 수정 0건 · 그대로 14건 · 거부 0건"

    stories = _stories(database_url)
    assert len(stories) == 14
    assert {story.status for story in stories.values()} == {StoryStatus.PENDING}
    story = stories["S2026-001"]
    assert story.job == story.author_career == "품질관리 담당"
    assert story.company == "(주)한빛정밀"
    assert story.interview_format == "대면"
    assert story.outcome is StoryOutcome.HIRED
    assert story.age_band == "50대 후반"
    assert story.author_id is None
    assert story.questions.splitlines() == [
        "지금까지 가장 기억에 남는 품질 불량 건과 어떻게 대응했는지",
        "3차원 측정기 다뤄 보셨나요?",
        "팀장이 40대 초반인데 괜찮으시겠어요?",
        "고객사 감사 대응 해보신 적 있는지",
    ]
    assert (stories["S2026-005"].interview_format, stories["S2026-005"].outcome) == (
        "화상",
        StoryOutcome.NOT_HIRED,
    )
    assert stories["S2026-009"].outcome is StoryOutcome.WAITING
    assert stories["S2026-011"].interview_format == "전화"
    assert "010-1234-5678" in stories["S2026-004"].advice  # masked when shown, not here


def test_an_edited_row_is_updated_and_waits_for_approval_again(
    database_url: str, tmp_path: Path
) -> None:
    _csv(tmp_path / "first.csv", [GOOD, {**GOOD, "external_id": "T2"}])
    _encore("import-stories", str(tmp_path / "first.csv"), database_url=database_url)

    async def approve_all() -> None:
        async with database(database_url) as sessions, sessions.begin() as session:
            await session.execute(update(Story).values(status=StoryStatus.APPROVED))

    asyncio.run(approve_all())
    edited = {**GOOD, "advice": "인사를 먼저 하세요.", "company": "든든경비시스템(주)"}
    _csv(tmp_path / "edited.csv", [edited, {**GOOD, "external_id": "T2"}])
    result = _encore("import-stories", str(tmp_path / "edited.csv"), database_url=database_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "새로 등록 0건 · 수정 1건 · 그대로 1건 · 거부 0건"
    stories = _stories(database_url)
    assert (stories["T1"].advice, stories["T1"].company) == (edited["advice"], edited["company"])
    assert stories["T1"].status is StoryStatus.PENDING
    assert stories["T2"].status is StoryStatus.APPROVED


def test_bad_rows_are_reported_by_line_while_good_rows_import(
    database_url: str, tmp_path: Path
) -> None:
    emoji = {
        **GOOD,
        "external_id": "T-emoji",
        "format": "대면 🙂",
        "questions": "체력 괜찮으세요? 💪|언제부터 나오실 수 있어요?",
        "advice": "웃으면서 대답하세요 😊",
        "outcome": "붙었어요!",
        "age_band": "",
    }
    rows = [
        GOOD,
        {**GOOD, "external_id": ""},
        {**GOOD, "external_id": "B3", "job": ""},
        {**GOOD, "external_id": "B4", "questions": " | "},
        {**GOOD, "external_id": "B5", "what_helped": ""},
        {**GOOD, "external_id": "B6", "advice": ""},
        {**GOOD, "external_id": "B7", "format": "잘 모르겠어요"},
        {**GOOD, "external_id": "B8", "outcome": "글쎄요"},
        {**GOOD, "external_id": "B9", "age_band": "쉰 살쯤"},
        {**GOOD, "external_id": "B10", "advice": "가" * 5_000},
        {**GOOD, "external_id": "B11", "job": "경비" * 51},
        {**GOOD, "advice": "같은 번호로 한 번 더"},
        emoji,
    ]
    path = _csv(tmp_path / "stories.csv", rows)
    result = _encore("import-stories", str(path), database_url=database_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == [
        "3행: 'external_id' 칸이 비어 있어요.",
        "4행: 'job' 칸이 비어 있어요.",
        "5행: 'questions' 칸이 비어 있어요.",
        "6행: 'what_helped' 칸이 비어 있어요.",
        "7행: 'advice' 칸이 비어 있어요.",
        "8행: 면접 방식 '잘 모르겠어요'를 알 수 없어요. 대면, 화상, 전화 중 하나로 적어 주세요."
        " (예: 대면, 줌 화상면접, 전화 면접)",
        "9행: 결과 '글쎄요'를 알 수 없어요. 합격, 불합격, 결과 대기 중 하나로 적어 주세요.",
        "10행: 나이대 '쉰 살쯤'을 알 수 없어요. '50대 후반', '60대 초반', '50대'처럼 적어 주세요.",
        "11행: 'advice' 칸이 너무 길어요(5,000자). 2,000자까지 쓸 수 있어요.",
        "12행: 'job' 칸이 너무 길어요(102자). 100자까지 쓸 수 있어요.",
        "13행: external_id 'T1'이 2행에도 있어요. 줄마다 다른 external_id를 적어 주세요.",
        "새로 등록 2건 · 수정 0건 · 그대로 0건 · 거부 11건",
    ]
    stories = _stories(database_url)
    assert set(stories) == {"T1", "T-emoji"}
    good = stories["T1"]
    assert (good.interview_format, good.outcome, good.age_band) == (
        "화상",
        StoryOutcome.HIRED,
        "60대 후반",
    )
    assert good.company is None
    assert good.advice == GOOD["advice"]  # the first row, not the duplicate
    smiling = stories["T-emoji"]
    assert smiling.questions == "체력 괜찮으세요? 💪\n언제부터 나오실 수 있어요?"
    assert smiling.advice == "웃으면서 대답하세요 😊"
    assert (smiling.interview_format, smiling.outcome, smiling.age_band) == (
        "대면",
        StoryOutcome.HIRED,
        None,
    )


def test_a_file_with_a_bom_imports(database_url: str, tmp_path: Path) -> None:
    path = _csv(tmp_path / "excel.csv", [GOOD], encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    result = _encore("import-stories", str(path), database_url=database_url)
    assert result.stdout.strip() == "새로 등록 1건 · 수정 0건 · 그대로 0건 · 거부 0건"
    assert set(_stories(database_url)) == {"T1"}


def test_a_file_missing_a_column_fails_with_one_line(database_url: str, tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_text(
        ",".join(STORY_COLUMNS[:-1]) + "\nT1,경비원,경비,,대면,지원 동기,교육,인사,합격\n",
        encoding="utf-8",
    )
    result = _encore("import-stories", str(path), database_url=database_url)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == ["첫 줄(머리글)에 age_band 열이 없어요."]


def test_an_empty_file_fails_and_a_header_alone_imports_nothing(
    database_url: str, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    result = _encore("import-stories", str(empty), database_url=database_url)
    assert result.returncode == 1
    assert result.stderr.strip() == f"첫 줄(머리글)에 {', '.join(STORY_COLUMNS)} 열이 없어요."

    header = _csv(tmp_path / "header.csv", [])
    result = _encore("import-stories", str(header), database_url=database_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "새로 등록 0건 · 수정 0건 · 그대로 0건 · 거부 0건"
