import pytest
from telegram import Bot
from telegram.error import NetworkError

from bot.channels.local import BOT_ID, LocalRequest


async def test_answers_what_the_bot_sends_and_records_it() -> None:
    request = LocalRequest()
    bot = Bot("local:test", request=request, get_updates_request=request)
    await bot.initialize()
    message = await bot.send_message(42, "[1] 안녕하세요")
    assert message.text == "[1] 안녕하세요"
    assert message.chat.id == 42
    assert message.from_user is not None
    assert message.from_user.id == BOT_ID
    assert [call.method for call in request.calls] == ["getMe", "sendMessage"]
    assert request.calls[-1].chat_id == 42


async def test_an_unknown_method_fails_loudly() -> None:
    request = LocalRequest()
    bot = Bot("local:test", request=request, get_updates_request=request)
    await bot.initialize()
    # PTB wraps whatever a transport raises; the method's name stays in the message.
    with pytest.raises(NetworkError, match=r"UnknownBotMethodError.*sendVenue"):
        await bot.send_venue(42, 37.5, 127.0, "카페", "서울")
