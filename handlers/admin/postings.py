"""Postings for admins: the open ones (/postings) or one company's, and closing one.

Each posting shows how many seniors are at each step of applying, with [지원 현황]
(handlers/admin/applications.py) and, while open, [마감하기]. Closing asks once more,
sets `closed_at` (so alerts, digests and /jobs leave it out), drops its alerts still
waiting in the outbox and is written to the audit log. A second press, or an old
button, is told the posting is closed already. New postings come through the
"공고 추가하기" form (handlers/admin/posting_form.py), offered under every list.
"""

from datetime import date

from telegram import Update

from db.alerts import application_counts, find_posting, withdraw_alerts
from db.audit import record
from db.companies import find_company_by_id
from db.models import ApplicationStatus, Posting, Role, User
from db.postings import close_posting, company_postings, newest_open_postings
from handlers import texts
from handlers.admin.posting_form import LAST_COMPANY
from handlers.context import BotContext
from handlers.jobs.cards import Payload
from handlers.replies import Reply, send, send_payload
from handlers.staff import admin_press, staff_account

PREFIX = "pj"
PATTERN = rf"^{PREFIX}:[lcyn]:\d+$"
APPLY_PREFIX = "ap"
PAGE = 5
COMPANY_LIMIT = 10
ADD_KEYBOARD = ((texts.POSTING_ADD,),)


async def list_postings(update: Update, context: BotContext) -> None:
    """/postings: open postings, newest first, and the button that adds one."""
    if await staff_account(update, context, Role.ADMIN) is None:
        return
    await _show_open(update, context, 0)


async def posting_button(update: Update, context: BotContext) -> None:
    """더 보기, 마감하기 → 네, 마감해요 / 아니요."""
    pressed = await admin_press(update, context)
    if pressed is None:
        return
    (_, action, number), account = pressed
    if action == "l":
        await _show_open(update, context, int(number))
    elif action == "c":
        await _confirm_close(update, context, int(number))
    elif action == "n":
        await send(update, Reply(texts.STOP_KEPT))
    else:
        await send(update, Reply(await _close(context, account, int(number))))


async def show_company_postings(update: Update, context: BotContext, company_id: int) -> None:
    """[공고 보기] under a company: its postings, open or not, newest first."""
    async with context.sessions() as session:
        company = await find_company_by_id(session, company_id)
        postings = await company_postings(session, company_id, COMPANY_LIMIT)
        counts = await application_counts(session, [posting.id for posting in postings])
    if company is None:
        await send(update, Reply(texts.COMPANY_GONE))
        return
    context.scratch[LAST_COMPANY] = company.name
    heading = texts.company_postings_heading(company.name, len(postings))
    await send(update, Reply(heading, ADD_KEYBOARD))
    today = context.today()
    for posting in postings:
        await send_payload(update, posting_card(posting, counts.get(posting.id, {}), today))


async def _show_open(update: Update, context: BotContext, offset: int) -> None:
    today = context.today()
    async with context.sessions() as session:
        postings, total = await newest_open_postings(session, today, offset=offset, limit=PAGE)
        counts = await application_counts(session, [posting.id for posting in postings])
    if offset == 0:
        await send(update, Reply(texts.open_postings_heading(total), ADD_KEYBOARD))
    for posting in postings:
        await send_payload(update, posting_card(posting, counts.get(posting.id, {}), today))
    if offset + PAGE < total:
        more = [[{"text": texts.BUTTON_MORE, "data": f"{PREFIX}:l:{offset + PAGE}"}]]
        await send_payload(update, {"text": texts.MORE_PROMPT, "buttons": more})


def posting_card(posting: Posting, counts: dict[ApplicationStatus, int], today: date) -> Payload:
    """The posting in short, whether it is open, and where its applicants stand."""
    if posting.closed_at is not None:
        state = texts.POSTING_STATE_CLOSED
    elif posting.deadline is not None and posting.deadline < today:
        state = texts.POSTING_STATE_EXPIRED
    else:
        state = texts.deadline_text(posting.deadline)
    text = texts.admin_posting_card(
        posting.external_id,
        posting_label(posting),
        posting.region,
        state,
        texts.application_counts({status.value: n for status, n in counts.items()}),
    )
    buttons = [{"text": texts.BUTTON_APPLICATIONS, "data": f"{APPLY_PREFIX}:l:{posting.id}"}]
    if posting.closed_at is None:
        buttons.append({"text": texts.BUTTON_CLOSE_POSTING, "data": f"{PREFIX}:c:{posting.id}"})
    return {"text": text, "buttons": [buttons]}


async def _confirm_close(update: Update, context: BotContext, posting_id: int) -> None:
    async with context.sessions() as session:
        posting = await find_posting(session, posting_id)
    if posting is None or posting.closed_at is not None:
        await send(update, Reply(texts.POSTING_CLOSED))
        return
    buttons = [
        [
            {"text": texts.BUTTON_CLOSE_YES, "data": f"{PREFIX}:y:{posting.id}"},
            {"text": texts.BUTTON_CLOSE_NO, "data": f"{PREFIX}:n:{posting.id}"},
        ]
    ]
    await send_payload(
        update, {"text": texts.confirm_close(posting_label(posting)), "buttons": buttons}
    )


async def _close(context: BotContext, account: User, posting_id: int) -> str:
    """Close the posting and withdraw its waiting alerts, with the audit entry."""
    async with context.sessions.begin() as session:
        posting = await find_posting(session, posting_id)
        if posting is None or not await close_posting(session, posting.id, context.now()):
            return texts.POSTING_CLOSED
        await withdraw_alerts(session, [posting.id])
        detail = {"title": posting.title, "company": posting.company.name}
        await record(
            session, account.id, "posting.close", f"posting:{posting.external_id}", detail
        )
    return texts.posting_closed(posting_label(posting))


def posting_label(posting: Posting) -> str:
    """ "(주)한빛정밀 · 품질관리 담당", as the senior's progress messages name a posting."""
    return f"{posting.company.name} · {posting.title}"
