"""The visit log form: date, visitor, what was seen, verdict; then the company's standing.

An admin picks a company in /companies ([방문 기록 쓰기]), then presses the reply button
that opens this form. Saving writes the visit and the audit entry in one transaction.
Approval releases the company's open postings to matching (the next alert tick looks at
them); rejection or 보류 withdraws them, including alerts still waiting for the morning.
"""

from datetime import date
from enum import IntEnum

from telegram import Update

from db.alerts import withdraw_alerts
from db.audit import record
from db.companies import find_company_by_id, record_visit
from db.models import User, Vetting
from db.postings import open_posting_ids
from handlers import texts
from handlers.context import BotContext
from handlers.forms import Draft, Form, Invalid, Question, text_reader
from matching.dates import parse_day
from matching.text import normalize

CHOSEN = "visit_company"  # scratch: the company whose [방문 기록 쓰기] was pressed last
MAX_NAME = 100
MAX_NOTES = 2000
_VERDICT_BY_LABEL = {label: Vetting(value) for value, label in texts.VERDICT_NAMES.items()}


def _visit_day(answer: str, today: date) -> str | Invalid:
    """The day of the visit: today, or a day before it ("어제", "11월 20일")."""
    day = parse_day(answer, today, past=True)
    if day is None:
        return Invalid(texts.VISIT_DATE_INVALID)
    if day > today:
        return Invalid(texts.VISIT_DATE_AHEAD)
    return day.isoformat()


def _verdict(answer: str, today: date) -> str | Invalid:
    verdict = _VERDICT_BY_LABEL.get(normalize(answer))
    return verdict.value if verdict else Invalid(texts.VISIT_PICK_VERDICT)


QUESTIONS = (
    Question("visited_on", texts.VISIT_ASK_DATE, _visit_day, (texts.TODAY, texts.YESTERDAY)),
    Question(
        "visitor", texts.VISIT_ASK_VISITOR, text_reader(2, MAX_NAME, texts.VISIT_VISITOR_EXAMPLE)
    ),
    Question("notes", texts.VISIT_ASK_NOTES, text_reader(5, MAX_NOTES, texts.VISIT_NOTES_EXAMPLE)),
    Question("verdict", texts.VISIT_ASK_VERDICT, _verdict, tuple(_VERDICT_BY_LABEL)),
)


class VisitStep(IntEnum):
    ANSWER = 501
    CONFIRM = 502


class VisitForm(Form):
    name = "visit_draft"
    entry = texts.VISIT_START
    questions = QUESTIONS
    answer_state = VisitStep.ANSWER
    confirm_state = VisitStep.CONFIRM

    async def open(self, update: Update, context: BotContext, saved: Draft | None) -> Draft | str:
        company_id = context.scratch.get(CHOSEN)
        if company_id is None:
            return texts.VISIT_PICK_COMPANY
        if saved is not None and saved["extra"]["company_id"] == company_id:
            return saved
        async with context.sessions() as session:
            company = await find_company_by_id(session, company_id)
        if company is None:
            return texts.COMPANY_GONE
        extra = {
            "company_id": company.id,
            "company": company.name,
            "options": {"visitor": [_admin_name(update)]},
        }
        return {"step": 0, "answers": {}, "extra": extra}

    def intro(self, draft: Draft) -> str:
        return texts.visit_intro(draft["extra"]["company"])

    async def preview(self, context: BotContext, draft: Draft) -> str:
        answers = draft["answers"]
        return texts.visit_preview(
            draft["extra"]["company"],
            texts.korean_day(date.fromisoformat(answers["visited_on"])),
            answers["visitor"],
            answers["notes"],
            texts.VERDICT_NAMES[answers["verdict"]],
        )

    async def save(self, context: BotContext, account: User, draft: Draft) -> str:
        answers, company_id = draft["answers"], draft["extra"]["company_id"]
        verdict = Vetting(answers["verdict"])
        async with context.sessions.begin() as session:
            company = await find_company_by_id(session, company_id)
            if company is None:
                return texts.COMPANY_GONE
            await record_visit(
                session,
                company,
                verdict,
                visited_on=date.fromisoformat(answers["visited_on"]),
                visitor=answers["visitor"],
                notes=answers["notes"],
            )
            postings = await open_posting_ids(session, company.id, context.today())
            if verdict is not Vetting.APPROVED:
                await withdraw_alerts(session, postings)
            detail = {
                "company": company.name,
                "verdict": verdict.value,
                "visited_on": answers["visited_on"],
            }
            await record(session, account.id, "company.visit", f"company:{company.id}", detail)
        return texts.visit_saved(company.name, verdict.value, len(postings))


def _admin_name(update: Update) -> str:
    """The admin's name as Koreans write it, family name first: the visitor by default."""
    person = update.effective_user
    assert person is not None
    return f"{person.last_name or ''}{person.first_name}".strip()
