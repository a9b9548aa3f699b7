"""The profile's questions: what each asks, which buttons it offers, how it reads an answer.

Each field is a small object with the same methods, so the dialog treats every question
the same way: single answers (name, age, pay) and lists (jobs, career, licences,
regions, employment types) differ only in `multiple` and `max_items`.
"""

import re
from dataclasses import replace
from datetime import date
from typing import Any

from db.models import Profile
from db.profiles import add_career, clear_careers
from handlers import texts
from handlers.profile.parsed import Choice, Option, Parsed, invalid
from handlers.profile.steps import Step
from matching.age import age_on, parse_birth_year
from matching.availability import parse_available_from
from matching.careers import describe_role, parse_roles, without_durations
from matching.certificates import CERTIFICATES, POPULAR_CERTIFICATES
from matching.employment import EMPLOYMENT_LABELS, EmploymentType, parse_employment_types
from matching.jobs import JOB_TITLES, POPULAR_TITLES
from matching.pay import Pay, PayPeriod, describe_pay, parse_pay
from matching.regions import Region, RegionKind, parse_regions, region_by_key
from matching.text import normalize, says_anything
from matching.titles import analyse_title
from matching.vocabulary import Vocabulary

MAX_ITEM_CHARS = 40
_NAME_FILLERS = re.compile(
    r"^(?:제\s*이름은|이름은|저는|전)\s*|\s*(?:입니다|이에요|예요|라고\s*불러\s*주세요|라고\s*해요)$"
)
_HAS_LETTER = re.compile(r"[가-힣A-Za-z]")
REGION_BUTTONS = ("서울", "경기", "인천", "세종", "대전", "부산", "전국", "재택")
PAY_BUTTONS = ("월 200만원", "월 250만원", "월 300만원", "월 350만원", texts.ANY)


class Field:
    """One question of the profile; subclasses fill in the parts that differ."""

    step: Step
    title: str
    question_text: str = ""
    multiple = False
    max_items = 1
    optional = False
    full_note = ""
    empty_label = texts.NONE

    def question(self, profile: Profile) -> str:
        return self.question_text

    def buttons(self, profile: Profile, first_name: str | None) -> tuple[str, ...]:
        return ()

    def parse(self, text: str, today: date) -> Parsed:
        raise NotImplementedError

    def store(self, profile: Profile, value: Any) -> str:
        """Save one value and return how to show it ("품질관리", "58세")."""
        raise NotImplementedError

    def items(self, profile: Profile, today: date) -> list[str] | None:
        """What is stored, ready to show; None when the question was not answered yet."""
        raise NotImplementedError

    def clear(self, profile: Profile) -> None:
        """Forget a list answer, for someone who wants to type it again."""
        raise NotImplementedError

    def answer_none(self, profile: Profile) -> None:
        """Record "none" (or "any"): answered, with nothing in it."""
        raise NotImplementedError

    def is_full(self, profile: Profile, today: date) -> bool:
        return len(self.items(profile, today) or ()) >= self.max_items


class NameField(Field):
    step = Step.NAME
    title = texts.FIELD_NAME
    question_text = texts.ASK_NAME

    def buttons(self, profile: Profile, first_name: str | None) -> tuple[str, ...]:
        suggestion = normalize(first_name or "")
        return (suggestion,) if suggestion and len(suggestion) <= 20 else ()

    def parse(self, text: str, today: date) -> Parsed:
        name = _NAME_FILLERS.sub("", normalize(text)).strip()
        if not name or len(name) > 20 or len(name.split()) > 3 or not _HAS_LETTER.search(name):
            return invalid(texts.NAME_INVALID)
        return Parsed(values=(name,))

    def store(self, profile: Profile, value: Any) -> str:
        profile.name = str(value)
        return profile.name

    def items(self, profile: Profile, today: date) -> list[str] | None:
        return None if profile.name is None else [profile.name]


