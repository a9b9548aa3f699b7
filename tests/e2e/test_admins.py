"""An admin brings in another admin by a one-time link; every step is in the audit log."""

import re

from bot.channels.updates import Person
from db.audit import recent
from handlers import texts
from tests.support.harness import ADMIN, BotHarness, Chat

NEW_ADMIN = Person(9_000_002, "지현", "이")


async def _link(admin: Chat, command: str) -> str:
    await admin.send(command)
    found = re.search(r"start=([\w-]+)", admin.last)
    assert found is not None
    return found.group(1)


async def test_invite_promote_list_and_remove(bot: BotHarness, senior: Chat) -> None:
    admin, newcomer = bot.chat(ADMIN), bot.chat(NEW_ADMIN)
    await senior.send("/invite_admin")
    assert senior.last == texts.ADMIN_ONLY
    coach_code = await _link(admin, "/invite_coach")
    await newcomer.send(f"/start admin-{coach_code.removeprefix('coach-')}")
    assert newcomer.last == texts.INVITE_UNKNOWN
    await newcomer.send("/invite_coach")
    assert newcomer.last == texts.ADMIN_ONLY

    code = await _link(admin, "/invite_admin")
    await newcomer.send(f"/start {code}")
    assert newcomer.last.startswith(texts.ADMIN_WELCOME)
    await senior.send(f"/start {code}")
    assert senior.last == texts.INVITE_UNKNOWN
    await newcomer.send("/invite_coach")
    assert newcomer.last.startswith("코치 초대 코드")

    await newcomer.send("/admins")
    assert newcomer.replies == [
        texts.admin_line(ADMIN.id, fixed=True),
        texts.admin_line(NEW_ADMIN.id, fixed=False),
    ]
    await newcomer.tap(texts.BUTTON_REMOVE_ADMIN)
    assert newcomer.last == texts.ADMIN_KEEP
    await admin.send("/admins")
    await admin.tap(texts.BUTTON_REMOVE_ADMIN)
    assert admin.last == texts.admin_removed(NEW_ADMIN.id)
    await admin.tap(texts.BUTTON_REMOVE_ADMIN)
    assert admin.last == texts.ADMIN_GONE
    await newcomer.send("/invite_coach")
    assert newcomer.last == texts.ADMIN_ONLY

    async with bot.application.bot_data.sessions() as session:
        actions = [entry.action for entry in reversed(await recent(session, 10))]
    assert actions == [
        "coach.invite",
        "admin.invite",
        "admin.promote",
        "coach.invite",
        "admin.remove",
    ]
