"""/review (admins): pending stories one by one, shown exactly as peers would see them.

Approve (optionally with the company's name), fix a field, reject, or leave it for later.
A verdict brings up the next story at once. The author hears of the verdict. Buttons
carry the story's id and are checked again, so a second admin's old button gets a clear
"already reviewed". Fixing a field is typed, so it is a small conversation entered by a
reply button ("받은 질문 고치기").
"""

from enum import IntEnum

from telegram import Update
from telegram.ext import CommandHandler, ConversationHandler, MessageHandler, filters

from db.audit import record
from db.models import Role, Story, StoryStatus
from db.outbox import enqueue
from db.stories import count_pending, edit_story, find_story, next_pending, review_story
from handlers import texts
from handlers.context import BotContext
from handlers.jobs.cards import Payload
from handlers.replies import NO_KEYBOARD, Reply, message_text, rows, send, send_payload
from handlers.staff import admin_press, staff_account
from handlers.stories.view import has_hidden_data, story_text
from matching.text import normalize

PREFIX = "sr"
MAX_EDIT = 2000
_REVIEWING = "review_story"
_FIELD = "review_field"
_FIELD_BY_LABEL = {label: name for name, label in texts.REVIEW_EDIT_FIELDS.items()}
EDIT_KEYBOARD = (*rows(list(texts.REVIEW_EDIT_FIELDS.values())), (texts.REVIEW_EDIT_DONE,))


class ReviewStep(IntEnum):
    EDIT = 301


def review_card(story: Story, waiting: int) -> Payload:
    parts = [texts.review_heading(waiting), "", story_text(story)]
    if has_hidden_data(story):
        parts += ["", texts.REVIEW_MASKED]
    if story.company:
        parts.append(texts.review_company(story.company))
    approve = [[{"text": texts.BUTTON_APPROVE, "data": f"{PREFIX}:a:{story.id}"}]]
    if story.company:
        button = {"text": texts.BUTTON_APPROVE_WITH_COMPANY, "data": f"{PREFIX}:ac:{story.id}"}
        approve.append([button])
    others = [
        [
            {"text": texts.BUTTON_EDIT_STORY, "data": f"{PREFIX}:e:{story.id}"},
            {"text": texts.BUTTON_REJECT, "data": f"{PREFIX}:r:{story.id}"},
        ],
        [{"text": texts.BUTTON_LATER, "data": f"{PREFIX}:s:{story.id}"}],
    ]
    return {"text": "\n".join(parts), "buttons": approve + others}


async def start_review(update: Update, context: BotContext) -> None:
    """/review: the oldest story waiting."""
    if await staff_account(update, context, Role.ADMIN) is None:
        return
    await _show_next(update, context, after=0)


async def _show_next(update: Update, context: BotContext, *, after: int) -> None:
    async with context.sessions() as session:
        story = await next_pending(session, after)
        waiting = await count_pending(session)
    if story is None:
        await send(update, Reply(texts.REVIEW_NONE, NO_KEYBOARD))
        return
    await send_payload(update, review_card(story, waiting))


async def review_button(update: Update, context: BotContext) -> None:
    """승인 / 회사 이름도 공개하고 승인 / 고치기 / 거절 / 다음에."""
    pressed = await admin_press(update, context)
    if pressed is None:
        return
    (_, action, number), account = pressed
    story_id = int(number)
    if action == "s":
        await _show_next(update, context, after=story_id)
        return
    if action == "e":
        context.scratch[_REVIEWING] = story_id
        await send(update, Reply(texts.REVIEW_PICK_FIELD, EDIT_KEYBOARD))
        return
    verdict = StoryStatus.REJECTED if action == "r" else StoryStatus.APPROVED
    async with context.sessions.begin() as session:
        story = await review_story(
            session, story_id, verdict, account.id, context.now(), company_public=action == "ac"
        )
        if story is not None:
            detail = {"company_public": story.company_public}
            await record(
                session, account.id, f"story.{verdict.value}", f"story:{story.id}", detail
            )
        if story is not None and story.author_id is not None:
            approved = verdict is StoryStatus.APPROVED
            await enqueue(
                session,
                user_id=story.author_id,
                kind="story",
                payload={
                    "text": texts.STORY_APPROVED_FOR_AUTHOR
                    if approved
                    else texts.STORY_REJECTED_FOR_AUTHOR
                },
                dedupe_key=f"story:verdict:{story.id}",
                not_before=context.now(),
            )
    if story is None:
        await send(update, Reply(texts.REVIEW_GONE))
        return
    done = texts.REVIEW_APPROVED if verdict is StoryStatus.APPROVED else texts.REVIEW_REJECTED
    await send(update, Reply(done, NO_KEYBOARD))
    await _show_next(update, context, after=0)


