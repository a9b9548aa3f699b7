"""Short typed forms: one question at a time, a preview, then "저장하기" (or "보내기").

Staff's forms (a company visit, a posting) are entered by a reply-keyboard button (their
`entry` label); a senior's interview story by a command (`command`). The draft and the
question it is on live in the person's scratch data, which is persisted, so /cancel, a
closed phone or a restart loses nothing: entering again picks up at the same question.
'이전' goes back, optional questions take '건너뛰기', and every answer is read by the
question's own reader, which explains with an example what it could not use. Who may
fill a form in is checked on entering and again on saving, when something changes.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from telegram import Update
from telegram.ext import (
    BaseHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from db.models import Role, User
from handlers import texts
from handlers.context import BotContext
from handlers.replies import NO_KEYBOARD, Keyboard, Reply, message_text, rows, send
from handlers.staff import staff_account
from matching.text import normalize

ACTIVE = "admin_form"  # scratch key: which form the admin is filling in
Draft = dict[str, Any]  # {"step": int, "answers": {key: value}, "extra": {...}}, JSON-able


@dataclass(frozen=True)
class Invalid:
    """An answer that cannot be used, with the hint (and an example) to show."""

    hint: str


Handler = BaseHandler[Update, BotContext, object]
Reader = Callable[[str, date], Any]  # the value to keep (JSON-able), or an `Invalid`


@dataclass(frozen=True)
class Question:
    key: str
    prompt: str
    read: Reader
    options: tuple[str, ...] = ()
    optional: bool = False


class Form:
    """What differs between forms: the questions, how a draft opens, the preview, saving."""

    name: str
    entry: str
    questions: tuple[Question, ...]
    answer_state: int
    confirm_state: int
    command: str | None = None  # entered by this command instead of the `entry` button
    save_label: str = texts.FORM_SAVE
    pick_confirm: str = texts.FORM_PICK_CONFIRM
    resumed: str = texts.RESUME

    async def person(self, update: Update, context: BotContext) -> User | None:
        """Who fills the form in, if allowed (staff's forms: admins); None after a no."""
        return await staff_account(update, context, Role.ADMIN)

    def finished(self, said: str) -> Reply:
        """The answer after saving."""
        return Reply(said, NO_KEYBOARD)

    def stopped(self) -> Reply:
        """/cancel: the draft stays, and entering again brings it back."""
        return Reply(texts.form_stopped(self.entry), ((self.entry,),))

    async def open(self, update: Update, context: BotContext, saved: Draft | None) -> Draft | str:
        """A new draft, or `saved` to resume it; a message instead when it cannot open."""
        raise NotImplementedError

    def intro(self, draft: Draft) -> str:
        """Said before the first question of a new draft."""
        raise NotImplementedError

    async def preview(self, context: BotContext, draft: Draft) -> str:
        raise NotImplementedError

    async def save(self, context: BotContext, account: User, draft: Draft) -> str:
        """Store the draft (with the audit entry) and say what happened."""
        raise NotImplementedError

    # The conversation, the same for every form.

    async def start(self, update: Update, context: BotContext) -> int:
        """The entry button (or command): a new draft, or the one left halfway."""
        if await self.person(update, context) is None:
            return ConversationHandler.END
        saved = context.scratch.get(self.name)
        opened = await self.open(update, context, saved)
        if isinstance(opened, str):
            await send(update, Reply(opened, NO_KEYBOARD))
            return ConversationHandler.END
        context.scratch[self.name] = opened
        context.scratch[ACTIVE] = self.name
        note = self.resumed if opened is saved else self.intro(opened)
        return await self.ask(update, context, opened["step"], note)

    async def ask(self, update: Update, context: BotContext, step: int, note: str = "") -> int:
        draft: Draft = context.scratch[self.name]
        draft["step"] = step
        if step < len(self.questions):
            await send(update, self._question(draft, step).with_prefix(note))
            return self.answer_state
        preview = await self.preview(context, draft)
        keyboard = (*rows([self.save_label, texts.STORY_RESTART]), (texts.BACK,))
        await send(update, Reply(preview, keyboard).with_prefix(note))
        return self.confirm_state

    def _question(self, draft: Draft, step: int) -> Reply:
        question = self.questions[step]
        offered = draft["extra"].get("options", {}).get(question.key, [])
        options = list(dict.fromkeys([*offered, *question.options]))
        controls = (
            *((texts.BACK,) if step else ()),
            *((texts.SKIP,) if question.optional else ()),
        )
        keyboard: Keyboard = (*rows(options), *((controls,) if controls else ()))
        return Reply(question.prompt, keyboard or NO_KEYBOARD)

    async def answer(self, update: Update, context: BotContext) -> int:
        draft: Draft | None = context.scratch.get(self.name)
        if draft is None:  # the data was deleted halfway: begin again
            return await self.start(update, context)
        step = draft["step"]
        question = self.questions[step]
        typed = message_text(update)
        word = normalize(typed)
        if word in texts.BACK_WORDS:
            return await self.ask(update, context, max(step - 1, 0))
        if question.optional and word in texts.SKIP_WORDS:
            draft["answers"][question.key] = None
            return await self.ask(update, context, step + 1)
        value = question.read(typed, context.today())
        if isinstance(value, Invalid):
            await send(update, self._question(draft, step).with_prefix(value.hint))
            return self.answer_state
        draft["answers"][question.key] = value
        return await self.ask(update, context, step + 1)

    async def confirm(self, update: Update, context: BotContext) -> int:
        draft: Draft | None = context.scratch.get(self.name)
        if draft is None:
            return await self.start(update, context)
        word = normalize(message_text(update))
        if word in texts.BACK_WORDS:
            return await self.ask(update, context, len(self.questions) - 1)
        if word == texts.STORY_RESTART:
            draft["answers"] = {}
            return await self.ask(update, context, 0)
        if word != self.save_label:
            await send(update, Reply(self.pick_confirm))
            return self.confirm_state
        account = await self.person(update, context)
        if account is None:
            return ConversationHandler.END
        done = await self.save(context, account, draft)
        context.scratch.pop(self.name, None)
        context.scratch.pop(ACTIVE, None)
        await send(update, self.finished(done))
        return ConversationHandler.END

    async def not_text(self, update: Update, context: BotContext) -> int:
        """A sticker, photo or voice note: ask the same question again."""
        draft: Draft | None = context.scratch.get(self.name)
        if draft is None:
            return await self.start(update, context)
        if draft["step"] >= len(self.questions):
            await send(update, Reply(self.pick_confirm))
            return self.confirm_state
        await send(update, self._question(draft, draft["step"]).with_prefix(texts.NOT_TEXT))
        return self.answer_state

    async def stop(self, update: Update, context: BotContext) -> int:
        await send(update, self.stopped())
        return ConversationHandler.END


def text_reader(shortest: int, longest: int, example: str) -> Reader:
    """Free text of `shortest` to `longest` characters (emoji alone do not count)."""

    def read(answer: str, today: date) -> str | Invalid:
        kept = answer.strip()
        if shortest <= len(normalize(kept)) and len(kept) <= longest:
            return kept
        return Invalid(texts.form_invalid_text(longest, example))

    return read


def forms_conversation(name: str, forms: list[Form]) -> ConversationHandler[BotContext]:
    """One conversation for all of `forms`, so pressing another form's button switches."""
    by_name = {form.name: form for form in forms}
    entries: list[Handler] = [
        CommandHandler(form.command, form.start)
        if form.command
        else MessageHandler(filters.Text([form.entry]), form.start)
        for form in forms
    ]
    answer = filters.TEXT & ~filters.COMMAND & ~filters.Text([form.entry for form in forms])
    not_text = ~filters.TEXT & ~filters.COMMAND
    states: dict[object, list[Handler]] = {}
    for form in forms:
        states[form.answer_state] = [
            MessageHandler(answer, form.answer),
            MessageHandler(not_text, form.not_text),
        ]
        states[form.confirm_state] = [
            MessageHandler(answer, form.confirm),
            MessageHandler(not_text, form.not_text),
        ]

    async def stop(update: Update, context: BotContext) -> int:
        return await by_name[context.scratch.get(ACTIVE, forms[0].name)].stop(update, context)

    return ConversationHandler(
        entry_points=entries,
        states=states,
        fallbacks=[CommandHandler("cancel", stop), *entries],
        name=name,
        persistent=True,
    )
