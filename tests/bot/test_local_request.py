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


async def test_a_photo_sent_as_bytes_is_recorded_with_its_content() -> None:
    request = LocalRequest()
    bot = Bot("local:test", request=request, get_updates_request=request)
    await bot.initialize()
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    message = await bot.send_photo(42, photo=png, caption="연령대")
    assert message.caption == "연령대"
    assert message.photo
    call = request.calls[-1]
    assert call.method == "sendPhoto"
    assert call.chat_id == 42
    assert call.params["caption"] == "연령대"
    assert call.files == {"photo": png}


async def test_a_photo_sent_by_file_id_has_no_upload() -> None:
    request = LocalRequest()
    bot = Bot("local:test", request=request, get_updates_request=request)
    await bot.initialize()
    await bot.send_photo(42, photo="AgACAgIAAxkBAAIB")
    call = request.calls[-1]
    assert call.params["photo"] == "AgACAgIAAxkBAAIB"
    assert call.files == {}
