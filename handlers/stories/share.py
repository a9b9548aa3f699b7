"""/share_story: a short guided form for a senior's interview story.

One question at a time, with buttons where the answer is one of a few, '이전' to go
back and '건너뛰기' on the optional ones. The draft lives in the person's scratch data,
which is persisted, so /cancel, a closed phone or a restart loses nothing: /share_story
picks up at the question they were on. Before sending, the senior sees the story exactly
as peers will (masked, company hidden), and the story then waits for an admin.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any

from telegram import Update
from telegram import User as TelegramUser
from telegram.ext import CommandHandler, ConversationHandler, MessageHandler, filters

from db.alerts import admins
from db.models import Profile, StoryOutcome
from db.outbox import enqueue
from db.profiles import load_profile
from db.stories import StoryDraft, submit_story, unsaved_story
from db.users import find_user
from handlers import texts
from handlers.context import BotContext
from handlers.menu import main_menu
from handlers.replies import NO_KEYBOARD, Keyboard, Reply, message_text, rows, send
from handlers.stories.view import story_text
from matching.age import age_band, age_on
from matching.story_fields import FORMATS, parse_format, parse_outcome
from matching.text import normalize

_DRAFT = "story_draft"
_STEP = "story_step"
MAX_TEXT = 2000


class ShareStep(IntEnum):
    ANSWER = 201
    CONFIRM = 202


def _text(shortest: int) -> Callable[[str], str | None]:
    """Free text of at least `shortest` real characters (emoji alone do not count)."""

    def read(answer: str) -> str | None:
        kept = answer.strip()
        return kept if shortest <= len(normalize(kept)) and len(kept) <= MAX_TEXT else None

    return read


def _outcome(answer: str) -> str | None:
    labels = {label: value for value, label in texts.STORY_OUTCOMES.items()}
    return labels.get(normalize(answer)) or parse_outcome(answer)


@dataclass(frozen=True)
class StoryQuestion:
    key: str
    prompt: str
    read: Callable[[str], str | None]
    invalid: str
    options: tuple[str, ...] = ()
    optional: bool = False


QUESTIONS = (
    StoryQuestion(
        "job", texts.STORY_ASK_JOB, _text(2), texts.story_invalid_text("아파트 시설관리 기사")
    ),
    StoryQuestion(
        "industry",
        texts.STORY_ASK_INDUSTRY,
        _text(2),
        texts.story_invalid_text("제조"),
        texts.STORY_INDUSTRIES,
    ),
    StoryQuestion(
        "company",
        texts.STORY_ASK_COMPANY,
        _text(2),
        texts.story_invalid_text("한빛정밀"),
        optional=True,
    ),
    StoryQuestion(
        "interview_format", texts.STORY_ASK_FORMAT, parse_format, texts.STORY_PICK_FORMAT, FORMATS
    ),
    StoryQuestion(
        "questions",
        texts.STORY_ASK_QUESTIONS,
        _text(5),
        texts.story_invalid_text("야간 근무 괜찮으세요?"),
    ),
    StoryQuestion(
        "what_helped",
        texts.STORY_ASK_HELPED,
        _text(5),
        texts.story_invalid_text("예전 일을 숫자로 정리해 갔어요."),
    ),
    StoryQuestion(
        "would_change",
        texts.STORY_ASK_CHANGE,
        _text(2),
        texts.story_invalid_text("질문에 더 짧게 답하겠어요."),
        optional=True,
    ),
    StoryQuestion(
        "outcome",
        texts.STORY_ASK_OUTCOME,
        _outcome,
        texts.STORY_PICK_OUTCOME,
        tuple(texts.STORY_OUTCOMES.values()),
    ),
    StoryQuestion(
        "advice",
        texts.STORY_ASK_ADVICE,
        _text(5),
        texts.story_invalid_text("건강 관리 이야기를 구체적으로 하세요."),
    ),
)


def _question(step: int, note: str | None = None) -> Reply:
    question = QUESTIONS[step]
    controls = (*((texts.BACK,) if step else ()), *((texts.SKIP,) if question.optional else ()))
    keyboard: Keyboard = (*rows(question.options), *((controls,) if controls else ()))
    return Reply(question.prompt, keyboard or NO_KEYBOARD).with_prefix(note or "")


async def start(update: Update, context: BotContext) -> int:
    """/share_story: a new story, or the one left halfway."""
    person = update.effective_user
    assert person is not None
    async with context.sessions() as session:
        account = await find_user(session, person.id)
    if account is None:
        await send(update, Reply(texts.STORY_NEED_ACCOUNT))
        return ConversationHandler.END
    if _DRAFT in context.scratch:
        return await _ask(update, context, context.scratch.get(_STEP, 0), texts.STORY_RESUMED)
    context.scratch[_DRAFT] = {}
    return await _ask(update, context, 0, texts.STORY_INTRO)


async def _ask(update: Update, context: BotContext, step: int, note: str | None = None) -> int:
    context.scratch[_STEP] = step
    if step < len(QUESTIONS):
        await send(update, _question(step, note))
        return ShareStep.ANSWER
    preview = texts.story_preview(story_text(unsaved_story(await _draft(update, context))))
    keyboard = (*rows([texts.STORY_SEND, texts.STORY_RESTART]), (texts.BACK,))
    await send(update, Reply(preview, keyboard).with_prefix(note or ""))
    return ShareStep.CONFIRM


async def answer(update: Update, context: BotContext) -> int:
    step = context.scratch.get(_STEP, 0)
    typed = message_text(update)
    word = normalize(typed)
    question = QUESTIONS[step]
    draft: dict[str, Any] = context.scratch.setdefault(_DRAFT, {})
    if word in texts.BACK_WORDS:
        return await _ask(update, context, max(step - 1, 0))
    if question.optional and word in texts.SKIP_WORDS:
        draft[question.key] = None
        return await _ask(update, context, step + 1)
    value = question.read(typed)
    if value is None:
        await send(update, _question(step, question.invalid))
        return ShareStep.ANSWER
    draft[question.key] = value
    return await _ask(update, context, step + 1)


async def confirm(update: Update, context: BotContext) -> int:
    word = normalize(message_text(update))
    if word in texts.BACK_WORDS:
        return await _ask(update, context, len(QUESTIONS) - 1)
    if word == texts.STORY_RESTART:
        context.scratch[_DRAFT] = {}
        return await _ask(update, context, 0)
    if word != texts.STORY_SEND:
        await send(update, Reply(texts.STORY_PICK_CONFIRM))
        return ShareStep.CONFIRM
    person = update.effective_user
    assert person is not None
    draft = await _draft(update, context)
    async with context.sessions.begin() as session:
        account = await find_user(session, person.id)
        saved = await submit_story(session, draft, account.id if account else None)
        for admin in await admins(session):
            await enqueue(
                session,
                user_id=admin.id,
                kind="story",
                payload={"text": texts.STORY_NEW_FOR_ADMINS},
                dedupe_key=f"story:new:{saved.id}:{admin.id}",
                not_before=context.now(),
            )
    context.scratch.pop(_DRAFT, None)
    context.scratch.pop(_STEP, None)
    await send(update, main_menu().with_prefix(texts.STORY_SENT))
    return ConversationHandler.END


async def _draft(update: Update, context: BotContext) -> StoryDraft:
    """The answers so far, with what we know of the author."""
    person = update.effective_user
    assert person is not None
    async with context.sessions() as session:
        profile = await load_profile(session, person.id)
    draft = dict(context.scratch.get(_DRAFT, {}))
    return StoryDraft(
        job=draft.get("job") or "",
        industry=draft.get("industry") or "",
        company=draft.get("company"),
        interview_format=draft.get("interview_format") or "",
        questions=draft.get("questions") or "",
        what_helped=draft.get("what_helped") or "",
        would_change=draft.get("would_change"),
        advice=draft.get("advice") or "",
        outcome=StoryOutcome(draft.get("outcome") or StoryOutcome.WAITING),
        author_career=_main_career(profile),
        age_band=_age_band(profile, context.today()),
        author_names=_names(profile, person),
    )


def _main_career(profile: Profile | None) -> str | None:
    """The role the author held longest: what peers recognise them by."""
    if profile is None or not profile.careers:
        return None
    return max(profile.careers, key=lambda entry: entry.months or 0).title


def _age_band(profile: Profile | None, today: date) -> str | None:
    if profile is None or profile.birth_year is None:
        return None
    return age_band(age_on(profile.birth_year, today=today))


def _names(profile: Profile | None, person: TelegramUser) -> list[str]:
    """Every spelling of the author's name the text might contain, for masking."""
    first, last = person.first_name or "", person.last_name or ""
    names = [profile.name if profile else None, f"{last}{first}", f"{first} {last}", first]
    return sorted({name.strip() for name in names if name and len(name.strip()) >= 2})


async def not_text(update: Update, context: BotContext) -> int:
    step = context.scratch.get(_STEP, 0)
    if step >= len(QUESTIONS):
        await send(update, Reply(texts.STORY_PICK_CONFIRM))
        return ShareStep.CONFIRM
    await send(update, _question(step, texts.NOT_TEXT))
    return ShareStep.ANSWER


async def stop(update: Update, context: BotContext) -> int:
    await send(update, main_menu().with_prefix(texts.STORY_STOPPED))
    return ConversationHandler.END


ANSWER = filters.TEXT & ~filters.COMMAND
NOT_TEXT = ~filters.TEXT & ~filters.COMMAND


def build_share_conversation() -> ConversationHandler[BotContext]:
    return ConversationHandler(
        entry_points=[CommandHandler("share_story", start)],
        states={
            ShareStep.ANSWER: [MessageHandler(ANSWER, answer), MessageHandler(NOT_TEXT, not_text)],
            ShareStep.CONFIRM: [
                MessageHandler(ANSWER, confirm),
                MessageHandler(NOT_TEXT, not_text),
            ],
        },
        fallbacks=[CommandHandler("cancel", stop), CommandHandler("share_story", start)],
        name="share_story",
        persistent=True,
    )
