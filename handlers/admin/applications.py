"""Where each senior stands with one posting, and moving them a step on.

관심 → 지원 → 면접 → 합격, or 불합격 from any step before the end. Every move goes
through `move_application`, so the senior is told in kind words (and asked once for
their story at the interview or hire), and is written to the audit log in the same
transaction. Seniors are shown by name and external id, never by phone number. Buttons
carry the application and the step it moves to, and are checked again when pressed: a
step somebody already took gets a clear answer instead of a second message to the senior.
"""

from collections import Counter

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from db.alerts import Applicant, applicants, find_applicant, find_posting
from db.audit import record
from db.models import ApplicationStatus, Posting, User
from handlers import texts
from handlers.admin.postings import APPLY_PREFIX as PREFIX
from handlers.admin.postings import posting_label
from handlers.context import BotContext
from handlers.jobs.cards import Payload
from handlers.jobs.progress import move_application
from handlers.people import person_name
from handlers.replies import Reply, send, send_payload
from handlers.staff import admin_press

PATTERN = rf"^{PREFIX}:(l:\d+|m:\d+:[aihr])$"
S = ApplicationStatus
NEXT_STEP = {S.INTERESTED: S.APPLIED, S.APPLIED: S.INTERVIEW, S.INTERVIEW: S.HIRED}
FINAL = frozenset({S.HIRED, S.REJECTED})
CODES = {S.APPLIED: "a", S.INTERVIEW: "i", S.HIRED: "h", S.REJECTED: "r"}
_STEP_BY_CODE = {code: status for status, code in CODES.items()}


async def applications_button(update: Update, context: BotContext) -> None:
    """[지원 현황] under a posting, and the moves under each senior."""
    pressed = await admin_press(update, context)
    if pressed is None:
        return
    (_, action, number, *step), account = pressed
    if action == "l":
        await _show(update, context, int(number))
    else:
        await _move(update, context, account, int(number), _STEP_BY_CODE[step[0]])


async def _show(update: Update, context: BotContext, posting_id: int) -> None:
    async with context.sessions() as session:
        posting = await find_posting(session, posting_id)
        people = await applicants(session, posting_id)
    if posting is None:
        await send(update, Reply(texts.POSTING_UNKNOWN))
        return
    counts = Counter(person.application.status.value for person in people)
    heading = texts.applications_heading(posting_label(posting), texts.application_counts(counts))
    await send(update, Reply(heading))
    for person in people:
        await send_payload(update, applicant_card(person))


def applicant_card(person: Applicant) -> Payload:
    """The senior, their step, and a button for each step they may move to."""
    status = person.application.status
    text = texts.applicant_line(person_name(person.profile), _key(person), status.value)
    moves = [NEXT_STEP[status]] if status in NEXT_STEP else []
    if status not in FINAL:
        moves.append(S.REJECTED)
    buttons = [
        {
            "text": texts.move_button(step.value),
            "data": f"{PREFIX}:m:{person.application.id}:{CODES[step]}",
        }
        for step in moves
    ]
    return {"text": text, "buttons": [buttons] if buttons else []}


async def _move(
    update: Update, context: BotContext, account: User, application_id: int, step: S
) -> None:
    async with context.sessions.begin() as session:
        person = await find_applicant(session, application_id)
        posting = await find_posting(session, person.application.posting_id) if person else None
        if person is None or posting is None:
            reply = texts.APPLICATION_GONE
        else:
            reply = await _apply(session, context, account, person, posting, step)
    await send(update, Reply(reply))
    if person is not None and posting is not None:
        await send_payload(update, applicant_card(person))


async def _apply(
    session: AsyncSession,
    context: BotContext,
    account: User,
    person: Applicant,
    posting: Posting,
    step: S,
) -> str:
    """Move the senior to `step` if that is still a move from where they are; the answer."""
    name, label = person_name(person.profile), posting_label(posting)
    before = person.application.status
    if step is not NEXT_STEP.get(before) and (step is not S.REJECTED or before in FINAL):
        return texts.progress_unchanged(name, label, before.value)
    await move_application(session, person.user.id, posting, step, context.now())
    target = f"application:{person.application.id}"
    detail = {
        "posting": posting.external_id,
        "senior": _key(person),
        "from": before.value,
        "to": step.value,
    }
    await record(session, account.id, "application.move", target, detail)
    return texts.progress_recorded(name, label, step.value)


def _key(person: Applicant) -> str:
    """The senior's id in the centre's files; the Telegram id, as in the interest notice,
    for those who joined on their own."""
    profile = person.profile
    return profile.external_id if profile and profile.external_id else str(person.user.telegram_id)