async def ask_edit(update: Update, context: BotContext) -> int:
    """'받은 질문 고치기' and the like: the field's current text, to be typed anew."""
    if await staff_account(update, context, Role.ADMIN) is None:
        return ConversationHandler.END
    async with context.sessions() as session:
        story = await find_story(session, context.scratch.get(_REVIEWING, 0))
    if story is None or story.status is not StoryStatus.PENDING:
        await send(update, Reply(texts.REVIEW_EDIT_NO_STORY, NO_KEYBOARD))
        return ConversationHandler.END
    field = _FIELD_BY_LABEL[normalize(message_text(update))]
    context.scratch[_FIELD] = field
    await send(update, Reply(texts.review_edit_ask(getattr(story, field) or "-"), NO_KEYBOARD))
    return ReviewStep.EDIT


async def read_edit(update: Update, context: BotContext) -> int:
    value = message_text(update).strip()
    if len(normalize(value)) < 2 or len(value) > MAX_EDIT:
        await send(update, Reply(texts.REVIEW_EDIT_INVALID))
        return ReviewStep.EDIT
    async with context.sessions.begin() as session:
        story = await edit_story(
            session, context.scratch.get(_REVIEWING, 0), context.scratch.pop(_FIELD, "job"), value
        )
        waiting = await count_pending(session)
    if story is None:
        await send(update, Reply(texts.REVIEW_GONE, NO_KEYBOARD))
        return ConversationHandler.END
    await send(update, Reply(texts.REVIEW_EDITED, EDIT_KEYBOARD))
    await send_payload(update, review_card(story, waiting))
    return ConversationHandler.END


async def edit_not_text(update: Update, context: BotContext) -> int:
    await send(update, Reply(texts.REVIEW_EDIT_INVALID))
    return ReviewStep.EDIT


async def finish_editing(update: Update, context: BotContext) -> None:
    """'고치기 끝': the story again, with its verdict buttons."""
    if await staff_account(update, context, Role.ADMIN) is None:
        return
    story_id = context.scratch.pop(_REVIEWING, 0)
    async with context.sessions() as session:
        story = await find_story(session, story_id)
        waiting = await count_pending(session)
    if story is None or story.status is not StoryStatus.PENDING:
        await send(update, Reply(texts.REVIEW_GONE, NO_KEYBOARD))
        return
    await send(update, Reply(texts.REVIEW_EDIT_FINISHED, NO_KEYBOARD))
    await send_payload(update, review_card(story, waiting))


async def stop_edit(update: Update, context: BotContext) -> int:
    context.scratch.pop(_FIELD, None)
    await send(update, Reply(texts.CANCELLED, NO_KEYBOARD))
    return ConversationHandler.END


def build_review_conversation() -> ConversationHandler[BotContext]:
    return ConversationHandler(
        entry_points=[MessageHandler(filters.Text(list(_FIELD_BY_LABEL)), ask_edit)],
        states={
            ReviewStep.EDIT: [
                MessageHandler(filters.TEXT & ~filters.COMMAND, read_edit),
                MessageHandler(~filters.TEXT & ~filters.COMMAND, edit_not_text),
            ]
        },
        fallbacks=[CommandHandler("cancel", stop_edit)],
        name="story_review",
        persistent=True,
    )
