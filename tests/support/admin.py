"""The admin console driven as centre staff would, for tests that need a verdict or a posting."""

from sqlalchemy import select

from db.companies import find_company
from db.models import AuditEntry, Posting
from handlers import texts
from tests.support.harness import BotHarness, Chat

NOTES = "휴게실과 샤워실 있음, 2조 2교대, 통근버스 운행"


async def company_id(bot: BotHarness, name: str) -> int:
    async with bot.application.bot_data.sessions() as session:
        company = await find_company(session, name)
    assert company is not None
    return company.id


async def posting_id(bot: BotHarness, external_id: str) -> int:
    async with bot.application.bot_data.sessions() as session:
        found = await session.scalar(select(Posting.id).where(Posting.external_id == external_id))
    assert found is not None
    return found


async def visit_in_chat(bot: BotHarness, admin: Chat, company: str, verdict: str) -> str:
    """Log a visit to `company` today with `verdict` (승인, 거절, 보류); the bot's answer."""
    await admin.press_data(f"cm:v:{await company_id(bot, company)}")
    await admin.press(texts.VISIT_START)
    await admin.press(texts.TODAY)
    await admin.send("박지현")
    await admin.send(NOTES)
    await admin.press(verdict)
    await admin.press(texts.FORM_SAVE)
    return admin.last


async def audit_entries(bot: BotHarness, action: str) -> list[AuditEntry]:
    async with bot.application.bot_data.sessions() as session:
        result = await session.scalars(
            select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
        )
        return list(result)
