"""The `encore` command."""

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from bot.config import ConfigError, Settings
from bot.demo.console_demo import run_demo
from bot.polling import serve_polling

DEMO_LOG = "encore-demo.log"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="encore", description="Encore (앙코르): job matching for Korean seniors."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="run the Telegram bot (long polling)")
    demo = commands.add_parser("demo", help="chat with the bot in this terminal")
    demo.add_argument("--script", type=Path, help="read the user's lines from FILE")
    demo.add_argument(
        "--db", type=Path, help="SQLite file (default: encore-demo.sqlite3; fresh with --script)"
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "run":
            settings = Settings.from_env()
            _log_to(None)
            asyncio.run(serve_polling(settings))
        else:
            script = _read_script(args.script) if args.script else None
            _log_to(DEMO_LOG)
            asyncio.run(run_demo(args.db, script, sys.stdout))
    except ConfigError as error:
        print(f"encore: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


def _read_script(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the script {path}: {error}") from error


def _log_to(filename: str | None) -> None:
    """Log to stderr for the service; the demo logs to a file to keep the chat readable."""
    logging.basicConfig(
        filename=filename,
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
