"""Staff are recognised, group chats and edited messages are kept out of the conversations."""

from bot.channels.updates import Person
from db.models import Role
from db.users import find_user
from handlers import texts
from tests.support.harness import ADMIN, BotHarness, Chat
from tests.support.profiles import answer_up_to


async def test_admin_from_configuration_skips_the_senior_onboarding(bot: BotHarness) -> None:
    admin = bot.chat(ADMIN)
    await admin.send("/start")
    assert texts.STAFF_WELCOME in admin.last
    async with bot.application.bot_data.sessions() as session:
        account = await find_user(session, ADMIN.id)
    assert account is not None
    assert account.role is Role.ADMIN
    await admin.send("/help")
    assert admin.last == texts.STAFF_HELP


async def test_senior_help_lists_the_senior_commands(senior: Chat) -> None:
    await senior.send("/help")
    assert senior.last == texts.HELP


async def test_group_chat_is_pointed_to_a_private_chat(bot: BotHarness) -> None:
    person = Person(1_000_050, "영수")
    update = bot.updates.text(person, "/start")
    assert update.message is not None
    payload = update.to_dict()
    payload["message"]["chat"] = {"id": -100123, "type": "group", "title": "동호회"}
    group_update = type(update).de_json(payload, bot.application.bot)
    before = len(bot.request.calls)
    await bot.application.process_update(group_update)
    sent = bot.request.calls[before:]
    assert [call.params["text"] for call in sent] == [texts.PRIVATE_ONLY]
    assert sent[0].chat_id == -100123


async def test_edited_message_is_not_read_as_an_answer_but_is_answered(
    bot: BotHarness, senior: Chat
) -> None:
    await answer_up_to(senior, 1)
    update = bot.updates.text(senior.person, "60")
    payload = update.to_dict()
    payload["edited_message"] = payload.pop("message")
    payload["edited_message"]["edit_date"] = payload["edited_message"]["date"]
    before = len(bot.request.calls)
    await bot.application.process_update(type(update).de_json(payload, bot.application.bot))
    sent = bot.request.calls[before:]
    assert [call.params["text"] for call in sent] == [texts.EDIT_NOT_READ]
    await senior.send("58")
    assert "58세로 적어 둘게요." in senior.last


async def test_command_list_is_registered_on_start(bot: BotHarness) -> None:
    registered = [call for call in bot.request.calls if call.method == "setMyCommands"]
    assert len(registered) == 1
    commands = [c["command"] for c in registered[0].params["commands"]]
    assert commands == [
        "start",
        "jobs",
        "alerts",
        "coaching",
        "mybookings",
        "tips",
        "success",
        "programmes",
        "share_story",
        "profile",
        "cancel",
        "delete",
        "help",
    ]
