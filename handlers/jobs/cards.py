"""How a posting looks in a chat: a short card with its reason, details, or a digest.

Cards are built as JSON-able payloads ({"text", "buttons", "expires"}) so the same card
can be sent at once (/jobs) or wait in the outbox (alerts held over a quiet night).
"""

from collections.abc import Sequence
from typing import Any

from db.models import Posting, Vetting
from handlers import texts
from matching.engine import Match

Payload = dict[str, Any]

DETAILS, INTERESTED, NOT_INTERESTED = "d", "i", "n"
JOB_CALLBACK = "job"


def job_callback(action: str, posting: Posting) -> str:
    """Callback data like "job:i:42": small, well under Telegram's 64 bytes."""
    return f"{JOB_CALLBACK}:{action}:{posting.id}"


def card(posting: Posting, match: Match | None) -> Payload:
    """One posting with its one-line reason and the three buttons seniors use."""
    return cards(posting, [match])[0]


def cards(posting: Posting, matches: Sequence[Match | None]) -> list[Payload]:
    """The card of one posting for each of `matches`. An alert tick sends one posting to
    thousands of people: what their cards share is made once."""
    headline = "\n".join(_headline(posting))
    buttons = [
        [
            {"text": texts.BUTTON_DETAILS, "data": job_callback(DETAILS, posting)},
            {"text": texts.BUTTON_INTERESTED, "data": job_callback(INTERESTED, posting)},
        ],
        [{"text": texts.BUTTON_NOT_INTERESTED, "data": job_callback(NOT_INTERESTED, posting)}],
    ]
    expiry = _expiry(posting)
    return [
        {
            "text": f"{headline}\n{texts.why(match.summary)}"
            if match is not None and match.reasons
            else headline,
            "buttons": buttons,
            **expiry,
        }
        for match in matches
    ]


def digest(items: list[tuple[Posting, Match]]) -> Payload:
    """Several postings in one message, numbered, each with a details and an interest button."""
    lines = [texts.digest_title(len(items))]
    buttons = []
    for number, (posting, match) in enumerate(items, 1):
        headline = _headline(posting)
        lines += ["", f"{number}. {headline[0]}", *headline[1:], texts.why(match.summary)]
        buttons.append(
            [
                {
                    "text": texts.digest_button(number, texts.BUTTON_DETAILS),
                    "data": job_callback(DETAILS, posting),
                },
                {
                    "text": texts.digest_button(number, texts.BUTTON_INTERESTED),
                    "data": job_callback(INTERESTED, posting),
                },
            ]
        )
    deadlines = [p.deadline for p, _ in items]
    expiry = {} if None in deadlines else {"expires": max(d for d in deadlines if d).isoformat()}
    return {"text": "\n".join(lines), "buttons": buttons, **expiry}


def details(posting: Posting) -> Payload:
    """Everything the posting says, for "자세히"."""
    lines = [
        *_headline(posting),
        "",
        posting.description,
        "",
        *texts.details_lines(
            posting.experience,
            posting.age,
            posting.certificates,
            posting.headcount,
            posting.start,
        ),
    ]
    buttons = [
        [
            {"text": texts.BUTTON_INTERESTED, "data": job_callback(INTERESTED, posting)},
            {"text": texts.BUTTON_NOT_INTERESTED, "data": job_callback(NOT_INTERESTED, posting)},
        ]
    ]
    return {"text": "\n".join(line for line in lines if line is not None), "buttons": buttons}


def _headline(posting: Posting) -> list[str]:
    company = posting.company
    mark = f"{texts.VETTED_CARD_MARK}\n" if company.vetting is Vetting.APPROVED else ""
    terms = [posting.salary or texts.PAY_UNKNOWN, posting.employment_type]
    return [
        f"{mark}{posting.title}",
        f"{company.name} · {posting.region}",
        " · ".join([*(t for t in terms if t), texts.deadline_text(posting.deadline)]),
    ]


def _expiry(posting: Posting) -> dict[str, str]:
    return {"expires": posting.deadline.isoformat()} if posting.deadline else {}
