"""The profile conversation as plain state transitions over a loaded profile.

No Telegram and no I/O here: the handler loads the profile, asks the dialog what to do
with an answer, commits, then sends the replies. That keeps every rule of the
conversation (back, skip, "다음", asking back, editing one field) in one readable place.

Per-person scratch data (a dict persisted with the conversation) holds what is not part
of the profile: questions queued to ask back, whether the person is editing one field,
and how many times in a row an answer was not understood.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from db.models import Profile
from handlers import texts
from handlers.menu import main_menu
from handlers.profile.fields import FIELDS, Field
from handlers.profile.parsed import Choice, Option, Parsed
from handlers.profile.steps import QUESTIONS, Step
from handlers.replies import Keyboard, Reply, rows
from matching.careers import parse_roles
from matching.schedule import korean_date
from matching.text import normalize

MAX_ANSWER_CHARS = 300
SKIP_OFFER_AFTER_FAILURES = 3
YEAR_BUTTONS = ("5년", "10년", "20년", "30년", texts.YEARS_UNKNOWN)

_PENDING = "pending"
_EDITING = "editing"
_FAILURES = "failures"
_ASKED = "asked"
_RETURN_TO = "return_to"


@dataclass(frozen=True)
class Transition:
    """Where the conversation goes next (None: it ends) and what to say on the way."""

    state: Step | None
    replies: tuple[Reply, ...]


def consent_prompt(prefix: str = "") -> Reply:
    return Reply(texts.CONSENT, rows([texts.AGREE, texts.DISAGREE])).with_prefix(prefix)


class ProfileDialog:
    """Decides the next question for one person, given their profile and scratch data."""

    def __init__(
        self, profile: Profile, scratch: dict[Any, Any], now: datetime, first_name: str | None
    ) -> None:
        self.profile = profile
        self.scratch = scratch
        self.now = now
        self.today = korean_date(now)
        self.first_name = first_name

    # Entering a state.

    def ask(self, step: Step, prefix: str = "") -> Transition:
        """Put the question of `step`, after `prefix` (an acknowledgement or a hint)."""
        if step is Step.CONSENT:
            return Transition(step, (consent_prompt(prefix),))
        if step is Step.SUMMARY:
            self.scratch.pop(_EDITING, None)
        if step != self.scratch.get(_ASKED):
            self.scratch[_FAILURES] = 0
        self.scratch[_ASKED] = int(step)
        return Transition(step, (self.prompt(step).with_prefix(prefix),))

    def resume(self, prefix: str = "") -> Transition:
        """Continue at the first unanswered question, or show the menu when all is done."""
        self.scratch.pop(_PENDING, None)
        self.scratch.pop(_EDITING, None)
        step = first_unanswered(self.profile, self.today)
        if step is None:
            return Transition(None, (main_menu().with_prefix(prefix),))
        if not prefix and step is not QUESTIONS[0]:
            prefix = texts.RESUME
        return self.ask(step, prefix)

    def ask_delete(self) -> Transition:
        """/delete: confirm first, remembering the question to go back to if they say no."""
        self.scratch[_RETURN_TO] = self.scratch.get(_ASKED)
        return self.ask(Step.DELETE)

    def keep(self) -> Transition:
        """ "아니요" to deleting: back to the question they were on, or wherever they are."""
        asked = self.scratch.pop(_RETURN_TO, None)
        if asked in (None, Step.DELETE, Step.CONSENT) or self.profile.completed_at:
            return self.resume(texts.DELETE_KEPT)
        return self.ask(Step(asked), texts.DELETE_KEPT)

    def show_profile(self, prefix: str = "") -> Transition:
        """/profile: the summary with its edit button, or what there is so far and resume."""
        if self.profile.completed_at is not None:
            return self.ask(Step.SUMMARY, prefix)
        so_far = "\n".join([*([prefix, ""] if prefix else []), *self._summary_lines()])
        return self.resume(f"{so_far}\n\n{texts.PROFILE_UNFINISHED} {texts.RESUME}")

    def prompt(self, step: Step) -> Reply:
        """The message that asks the question of `step`, with its buttons."""
        if step in FIELDS:
            return self._field_prompt(FIELDS[step])
        if step is Step.SUMMARY:
            return self._summary_prompt()
        if step is Step.EDIT:
            titles = [FIELDS[s].title for s in QUESTIONS]
            return Reply(texts.ASK_EDIT_FIELD, rows([*titles, texts.DONE_EDITING]))
        if step is Step.CHOOSE:
            choice = self._pending_choice()
            labels = [option.label for option in choice.options]
            return Reply(choice.question, (*rows(labels), (texts.RETYPE, texts.BACK)))
        if step is Step.DELETE:
            return Reply(texts.ASK_DELETE, rows([texts.DELETE_YES, texts.DELETE_NO]))
        if step is Step.CAREER_YEARS:
            title = self.scratch[_PENDING][0]["title"]
            return Reply(texts.ask_career_years(title), (*rows(YEAR_BUTTONS, 3), (texts.BACK,)))
        raise ValueError(f"no prompt for {step!r}")

    # Answers.

    def answer(self, step: Step, text: str) -> Transition:
        """Handle what the person typed (or the button they pressed) in state `step`."""
        if len(text) > MAX_ANSWER_CHARS:
            return self.ask(step, texts.TOO_LONG)
        word = normalize(text)
        if not word:
            return self._failed(step, texts.ONLY_SYMBOLS)
        if step in FIELDS:
            return self._answer_field(FIELDS[step], text, word)
        if step is Step.SUMMARY:
            return self._answer_summary(word)
        if step is Step.EDIT:
            return self._answer_edit(word)
        if step is Step.CHOOSE:
            return self._answer_choice(text, word)
        if step is Step.CAREER_YEARS:
            return self._answer_years(word)
        raise ValueError(f"no answers expected in {step!r}")

    def _answer_field(self, field: Field, text: str, word: str) -> Transition:
        step, profile = field.step, self.profile
        if word in texts.BACK_WORDS:
            return self.back(step)
        has_items = bool(field.items(profile, self.today))
        if field.optional and word in texts.SKIP_WORDS:
            if not has_items:
                field.answer_none(profile)
            return self.finish(step)
        if field.multiple and word in texts.NEXT_WORDS:
            if has_items:
                return self.finish(step)
            return self.ask(step, texts.NEED_ONE)
        if field.multiple and word == texts.CLEAR:
            field.clear(profile)
            return self.ask(step, texts.CLEARED)
        parsed = field.parse(text, self.today)
        if not parsed.understood:
            return self._failed(step, parsed.note)
        return self._apply(field, parsed)

    def _apply(self, field: Field, parsed: Parsed) -> Transition:
        """Store what was understood, then ask back, go on, or ask for more."""
        self.scratch[_FAILURES] = 0
        stored = [self._store(field, value) for value in parsed.values]
        notes = [parsed.note] if parsed.note else []
        if field.multiple and any(stored):
            notes.append(texts.added(list(dict.fromkeys(s for s in stored if s))))
        if parsed.answered_none:
            field.answer_none(self.profile)
        self.scratch[_PENDING] = [
            *self.scratch.get(_PENDING, []),
            *(_queued_choice(field.step, choice) for choice in parsed.choices),
            *({"step": int(field.step), "title": title} for title in parsed.needs_years),
        ]
        return self._continue(field, "\n".join(notes))

    def _store(self, field: Field, value: Any) -> str:
        """Store one value unless a list is already full; return how to show it, or ""."""
        if field.multiple and field.is_full(self.profile, self.today):
            return ""
        return field.store(self.profile, value)

    def _continue(self, field: Field, note: str) -> Transition:
        """After storing: ask back what is queued, else move on or ask for more items."""
        pending = self.scratch.get(_PENDING)
        if pending:
            return self.ask(Step.CHOOSE if "question" in pending[0] else Step.CAREER_YEARS, note)
        self.scratch.pop(_PENDING, None)
        if not field.multiple or field.items(self.profile, self.today) == []:
            return self.finish(field.step, note)
        if field.is_full(self.profile, self.today):
            return self.finish(field.step, "\n".join(n for n in (note, field.full_note) if n))
        return self.ask(field.step, note)

    def _answer_choice(self, text: str, word: str) -> Transition:
        queued = self.scratch[_PENDING][0]
        field = FIELDS[Step(queued["step"])]
        if word in texts.BACK_WORDS or word == texts.RETYPE:
            self.scratch.pop(_PENDING, None)
            return self.ask(field.step)
        choice = self._pending_choice()
        picked = [o for o in choice.options if normalize(o.label) == word]
        if not picked and word in texts.YES_WORDS:
            picked = list(choice.options[:1])
        if not picked:
            self.scratch.pop(_PENDING, None)
            return self._answer_field(field, text, word)
        self.scratch[_PENDING] = self.scratch[_PENDING][1:]
        stored = self._store(field, picked[0].value)
        note = texts.added([stored]) if field.multiple and stored else ""
        return self._continue(field, note)

    def _answer_years(self, word: str) -> Transition:
        queued = self.scratch[_PENDING][0]
        field = FIELDS[Step.CAREER]
        if word in texts.BACK_WORDS:
            self.scratch.pop(_PENDING, None)
            return self.ask(Step.CAREER)
        months: int | None = None
        if word != texts.YEARS_UNKNOWN:
            duration = f"{word}년" if word.isdigit() else word
            roles = parse_roles(f"{queued['title']} {duration}", today=self.today)
            months = roles[0].months if len(roles) == 1 else None
            if not months:
                return self._failed(Step.CAREER_YEARS, texts.CAREER_YEARS_INVALID)
        self.scratch[_PENDING] = self.scratch[_PENDING][1:]
        stored = self._store(field, {"title": queued["title"], "months": months})
        return self._continue(field, texts.added([stored]) if stored else "")

    def _answer_summary(self, word: str) -> Transition:
        if word == texts.LOOKS_GOOD:
            first_time = self.profile.completed_at is None
            if first_time:
                self.profile.completed_at = self.now
            self.scratch.clear()
            note = texts.saved(self.profile.name or "") if first_time else ""
            return Transition(None, (main_menu().with_prefix(note),))
        if word == texts.EDIT:
            return self.ask(Step.EDIT)
        if word in texts.BACK_WORDS and self.profile.completed_at is None:
            return self.ask(QUESTIONS[-1])
        return self._edit_named_field(word) or self.ask(Step.SUMMARY, texts.SUMMARY_PICK)

    def _answer_edit(self, word: str) -> Transition:
        if word == texts.DONE_EDITING or word in texts.BACK_WORDS:
            return self.ask(Step.SUMMARY)
        return self._edit_named_field(word) or self.ask(Step.EDIT, texts.EDIT_PICK)

    def _edit_named_field(self, word: str) -> Transition | None:
        """ "나이", "지역"…: put that one question again, then come back to the summary."""
        for step in QUESTIONS:
            if word == FIELDS[step].title:
                self.scratch[_EDITING] = True
                return self.ask(step)
        return None

    # Moving between questions.

    def finish(self, step: Step, note: str = "") -> Transition:
        """The question of `step` is answered: on to the next one, or back to the summary."""
        if self.scratch.get(_EDITING):
            return self.ask(Step.SUMMARY, note)
        position = QUESTIONS.index(step)
        following = QUESTIONS[position + 1] if position + 1 < len(QUESTIONS) else Step.SUMMARY
        return self.ask(following, note)

    def back(self, step: Step) -> Transition:
        """ "이전": the question before, the consent notice before the first, or the summary."""
        if self.scratch.get(_EDITING):
            return self.ask(Step.SUMMARY)
        position = QUESTIONS.index(step)
        return self.ask(QUESTIONS[position - 1] if position else Step.CONSENT)

    def _failed(self, step: Step, hint: str) -> Transition:
        failures = int(self.scratch.get(_FAILURES, 0)) + 1
        field = FIELDS.get(step)
        if field is not None and field.optional and failures >= SKIP_OFFER_AFTER_FAILURES:
            hint = f"{hint}\n{texts.OFFER_SKIP}"
        transition = self.ask(step, hint)
        self.scratch[_FAILURES] = failures
        return transition

    # Prompts.

    def _field_prompt(self, field: Field) -> Reply:
        items = field.items(self.profile, self.today)
        text = field.question(self.profile)
        controls = [texts.BACK]
        if field.multiple and items:
            text = f"{texts.chosen_so_far(field.title, items)}\n{texts.MORE_OR_NEXT}"
            controls += [texts.NEXT, texts.CLEAR]
        if field.optional and not items:
            controls.append(texts.SKIP)
        suggestions = field.buttons(self.profile, self.first_name)
        if items:
            suggestions = tuple(s for s in suggestions if s not in texts.SKIP_WORDS)
        return Reply(text, (*rows(suggestions, 3 if len(suggestions) > 4 else 2), tuple(controls)))

    def _summary_lines(self) -> list[str]:
        lines = [texts.summary_title(self.profile.name or ""), ""]
        for step in QUESTIONS:
            field = FIELDS[step]
            items = field.items(self.profile, self.today)
            shown = texts.NOT_ANSWERED if items is None else ", ".join(items) or field.empty_label
            lines.append(f"• {field.title}: {shown}")
        return lines

    def _summary_prompt(self) -> Reply:
        lines = self._summary_lines()
        buttons: Keyboard
        if self.profile.completed_at is None:
            lines += ["", texts.SUMMARY_CONFIRM]
            buttons = ((texts.LOOKS_GOOD, texts.EDIT), (texts.BACK,))
        else:
            lines += ["", texts.SUMMARY_SAVED_NOTE]
            buttons = ((texts.LOOKS_GOOD, texts.EDIT),)
        return Reply("\n".join(lines), buttons)

    def _pending_choice(self) -> Choice:
        return _choice_from_queue(self.scratch[_PENDING][0])


def first_unanswered(profile: Profile, today: date) -> Step | None:
    """The question to resume at; SUMMARY when all are answered but not yet confirmed."""
    for step in QUESTIONS:
        if FIELDS[step].items(profile, today) is None:
            return step
    return Step.SUMMARY if profile.completed_at is None else None


def _queued_choice(step: Step, choice: Choice) -> dict[str, Any]:
    """A choice as JSON, since scratch data is stored in the database."""
    return {
        "step": int(step),
        "question": choice.question,
        "options": [[option.label, option.value] for option in choice.options],
    }


def _choice_from_queue(queued: dict[str, Any]) -> Choice:
    return Choice(
        queued["question"], tuple(Option(label, value) for label, value in queued["options"])
    )
