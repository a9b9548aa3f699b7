"""The profile conversation wired into python-telegram-bot.

Every callback follows one shape: open one database transaction, load the person's
profile, let `ProfileDialog` decide, commit, then send the replies. The conversation is
persistent (its states live in our database), and each answer is saved as it arrives,
so nothing is lost when someone stops halfway or the bot restarts.
"""

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, ConversationHandler, MessageHandler, filters

from db.models import Role
from db.profiles import attach_profile, find_by_link_code, load_profile
from db.users import delete_user, ensure_role, find_user, register_seeker
from handlers import texts
from handlers.context import BotContext
from handlers.profile.dialog import ProfileDialog, Transition, consent_prompt
from handlers.profile.steps import QUESTIONS, Step
from handlers.replies import NO_KEYBOARD, Reply, message_text, send
from matching.text import normalize

CONVERSATION_NAME = "profile"
LINK_CODE = "link_code"

ANSWER = filters.TEXT & ~filters.COMMAND
NOT_TEXT = ~filters.TEXT
PROFILE_BUTTON = filters.Text([texts.MENU_PROFILE])

DialogAction = Callable[[ProfileDialog], Transition]
StepCallback = Callable[[Update, BotContext], Coroutine[Any, Any, int]]


async def _reply(update: Update, transition: Transition) -> int:
    await send(update, *transition.replies)
    return ConversationHandler.END if transition.state is None else transition.state


async def _run(update: Update, context: BotContext, action: DialogAction) -> int:
    """Run `action` on the person's profile in one transaction, then send its replies."""
    person = update.effective_user
    assert person is not None  # only private chats reach the conversation
    async with context.sessions.begin() as session:
        if person.id in context.bot_data.admin_ids:
            await ensure_role(session, person.id, Role.ADMIN)
        account = await find_user(session, person.id)
        profile = await load_profile(session, person.id) if account else None
        if account is None:
            transition = Transition(Step.CONSENT, (consent_prompt(),))
        elif account.role is not Role.SEEKER or profile is None:
            transition = Transition(None, (Reply(texts.STAFF_WELCOME),))
        else:
            dialog = ProfileDialog(profile, context.scratch, context.now(), person.first_name)
            transition = action(dialog)
    return await _reply(update, transition)


async def start(update: Update, context: BotContext) -> int:
    """/start (with a centre's link code, "/start K7QF2M"), or text outside a question."""
    if context.args:
        context.scratch[LINK_CODE] = context.args[0].strip().upper()
    linked = await _link_imported_profile(update, context)
    if linked is not None:
        return linked
    return await _run(update, context, lambda dialog: dialog.resume())


async def _link_imported_profile(update: Update, context: BotContext) -> int | None:
    """Attach the profile staff registered, once the person has agreed to the data notice.

    Returns the next state, or None when there is no code to use (yet).
    """
    person = update.effective_user
    code = context.scratch.get(LINK_CODE)
    if person is None or not code:
        return None
    async with context.sessions.begin() as session:
        account = await find_user(session, person.id)
        if account is None or account.role is not Role.SEEKER:
            return None  # consent first; staff never link seniors' profiles to themselves
        del context.scratch[LINK_CODE]
        imported = await find_by_link_code(session, code)
        own = await load_profile(session, person.id)
        if imported is None:
            refusal = texts.LINK_UNKNOWN
        elif own is not None and own.completed_at is not None:
            refusal = texts.LINK_HAVE_OWN
        else:
            refusal = ""
            await attach_profile(session, account, imported)
    if refusal:
        return await _run(update, context, lambda dialog: dialog.resume(refusal))
    return await _run(update, context, lambda dialog: dialog.show_profile(texts.LINKED))


async def not_text_outside(update: Update, context: BotContext) -> int:
    """A sticker, photo or voice message while no question is open."""
    return await _run(update, context, lambda dialog: dialog.resume(texts.NOT_TEXT))


async def show_profile(update: Update, context: BotContext) -> int:
    """/profile and the 내 프로필 button."""
    return await _run(update, context, lambda dialog: dialog.show_profile())


async def ask_delete(update: Update, context: BotContext) -> int:
    """/delete: ask before removing anything."""
    person = update.effective_user
    assert person is not None
    async with context.sessions.begin() as session:
        account = await find_user(session, person.id)
    if account is None:
        return await _reply(update, Transition(None, (Reply(texts.NOTHING_TO_DELETE),)))
    return await _run(update, context, lambda dialog: dialog.ask_delete())


