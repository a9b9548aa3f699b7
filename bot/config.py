"""Settings from environment variables, checked once at start with one-line errors."""

import os
from collections.abc import Mapping
from dataclasses import dataclass

from db.engine import DEFAULT_DATABASE_URL

TELEGRAM_API = "https://api.telegram.org"


class ConfigError(Exception):
    """A setting is missing or malformed; the message says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    bot_token: str
    telegram_base_url: str = TELEGRAM_API
    database_url: str = DEFAULT_DATABASE_URL
    admin_ids: frozenset[int] = frozenset()
    booking_cut_off_hours: int = 3
    max_upcoming_bookings: int = 1
    stale_claim_seconds: int = 300
    public_url: str = ""  # where Telegram's webhook reaches `encore run` or `encore kakao`
    webhook_secret: str = ""

    @classmethod
    def from_env(
        cls, env: Mapping[str, str] = os.environ, *, token: str | None = None
    ) -> "Settings":
        """The settings in `env`; `token` stands in for TELEGRAM_BOT_TOKEN (the Kakao process)."""
        token = token or env.get("TELEGRAM_BOT_TOKEN", "").strip()
        if not token:
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and export its token"
            )
        return cls(
            bot_token=token,
            telegram_base_url=env.get("TELEGRAM_BASE_URL", "").strip() or TELEGRAM_API,
            database_url=database_url(env),
            admin_ids=parse_admin_ids(env.get("ENCORE_ADMIN_IDS", "")),
            booking_cut_off_hours=_whole_number(env, "ENCORE_BOOKING_CUTOFF_HOURS", 3),
            max_upcoming_bookings=_whole_number(env, "ENCORE_MAX_UPCOMING_BOOKINGS", 1),
            stale_claim_seconds=_whole_number(env, "ENCORE_STALE_CLAIM_SECONDS", 300),
            public_url=env.get("ENCORE_PUBLIC_URL", "").strip(),
            webhook_secret=env.get("ENCORE_TELEGRAM_WEBHOOK_SECRET", "").strip(),
        )

    @property
    def api_urls(self) -> tuple[str, str]:
        """PTB's base_url and base_file_url for this server (it appends the token itself)."""
        base = self.telegram_base_url.rstrip("/").removesuffix("/bot")
        return f"{base}/bot", f"{base}/file/bot"


def database_url(env: Mapping[str, str] = os.environ) -> str:
    """DATABASE_URL, or the embedded SQLite file when it is not set."""
    return env.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL


def _whole_number(env: Mapping[str, str], name: str, default: int) -> int:
    text = env.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit():
        raise ConfigError(f"{name} must be a whole number, not {text!r}")
    return int(text)


def parse_admin_ids(text: str) -> frozenset[int]:
    """Telegram user ids separated by commas (spaces allowed)."""
    ids = [part.strip() for part in text.split(",") if part.strip()]
    bad = [part for part in ids if not part.lstrip("-").isdigit()]
    if bad:
        raise ConfigError(
            f"ENCORE_ADMIN_IDS must be Telegram user ids separated by commas, not {bad[0]!r}"
        )
    return frozenset(int(part) for part in ids)


KAKAO_API = "https://bot-api.kakao.com"


@dataclass(frozen=True)
class KakaoSettings:
    """The KakaoTalk channel: the skill's shared secret and the Event API for pushes."""

    secret: str
    bot_id: str
    rest_api_key: str
    api_base: str = KAKAO_API
    event_name: str = "encore_push"

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "KakaoSettings":
        required = {
            name: env.get(name, "").strip()
            for name in ("ENCORE_KAKAO_SECRET", "KAKAO_BOT_ID", "KAKAO_REST_API_KEY")
        }
        missing = [name for name, value in required.items() if not value]
        if missing:
            raise ConfigError(
                f"{', '.join(missing)} not set: the skill secret is the header value set in "
                "Open Builder; the bot id and REST API key are for pushing messages"
            )
        return cls(
            secret=required["ENCORE_KAKAO_SECRET"],
            bot_id=required["KAKAO_BOT_ID"],
            rest_api_key=required["KAKAO_REST_API_KEY"],
            api_base=env.get("KAKAO_API_BASE", "").strip() or KAKAO_API,
            event_name=env.get("KAKAO_EVENT_NAME", "").strip() or "encore_push",
        )
