"""Stored rows turned into what the matcher compares: the only bridge between db and matching."""

from functools import lru_cache

from db.models import Posting, Profile, Vetting
from db.profiles import MatchingProfile
from matching.engine import SeekerFacts
from matching.postings import PostingFacts, PostingText, parse_posting


def profile_key(profile: Profile | MatchingProfile) -> str:
    """How a profile is named in match output: staff's id, or ours for bot-made profiles."""
    return profile.external_id or f"profile-{profile.id}"


def seeker_facts(
    profile: Profile | MatchingProfile, disliked: frozenset[str] = frozenset()
) -> SeekerFacts:
    return SeekerFacts(
        key=profile_key(profile),
        desired_jobs=tuple(profile.desired_jobs or ()),
        careers=tuple((entry.title, entry.months) for entry in profile.careers),
        certificates=tuple(profile.certificates or ()),
        regions=tuple(profile.regions or ()),
        pay_monthly=profile.pay_monthly,
        employment_types=tuple(profile.employment_types or ()),
        birth_year=profile.birth_year,
        disliked_families=disliked,
        available_from=profile.available_from,
    )


# Open postings are parsed again for every /jobs and every alert tick; a posting whose
# text has not changed parses to the same facts, so they are kept (a few KB each).
POSTINGS_KEPT = 10_000


def posting_facts(posting: Posting) -> PostingFacts:
    return _parsed(posting_text(posting))


def posting_text(posting: Posting) -> PostingText:
    """The posting's fields as matching reads them, not parsed yet."""
    return PostingText(
        key=posting.external_id,
        title=posting.title,
        company=posting.company.name,
        region=posting.region,
        salary=posting.salary,
        employment_type=posting.employment_type,
        experience=posting.experience,
        age=posting.age,
        certificates=tuple(posting.certificates),
        description=posting.description,
        deadline=posting.deadline,
        start=posting.start,
        vetted=posting.company.vetting is Vetting.APPROVED,
        headcount=posting.headcount,
    )


@lru_cache(maxsize=POSTINGS_KEPT)
def _parsed(text: PostingText) -> PostingFacts:
    """Keyed by the whole text (company vetting included), so an edit is never missed."""
    return parse_posting(text)
