"""The console demo prints a push that arrives while a line is being typed above the prompt."""

import io

from bot.channels.console import ConsoleChat
from bot.channels.local import BotCall
from bot.demo.console_demo import PERSONAS
from bot.demo.seed import DEMO_ADMIN


def test_a_push_while_typing_goes_above_the_prompt() -> None:
    out = io.StringIO()
    chat = ConsoleChat(PERSONAS, out)
    chat.waiting_prompt = "나> "
    chat.show(BotCall("sendMessage", {"chat_id": DEMO_ADMIN.id, "text": "새 공고가 있어요."}))
    assert out.getvalue() == "\r\x1b[K앙코르 → 관리자> 새 공고가 있어요.\n\n나> "


def test_an_answer_is_printed_as_it_is() -> None:
    out = io.StringIO()
    chat = ConsoleChat(PERSONAS, out)
    chat.show(BotCall("sendMessage", {"chat_id": PERSONAS["senior"].id, "text": "안녕하세요"}))
    assert out.getvalue() == "앙코르> 안녕하세요\n\n"
