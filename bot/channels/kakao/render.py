"""What the handlers sent to a chat, as one Kakao i Open Builder skill response (v2.0).

Pure: Bot API calls in (as `bot.channels.local.BotCall` records them), JSON out. Kakao is
much stricter than Telegram, so every limit below is respected by merging, splitting and
paging with a "더 보기" quick reply, never by dropping what the handlers said.

How a turn's messages become outputs:

- Plain messages become simpleText; consecutive ones share one bubble (a blank line
  between) while they fit in 1,000 characters. A longer text is cut at a line break, else
  at a space, else between two characters, never inside a Hangul syllable or an emoji.
- A message with 1 to 3 inline buttons (a job card, a story, a booking) becomes a
  basicCard: its first line is the title, the other lines the description, its buttons
  send the callback data back to `block_id` in `extra.data`. Consecutive cards become one
  carousel (up to 10 cards). A card never hides text: when its text does not fit (a long
  first line, or a description over the limit, which is 76 characters inside a carousel),
  the whole text is shown as simpleText just before the card or carousel, and the card
  keeps a shortened copy ending in "…" as the place to press.
- A message with more than 3 inline buttons (10 days to choose from, 5 ratings, a
  moderation choice) is not a card: 3 buttons would hide the rest. Its text is a
  simpleText and all its buttons are quick replies, block actions with the same extra
  data. So is a message with buttons whose text is longer than a simpleText.
- The reply keyboard in force becomes quick replies that send exactly the label as
  typed text, after any inline-button quick replies. Labels show at most 14 characters
  ("…" when cut); the text sent is always the full label.
- A photo cannot be sent as bytes: its caption and a line saying the picture is on
  Telegram become text. No messages at all: a line saying there is nothing yet, so
  Kakao never gets an empty answer.
- What does not fit waits for "더 보기", which `more` answers: `Rendered.rest` holds the
  messages left out (pieces of a long text included) and inline choices beyond the 9th
  (as a "다른 선택지도 있어요" message); `Rendered.more_replies` holds keyboard labels
  beyond it. Outputs left out are announced by a last line (texts.MORE_PROMPT); whenever
  anything waits, 9 quick replies are shown and the 10th is "더 보기".

Limits, from Kakao's "응답 타입별 JSON 포맷" (kakaobusiness.gitbook.io/main/tool/chatbot/
skill_guide/answer_json_format, formerly i.kakao.com/docs/skill-response-format; its
tables read as quoted by open-source skill SDKs): outputs 1 to 3, quickReplies at most 10,
simpleText.text 1,000 characters, basicCard.title 50, basicCard.description 230 (76, two
lines, inside a carousel), basicCard.buttons 3, carousel.items 10, button and quick reply
labels 14 characters shown. The page does not say how characters are counted, so lengths
are taken in UTF-16 units (an emoji counts twice), which is within the limit either way.
The same tables mark basicCard.thumbnail as required and offer textCard for cards without
a picture; cards here are basicCards without a thumbnail, as this channel was specified.
"""

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from bot.channels.local import BotCall
from handlers import texts

MAX_OUTPUTS = 3  # template.outputs: 1 to 3 bubbles
MAX_QUICK_REPLIES = 10  # template.quickReplies
MAX_TEXT = 1000  # simpleText.text
MAX_CARD_TITLE = 50  # basicCard.title
MAX_CARD_DESCRIPTION = 230  # basicCard.description, a card on its own
MAX_CAROUSEL_DESCRIPTION = 76  # basicCard.description inside a carousel (2 lines)
MAX_CARD_BUTTONS = 3  # basicCard.buttons
MAX_CAROUSEL_CARDS = 10  # carousel.items
MAX_LABEL = 14  # characters of a button or quick reply label that Kakao shows

ELLIPSIS = "…"
_GAP = "\n\n"
_ZWJ = "\u200d"

Button = tuple[str, str]  # an inline button: (label, callback data)


@dataclass(frozen=True)
class Outgoing:
    """One message the bot sent to a chat, as much of it as a Kakao chat can show.

    `keyboard` is the reply keyboard this message set (labels in order), () when it
    removed the keyboard, None when it left the keyboard alone.
    """

    text: str
    buttons: tuple[Button, ...] = ()
    keyboard: tuple[str, ...] | None = None
    photo: bool = False

    def __post_init__(self) -> None:
        # Telegram refuses an empty message too, so this is a bug wherever it comes from;
        # failing here keeps an empty bubble (which Kakao rejects) out of every answer.
        if not self.text.strip() and not self.photo:
            raise ValueError("a message needs text")


