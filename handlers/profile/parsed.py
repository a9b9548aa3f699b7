"""What a field made of one answer: values to store, questions to ask back, a note to say."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Option:
    """A button offered when the bot is unsure; `value` is what the field stores if pressed."""

    label: str
    value: Any


@dataclass(frozen=True)
class Choice:
    """A question asked back ("'품질관리'가 맞으세요?") with the options as buttons."""

    question: str
    options: tuple[Option, ...]
    subject: str = ""  # what the person typed that the question is about


@dataclass(frozen=True)
class Parsed:
    """The outcome of one answer; nothing understood means the answer is asked again."""

    values: tuple[Any, ...] = ()
    choices: tuple[Choice, ...] = ()
    needs_years: tuple[str, ...] = ()
    answered_none: bool = False
    note: str = ""

    @property
    def understood(self) -> bool:
        return bool(self.values or self.choices or self.needs_years or self.answered_none)


def invalid(hint: str) -> Parsed:
    """An answer that could not be used, with the hint (and example) to show."""
    return Parsed(note=hint)
