"""Chats on channels other than Telegram: KakaoTalk user keys and their chat ids.

A Kakao user key gets a chat id below -KAKAO_CHAT_BASE, derived from the key itself, so
the same key always maps to the same chat (even when two requests race to create it)
and no Telegram private chat (always positive) can collide with it. Handlers, tables and
the outbox then treat Kakao users like any other chat; only the transport differs.
"""

import hashlib
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, not_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.inserts import insert_ignoring_duplicates
from db.models import ChannelAccount, ChannelLinkCode, ChannelPush, User

KAKAO_CHAT_BASE = 10**15
_KEY_SPACE = 2**48  # chat ids stay far inside a signed 64-bit integer


class Channel(StrEnum):
    TELEGRAM = "telegram"
    KAKAO = "kakao"


def channel_of(chat_id: int) -> Channel:
    return Channel.KAKAO if chat_id <= -KAKAO_CHAT_BASE else Channel.TELEGRAM


def chats_on(channel: Channel) -> ColumnElement[bool]:
    """Users reached through `channel`, for the dispatcher that sends there.

    Someone who joined their KakaoTalk account to their Telegram chat is reached where
    they wrote last, so each message reaches them once. `reached_on` is the same rule
    for a user already loaded.
    """
    # coalesce: a NULL last channel must count as "not KakaoTalk", not as unknown
    wrote_on_kakao = func.coalesce(User.last_channel, "") == Channel.KAKAO.value
    on_kakao = or_(User.telegram_id <= -KAKAO_CHAT_BASE, wrote_on_kakao)
    return on_kakao if channel is Channel.KAKAO else not_(on_kakao)


def reached_on(chat_id: int, last_channel: str | None) -> Channel:
    """The channel `chats_on` puts a user on, for a user already loaded."""
    if channel_of(chat_id) is Channel.KAKAO or last_channel == Channel.KAKAO.value:
        return Channel.KAKAO
    return Channel.TELEGRAM


async def wrote_last_on(session: AsyncSession, chat_id: int) -> Channel:
    last = await session.scalar(select(User.last_channel).where(User.telegram_id == chat_id))
    return reached_on(chat_id, last)


async def note_channel(session: AsyncSession, chat_id: int, channel: Channel) -> None:
    """Remember where a person with joined accounts wrote last (only when it changes).

    Only a Telegram chat joined to a KakaoTalk account can be reached two ways; for
    everyone else the chat id alone says where they are, and nothing is written. This runs
    on every update, so it reads first: a write would lock an SQLite file every time.
    """
    joined = select(ChannelAccount.id).where(
        ChannelAccount.chat_id == User.telegram_id, ChannelAccount.chat_id > -KAKAO_CHAT_BASE
    )
    changed = await session.scalar(
        select(User.id).where(
            User.telegram_id == chat_id,
            or_(User.last_channel.is_(None), User.last_channel != channel.value),
            joined.exists(),
        )
    )
    if changed is not None:
        await session.execute(
            update(User).where(User.id == changed).values(last_channel=channel.value)
        )


async def create_link_code(session: AsyncSession, chat_id: int, code: str) -> None:
    session.add(ChannelLinkCode(code=code, chat_id=chat_id))
    await session.flush()


async def link_kakao(
    session: AsyncSession, code: str, user_key: str, now: datetime, valid_for: timedelta
) -> int | None:
    """Join a Kakao user key to the chat that made `code`; the chat id, or None if unusable.

    The code is spent in the same transaction, and a key or chat joined before is
    re-joined, so the last link wins.
    """
    chat_id = await session.scalar(
        update(ChannelLinkCode)
        .where(
            ChannelLinkCode.code == code,
            ChannelLinkCode.used_at.is_(None),
            ChannelLinkCode.created_at > now - valid_for,
        )
        .values(used_at=now)
        .returning(ChannelLinkCode.chat_id)
    )
    if chat_id is None:
        return None
    await session.execute(
        delete(ChannelAccount).where(
            or_(
                ChannelAccount.chat_id == chat_id,
                and_(
                    ChannelAccount.channel == Channel.KAKAO.value,
                    ChannelAccount.external_key == user_key,
                ),
            )
        )
    )
    session.add(
        ChannelAccount(channel=Channel.KAKAO.value, external_key=user_key, chat_id=chat_id)
    )
    await session.flush()
    return chat_id


def _kakao_chat_id(user_key: str) -> int:
    digest = hashlib.sha256(user_key.encode()).digest()
    return -(KAKAO_CHAT_BASE + int.from_bytes(digest[:8]) % _KEY_SPACE)


async def kakao_chat(session: AsyncSession, user_key: str) -> int:
    """The chat id of a Kakao user key, registering the key on first sight.

    Every skill request asks, so it reads first: an insert would lock an SQLite file each
    time even when the key is known.
    """
    known = await _kakao_chat_id_of(session, user_key)
    if known is not None:
        return known
    row = {
        "channel": Channel.KAKAO.value,
        "external_key": user_key,
        "chat_id": _kakao_chat_id(user_key),
    }
    await session.execute(
        insert_ignoring_duplicates(
            session, ChannelAccount, [row], [ChannelAccount.channel, ChannelAccount.external_key]
        )
    )
    chat_id = await _kakao_chat_id_of(session, user_key)
    assert chat_id is not None
    return chat_id


async def _kakao_chat_id_of(session: AsyncSession, user_key: str) -> int | None:
    return await session.scalar(
        select(ChannelAccount.chat_id).where(
            ChannelAccount.channel == Channel.KAKAO.value, ChannelAccount.external_key == user_key
        )
    )


async def kakao_key(session: AsyncSession, chat_id: int) -> str | None:
    return await session.scalar(
        select(ChannelAccount.external_key).where(ChannelAccount.chat_id == chat_id)
    )


async def save_push(
    session: AsyncSession, chat_id: int, payload: dict[str, Any], announcement: str
) -> None:
    session.add(ChannelPush(chat_id=chat_id, payload=payload, announcement=announcement))
    await session.flush()


async def find_pushes(
    session: AsyncSession, announcement: str, chat_id: int
) -> list[dict[str, Any]]:
    """The payloads an announcement covers for this chat, in the order they were sent.

    Only the chat's own: one announcement may go to a hundred people at once.
    """
    return list(
        await session.scalars(
            select(ChannelPush.payload)
            .where(ChannelPush.announcement == announcement, ChannelPush.chat_id == chat_id)
            .order_by(ChannelPush.id)
        )
    )


async def load_screen(session: AsyncSession, chat_id: int) -> dict[str, Any] | None:
    return await session.scalar(
        select(ChannelAccount.screen).where(ChannelAccount.chat_id == chat_id)
    )


async def save_screen(session: AsyncSession, chat_id: int, screen: dict[str, Any]) -> None:
    await session.execute(
        update(ChannelAccount).where(ChannelAccount.chat_id == chat_id).values(screen=screen)
    )
