"""Driving job alerts in end-to-end tests: instant alerts on, one tick, what arrived."""

from bot.application import DISPATCH_JOB, NEW_POSTINGS_JOB
from handlers import texts
from tests.support.harness import BotHarness, Chat


async def instant_alerts(chat: Chat) -> None:
    """The senior asks for new postings at once (the default is a morning digest)."""
    await chat.send("/alerts")
    await chat.tap(texts.ALERT_MODE_LABELS["instant"])
    assert "새 공고가 나오면 바로 알려 드릴게요." in chat.last


async def alert_tick(bot: BotHarness) -> None:
    """Match new postings, then send what that queued."""
    await bot.run_job(NEW_POSTINGS_JOB)
    await bot.run_job(DISPATCH_JOB)


def alerts_received(bot: BotHarness, chat: Chat) -> list[str]:
    """The job alerts this chat was sent (cards carry a one-line reason)."""
    return [
        str(call.params["text"])
        for call in bot.calls_to(chat.person.id)
        if call.method == "sendMessage" and "추천 이유" in str(call.params.get("text"))
    ]
