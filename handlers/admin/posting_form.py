"""The "공고 추가하기" form: one posting typed in the chat, for when a CSV file is too much.

Company, title, region, pay, employment type, experience, age, certificates, description,
deadline, start and headcount, the optional ones skippable. Each answer is read by the
parser matching uses for that field (the same the CSV import relies on), and refused
with an example when nothing could be read, so a typed posting matches like an imported
one. The preview is the card seniors will see. The posting gets an external id of its
own ("C-" and a readable code) and is written with its audit entry in one transaction.
"""

from collections.abc import Callable
from datetime import date
from enum import IntEnum

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from db.audit import record
from db.companies import company_names, find_company, get_or_add_company
from db.models import Company, Posting, User, Vetting
from db.postings import posting_key_taken, upsert_postings
from handlers import texts
from handlers.admin.posting_fields import PostingFields, headcount_of
from handlers.codes import readable_code
from handlers.context import BotContext
from handlers.forms import Draft, Form, Invalid, Question, Reader, text_reader
from handlers.jobs.cards import details
from matching.dates import always_open, parse_day
from matching.employment import EMPLOYMENT_LABELS, parse_employment_types
from matching.pay import parse_pay
from matching.postings import (
    parse_age,
    parse_experience,
    parse_salary,
    parse_start,
    region_problem,
    title_problem,
)
from matching.text import compact, split_items

LAST_COMPANY = "posting_company"  # scratch: the company whose postings were viewed last
KEY_PREFIX = "C-"
KEY_LENGTH = 6
COMPANY_BUTTONS = 8
MAX_CERTIFICATES = 10
MAX_CERTIFICATE = 40
_NO_CONDITION = ("무관", "누구나")
_NEW_STARTERS = ("신입", "초보", "경험없")


def _checked(check: Callable[[str], str | None], longest: int, example: str) -> Reader:
    """The answer as typed, if `check` finds no problem in it; else the problem and `example`."""

    def read(answer: str, today: date) -> str | Invalid:
        kept = answer.strip()
        if len(kept) > longest:
            return Invalid(texts.form_invalid_text(longest, example))
        problem = check(kept)
        return Invalid(texts.form_problem(problem, example)) if problem else kept

    return read


def _read_by(understood: Callable[[str], bool]) -> Callable[[str], str | None]:
    """A check that refuses what the field's parser cannot read."""
    return lambda answer: None if understood(answer) else texts.POSTING_UNREADABLE


def _pay_read(answer: str) -> bool:
    """A figure, or words that say there is none yet ("회사내규에 따름", "협의")."""
    return parse_salary(answer) is not None or parse_pay(answer) is not None


def _employment_read(answer: str) -> bool:
    return parse_employment_types(answer) is not None


def _experience_read(answer: str) -> bool:
    months, preferred = parse_experience(answer)
    spaceless = compact(answer)
    return (
        months is not None
        or preferred
        or any(word in spaceless for word in (*_NO_CONDITION, *_NEW_STARTERS))
    )


def _age_read(answer: str) -> bool:
    low, high, _ = parse_age(answer)
    return low is not None or high is not None or any(w in compact(answer) for w in _NO_CONDITION)


def _certificates(answer: str, today: date) -> list[str] | Invalid:
    items = split_items(answer)
    if not items or len(items) > MAX_CERTIFICATES or max(map(len, items)) > MAX_CERTIFICATE:
        return Invalid(texts.POSTING_CERTIFICATES_INVALID)
    return items


def _deadline(answer: str, today: date) -> str | Invalid | None:
    """The last day to apply; "상시 채용" (or skipping) means none.

    A day wins over the words around it: "12월 20일 (채용 시 조기 마감)" ends on the 20th.
    """
    day = parse_day(answer, today)
    if day is None:
        return None if always_open(answer) else Invalid(texts.POSTING_DEADLINE_INVALID)
    if day < today:
        return Invalid(texts.POSTING_DEADLINE_PAST)
    return day.isoformat()


def _start(answer: str, today: date) -> str | Invalid:
    """ "즉시" and the like as typed; a day as 2026-12-01, the form matching reads."""
    if parse_start(answer)[0]:
        return answer.strip()
    day = parse_day(answer, today)
    if day is None or day < today:
        return Invalid(texts.POSTING_START_INVALID)
    return day.isoformat()


def _headcount(answer: str, today: date) -> int | Invalid:
    count = headcount_of(answer)
    return Invalid(texts.POSTING_HEADCOUNT_INVALID) if count is None else count


