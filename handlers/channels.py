"""One person on Telegram and KakaoTalk: where they wrote last, and joining the two.

/kakao gives a one-time code; sent on KakaoTalk as "연결 CODE", it joins that KakaoTalk
account to this chat (bot/channels/kakao/skill.py), so both channels share one profile.
Every update notes the channel it came through, and pushed messages go to the channel
the person used last (db.channels.chats_on), so each arrives once.
"""

from telegram import Update

from db.channels import create_link_code, note_channel
from db.users import find_user
from handlers import texts
from handlers.codes import readable_code
from handlers.context import BotContext
from handlers.replies import Reply, send

LINK_CODE_LENGTH = 6


async def kakao_link(update: Update, context: BotContext) -> None:
    """/kakao: a code to join a KakaoTalk account to this chat."""
    person = update.effective_user
    assert person is not None
    code = readable_code(LINK_CODE_LENGTH)
    async with context.sessions.begin() as session:
        if await find_user(session, person.id) is None:
            reply = texts.KAKAO_LINK_NEEDS_ACCOUNT
        else:
            await create_link_code(session, person.id, code)
            reply = texts.kakao_link_code(code)
    await send(update, Reply(reply))


async def note_where_they_wrote(update: Update, context: BotContext) -> None:
    """Runs before the handlers: this update's channel is now the person's last one."""
    person = update.effective_user
    if person is None:
        return
    async with context.sessions.begin() as session:
        await note_channel(session, person.id, context.bot_data.channel_of(person.id))
