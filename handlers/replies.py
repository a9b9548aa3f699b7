"""What a handler answers: text plus an optional reply keyboard, sent in one message.

Reply keyboards (not inline buttons) carry the dialog, because a pressed button arrives
as the same text a person could type, and they map one-to-one onto KakaoTalk quick
replies.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)

Keyboard = tuple[tuple[str, ...], ...]
NO_KEYBOARD: Keyboard = ()


@dataclass(frozen=True)
class Reply:
    """One message; `keyboard` None leaves the current buttons, NO_KEYBOARD removes them."""

    text: str
    keyboard: Keyboard | None = None

    def with_prefix(self, prefix: str) -> "Reply":
        """The same message after a short acknowledgement, so both arrive as one message."""
        if not prefix:
            return self
        return Reply(f"{prefix}\n\n{self.text}", self.keyboard)


def rows(labels: Sequence[str], per_row: int = 2) -> Keyboard:
    """Lay buttons out `per_row` to a line, big enough to hit on a phone."""
    return tuple(tuple(labels[i : i + per_row]) for i in range(0, len(labels), per_row))


def message_text(update: Update) -> str:
    """What the person typed (or the button label they pressed); "" for anything else."""
    message = update.effective_message
    return (message.text or "") if message else ""


@dataclass(frozen=True)
class Press:
    """A pressed inline button: its callback data split at ":", and who pressed it."""

    parts: list[str]
    person_id: int


async def pressed(update: Update) -> Press | None:
    """The button pressed, acknowledged at once so the phone stops its spinner.

    None for an update that is not a button press with data from a person.
    """
    query, person = update.callback_query, update.effective_user
    if query is None or query.data is None or person is None:
        return None
    await query.answer()
    return Press(query.data.split(":"), person.id)


async def send(update: Update, *replies: Reply) -> None:
    """Send each reply to the chat the update came from."""
    message = update.effective_message
    if message is None:
        return
    for reply in replies:
        markup: ReplyKeyboardMarkup | ReplyKeyboardRemove | None = None
        if reply.keyboard == NO_KEYBOARD:
            markup = ReplyKeyboardRemove()
        elif reply.keyboard is not None:
            markup = ReplyKeyboardMarkup(reply.keyboard, resize_keyboard=True)
        await message.reply_text(reply.text, reply_markup=markup)


def inline_markup(buttons: list[list[dict[str, Any]]] | None) -> InlineKeyboardMarkup | None:
    """Buttons under a message, from a JSON-able payload ({"text", "data"} per button).

    Job cards use inline buttons because they act on one posting; payloads keep them as
    plain JSON so cards can wait in the outbox.
    """
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b["text"], callback_data=b["data"]) for b in row]
            for row in buttons
        ]
    )


async def send_payload(update: Update, payload: dict[str, Any]) -> None:
    """Send a card-like payload to the chat the update came from."""
    chat = update.effective_chat
    if chat is not None:
        await deliver_payload(chat.get_bot(), chat.id, payload)


async def deliver_payload(bot: Bot, chat_id: int, payload: dict[str, Any]) -> None:
    """Send a payload ({"text", optional "buttons", optional "photo"}) to `chat_id`.

    The one place that knows a payload's shape, for answers and for the outbox alike; a
    photo carries the text as its caption.
    """
    markup = inline_markup(payload.get("buttons"))
    if payload.get("photo"):
        await bot.send_photo(
            chat_id, payload["photo"], caption=payload["text"], reply_markup=markup
        )
    else:
        await bot.send_message(chat_id, payload["text"], reply_markup=markup)