QUESTIONS = (
    Question(
        "company", texts.POSTING_ASK_COMPANY, text_reader(2, 100, texts.POSTING_COMPANY_EXAMPLE)
    ),
    Question(
        "title",
        texts.POSTING_ASK_TITLE,
        _checked(title_problem, 200, texts.POSTING_TITLE_EXAMPLE),
    ),
    Question(
        "region",
        texts.POSTING_ASK_REGION,
        _checked(region_problem, 200, texts.POSTING_REGION_EXAMPLE),
    ),
    Question(
        "salary",
        texts.POSTING_ASK_PAY,
        _checked(_read_by(_pay_read), 200, texts.POSTING_PAY_EXAMPLE),
        (texts.POSTING_PAY_BY_RULES,),
        optional=True,
    ),
    Question(
        "employment_type",
        texts.POSTING_ASK_EMPLOYMENT,
        _checked(_read_by(_employment_read), 100, texts.POSTING_EMPLOYMENT_EXAMPLE),
        tuple(EMPLOYMENT_LABELS.values()),
        optional=True,
    ),
    Question(
        "experience",
        texts.POSTING_ASK_EXPERIENCE,
        _checked(_read_by(_experience_read), 200, texts.POSTING_EXPERIENCE_EXAMPLE),
        (texts.ANY,),
        optional=True,
    ),
    Question(
        "age",
        texts.POSTING_ASK_AGE,
        _checked(_read_by(_age_read), 200, texts.POSTING_AGE_EXAMPLE),
        (texts.ANY,),
        optional=True,
    ),
    Question("certificates", texts.POSTING_ASK_CERTIFICATES, _certificates, optional=True),
    Question(
        "description",
        texts.POSTING_ASK_DESCRIPTION,
        text_reader(2, 2000, texts.POSTING_DESCRIPTION_EXAMPLE),
        optional=True,
    ),
    Question(
        "deadline", texts.POSTING_ASK_DEADLINE, _deadline, (texts.ALWAYS_OPEN,), optional=True
    ),
    Question("start", texts.POSTING_ASK_START, _start, (texts.START_NOW,), optional=True),
    Question("headcount", texts.POSTING_ASK_HEADCOUNT, _headcount, optional=True),
)


class PostingStep(IntEnum):
    ANSWER = 601
    CONFIRM = 602


class PostingForm(Form):
    name = "posting_draft"
    entry = texts.POSTING_ADD
    questions = QUESTIONS
    answer_state = PostingStep.ANSWER
    confirm_state = PostingStep.CONFIRM

    async def open(self, update: Update, context: BotContext, saved: Draft | None) -> Draft | str:
        if saved is not None:
            return saved
        async with context.sessions() as session:
            names = await company_names(session, COMPANY_BUTTONS)
        viewed = context.scratch.get(LAST_COMPANY)
        options = [viewed, *names] if viewed else names
        return {"step": 0, "answers": {}, "extra": {"options": {"company": options}}}

    def intro(self, draft: Draft) -> str:
        return texts.POSTING_FORM_INTRO

    async def preview(self, context: BotContext, draft: Draft) -> str:
        fields = _fields(draft)
        async with context.sessions() as session:
            company = await find_company(session, fields.company)
        vetting = company.vetting if company else None
        shown = Company(name=fields.company, vetting=vetting or Vetting.PENDING)
        card = details(Posting(external_id="", company=shown, **fields.columns()))
        return texts.posting_preview(card["text"], _what_happens(vetting))

    async def save(self, context: BotContext, account: User, draft: Draft) -> str:
        fields = _fields(draft)
        async with context.sessions.begin() as session:
            key = await _new_key(session)
            company, _ = await get_or_add_company(session, fields.company)
            await upsert_postings(session, [(key, company.id, fields.columns())])
            detail = {"company": company.name, "title": fields.title}
            await record(session, account.id, "posting.add", f"posting:{key}", detail)
        return texts.posting_added(key, _what_happens(company.vetting))


def _fields(draft: Draft) -> PostingFields:
    answers = draft["answers"]
    deadline = answers.get("deadline")
    return PostingFields(
        title=answers["title"],
        company=answers["company"],
        region=answers["region"],
        salary=answers.get("salary") or "",
        employment_type=answers.get("employment_type") or "",
        experience=answers.get("experience") or "",
        age=answers.get("age") or "",
        certificates=tuple(answers.get("certificates") or ()),
        description=answers.get("description") or "",
        deadline=date.fromisoformat(deadline) if deadline else None,
        start=answers.get("start") or "",
        headcount=answers.get("headcount"),
    )


def _what_happens(vetting: Vetting | None) -> str:
    """Whether the posting will reach seniors, which hangs on the company's vetting."""
    if vetting is None:
        return texts.POSTING_NEW_COMPANY
    return texts.POSTING_ALERTS_BY_VETTING[vetting.value]


async def _new_key(session: AsyncSession) -> str:
    """A fresh external id for a posting added in the chat."""
    while True:
        key = f"{KEY_PREFIX}{readable_code(KEY_LENGTH)}"
        if not await posting_key_taken(session, key):
            return key
