"""A stand-in for the Telegram Bot API on loopback, for tests that run `encore` processes.

It answers the methods the bot uses and records every call; `pending_updates` are served
to long polling. Calls come from several threads (and several bot processes) at once.
"""

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

TOKEN = "123456:TEST"
BOT = {"id": 123456, "is_bot": True, "first_name": "앙코르", "username": "EncoreJobBot"}


class FakeBotApi(ThreadingHTTPServer):
    """Answers the Bot API methods `encore run` uses and records every call."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.pending_updates: list[dict[str, Any]] = []

    def answer(self, method: str, params: dict[str, Any]) -> object:
        self.calls.append((method, params))
        if method == "getMe":
            return BOT
        if method == "getUpdates":
            offset = int(params.get("offset", 0))
            updates = [u for u in self.pending_updates if u["update_id"] >= offset]
            if not updates:
                time.sleep(0.2)
            return updates
        if method == "sendMessage":
            return {
                "message_id": len(self.calls),
                "date": int(time.time()),
                "chat": {"id": int(params["chat_id"]), "type": "private"},
                "from": BOT,
                "text": params["text"],
            }
        return True

    def count(self, method: str) -> int:
        return sum(called == method for called, _ in list(self.calls))

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        """What was sent, to one chat or to all."""
        return [
            params["text"]
            for method, params in list(self.calls)
            if method == "sendMessage" and chat_id in (None, int(params["chat_id"]))
        ]


class _Handler(BaseHTTPRequestHandler):
    server: FakeBotApi

    def do_POST(self) -> None:
        method = self.path.rsplit("/", 1)[-1]
        assert self.path.startswith(f"/bot{TOKEN}/"), self.path
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        params = {key: values[0] for key, values in parse_qs(body).items()}
        payload = json.dumps({"ok": True, "result": self.server.answer(method, params)})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload.encode())

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@contextmanager
def fake_bot_api() -> Iterator[FakeBotApi]:
    server = FakeBotApi()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