class AgeField(Field):
    step = Step.AGE
    title = texts.FIELD_AGE

    def question(self, profile: Profile) -> str:
        return texts.ask_age(profile.name or "")

    def parse(self, text: str, today: date) -> Parsed:
        birth_year = parse_birth_year(text, today=today)
        if birth_year is None:
            return invalid(texts.AGE_INVALID)
        return Parsed(values=(birth_year,), note=texts.age_noted(age_on(birth_year, today=today)))

    def store(self, profile: Profile, value: Any) -> str:
        profile.birth_year = int(value)
        return str(value)

    def items(self, profile: Profile, today: date) -> list[str] | None:
        if profile.birth_year is None:
            return None
        return [f"{age_on(profile.birth_year, today=today)}세"]


class VocabularyListField(Field):
    """A list of terms from a vocabulary, asking back when a typed term looks like a typo."""

    multiple = True
    vocabulary: Vocabulary
    popular: tuple[str, ...]
    column: str
    invalid_hint: str

    def buttons(self, profile: Profile, first_name: str | None) -> tuple[str, ...]:
        chosen = set(self._stored(profile))
        return tuple(term for term in self.popular if term not in chosen)

    def parse(self, text: str, today: date) -> Parsed:
        values: list[str] = []
        choices: list[Choice] = []
        for resolution in self.vocabulary.resolve_list(text):
            typed = resolution.value
            if not _looks_like_a_term(typed):
                continue
            if resolution.certain:
                values.append(typed)
            else:
                options = [Option(s, s) for s in resolution.suggestions]
                question = texts.confirm_guess(resolution.suggestions[0])
                keep = Option(texts.KEEP_TYPED, typed)
                choices.append(Choice(question, (*options, keep), subject=typed))
        if not values and not choices:
            return invalid(self.invalid_hint)
        return Parsed(values=tuple(values), choices=tuple(choices))

    def store(self, profile: Profile, value: Any) -> str:
        stored = self._stored(profile)
        if value not in stored:
            setattr(profile, self.column, [*stored, value])
        return str(value)

    def items(self, profile: Profile, today: date) -> list[str] | None:
        stored = getattr(profile, self.column)
        return None if stored is None else list(stored)

    def clear(self, profile: Profile) -> None:
        setattr(profile, self.column, None)

    def answer_none(self, profile: Profile) -> None:
        setattr(profile, self.column, [])

    def _stored(self, profile: Profile) -> list[str]:
        return list(getattr(profile, self.column) or [])


def _looks_like_a_term(text: str) -> bool:
    return 0 < len(text) <= MAX_ITEM_CHARS and bool(_HAS_LETTER.search(text))


class DesiredJobsField(VocabularyListField):
    step = Step.DESIRED_JOBS
    title = texts.FIELD_DESIRED_JOBS
    question_text = texts.ASK_DESIRED_JOBS
    max_items = 3
    full_note = texts.DESIRED_JOBS_FULL
    vocabulary = JOB_TITLES
    popular = POPULAR_TITLES
    column = "desired_jobs"
    invalid_hint = texts.DESIRED_JOBS_INVALID

    @staticmethod
    def names_no_job(text: str) -> bool:
        """Whether the answer only says "아무거나" or "상관없어요": stored as a job title, it
        would match no posting at all."""
        return says_anything(text) and not analyse_title(text).terms

    def parse(self, text: str, today: date) -> Parsed:
        """A job with years ("관리소장 8년") is a career given a step early: the job is kept
        as wished for, and the years are asked for where careers are."""
        typed = normalize(text)
        if self.names_no_job(typed):
            return invalid(texts.DESIRED_JOBS_ANYTHING)
        jobs = without_durations(typed)
        parsed = super().parse(jobs, today)
        if jobs != typed and parsed.understood:
            return replace(parsed, note=texts.DESIRED_JOBS_YEARS_LATER)
        return parsed


class LicencesField(VocabularyListField):
    step = Step.LICENCES
    title = texts.FIELD_LICENCES
    question_text = texts.ASK_LICENCES
    max_items = 10
    optional = True
    full_note = texts.LICENCES_FULL
    vocabulary = CERTIFICATES
    popular = (*POPULAR_CERTIFICATES[:6], texts.NONE)
    column = "certificates"
    invalid_hint = texts.LICENCES_INVALID


