"""The `encore` command as an operator runs it."""

import os
import subprocess
import sys
from pathlib import Path

from handlers import texts

ROOT = Path(__file__).parents[2]


def _encore(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env={**(env if env is not None else os.environ), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_run_without_a_token_says_so_in_one_line(tmp_path: Path) -> None:
    result = _encore("run", cwd=tmp_path, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "encore: TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and export its token"
    ]


def test_demo_script_prints_the_transcript(tmp_path: Path) -> None:
    script = tmp_path / "senior.txt"
    script.write_text(
        "\n".join(
            [
                "/start",
                "1",
                "김영수",
                "68년생",
                "품질괸리",
                "1",
                "다음",
                "자동차부품 품질관리 20년",
                "다음",
                "없음",
                "세종",
                "다음",
                "월 300만원",
                "정규직",
                "다음",
                "바로",
                "1",
                "/as admin",
                "/start",
            ]
        ),
        encoding="utf-8",
    )
    result = _encore("demo", "--script", str(script), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    transcript = result.stdout
    assert "나> /start" in transcript
    assert "[1] 동의합니다  [2] 동의하지 않습니다" in transcript
    assert "'품질관리'가 맞으세요?" in transcript
    assert "• 희망 급여: 월 300만원" in transcript
    assert "프로필을 저장했어요. 고맙습니다, 김영수님!" in transcript
    assert "이제 관리자로 대화해요." in transcript
    assert texts.STAFF_WELCOME in transcript
    assert "Traceback" not in transcript + result.stderr
    assert not (tmp_path / "encore-demo.sqlite3").exists()  # a script runs on a fresh database


def test_demo_with_a_missing_script(tmp_path: Path) -> None:
    result = _encore("demo", "--script", "nowhere.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "cannot read the script nowhere.txt" in result.stderr
