"""A story as peers see it: personal data masked, the author reduced to a short label.

Masking happens here, every time a story is shown, never at storage: the admin's preview
in /review is made by the same function, so what the admin approves is exactly what
seniors read. Unless the admin approved the name, the company appears only as its
industry and size, and its name is hidden inside the text too.
"""

import re

from db.models import Story
from handlers import texts
from matching.masking import mask_personal_data

MAX_FIELD = 500  # a tip is read on a phone; the whole story stays in the database
_CORPORATE_MARKS = re.compile(r"\(주\)|㈜|주식회사|\(유\)|유한회사")


def author_label(story: Story) -> str:
    """ "자동차부품 품질관리 · 50대 후반 · 합격"; a career repeating the job is left out."""
    career = story.author_career if story.author_career != story.job else None
    parts = [career, story.age_band, texts.STORY_OUTCOMES[story.outcome]]
    return " · ".join(part for part in parts if part)


def company_label(story: Story) -> str:
    """The company's name if the admin approved it; otherwise its industry and size."""
    if story.company_public and story.company:
        return story.company
    return " · ".join(part for part in (story.industry, story.company_size) if part)


def shown(story: Story, text: str | None, limit: int = MAX_FIELD) -> str:
    """One field as peers read it: masked, the company hidden, cut to `limit` characters."""
    masked = mask_personal_data(text or "", known_names=story.author_names)
    for name in _hidden_company_names(story):
        masked = masked.replace(name, texts.STORY_COMPANY_HIDDEN)
    return masked if len(masked) <= limit else masked[: limit - 1].rstrip() + "…"


def _hidden_company_names(story: Story) -> list[str]:
    """The company's name as written and without "(주)"-style marks, longest first."""
    if story.company_public or not story.company:
        return []
    bare = _CORPORATE_MARKS.sub("", story.company).strip()
    return sorted({n for n in (story.company, bare) if len(n) >= 2}, key=len, reverse=True)


def heading(story: Story) -> str:
    return texts.story_heading(
        shown(story, story.job), company_label(story), story.interview_format
    )


def story_text(story: Story) -> str:
    """The whole story as one message."""
    questions = [
        f"• {line.strip()}" for line in shown(story, story.questions).splitlines() if line.strip()
    ]
    parts = [
        author_label(story),
        heading(story),
        "",
        texts.STORY_QUESTIONS,
        *questions,
        "",
        f"{texts.STORY_HELPED}: {shown(story, story.what_helped)}",
    ]
    if story.would_change:
        parts.append(f"{texts.STORY_CHANGE}: {shown(story, story.would_change)}")
    parts.append(f"{texts.STORY_ADVICE}: {shown(story, story.advice)}")
    return "\n".join(parts)


def has_hidden_data(story: Story) -> bool:
    """Whether masking changed anything: the admin is asked to look twice."""
    fields = (story.job, story.questions, story.what_helped, story.would_change, story.advice)
    return any(
        shown(story, field, limit=len(field or "") + 1) != (field or "") for field in fields
    )
