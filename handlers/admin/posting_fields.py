"""A posting's fields as staff write them, read alike from a CSV row and the chat form.

`encore import-jobs` and the admin's "공고 추가하기" form accept the same postings and
refuse them for the same reasons, so a posting typed in the chat is stored, and
matched, exactly like one from a file.
"""

import re
from dataclasses import dataclass
from datetime import date

from matching.postings import PostingText
from matching.text import compact

MAX_HEADCOUNT = 9999  # and the column stays well inside a 32-bit integer


@dataclass(frozen=True)
class PostingFields:
    """Every field of a posting but its external id, as typed (dates and counts read)."""

    title: str
    company: str
    region: str
    salary: str = ""
    employment_type: str = ""
    experience: str = ""
    age: str = ""
    certificates: tuple[str, ...] = ()
    description: str = ""
    deadline: date | None = None
    start: str = ""
    headcount: int | None = None

    def text(self, external_id: str) -> PostingText:
        """The posting as matching reads it (vetting is the company's, decided elsewhere)."""
        return PostingText(
            key=external_id,
            title=self.title,
            company=self.company,
            region=self.region,
            salary=self.salary,
            employment_type=self.employment_type,
            experience=self.experience,
            age=self.age,
            certificates=self.certificates,
            description=self.description,
            deadline=self.deadline,
            start=self.start,
            vetted=False,
            headcount=self.headcount,
        )

    def columns(self) -> dict[str, object]:
        """The values `upsert_posting` stores (the company is passed on its own)."""
        return {
            "title": self.title,
            "region": self.region,
            "salary": self.salary,
            "employment_type": self.employment_type,
            "experience": self.experience,
            "age": self.age,
            "certificates": list(self.certificates),
            "description": self.description,
            "deadline": self.deadline,
            "start": self.start,
            "headcount": self.headcount,
        }


def headcount_of(text: str) -> int | None:
    """A headcount as boards write it ("2", "2명", "1~2명": the larger), within 1 to
    `MAX_HEADCOUNT`; None otherwise."""
    match = _HEADCOUNT.fullmatch(compact(text))
    if match is None:
        return None
    value = int(match.group(2) or match.group(1))
    return value if 0 < value <= MAX_HEADCOUNT else None


def headcount_unstated(text: str) -> bool:
    """Whether the headcount says "some" rather than a number: boards write "0명", "00명",
    "○명" or "약간명" for that."""
    return compact(text).lower().removesuffix("명") in _UNSTATED


_HEADCOUNT = re.compile(r"(?:모집인원:?)?(\d{1,5})(?:[~-](\d{1,5}))?명?")
_UNSTATED = frozenset(("", "0", "00", "000", "o", "oo", "약간", "다수", "미정", "0~0"))
"""After `compact`, which drops symbols: "○○명" is left as ""."""