class CareerField(Field):
    step = Step.CAREER
    title = texts.FIELD_CAREER
    question_text = texts.ASK_CAREER
    multiple = True
    max_items = 10
    full_note = texts.CAREER_FULL

    def parse(self, text: str, today: date) -> Parsed:
        roles = parse_roles(text, today=today)
        if not roles:
            return invalid(texts.CAREER_INVALID)
        return Parsed(
            values=tuple({"title": r.title, "months": r.months} for r in roles if r.months),
            needs_years=tuple(r.title for r in roles if not r.months),
        )

    def store(self, profile: Profile, value: Any) -> str:
        entry = add_career(profile, value["title"], value["months"])
        return describe_role(entry.title, entry.months)

    def items(self, profile: Profile, today: date) -> list[str] | None:
        if not profile.careers:
            return None
        return [describe_role(entry.title, entry.months) for entry in profile.careers]

    def clear(self, profile: Profile) -> None:
        clear_careers(profile)


def career_line(profile: Profile) -> str:
    """Every past role on one line, for staff and coaches: "경비 5년, 시설관리 10년"."""
    return ", ".join(describe_role(entry.title, entry.months) for entry in profile.careers)


class RegionsField(Field):
    step = Step.REGIONS
    title = texts.FIELD_REGIONS
    question_text = texts.ASK_REGIONS
    multiple = True
    max_items = 10
    full_note = texts.REGIONS_FULL

    def buttons(self, profile: Profile, first_name: str | None) -> tuple[str, ...]:
        chosen = {_region_label(key) for key in profile.regions or ()}
        return tuple(label for label in REGION_BUTTONS if label not in chosen)

    def parse(self, text: str, today: date) -> Parsed:
        lookup = parse_regions(text)
        choices = tuple(
            Choice(
                texts.which_region(item.text),
                tuple(Option(_choice_label(region), region.key) for region in item.options),
                subject=item.text,
            )
            for item in lookup.ambiguous
        )
        note = texts.regions_unknown(list(lookup.unknown)) if lookup.unknown else ""
        if not lookup.regions and not choices:
            hint = texts.REGIONS_INVALID
            return invalid(f"{note}\n{hint}" if note else hint)
        return Parsed(values=tuple(r.key for r in lookup.regions), choices=choices, note=note)

    def store(self, profile: Profile, value: Any) -> str:
        stored = list(profile.regions or [])
        if value not in stored:
            profile.regions = [*stored, value]
        return _region_label(value)

    def items(self, profile: Profile, today: date) -> list[str] | None:
        return None if profile.regions is None else [_region_label(k) for k in profile.regions]

    def clear(self, profile: Profile) -> None:
        profile.regions = None


def _choice_label(region: Region) -> str:
    """A whole 시도 by its full name, so "광주광역시" and "경기 광주시" read apart."""
    return region.key if region.kind is RegionKind.SIDO else region.label


def _region_label(key: str) -> str:
    region = region_by_key(key)
    return region.label if region else key


class PayField(Field):
    step = Step.PAY
    title = texts.FIELD_PAY
    question_text = texts.ASK_PAY

    def buttons(self, profile: Profile, first_name: str | None) -> tuple[str, ...]:
        return PAY_BUTTONS

    def parse(self, text: str, today: date) -> Parsed:
        answer = parse_pay(text)
        if answer is None:
            return invalid(texts.PAY_INVALID)
        typed = normalize(text)
        if answer.pay is None:
            return Parsed(values=({"text": typed},))
        value = {
            "text": typed,
            "period": answer.pay.period.value,
            "minimum": answer.pay.minimum,
            "maximum": answer.pay.maximum,
        }
        description = _describe_pay_with_month(answer.pay)
        if not answer.certain:
            choice = Choice(texts.confirm_guess(description), (Option(texts.YES, value),))
            return Parsed(choices=(choice,))
        return Parsed(values=(value,), note=texts.pay_noted(description))

    def store(self, profile: Profile, value: Any) -> str:
        profile.pay_text = value["text"]
        if "period" not in value:
            profile.pay_period = profile.pay_minimum = profile.pay_maximum = None
            profile.pay_monthly = None
            return texts.ANY
        pay = Pay(PayPeriod(value["period"]), value["minimum"], value["maximum"])
        profile.pay_period = pay.period.value
        profile.pay_minimum = pay.minimum
        profile.pay_maximum = pay.maximum
        profile.pay_monthly = pay.monthly_minimum
        return _describe_pay_with_month(pay)

    def items(self, profile: Profile, today: date) -> list[str] | None:
        if profile.pay_text is None:
            return None
        if profile.pay_period is None or profile.pay_minimum is None:
            return [texts.ANY]
        pay = Pay(PayPeriod(profile.pay_period), profile.pay_minimum, profile.pay_maximum)
        return [_describe_pay_with_month(pay)]


