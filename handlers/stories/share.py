"""/share_story: a short guided form for a senior's interview story.

One question at a time, with buttons where the answer is one of a few, '이전' to go
back and '건너뛰기' on the optional ones (the engine of handlers/forms.py). The draft
lives in the person's scratch data, which is persisted, so /cancel, a closed phone or a
restart loses nothing: /share_story picks up at the question they were on. Before
sending, the senior sees the story exactly as peers will (masked, company hidden), and
the story then waits for an admin.
"""

from collections.abc import Callable
from datetime import date
from enum import IntEnum
from typing import Any

from telegram import Update
from telegram import User as TelegramUser
from telegram.ext import ConversationHandler

from db.alerts import admins
from db.models import Profile, StoryOutcome, User
from db.outbox import enqueue
from db.profiles import load_profile
from db.stories import StoryDraft, submit_story, unsaved_story
from db.users import find_user
from handlers import texts
from handlers.context import BotContext
from handlers.forms import Draft, Form, Invalid, Question, Reader, forms_conversation
from handlers.menu import main_menu
from handlers.replies import Reply, send
from handlers.stories.view import story_text
from matching.age import age_band, age_on
from matching.story_fields import FORMATS, parse_format, parse_outcome
from matching.text import normalize

MAX_TEXT = 2000


class ShareStep(IntEnum):
    ANSWER = 201
    CONFIRM = 202


def _reader(read: Callable[[str], str | None], hint: str) -> Reader:
    """A reader that explains, with `hint`, an answer `read` could not use."""

    def reader(answer: str, today: date) -> str | Invalid:
        value = read(answer)
        return Invalid(hint) if value is None else value

    return reader


def _text(shortest: int, example: str) -> Reader:
    """Free text of at least `shortest` real characters (emoji alone do not count)."""

    def read(answer: str) -> str | None:
        kept = answer.strip()
        return kept if shortest <= len(normalize(kept)) and len(kept) <= MAX_TEXT else None

    return _reader(read, texts.story_invalid_text(example))


def _outcome(answer: str) -> str | None:
    labels = {label: value for value, label in texts.STORY_OUTCOMES.items()}
    return labels.get(normalize(answer)) or parse_outcome(answer)


QUESTIONS = (
    Question("job", texts.STORY_ASK_JOB, _text(2, "아파트 시설관리 기사")),
    Question("industry", texts.STORY_ASK_INDUSTRY, _text(2, "제조"), texts.STORY_INDUSTRIES),
    Question("company", texts.STORY_ASK_COMPANY, _text(2, "한빛정밀"), optional=True),
    Question(
        "interview_format",
        texts.STORY_ASK_FORMAT,
        _reader(parse_format, texts.STORY_PICK_FORMAT),
        FORMATS,
    ),
    Question("questions", texts.STORY_ASK_QUESTIONS, _text(5, "야간 근무 괜찮으세요?")),
    Question("what_helped", texts.STORY_ASK_HELPED, _text(5, "예전 일을 숫자로 정리해 갔어요.")),
    Question(
        "would_change",
        texts.STORY_ASK_CHANGE,
        _text(2, "질문에 더 짧게 답하겠어요."),
        optional=True,
    ),
    Question(
        "outcome",
        texts.STORY_ASK_OUTCOME,
        _reader(_outcome, texts.STORY_PICK_OUTCOME),
        tuple(texts.STORY_OUTCOMES.values()),
    ),
    Question("advice", texts.STORY_ASK_ADVICE, _text(5, "건강 관리 이야기를 구체적으로 하세요.")),
)


class StoryForm(Form):
    name = "story_draft"
    entry = "/share_story"
    command = "share_story"
    questions = QUESTIONS
    answer_state = ShareStep.ANSWER
    confirm_state = ShareStep.CONFIRM
    save_label = texts.STORY_SEND
    pick_confirm = texts.STORY_PICK_CONFIRM
    resumed = texts.STORY_RESUMED

    async def person(self, update: Update, context: BotContext) -> User | None:
        """Any senior who has started with the bot."""
        person = update.effective_user
        assert person is not None
        async with context.sessions() as session:
            account = await find_user(session, person.id)
        if account is None:
            await send(update, Reply(texts.STORY_NEED_ACCOUNT))
        return account

    async def open(self, update: Update, context: BotContext, saved: Draft | None) -> Draft | str:
        if saved is not None:
            return saved
        person = update.effective_user
        assert person is not None
        async with context.sessions() as session:
            profile = await load_profile(session, person.id)
        author = {
            "author_career": _main_career(profile),
            "age_band": _age_band(profile, context.today()),
            "author_names": _names(profile, person),
        }
        return {"step": 0, "answers": {}, "extra": {"author": author}}

    def intro(self, draft: Draft) -> str:
        return texts.STORY_INTRO

    async def preview(self, context: BotContext, draft: Draft) -> str:
        return texts.story_preview(story_text(unsaved_story(_story_draft(draft))))

    async def save(self, context: BotContext, account: User, draft: Draft) -> str:
        async with context.sessions.begin() as session:
            saved = await submit_story(session, _story_draft(draft), account.id)
            for admin in await admins(session):
                await enqueue(
                    session,
                    user_id=admin.id,
                    kind="story",
                    payload={"text": texts.STORY_NEW_FOR_ADMINS},
                    dedupe_key=f"story:new:{saved.id}:{admin.id}",
                    not_before=context.now(),
                )
        return texts.STORY_SENT

    def finished(self, said: str) -> Reply:
        return main_menu().with_prefix(said)

    def stopped(self) -> Reply:
        return main_menu().with_prefix(texts.STORY_STOPPED)


def _story_draft(draft: Draft) -> StoryDraft:
    """The answers so far, with what was known of the author when the form opened."""
    answers: dict[str, Any] = draft["answers"]
    return StoryDraft(
        job=answers.get("job") or "",
        industry=answers.get("industry") or "",
        company=answers.get("company"),
        interview_format=answers.get("interview_format") or "",
        questions=answers.get("questions") or "",
        what_helped=answers.get("what_helped") or "",
        would_change=answers.get("would_change"),
        advice=answers.get("advice") or "",
        outcome=StoryOutcome(answers.get("outcome") or StoryOutcome.WAITING),
        **draft["extra"]["author"],
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


def build_share_conversation() -> ConversationHandler[BotContext]:
    return forms_conversation("share_story", [StoryForm()])
