"""One Application for Telegram and KakaoTalk: each Bot API call goes to its chat's channel.

`encore kakao` with a Telegram token serves both channels in one process, so a person
who joined their accounts (/kakao) has one conversation, not one per process. A call
about a chat answering a skill request, or a KakaoTalk-only chat, or someone who wrote
last on KakaoTalk goes to the Kakao transport; a Kakao button press is answered there
too; everything else (Telegram chats, getMe, setWebhook, getUpdates) goes to Telegram.
"""

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram.request import BaseRequest, RequestData

from bot.channels.kakao.transport import CALLBACK_PREFIX, KakaoTransport
from db.channels import Channel, channel_of, wrote_last_on


class RoutingRequest(BaseRequest):
    def __init__(
        self,
        telegram: BaseRequest,
        kakao: KakaoTransport,
        sessions: async_sessionmaker[AsyncSession],
    ) -> None:
        self._telegram = telegram
        self._kakao = kakao
        self._sessions = sessions

    @property
    def read_timeout(self) -> float | None:
        return self._telegram.read_timeout

    async def initialize(self) -> None:
        await self._telegram.initialize()
        await self._kakao.initialize()

    async def shutdown(self) -> None:
        await self._telegram.shutdown()
        await self._kakao.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = None,
        write_timeout: object = None,
        connect_timeout: object = None,
        pool_timeout: object = None,
    ) -> tuple[int, bytes]:
        target = await self._target(request_data)
        return await target.do_request(
            url,
            method,
            request_data,
            read_timeout,  # type: ignore[arg-type]
            write_timeout,  # type: ignore[arg-type]
            connect_timeout,  # type: ignore[arg-type]
            pool_timeout,  # type: ignore[arg-type]
        )

    async def _target(self, request_data: RequestData | None) -> BaseRequest:
        params = request_data.parameters if request_data else {}
        if str(params.get("callback_query_id", "")).startswith(CALLBACK_PREFIX):
            return self._kakao
        chat_id = int(str(params.get("chat_id", 0)))
        if not chat_id:
            return self._telegram
        if self._kakao.is_collecting(chat_id) or channel_of(chat_id) is Channel.KAKAO:
            return self._kakao
        async with self._sessions() as session:
            last = await wrote_last_on(session, chat_id)
        return self._kakao if last is Channel.KAKAO else self._telegram
