"""/screening: staff see each programme's applicants and the live competition ratio, tell
the seniors it admits (and no one else), and move applications along: 서류 통과, 면접, 선정,
탈락.

Every move is one conditional statement (two staff pressing at once move it once), is
written to the audit log, and tells the senior through the outbox in the same
transaction. Buttons carry the application and the step; a step already taken, or an
application withdrawn since, gets a clear answer and nothing is sent twice.
"""

from collections import Counter

from telegram import Update

from db.audit import record
from db.models import ProgrammeStatus, Role, User
from db.outbox import NewMessage, enqueue, enqueue_many
from db.programmes import (
    ProgrammeApplicant,
    candidates,
    find_programme,
    find_programme_applicant,
    move_programme_application,
    programme_applicants,
    running_programmes,
    status_counts,
)
from handlers import texts
from handlers.context import BotContext
from handlers.jobs.cards import Payload
from handlers.people import person_name
from handlers.profile.fields import career_line
from handlers.programmes import eligibility_of, programme_card
from handlers.replies import Reply, send, send_payload
from handlers.staff import admin_press, staff_account
from matching.age import age_on
from matching.regions import region_by_key
from matching.schedule import first_allowed, korean_date

PREFIX = "pgs"
PATTERN = rf"^{PREFIX}:(l:\d+|t:\d+|m:\d+:[siyn])$"
P = ProgrammeStatus
MOVES = {
    P.APPLIED: (P.SHORTLISTED, P.INTERVIEW, P.SELECTED, P.DECLINED),
    P.SHORTLISTED: (P.INTERVIEW, P.SELECTED, P.DECLINED),
    P.INTERVIEW: (P.SELECTED, P.DECLINED),
}
"""Where an application may go from each status; none from a result or a withdrawal."""
CODES = {P.SHORTLISTED: "s", P.INTERVIEW: "i", P.SELECTED: "y", P.DECLINED: "n"}
_STEP_BY_CODE = {code: status for status, code in CODES.items()}


async def show_screening(update: Update, context: BotContext) -> None:
    """Each programme not over yet, with applications standing per place."""
    if await staff_account(update, context, Role.ADMIN) is None:
        return
    today = korean_date(context.now())
    async with context.sessions() as session:
        programmes = await running_programmes(session, today)
        counts = await status_counts(session, [programme.id for programme in programmes])
    if not programmes:
        await send(update, Reply(texts.SCREENING_NONE))
        return
    for programme in programmes:
        counted = counts.get(programme.id, Counter())
        standing = sum(n for status, n in counted.items() if status is not P.WITHDRAWN)
        line = texts.screening_line(
            programme.name, standing, programme.places, counted.get(P.SELECTED, 0)
        )
        buttons = [
            {"text": texts.BUTTON_APPLICANTS, "data": f"{PREFIX}:l:{programme.id}"},
            {"text": texts.BUTTON_ANNOUNCE, "data": f"{PREFIX}:t:{programme.id}"},
        ]
        await send_payload(update, {"text": line, "buttons": [buttons]})


async def screening_button(update: Update, context: BotContext) -> None:
    """[신청자 보기] under a programme, and the moves under each applicant."""
    pressed = await admin_press(update, context)
    if pressed is None:
        return
    (_, action, number, *step), account = pressed
    if action == "l":
        await _show_applicants(update, context, int(number))
    elif action == "t":
        await _announce(update, context, account, int(number))
    else:
        await _move(update, context, account, int(number), _STEP_BY_CODE[step[0]])


async def _show_applicants(update: Update, context: BotContext, programme_id: int) -> None:
    async with context.sessions() as session:
        programme = await find_programme(session, programme_id)
        people = await programme_applicants(session, programme_id) if programme else []
    if programme is None:
        await send(update, Reply(texts.PROGRAMME_CLOSED))
        return
    if not people:
        await send(update, Reply(texts.SCREENING_NO_APPLICANTS))
        return
    await send(update, Reply(texts.screening_heading(programme.name, len(people))))
    for person in people:
        await send_payload(update, _card(person, person.application.status, context))


async def _announce(update: Update, context: BotContext, account: User, programme_id: int) -> None:
    """Tell every senior the programme admits, once each, through the outbox (quiet
    nights kept); pressing again tells only those who were not told yet."""
    now = context.now()
    today = korean_date(now)
    async with context.sessions.begin() as session:
        programme = await find_programme(session, programme_id)
        if programme is None or not programme.apply_from <= today <= programme.apply_until:
            await send(update, Reply(texts.ANNOUNCE_CLOSED))
            return
        rule = eligibility_of(programme)
        admitted = [
            person
            for person in await candidates(session)
            if rule.admits(person.birth_year, person.regions, today)
        ]
        payload = programme_card(programme, None, lead=texts.PROGRAMME_ANNOUNCE_LEAD)
        messages = [
            NewMessage(
                user_id=person.user_id,
                kind="programme",
                payload=payload,
                dedupe_key=f"programme:{programme.id}:announce:{person.user_id}",
                not_before=first_allowed(now, quiet_nights=person.quiet_nights),
            )
            for person in admitted
        ]
        queued = await enqueue_many(session, messages)
        detail = {"programme": programme.external_id, "eligible": len(admitted), "told": queued}
        await record(
            session, account.id, "programme.announce", f"programme:{programme.id}", detail
        )
    await send(update, Reply(texts.programme_announced(len(admitted), queued)))


async def _move(
    update: Update, context: BotContext, account: User, application_id: int, step: P
) -> None:
    async with context.sessions.begin() as session:
        person = await find_programme_applicant(session, application_id)
        programme = (
            await find_programme(session, person.application.programme_id) if person else None
        )
        if person is None or programme is None:
            await send(update, Reply(texts.SCREENING_GONE))
            return
        name = person_name(person.profile)
        before = person.application.status
        moved = step in MOVES.get(before, ()) and await move_programme_application(
            session, application_id, [before], step
        )
        now_at = step if moved else before
        if not moved:
            reply = texts.screening_unchanged(name, before.value)
        else:
            await enqueue(
                session,
                user_id=person.user.id,
                kind="progress",
                payload={"text": texts.programme_result(programme.name, step.value)},
                dedupe_key=f"programme:{application_id}:{step.value}",
                not_before=context.now(),
            )
            detail = {"programme": programme.external_id, "from": before.value, "to": step.value}
            await record(
                session,
                account.id,
                "programme.move",
                f"programme_application:{application_id}",
                detail,
            )
            reply = texts.screening_moved(name, step.value)
    await send(update, Reply(reply))
    await send_payload(update, _card(person, now_at, context))


def _card(person: ProgrammeApplicant, status: ProgrammeStatus, context: BotContext) -> Payload:
    """The applicant as their profile says, their status, and the moves left from it."""
    profile = person.profile
    key = profile.external_id if profile and profile.external_id else str(person.user.telegram_id)
    who = f"{person_name(profile)} ({key})"
    about: list[str] = []
    if profile is not None:
        today = korean_date(context.now())
        if profile.birth_year:
            about.append(f"{age_on(profile.birth_year, today=today)}세")
        labels = [r.label for k in profile.regions or [] if (r := region_by_key(k))]
        about += [", ".join(labels), ", ".join(profile.desired_jobs or []), career_line(profile)]
    buttons = [
        {
            "text": texts.SCREENING_STATUS_LABELS[step.value],
            "data": f"{PREFIX}:m:{person.application.id}:{CODES[step]}",
        }
        for step in MOVES.get(status, ())
    ]
    text = texts.screening_card(who, " · ".join(part for part in about if part), status.value)
    return {"text": text, "buttons": [buttons] if buttons else []}
