"""/programmes: programmes a senior may join (internship cohorts), read and applied to in
the chat. Their profile is the application, so applying is one press.

Buttons name their programme, so an old card still works: a programme closed since, or
one the senior does not qualify for (forged or outdated data), gets a kind answer.
"""

from datetime import date

from telegram import Update

from db.models import Profile, Programme, ProgrammeStatus
from db.profiles import load_profile
from db.programmes import STILL_OPEN, apply, find_programme, open_programmes, statuses_of, withdraw
from db.users import find_user
from handlers import texts
from handlers.context import BotContext
from handlers.jobs.cards import Payload
from handlers.replies import Reply, pressed, send, send_payload
from matching.programmes import Eligibility
from matching.regions import region_by_key
from matching.schedule import korean_date

PROGRAMME_PREFIX = "prog"
DETAILS, APPLY, WITHDRAW = "d", "a", "w"


async def show_programmes(update: Update, context: BotContext) -> None:
    """Open programmes the senior may apply to, each with where their application stands."""
    person = update.effective_user
    assert person is not None
    today = korean_date(context.now())
    async with context.sessions() as session:
        profile = await load_profile(session, person.id)
        if profile is None or profile.completed_at is None or profile.user_id is None:
            await send(update, Reply(texts.JOBS_NEED_PROFILE))
            return
        fitting = [p for p in await open_programmes(session, today) if _admits(p, profile, today)]
        statuses = await statuses_of(session, profile.user_id)
    if not fitting:
        await send(update, Reply(texts.PROGRAMMES_NONE))
        return
    await send(update, Reply(texts.programmes_title(len(fitting))))
    for programme in fitting:
        await send_payload(update, programme_card(programme, statuses.get(programme.id)))


async def programme_button(update: Update, context: BotContext) -> None:
    """자세히 / 신청하기 / 신청 취소 under a programme card."""
    press = await pressed(update)
    if press is None:
        return
    _, action, programme_id = press.parts
    today = korean_date(context.now())
    async with context.sessions.begin() as session:
        account = await find_user(session, press.person_id)
        profile = await load_profile(session, press.person_id)
        programme = await find_programme(session, int(programme_id))
        if account is None or profile is None or profile.completed_at is None:
            reply: Payload = {"text": texts.JOBS_NEED_PROFILE}
        elif programme is None or not programme.apply_from <= today <= programme.apply_until:
            reply = {"text": texts.PROGRAMME_CLOSED}
        elif not _admits(programme, profile, today):
            reply = {"text": texts.PROGRAMME_NOT_ELIGIBLE}
        elif action == DETAILS:
            status = (await statuses_of(session, account.id)).get(programme.id)
            reply = _details(programme, status)
        elif action == APPLY:
            applied = await apply(session, account.id, programme.id)
            reply = {
                "text": texts.PROGRAMME_APPLIED if applied else texts.PROGRAMME_APPLIED_ALREADY
            }
        else:
            withdrawn = await withdraw(session, account.id, programme.id)
            reply = {
                "text": texts.PROGRAMME_WITHDRAWN
                if withdrawn
                else texts.PROGRAMME_NOTHING_TO_WITHDRAW
            }
    await send_payload(update, reply)


def eligibility_of(programme: Programme) -> Eligibility:
    return Eligibility(programme.age_min, programme.age_max, tuple(programme.residence))


def _admits(programme: Programme, profile: Profile, today: date) -> bool:
    return eligibility_of(programme).admits(profile.birth_year, profile.regions or [], today)


def _headline(programme: Programme) -> list[str]:
    return texts.programme_card_lines(
        programme.name,
        programme.organiser,
        programme.places,
        programme.apply_until,
        (programme.active_from, programme.active_until),
    )


def programme_card(
    programme: Programme, status: ProgrammeStatus | None, lead: str = ""
) -> Payload:
    """The programme in three lines, where the senior's application stands, and buttons."""
    lines = [lead, *_headline(programme)] if lead else _headline(programme)
    if status is not None:
        lines.append(texts.PROGRAMME_STATUS_LABELS[status.value])
    details = _button(texts.BUTTON_DETAILS, DETAILS, programme)
    return {"text": "\n".join(lines), "buttons": [[details, *_actions(programme, status)]]}


def _details(programme: Programme, status: ProgrammeStatus | None) -> Payload:
    places = [region.label for key in programme.residence if (region := region_by_key(key))]
    lines = [
        *_headline(programme),
        *texts.programme_details_lines(
            partners=programme.partners,
            who=texts.programme_who((programme.age_min, programme.age_max), places),
            apply=(programme.apply_from, programme.apply_until),
            training_hours=programme.training_hours,
            hour_cap=programme.monthly_hour_cap,
            allowance=programme.monthly_allowance,
        ),
        "",
        programme.description,
    ]
    actions = _actions(programme, status)
    return {"text": "\n".join(lines), "buttons": [actions] if actions else []}


def _actions(programme: Programme, status: ProgrammeStatus | None) -> list[dict[str, str]]:
    """신청하기 until they apply, 신청 취소 until the result; nothing once it is out."""
    if status in STILL_OPEN:
        return [_button(texts.BUTTON_WITHDRAW, WITHDRAW, programme)]
    if status is None or status is ProgrammeStatus.WITHDRAWN:
        return [_button(texts.BUTTON_APPLY, APPLY, programme)]
    return []


def _button(text: str, action: str, programme: Programme) -> dict[str, str]:
    return {"text": text, "data": f"{PROGRAMME_PREFIX}:{action}:{programme.id}"}