async def confirm_delete(update: Update, context: BotContext) -> int:
    """The answer to "모두 지울까요?"."""
    word = normalize(message_text(update))
    if word == texts.DELETE_YES:
        return await _forget(update, context, texts.DELETED)
    if word == texts.DELETE_NO or word in texts.BACK_WORDS:
        return await _run(update, context, lambda dialog: dialog.keep())
    return await _run(update, context, lambda dialog: dialog.ask(Step.DELETE, texts.DELETE_PICK))


async def consent(update: Update, context: BotContext) -> int:
    """The answer to the personal-data notice."""
    person = update.effective_user
    assert person is not None
    word = normalize(message_text(update))
    if word == texts.DISAGREE:
        return await _forget(update, context, texts.CONSENT_DECLINED)
    if word != texts.AGREE:
        return await _reply(
            update, Transition(Step.CONSENT, (consent_prompt(texts.CONSENT_PICK),))
        )
    async with context.sessions.begin() as session:
        if await find_user(session, person.id) is None:
            await register_seeker(session, person.id, consented_at=context.now())
    linked = await _link_imported_profile(update, context)
    if linked is not None:
        return linked
    return await _run(update, context, lambda dialog: dialog.ask(Step.NAME))


async def _forget(update: Update, context: BotContext, goodbye: str) -> int:
    """Delete everything stored about the person (after they asked to) and say goodbye."""
    person = update.effective_user
    assert person is not None
    async with context.sessions.begin() as session:
        await delete_user(session, person.id)
    context.scratch.clear()
    return await _reply(update, Transition(None, (Reply(goodbye, NO_KEYBOARD),)))


async def cancel(update: Update, context: BotContext) -> int:
    """/cancel: stop asking; what was entered stays, and /start picks it up again."""
    context.scratch.clear()
    return await _reply(update, Transition(None, (Reply(texts.CANCELLED, NO_KEYBOARD),)))


class _InState:
    """Callbacks bound to one state, so a re-ask knows which question to put again."""

    def __init__(self, step: Step) -> None:
        self.step = step

    async def answer(self, update: Update, context: BotContext) -> int:
        """A typed answer or a pressed button."""
        text = message_text(update)
        return await _run(update, context, lambda dialog: dialog.answer(self.step, text))

    async def not_text(self, update: Update, context: BotContext) -> int:
        """A sticker, photo, voice message or the like instead of an answer."""
        return await _run(update, context, lambda dialog: dialog.ask(self.step, texts.NOT_TEXT))

    async def ask_again(self, update: Update, context: BotContext) -> int:
        """/start in the middle of a question: the same question again (or use a link code)."""
        if context.args:
            return await start(update, context)
        return await _run(update, context, lambda dialog: dialog.ask(self.step))

    def handlers(self, answer: StepCallback | None = None) -> list[BaseHandler]:
        return [
            MessageHandler(ANSWER, answer or self.answer),
            CommandHandler("start", self.ask_again),
            MessageHandler(NOT_TEXT, self.not_text),
        ]


def build_profile_conversation() -> ConversationHandler[BotContext]:
    """The whole profile conversation: onboarding, summary, editing one field, deleting."""
    dialog_states = (*QUESTIONS, Step.SUMMARY, Step.EDIT, Step.CHOOSE, Step.CAREER_YEARS)
    states: dict[object, list[BaseHandler]] = {
        step: _InState(step).handlers() for step in dialog_states
    }
    states[Step.CONSENT] = _InState(Step.CONSENT).handlers(consent)
    states[Step.DELETE] = _InState(Step.DELETE).handlers(confirm_delete)
    return ConversationHandler(
        entry_points=[
            CommandHandler("start", start),
            CommandHandler("profile", show_profile),
            CommandHandler("delete", ask_delete),
            MessageHandler(PROFILE_BUTTON, show_profile),
            MessageHandler(ANSWER, start),
            MessageHandler(NOT_TEXT, not_text_outside),
        ],
        states=states,
        fallbacks=[
            CommandHandler("cancel", cancel),
            CommandHandler("profile", show_profile),
            CommandHandler("delete", ask_delete),
        ],
        name=CONVERSATION_NAME,
        persistent=True,
    )
