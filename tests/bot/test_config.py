import pytest

from bot.config import (
    KAKAO_API,
    TELEGRAM_API,
    ConfigError,
    KakaoSettings,
    Settings,
    parse_admin_ids,
)
from db.engine import DEFAULT_DATABASE_URL, async_url


def test_missing_token_is_a_one_line_error() -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN is not set") as raised:
        Settings.from_env({})
    assert "\n" not in str(raised.value)


def test_defaults() -> None:
    settings = Settings.from_env({"TELEGRAM_BOT_TOKEN": "123:abc"})
    assert settings.telegram_base_url == TELEGRAM_API
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.admin_ids == frozenset()
    assert settings.api_urls == (
        "https://api.telegram.org/bot",
        "https://api.telegram.org/file/bot",
    )


@pytest.mark.parametrize(
    "base", ["http://localhost:8081", "http://localhost:8081/", "http://localhost:8081/bot"]
)
def test_self_hosted_bot_api_server(base: str) -> None:
    settings = Settings.from_env({"TELEGRAM_BOT_TOKEN": "1:x", "TELEGRAM_BASE_URL": base})
    assert settings.api_urls == ("http://localhost:8081/bot", "http://localhost:8081/file/bot")


def test_admin_ids() -> None:
    assert parse_admin_ids(" 123, 456 ,") == frozenset({123, 456})
    assert parse_admin_ids("") == frozenset()
    with pytest.raises(ConfigError, match="'abc'"):
        parse_admin_ids("123,abc")


@pytest.mark.parametrize(
    ("given", "driver"),
    [
        ("sqlite:///x.db", "sqlite+aiosqlite"),
        ("postgresql://u@h/db", "postgresql+psycopg"),
        ("postgres://u@h/db", "postgresql+psycopg"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg"),
    ],
)
def test_database_urls_get_the_async_driver(given: str, driver: str) -> None:
    assert async_url(given).drivername == driver


def test_kakao_needs_its_secret_and_event_api_keys() -> None:
    with pytest.raises(ConfigError, match="ENCORE_KAKAO_SECRET, KAKAO_REST_API_KEY") as raised:
        KakaoSettings.from_env({"KAKAO_BOT_ID": "bot"})
    assert "\n" not in str(raised.value)
    kakao = KakaoSettings.from_env(
        {"ENCORE_KAKAO_SECRET": "s", "KAKAO_BOT_ID": "b", "KAKAO_REST_API_KEY": "k"}
    )
    assert (kakao.api_base, kakao.event_name) == (KAKAO_API, "encore_push")


def test_the_kakao_process_needs_no_telegram_token() -> None:
    assert Settings.from_env({}, token="kakao:channel").bot_token == "kakao:channel"