@dataclass(frozen=True)
class Rendered:
    """A skill response, and what did not fit in it, to show on "더 보기"."""

    response: dict[str, Any]
    rest: tuple[Outgoing, ...] = ()
    more_replies: tuple[str, ...] = ()


def outgoing_from_call(call: BotCall) -> Outgoing | None:
    """The message a Bot API call sent; None for calls that send nothing to read.

    An inline button without callback data (a link) raises: Kakao would need another kind
    of button, and a handler starting to use one should fail loudly in tests.
    """
    if call.method not in ("sendMessage", "sendPhoto"):
        return None
    markup = call.params.get("reply_markup")
    markup = markup if isinstance(markup, Mapping) else {}
    text = call.params.get("text" if call.method == "sendMessage" else "caption")
    return Outgoing(
        text=str(text or ""),
        buttons=_inline_buttons(markup),
        keyboard=_reply_keyboard(markup),
        photo=call.method == "sendPhoto",
    )


def render(messages: Sequence[Outgoing], *, keyboard: Sequence[str], block_id: str) -> Rendered:
    """One answer: `messages` as outputs, `keyboard` (the one in force) as quick replies."""
    blocks = _layout(messages, block_id) or [_Text(texts.KAKAO_NOTHING_YET)]
    count = _count_shown(blocks)
    shown, rest = blocks[:count], tuple(m for block in blocks[count:] for m in block.rest)
    if rest:
        shown = _with_notice(shown)
    choices = [choice for block in shown if isinstance(block, _Text) for choice in block.choices]
    replies, unshown_choices, more_replies = _quick_replies(
        choices, keyboard, cut=bool(rest), block_id=block_id
    )
    if unshown_choices:
        rest = (Outgoing(texts.KAKAO_MORE_CHOICES, unshown_choices), *rest)
    outputs = [_output(block) for block in shown]
    response = {"version": "2.0", "template": {"outputs": outputs, "quickReplies": replies}}
    return Rendered(response, rest, more_replies)


def more(
    rest: Sequence[Outgoing],
    more_replies: Sequence[str],
    *,
    keyboard: Sequence[str],
    block_id: str,
) -> Rendered:
    """The answer to "더 보기": the next messages, else the next keyboard labels, else none.

    While messages are left, their answer offers the keyboard again from its first label,
    so `more_replies` from before are not needed then.
    """
    if rest:
        return render(rest, keyboard=keyboard, block_id=block_id)
    if more_replies:
        prompt = [Outgoing(texts.KAKAO_MORE_CHOICES)]
        return render(prompt, keyboard=more_replies, block_id=block_id)
    return render([Outgoing(texts.KAKAO_NO_MORE)], keyboard=keyboard, block_id=block_id)


@dataclass(frozen=True)
class _Text:
    """A simpleText to be.

    `choices` are inline buttons it shows as quick replies; `rest` re-creates it when it
    has to wait for "더 보기"; `leads` marks the full text of the cards right after it,
    shown with them or not at all (those cards' messages re-create it).
    """

    text: str
    choices: tuple[Button, ...] = ()
    rest: tuple[Outgoing, ...] = ()
    leads: bool = False

    def then(self, other: "_Text") -> "_Text":
        return _Text(
            self.text + _GAP + other.text,
            self.choices + other.choices,
            self.rest + other.rest,
            other.leads,
        )


@dataclass(frozen=True)
class _Cards:
    """A basicCard, or a carousel of them, and the messages that re-create it."""

    cards: tuple[dict[str, Any], ...]
    rest: tuple[Outgoing, ...]


_Block = _Text | _Cards


def _inline_buttons(markup: Mapping[str, Any]) -> tuple[Button, ...]:
    buttons = [button for row in markup.get("inline_keyboard", ()) for button in row]
    if any("callback_data" not in button for button in buttons):
        raise ValueError(f"an inline button without callback data cannot go to Kakao: {buttons}")
    return tuple((str(button["text"]), str(button["callback_data"])) for button in buttons)


def _reply_keyboard(markup: Mapping[str, Any]) -> tuple[str, ...] | None:
    if "keyboard" in markup:
        return tuple(str(button["text"]) for row in markup["keyboard"] for button in row)
    return () if markup.get("remove_keyboard") else None


