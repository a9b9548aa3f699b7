"""Random and malformed updates, as a bot is tried from outside: bounded and seeded.

Three people (two seniors and one who presses staff buttons without being staff) and a
group chat send a few hundred updates drawn from what real clients and careless or
hostile users send: huge and empty text, zero-width and right-to-left characters, HTML
and Markdown specials, commands, stickers, locations, contacts, edits of old messages,
forged and overlong button data, and the buttons actually on screen, so conversations
move on too. Every update must get an answer in its chat, no handler may fail (the
autouse `no_errors_logged` fixture), every message sent must be one Telegram accepts, and
no forged button may act as staff.
"""

import itertools
import json
import random
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from telegram import Update

from bot.channels.updates import Person
from db.companies import find_company
from db.models import AuditEntry, Posting, Vetting
from tests.support.harness import ADMIN, BotHarness
from tests.support.postings import QUALITY, import_postings

SEED = 13
STEPS = 300
PEOPLE = (Person(2_000_001, "영수", "김"), Person(2_000_002, "순자"), Person(2_000_003, "철호"))
GROUP_ID = -100_555
TELEGRAM_TEXT_LIMIT = 4096
CALLBACK_DATA_LIMIT = 64
TELEGRAM_HTML_TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "tg-spoiler"}
)

ANSWERS = (
    "58세", "68년생", "경비", "품질관리 20년", "서울 노원구", "경기 남부", "세종", "월 300만원",
    "연봉 3천", "정규직", "지게차운전기능사", "네", "아니요", "다음", "건너뛰기", "이전",
)  # fmt: skip
COMMANDS = (
    "/start", "/cancel", "/help", "/jobs", "/alerts", "/tips", "/coaching", "/mybookings",
    "/edit", "/delete", "/stats", "/admin", "/broadcast", "/review", "/coaches", "/schedule",
    "/start admin-forged", "/start coach-forged", "/nonexistent", "/",
)  # fmt: skip
NOISE = (
    "", " ", "\n\n", "\u200b", "경\u200b비", "\u200d\u200c\ufeff", "\u202e세85", "مرحبا",
    "שלום 58", "<b>경비</b>", "<script>alert(1)</script>", "&amp; &lt; &gt;", "*굵게* _기울임_",
    "[링크](http://example.com)", "`코드` ~~취소~~ ||숨김||", "😊" * 50, "👨‍👩‍👧‍👦🏳️‍🌈",
    "\x00\x01\x7f", "%s %d {0} {name}", "'; DROP TABLE users; --", "null", "-1", "1e309",
)  # fmt: skip
STAFF_DATA = (
    "cm:v:{id}", "cm:p:{id}", "cm:l:approved:{id}", "pj:y:{id}", "pj:n:{id}", "pj:c:{id}",
    "ap:m:{id}:h", "sr:a:{id}", "sr:r:{id}", "sr:ac:{id}", "bc:stop:{id}", "ca:stop:{id}",
    "co:d:{id}", "cs:rm:{id}", f"adm:rm:{ADMIN.id}",
)  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)


