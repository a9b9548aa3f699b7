"""/companies (admins): companies by vetting status, with their last visit and postings.

The first message counts the companies at each status, with a button per list; the
companies waiting for a visit follow at once, as they are the ones needing work. Each
company offers [방문 기록 쓰기] (which readies the visit form, opened by a reply button,
handlers/admin/visits.py) and [공고 보기]. Buttons carry what they act on and are
checked again when pressed, so an old one gets a clear answer.
"""

from telegram import Update

from db.companies import companies_by_vetting, find_company_by_id, vetting_counts
from db.models import Company, Role, Vetting
from handlers import texts
from handlers.admin.postings import show_company_postings
from handlers.admin.visits import CHOSEN
from handlers.context import BotContext
from handlers.jobs.cards import Payload
from handlers.replies import Reply, send, send_payload
from handlers.staff import admin_press, staff_account

PREFIX = "cm"
PATTERN = rf"^{PREFIX}:(l:({'|'.join(Vetting)}):\d+|[vp]:\d+)$"
PAGE = 5


async def list_companies(update: Update, context: BotContext) -> None:
    """/companies: how many companies stand where, then those waiting for a visit."""
    if await staff_account(update, context, Role.ADMIN) is None:
        return
    async with context.sessions() as session:
        counts = await vetting_counts(session)
    buttons = [
        {"text": texts.vetting_filter(vetting.value, counts[vetting]), "data": _page(vetting, 0)}
        for vetting in Vetting
    ]
    heading = texts.companies_heading(sum(counts.values()))
    await send_payload(update, {"text": heading, "buttons": [buttons]})
    if counts[Vetting.PENDING]:
        await _show_page(update, context, Vetting.PENDING, 0)


async def company_button(update: Update, context: BotContext) -> None:
    """A status list (and its 더 보기), 방문 기록 쓰기, 공고 보기."""
    press = await admin_press(update, context)
    if press is None:
        return
    (_, action, *rest), _ = press
    if action == "l":
        await _show_page(update, context, Vetting(rest[0]), int(rest[1]))
    elif action == "v":
        await _ready_visit(update, context, int(rest[0]))
    else:
        await show_company_postings(update, context, int(rest[0]))


async def _show_page(update: Update, context: BotContext, vetting: Vetting, offset: int) -> None:
    async with context.sessions() as session:
        found = await companies_by_vetting(
            session, vetting, context.today(), offset=offset, limit=PAGE + 1
        )
    if not found:
        await send(update, Reply(texts.companies_none(vetting.value)))
        return
    for company, open_postings in found[:PAGE]:
        await send_payload(update, company_card(company, open_postings))
    if len(found) > PAGE:
        more = [[{"text": texts.BUTTON_MORE, "data": _page(vetting, offset + PAGE)}]]
        await send_payload(update, {"text": texts.MORE_PROMPT, "buttons": more})


def company_card(company: Company, open_postings: int) -> Payload:
    """The company, where it stands, its last visit and its open postings, with two buttons."""
    visit = company.visits[-1] if company.visits else None
    last_visit = (
        texts.last_visit(
            texts.korean_day(visit.visited_on) if visit.visited_on else None,
            visit.visitor,
            visit.verdict.value,
        )
        if visit
        else texts.NOT_VISITED
    )
    text = texts.company_card(
        company.name,
        company.vetting.value,
        " · ".join(part for part in (company.industry, company.region) if part),
        last_visit,
        open_postings,
    )
    buttons = [
        {"text": texts.BUTTON_WRITE_VISIT, "data": f"{PREFIX}:v:{company.id}"},
        {"text": texts.BUTTON_SHOW_POSTINGS, "data": f"{PREFIX}:p:{company.id}"},
    ]
    return {"text": text, "buttons": [buttons]}


async def _ready_visit(update: Update, context: BotContext, company_id: int) -> None:
    """Remember the company and offer the reply button that opens the visit form."""
    async with context.sessions() as session:
        company = await find_company_by_id(session, company_id)
    if company is None:
        await send(update, Reply(texts.COMPANY_GONE))
        return
    context.scratch[CHOSEN] = company.id
    await send(update, Reply(texts.visit_ready(company.name), ((texts.VISIT_START,),)))


def _page(vetting: Vetting, offset: int) -> str:
    return f"{PREFIX}:l:{vetting.value}:{offset}"