def _describe_pay_with_month(pay: Pay) -> str:
    """ "연봉 3,500만원 (월 약 292만원)": hourly, daily and annual figures with a monthly one."""
    description = describe_pay(pay)
    if pay.period is PayPeriod.MONTHLY:
        return description
    monthly_in_manwon = round(pay.monthly_minimum / 10_000) * 10_000
    monthly = describe_pay(Pay(PayPeriod.MONTHLY, monthly_in_manwon))
    return f"{description} ({monthly.replace('월 ', '월 약 ', 1)})"


class EmploymentField(Field):
    step = Step.EMPLOYMENT
    title = texts.FIELD_EMPLOYMENT
    question_text = texts.ASK_EMPLOYMENT
    empty_label = texts.ANY
    multiple = True
    max_items = len(EmploymentType)

    def buttons(self, profile: Profile, first_name: str | None) -> tuple[str, ...]:
        chosen = set(profile.employment_types or ())
        labels = [EMPLOYMENT_LABELS[t] for t in EmploymentType if t.value not in chosen]
        return (*labels, texts.ANY) if not chosen else tuple(labels)

    def parse(self, text: str, today: date) -> Parsed:
        answer = parse_employment_types(text)
        if answer is None:
            return invalid(texts.EMPLOYMENT_INVALID)
        if answer.any_type:
            return Parsed(answered_none=True)
        return Parsed(values=tuple(t.value for t in answer.types))

    def store(self, profile: Profile, value: Any) -> str:
        stored = list(profile.employment_types or [])
        if value not in stored:
            profile.employment_types = [*stored, value]
        return EMPLOYMENT_LABELS[EmploymentType(value)]

    def items(self, profile: Profile, today: date) -> list[str] | None:
        if profile.employment_types is None:
            return None
        return [EMPLOYMENT_LABELS[EmploymentType(v)] for v in profile.employment_types]

    def clear(self, profile: Profile) -> None:
        profile.employment_types = None

    def answer_none(self, profile: Profile) -> None:
        profile.employment_types = []


class AvailabilityField(Field):
    """When they can start. Optional, and not asked of a profile finished before the question
    existed: such a profile reads as skipped (unknown), not as unanswered."""

    step = Step.AVAILABILITY
    title = texts.FIELD_AVAILABILITY
    question_text = texts.ASK_AVAILABILITY
    optional = True
    empty_label = texts.NOT_ANSWERED

    def buttons(self, profile: Profile, first_name: str | None) -> tuple[str, ...]:
        return (texts.AVAILABLE_NOW, texts.AVAILABLE_NEXT_MONTH)

    def parse(self, text: str, today: date) -> Parsed:
        day = parse_available_from(text, today)
        if day is None:
            return invalid(texts.AVAILABILITY_INVALID)
        value = {"text": normalize(text), "day": day.isoformat()}
        return Parsed(values=(value,), note=texts.availability_noted(day, today))

    def store(self, profile: Profile, value: Any) -> str:
        profile.availability_text = value["text"]
        profile.available_from = date.fromisoformat(value["day"])
        return profile.availability_text

    def items(self, profile: Profile, today: date) -> list[str] | None:
        if profile.available_from is not None:
            return [texts.available_from_label(profile.available_from, today)]
        if profile.availability_text is None and profile.completed_at is None:
            return None
        return []

    def answer_none(self, profile: Profile) -> None:
        profile.availability_text = ""
        profile.available_from = None


FIELDS: dict[Step, Field] = {
    field.step: field
    for field in (
        NameField(),
        AgeField(),
        DesiredJobsField(),
        CareerField(),
        LicencesField(),
        RegionsField(),
        PayField(),
        EmploymentField(),
        AvailabilityField(),
    )
}
