"""`encore kakao`: the bot on KakaoTalk, as an HTTP skill server for Kakao i Open Builder.

One process: the Application with the Kakao transport (its dispatcher pushes only to
Kakao chats; `encore run` keeps serving Telegram chats, and both share the database),
and one ASGI app served by uvicorn, which stops cleanly on SIGINT or SIGTERM.
"""

import httpx
import uvicorn

from bot.channels.kakao.events import KakaoEventConfig, KakaoEventSender
from bot.channels.kakao.skill import SkillServer, SkillSettings
from bot.channels.kakao.transport import EventPusher, KakaoTransport
from bot.config import KakaoSettings, Settings
from bot.runner import database, running_application
from db.channels import Channel

CALLBACK_TIMEOUT = 10.0


async def serve_kakao(settings: Settings, kakao: KakaoSettings, host: str, port: int) -> None:
    events = KakaoEventConfig(
        api_base=kakao.api_base,
        bot_id=kakao.bot_id,
        rest_api_key=kakao.rest_api_key,
        event_name=kakao.event_name,
    )
    async with (
        database(settings.database_url) as sessions,
        KakaoEventSender(events) as sender,
        httpx.AsyncClient(timeout=CALLBACK_TIMEOUT) as http,
    ):
        transport = KakaoTransport(sessions, EventPusher(sender))
        async with running_application(
            settings, sessions, request=transport, channel=Channel.KAKAO
        ) as application:
            skill = SkillServer(application, transport, SkillSettings(kakao.secret), http)
            config = uvicorn.Config(skill.app(), host=host, port=port, lifespan="off")
            await uvicorn.Server(config).serve()
            await skill.drain()