def _layout(messages: Sequence[Outgoing], block_id: str) -> list[_Block]:
    """Every message as blocks of one output each, in order, before any is left out."""
    blocks: list[_Block] = []
    for is_card, run in groupby(messages, key=_is_card):
        if is_card:
            for chunk in _chunks(list(run)):
                blocks += _card_blocks(chunk, block_id)
        else:
            blocks += [piece for message in run for piece in _text_pieces(message)]
    return _merged(blocks)


def _shown_text(message: Outgoing) -> str:
    """The text to show; a photo's caption is followed by where to see the picture."""
    text = message.text.strip()
    if message.photo:
        text = _GAP.join(part for part in (text, texts.KAKAO_PHOTO_ON_TELEGRAM) if part)
    return text


def _is_card(message: Outgoing) -> bool:
    """A card has 1 to 3 buttons and a text that would fit in a bubble of its own."""
    return 0 < len(message.buttons) <= MAX_CARD_BUTTONS and _size(_shown_text(message)) <= MAX_TEXT


def _text_pieces(message: Outgoing) -> list[_Text]:
    """A message as simpleTexts; its buttons, if any, ride with the last piece."""
    *pieces, last = _split(_shown_text(message), MAX_TEXT)
    return [*(_plain(piece) for piece in pieces), _plain(last, message.buttons)]


def _plain(text: str, buttons: tuple[Button, ...] = ()) -> _Text:
    return _Text(text, buttons, (Outgoing(text, buttons),))


def _chunks(cards: list[Outgoing]) -> list[list[Outgoing]]:
    """Consecutive cards in carousels of at most 10, whose hidden texts fit in one bubble."""
    chunks: list[list[Outgoing]] = []
    for card in cards:
        if chunks and _fits_carousel([*chunks[-1], card]):
            chunks[-1].append(card)
        else:
            chunks.append([card])
    return chunks


def _fits_carousel(cards: list[Outgoing]) -> bool:
    full = _hidden_texts(cards, MAX_CAROUSEL_DESCRIPTION)
    return len(cards) <= MAX_CAROUSEL_CARDS and _size(full) <= MAX_TEXT


def _card_blocks(cards: list[Outgoing], block_id: str) -> list[_Block]:
    limit = MAX_CARD_DESCRIPTION if len(cards) == 1 else MAX_CAROUSEL_DESCRIPTION
    block = _Cards(tuple(_card(card, limit, block_id) for card in cards), tuple(cards))
    full = _hidden_texts(cards, limit)
    return [_Text(full, leads=True), block] if full else [block]


def _hidden_texts(cards: list[Outgoing], limit: int) -> str:
    """The whole texts of the cards that cannot show all of theirs, one after another."""
    shown = [_shown_text(card) for card in cards]
    return _GAP.join(text for text in shown if not _fits_card(text, limit))


def _title_and_description(text: str) -> tuple[str, str]:
    title, _, description = text.partition("\n")
    return title.strip(), description.strip()


def _fits_card(text: str, limit: int) -> bool:
    title, description = _title_and_description(text)
    return _size(title) <= MAX_CARD_TITLE and _size(description) <= limit


def _card(message: Outgoing, limit: int, block_id: str) -> dict[str, Any]:
    title, description = _title_and_description(_shown_text(message))
    card: dict[str, Any] = {"title": _clip(title, MAX_CARD_TITLE)}
    if description:
        card["description"] = _clip(description, limit)
    card["buttons"] = [_block_action(label, data, block_id) for label, data in message.buttons]
    return card


def _merged(blocks: list[_Block]) -> list[_Block]:
    """Consecutive texts share a bubble while they fit in one."""
    merged: list[_Block] = []
    for block in blocks:
        last = merged[-1] if merged else None
        if isinstance(block, _Text) and isinstance(last, _Text) and _room(last, block.text):
            merged[-1] = last.then(block)
        else:
            merged.append(block)
    return merged


def _room(block: _Block, text: str) -> bool:
    return isinstance(block, _Text) and _size(block.text + _GAP + text) <= MAX_TEXT


def _count_shown(blocks: list[_Block]) -> int:
    """How many blocks to show now: all if they fit, else as many as leave room to say so.

    The last one shown must not lead into cards left out, and the line saying there is
    more needs either room in it or an output of its own. A leading text is always
    followed by its cards, so one or two blocks always qualify.
    """
    if len(blocks) <= MAX_OUTPUTS:
        return len(blocks)
    for count in (MAX_OUTPUTS, MAX_OUTPUTS - 1):
        last = blocks[count - 1]
        if isinstance(last, _Text) and last.leads:
            continue
        if count < MAX_OUTPUTS or _room(last, texts.MORE_PROMPT):
            return count
    return 1


