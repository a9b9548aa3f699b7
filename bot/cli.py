"""The `encore` command: the bot, the demo, and the centre staff's tools."""

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Callable, Coroutine, Sequence
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from bot.commands.match import UnknownProfileError, match_command
from bot.commands.progress import UnknownPostingError, progress_command
from bot.commands.vet import UnknownCompanyError, vet_command
from bot.config import ConfigError, KakaoSettings, Settings, database_url
from bot.demo.console_demo import run_demo
from bot.imports.csv_rows import CsvFileError, Report, Row, read_rows
from bot.imports.jobs import JOB_COLUMNS, import_jobs
from bot.imports.profiles import PROFILE_COLUMNS, import_profiles
from bot.imports.programmes import PROGRAMME_COLUMNS, import_programmes
from bot.imports.stories import STORY_COLUMNS, import_stories
from bot.kakao_server import serve_kakao
from bot.reports.numbers import DEFAULT_WEEKS
from bot.reports.report import make_report, save_report
from bot.runner import database
from bot.telegram_service import serve_telegram
from db.models import ApplicationStatus, Vetting
from handlers import texts
from matching.schedule import korean_date

DEMO_LOG = "encore-demo.log"
KAKAO_TOKEN = "kakao:channel"  # the Kakao process never calls Telegram; PTB wants a token
MAX_REPORT_WEEKS = 52


class CommandFailedError(Exception):
    """A staff command could not do what was asked; the message is for the person."""


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "run":
            settings = Settings.from_env()
            _log_to(None, logging.INFO)
            asyncio.run(serve_telegram(settings, args.host, args.port))
        elif args.command == "kakao":
            with_telegram = bool(os.environ.get("TELEGRAM_BOT_TOKEN", "").strip())
            settings = Settings.from_env(token=None if with_telegram else KAKAO_TOKEN)
            kakao = KakaoSettings.from_env()
            _log_to(None, logging.INFO)
            asyncio.run(
                serve_kakao(settings, kakao, args.host, args.port, with_telegram=with_telegram)
            )
        elif args.command == "demo":
            script = _read_script(args.script) if args.script else None
            _log_to(DEMO_LOG, logging.INFO)
            asyncio.run(run_demo(args.db, script, sys.stdout))
        else:
            _log_to(None, logging.WARNING)
            output = asyncio.run(_staff_command(args))
            if output is not None:
                print(output)
    except ConfigError as error:
        print(f"encore: {error}", file=sys.stderr)
        return 2
    except CommandFailedError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="encore", description="Encore (앙코르): job matching for Korean seniors."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser(
        "run", help="run the Telegram bot (long polling; webhook with ENCORE_PUBLIC_URL)"
    )
    run.add_argument("--host", default="0.0.0.0", help="webhook: address to listen on")
    run.add_argument("--port", type=int, default=8443, help="webhook: port to listen on")
    kakao = commands.add_parser("kakao", help="serve KakaoTalk: the Open Builder skill server")
    kakao.add_argument("--host", default="0.0.0.0", help="address to listen on")
    kakao.add_argument("--port", type=int, default=8080)
    demo = commands.add_parser("demo", help="chat with the bot in this terminal")
    demo.add_argument("--script", type=Path, help="read the user's lines from FILE")
    demo.add_argument(
        "--db", type=Path, help="SQLite file (default: encore-demo.sqlite3; fresh with --script)"
    )
    jobs = commands.add_parser("import-jobs", help="import job postings from a CSV file")
    jobs.add_argument("file", type=Path)
    profiles = commands.add_parser("import-profiles", help="import seniors from a CSV file")
    profiles.add_argument("file", type=Path)
    programmes = commands.add_parser(
        "import-programmes", help="import programmes (internship cohorts) from a CSV file"
    )
    programmes.add_argument("file", type=Path)
    stories = commands.add_parser("import-stories", help="import interview stories (pending)")
    stories.add_argument("file", type=Path)
    match = commands.add_parser("match", help="rank the open postings for a profile")
    match.add_argument("profile", nargs="?", help="the profile's external_id")
    match.add_argument("--all", action="store_true", help="every profile")
    match.add_argument("--top", type=int, default=10, help="postings per profile (default 10)")
    match.add_argument("--as-of", type=date.fromisoformat, help="today's date, YYYY-MM-DD")
    match.add_argument("--json", action="store_true", help="print JSON")
    match.add_argument("--vetted-only", action="store_true", help="approved companies only")
    vet = commands.add_parser("vet", help="record the verdict on a company after a visit")
    vet.add_argument("company")
    verdict = vet.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--approve", action="store_true")
    verdict.add_argument("--reject", action="store_true")
    vet.add_argument("--note", help="working conditions, facilities, reasons")
    progress = commands.add_parser(
        "progress", help="move a senior along an application; they are told in the chat"
    )
    progress.add_argument("profile", help="the profile's external_id")
    progress.add_argument("posting", help="the posting's external_id")
    progress.add_argument(
        "--to",
        required=True,
        choices=[s.value for s in ApplicationStatus if s is not ApplicationStatus.INTERESTED],
    )
    report = commands.add_parser("report", help="write the statistics as PNG charts and a CSV")
    report.add_argument("--out", required=True, type=Path, help="folder to write into")
    report.add_argument(
        "--weeks",
        type=_report_weeks,
        default=DEFAULT_WEEKS,
        help=f"weeks of weekly counts, this one included (default {DEFAULT_WEEKS})",
    )
    return parser


