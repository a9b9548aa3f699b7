"""Incoming updates in the exact JSON shape of the Bot API, for channels that are not Telegram.

The console demo, the tests and (later) the KakaoTalk skill server all turn what a person
did into the Update Telegram would have sent, so the handlers cannot tell them apart.
"""

import itertools
import time
from dataclasses import dataclass
from typing import Any

from telegram import Bot, Update


@dataclass(frozen=True)
class Person:
    """Someone chatting with the bot in a private chat."""

    id: int
    first_name: str
    last_name: str | None = None

    def as_json(self) -> dict[str, Any]:
        person: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            person["last_name"] = self.last_name
        return person


class UpdateFactory:
    """Builds numbered updates bound to `bot`, so replies made from them reach the bot."""

    def __init__(self, bot: Bot, callback_prefix: str = "") -> None:
        """`callback_prefix` marks this channel's button presses, to route their answers."""
        self._bot = bot
        self._callback_prefix = callback_prefix
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1_000_000)

    def text(self, person: Person, text: str) -> Update:
        """A typed line; a leading /command gets the entity Telegram would add."""
        extra: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command_length = len(text.split(maxsplit=1)[0])
            extra["entities"] = [{"type": "bot_command", "offset": 0, "length": command_length}]
        return self._message(person, extra)

    def sticker(self, person: Person) -> Update:
        return self._message(
            person,
            {
                "sticker": {
                    "file_id": "sticker",
                    "file_unique_id": "sticker",
                    "type": "regular",
                    "width": 512,
                    "height": 512,
                    "is_animated": False,
                    "is_video": False,
                    "emoji": "👍",
                }
            },
        )

    def photo(self, person: Person, caption: str | None = None) -> Update:
        extra: dict[str, Any] = {
            "photo": [{"file_id": "photo", "file_unique_id": "photo", "width": 90, "height": 90}]
        }
        if caption:
            extra["caption"] = caption
        return self._message(person, extra)

    def voice(self, person: Person) -> Update:
        return self._message(
            person, {"voice": {"file_id": "voice", "file_unique_id": "voice", "duration": 3}}
        )

    def callback(self, person: Person, data: str, message_id: int) -> Update:
        """A press on an inline button under the bot's message `message_id`."""
        payload = {
            "update_id": next(self._update_ids),
            "callback_query": {
                "id": f"{self._callback_prefix}{next(self._message_ids)}",
                "from": person.as_json(),
                "chat_instance": str(person.id),
                "data": data,
                "message": {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "chat": {"id": person.id, "type": "private"},
                    "text": "",
                },
            },
        }
        return _parse(payload, self._bot)

    def _message(self, person: Person, extra: dict[str, Any]) -> Update:
        payload = {
            "update_id": next(self._update_ids),
            "message": {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": person.id, "type": "private", "first_name": person.first_name},
                "from": person.as_json(),
                **extra,
            },
        }
        return _parse(payload, self._bot)


def _parse(payload: dict[str, Any], bot: Bot) -> Update:
    update = Update.de_json(payload, bot)
    if update is None:
        raise ValueError("not an update")
    return update