def _with_notice(shown: list[_Block]) -> list[_Block]:
    """The answer ends with a line saying "더 보기" shows the rest."""
    notice = _Text(texts.MORE_PROMPT)
    last = shown[-1]
    if isinstance(last, _Text) and _room(last, notice.text):
        return [*shown[:-1], last.then(notice)]
    return [*shown, notice]


def _quick_replies(
    choices: list[Button], keyboard: Sequence[str], *, cut: bool, block_id: str
) -> tuple[list[dict[str, Any]], tuple[Button, ...], tuple[str, ...]]:
    """Quick replies: inline choices, then keyboard labels, then "더 보기" if anything waits.

    Also returns the choices and the labels left for later.
    """
    entries: list[tuple[str, str | None]] = [*choices, *((label, None) for label in keyboard)]
    room = MAX_QUICK_REPLIES
    if cut or len(entries) > room:
        room -= 1
    shown, unshown = entries[:room], entries[room:]
    replies = [
        _message_action(label) if data is None else _block_action(label, data, block_id)
        for label, data in shown
    ]
    if cut or unshown:
        replies.append(_message_action(texts.BUTTON_MORE))
    later_choices = tuple((label, data) for label, data in unshown if data is not None)
    later_labels = tuple(label for label, data in unshown if data is None)
    return replies, later_choices, later_labels


def _block_action(label: str, data: str, block_id: str) -> dict[str, Any]:
    """A button or quick reply that sends its callback data back to the skill's block."""
    return {
        "label": _clip(label, MAX_LABEL),
        "action": "block",
        "blockId": block_id,
        "messageText": label,
        "extra": {"data": data},
    }


def _message_action(label: str) -> dict[str, Any]:
    """A quick reply that says its full label, as a Telegram user pressing it would."""
    return {"label": _clip(label, MAX_LABEL), "action": "message", "messageText": label}


def _output(block: _Block) -> dict[str, Any]:
    if isinstance(block, _Text):
        return {"simpleText": {"text": block.text}}
    if len(block.cards) == 1:
        return {"basicCard": block.cards[0]}
    return {"carousel": {"type": "basicCard", "items": list(block.cards)}}


def _size(text: str) -> int:
    """Length in UTF-16 units: a character, or two for one beyond the BMP (most emoji)."""
    return len(text.encode("utf-16-le")) // 2


def _prefix(text: str, limit: int) -> int:
    """How many characters from the start of `text` fit in `limit` units."""
    size = 0
    for index, char in enumerate(text):
        size += _size(char)
        if size > limit:
            return index
    return len(text)


def _clip(text: str, limit: int) -> str:
    """`text` in at most `limit` units, ending in "…" when shortened."""
    if _size(text) <= limit:
        return text
    end = _prefix(text, limit - _size(ELLIPSIS))
    return text[: _safe_cut(text, end)].rstrip() + ELLIPSIS


def _split(text: str, limit: int) -> list[str]:
    """`text` in pieces of at most `limit` units; only whitespace at the cuts is lost."""
    pieces = []
    while _size(text) > limit:
        cut = _break_at(text, _prefix(text, limit))
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*pieces, text]


def _break_at(text: str, end: int) -> int:
    """Where to cut `text` so that at most `end` characters come first: a line break in
    the second half, else the last space or line break, else `end` (off a character)."""
    line = text.rfind("\n", 1, end + 1)
    if line > end // 2:
        return line
    space = max(line, text.rfind(" ", 1, end + 1))
    return space if space > 0 else _safe_cut(text, end)


def _safe_cut(text: str, cut: int) -> int:
    """`cut` moved back off the inside of a character as people see it: a Hangul syllable
    written as separate jamo, an emoji with a skin tone or a joiner, an accent."""
    start = cut
    while cut > 0 and (_continues(text[cut]) or text[cut - 1] == _ZWJ):
        cut -= 1
    return cut or start


def _continues(char: str) -> bool:
    """Whether `char` belongs to the character before it."""
    return (
        unicodedata.combining(char) > 0
        or "\u1160" <= char <= "\u11ff"  # Hangul vowel and final jamo
        or "\ud7b0" <= char <= "\ud7ff"  # their extensions
        or "\ufe00" <= char <= "\ufe0f"  # variation selectors
        or "\U0001f3fb" <= char <= "\U0001f3ff"  # skin tones
        or char == _ZWJ
    )