def _report_weeks(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= MAX_REPORT_WEEKS:
        raise argparse.ArgumentTypeError(f"give a number of weeks from 1 to {MAX_REPORT_WEEKS}")
    return int(text)


async def _staff_command(args: argparse.Namespace) -> str | None:
    """Run a staff command on DATABASE_URL and return what to print (None: it printed)."""
    now = datetime.now(UTC)
    commands: dict[str, Callable[[Any], Coroutine[Any, Any, str | None]]] = {
        "import-jobs": lambda sessions: _import(
            partial(import_jobs, today=korean_date(now)), sessions, args.file, JOB_COLUMNS
        ),
        "import-profiles": lambda sessions: _import_profiles(sessions, args.file, now),
        "import-programmes": lambda sessions: _import(
            partial(import_programmes, today=korean_date(now)),
            sessions,
            args.file,
            PROGRAMME_COLUMNS,
        ),
        "import-stories": lambda sessions: _import(
            import_stories, sessions, args.file, STORY_COLUMNS
        ),
        "match": lambda sessions: _match(sessions, args, korean_date(now)),
        "progress": lambda sessions: progress_command(
            sessions, args.profile, args.posting, ApplicationStatus(args.to), now
        ),
        "report": lambda sessions: _report(sessions, args.out, args.weeks, now),
        "vet": lambda sessions: vet_command(
            sessions,
            args.company,
            Vetting.APPROVED if args.approve else Vetting.REJECTED,
            args.note,
            korean_date(now),
        ),
    }
    try:
        async with database(database_url()) as sessions:
            return await commands[args.command](sessions)
    except (CsvFileError, UnknownProfileError, UnknownCompanyError, UnknownPostingError) as error:
        raise CommandFailedError(str(error)) from error


async def _import(
    run: Callable[[Any, list[Row]], Coroutine[Any, Any, Report]],
    sessions: Any,
    path: Path,
    columns: Sequence[str],
) -> str:
    """An import whose whole answer is its report."""
    report = await run(sessions, read_rows(path, columns))
    return "\n".join(report.lines())


async def _import_profiles(sessions: Any, path: Path, now: datetime) -> str:
    report, codes = await import_profiles(sessions, read_rows(path, PROFILE_COLUMNS), now)
    lines = [texts.link_code_line(*code) for code in codes]
    return "\n".join([*lines, *report.lines()])


async def _match(sessions: Any, args: argparse.Namespace, today: date) -> None:
    if args.all == bool(args.profile):
        raise ConfigError("give either a PROFILE_EXTERNAL_ID or --all")
    await match_command(
        sessions,
        None if args.all else args.profile,
        sys.stdout,
        today=args.as_of or today,
        top=args.top,
        vetted_only=args.vetted_only,
        as_json=args.json,
    )


async def _report(sessions: Any, directory: Path, weeks: int, now: datetime) -> str:
    """Write the charts and numbers.csv into `directory`; say what was written and the gist."""
    report = await make_report(sessions, now, weeks)
    try:
        written = save_report(report, directory)
    except OSError as error:
        reason = error.strerror or str(error)
        raise CommandFailedError(texts.report_cannot_write(str(directory), reason)) from error
    files = [path.name for path in written]
    return "\n".join([texts.report_written(str(directory), files), report.summary])


def _read_script(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the script {path}: {error}") from error


def _log_to(filename: str | None, level: int) -> None:
    """Log to stderr for the service; the demo logs to a file to keep the chat readable."""
    logging.basicConfig(
        filename=filename, level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