class Fuzzer:
    """Draws updates from one seeded generator and checks each answer as it comes."""

    def __init__(self, bot: BotHarness, company_id: int) -> None:
        self.bot = bot
        self.rng = random.Random(SEED)
        self.company_id = company_id
        self.update_ids = itertools.count(1)
        self.message_ids = itertools.count(5_000_000)

    async def step(self) -> None:
        kind = self.rng.choices(
            ("answer", "button", "noise", "huge", "command", "media", "edit", "group", "press"),
            weights=(4, 6, 3, 1, 2, 2, 1, 1, 5),
        )[0]
        person = self.rng.choice(PEOPLE)
        if kind == "group":
            await self.expect_reply(self.message(person, {"text": "/start"}, chat=GROUP_ID))
        elif kind == "press":
            await self.press(person)
        elif kind == "edit":
            edit = self.message(person, {"text": self.rng.choice(ANSWERS)})
            payload = edit["message"] | {"edit_date": int(time.time())}
            await self.expect_reply({"update_id": edit["update_id"], "edited_message": payload})
        else:
            await self.expect_reply(self.message(person, self.content(kind, person)))

    def content(self, kind: str, person: Person) -> dict[str, Any]:
        rng = self.rng
        if kind == "answer":
            return {"text": rng.choice(ANSWERS)}
        if kind == "button":
            shown = self.bot.chat(person).buttons
            return {"text": rng.choice(shown) if shown else rng.choice(ANSWERS)}
        if kind == "noise":
            return {"text": rng.choice(NOISE) + rng.choice(("", *ANSWERS))}
        if kind == "huge":
            return {"text": rng.choice(("가", "😊", "<b>", "a b ")) * 5_000}
        if kind == "command":
            command = rng.choice(COMMANDS)
            entity = {"type": "bot_command", "offset": 0, "length": len(command.split()[0])}
            return {"text": command, "entities": [entity]}
        return rng.choice(
            (
                {"sticker": _file("sticker") | _sticker()},
                {"photo": [_file("photo") | {"width": 9, "height": 9}], "caption": "<i>사진</i>"},
                {"voice": _file("voice") | {"duration": 2}},
                {"location": {"latitude": 37.65, "longitude": 127.06}},
                {"contact": {"phone_number": "+821012345678", "first_name": person.first_name}},
                {"document": _file("doc") | {"file_name": "이력서.hwp"}},
            )
        )

    async def press(self, person: Person) -> None:
        """A button of a message on screen, an old or forged one, or staff's buttons."""
        rng = self.rng
        shown = self.inline_data(person)
        roll = rng.random()
        if shown and roll < 0.4:
            data = rng.choice(shown)
        elif roll < 0.75:
            data = rng.choice(STAFF_DATA).format(id=rng.choice((self.company_id, 1, 2, 999)))
        else:
            data = rng.choice(("", "x" * 300, "job:a:", "job:z:99999999999999999999", "🙂:1"))
        update = {
            "update_id": next(self.update_ids),
            "callback_query": {
                "id": str(next(self.message_ids)),
                "from": person.as_json(),
                "chat_instance": str(person.id),
                "data": data,
                "message": {
                    "message_id": 1,
                    "date": int(time.time()),
                    "chat": {"id": person.id, "type": "private"},
                    "text": "",
                },
            },
        }
        calls = await self.deliver(update)
        assert any(call.method == "answerCallbackQuery" for call in calls), data

    def inline_data(self, person: Person) -> list[str]:
        for call in reversed(self.bot.calls_to(person.id)):
            markup = call.params.get("reply_markup")
            if isinstance(markup, dict) and "inline_keyboard" in markup:
                return [b["callback_data"] for row in markup["inline_keyboard"] for b in row]
        return []

    def message(
        self, person: Person, extra: dict[str, Any], chat: int | None = None
    ) -> dict[str, Any]:
        where = {"id": person.id, "type": "private", "first_name": person.first_name}
        if chat is not None:
            where = {"id": chat, "type": "group", "title": "동네 모임"}
        return {
            "update_id": next(self.update_ids),
            "message": {
                "message_id": next(self.message_ids),
                "date": int(time.time()),
                "chat": where,
                "from": person.as_json(),
                **extra,
            },
        }

    async def expect_reply(self, update: dict[str, Any]) -> None:
        message = update.get("message") or update["edited_message"]
        calls = await self.deliver(update)
        answered = [call for call in calls if call.chat_id == message["chat"]["id"]]
        assert answered, f"no answer to {json.dumps(message, ensure_ascii=False)[:300]}"

    async def deliver(self, payload: dict[str, Any]) -> list[Any]:
        before = len(self.bot.request.calls)
        update = Update.de_json(payload, self.bot.application.bot)
        await self.bot.application.process_update(update)
        calls = self.bot.request.calls[before:]
        for call in calls:
            _check_acceptable(call.params)
        return calls


def _check_acceptable(params: Any) -> None:
    """What Telegram would refuse with 400 Bad Request: empty or overlong text, bad HTML,
    button data over 64 bytes."""
    text = params.get("text")
    if text is not None:
        assert 0 < len(str(text)) <= TELEGRAM_TEXT_LIMIT, len(str(text))
        if params.get("parse_mode") == "HTML":
            parser = _Tags()
            parser.feed(str(text))
            assert parser.tags <= TELEGRAM_HTML_TAGS, parser.tags
    markup = params.get("reply_markup")
    if isinstance(markup, dict):
        for row in markup.get("inline_keyboard", ()):
            for button in row:
                data = button.get("callback_data", "")
                assert len(data.encode()) <= CALLBACK_DATA_LIMIT, data


def _file(name: str) -> dict[str, str]:
    return {"file_id": name, "file_unique_id": name}


def _sticker() -> dict[str, Any]:
    return {"type": "regular", "width": 512, "height": 512, "is_animated": False,
            "is_video": False, "emoji": "👍"}  # fmt: skip


async def test_random_and_malformed_updates(bot: BotHarness, tmp_path: Path) -> None:
    await import_postings(bot, tmp_path, QUALITY)
    async with bot.application.bot_data.sessions() as session:
        company = await find_company(session, "(주)한빛정밀")
    assert company is not None
    assert company.vetting is Vetting.PENDING
    fuzzer = Fuzzer(bot, company.id)
    for _ in range(STEPS):
        await fuzzer.step()
    async with bot.application.bot_data.sessions() as session:
        company = await find_company(session, "(주)한빛정밀")
        audited = await session.scalar(select(func.count()).select_from(AuditEntry))
        postings = await session.scalar(select(func.count()).select_from(Posting))
    assert company is not None
    assert company.vetting is Vetting.PENDING
    assert audited == 0
    assert postings == 1
