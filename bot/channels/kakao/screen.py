"""What a KakaoTalk chat's last answer left for the next request, kept in the database.

Kakao forgets everything between two requests, and so must a skill server that may
restart (or run twice): the reply keyboard in force (offered again as quick replies
whenever a message does not set one), the messages and labels waiting for "더 보기", and
a whole answer that was not ready in time and waits for "계속 보기". Stored as JSON in
`channel_accounts.screen`; a stored screen we cannot read is a fresh one, never an error
the person would see.
"""

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from bot.channels.kakao.render import Outgoing, Rendered

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Screen:
    keyboard: tuple[str, ...] = ()
    rest: tuple[Outgoing, ...] = ()
    more_replies: tuple[str, ...] = ()
    unseen: dict[str, Any] | None = None  # an answer that came too late, for "계속 보기"

    def after(self, messages: Sequence[Outgoing]) -> "Screen":
        """This screen once `messages` were sent: the last keyboard any of them set holds."""
        keyboard = self.keyboard
        for message in messages:
            if message.keyboard is not None:
                keyboard = message.keyboard
        return replace(self, keyboard=keyboard)

    def showing(self, rendered: Rendered) -> "Screen":
        """This screen once `rendered` was shown: what it left out waits for "더 보기"."""
        return replace(self, rest=rendered.rest, more_replies=rendered.more_replies)

    def to_json(self) -> dict[str, Any]:
        return {
            "keyboard": list(self.keyboard),
            "rest": [_message_json(message) for message in self.rest],
            "more_replies": list(self.more_replies),
            "unseen": self.unseen,
        }

    @classmethod
    def from_json(cls, stored: Mapping[str, Any] | None) -> "Screen":
        if not stored:
            return cls()
        try:
            return cls(
                keyboard=tuple(str(label) for label in stored["keyboard"]),
                rest=tuple(_message(item) for item in stored["rest"]),
                more_replies=tuple(str(label) for label in stored["more_replies"]),
                unseen=stored["unseen"],
            )
        except (KeyError, TypeError, ValueError) as error:
            logger.warning("a stored Kakao screen could not be read, starting afresh: %r", error)
            return cls()


def _message_json(message: Outgoing) -> dict[str, Any]:
    return {
        "text": message.text,
        "buttons": [list(button) for button in message.buttons],
        "keyboard": None if message.keyboard is None else list(message.keyboard),
        "photo": message.photo,
    }


def _message(item: Mapping[str, Any]) -> Outgoing:
    keyboard = item["keyboard"]
    return Outgoing(
        text=str(item["text"]),
        buttons=tuple((str(label), str(data)) for label, data in item["buttons"]),
        keyboard=None if keyboard is None else tuple(str(label) for label in keyboard),
        photo=bool(item["photo"]),
    )
