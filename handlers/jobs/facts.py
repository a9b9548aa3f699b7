"""Stored rows turned into what the matcher compares: the only bridge between db and matching."""

from db.models import Posting, Profile, Vetting
from matching.engine import SeekerFacts
from matching.postings import PostingFacts, PostingText, parse_posting


def profile_key(profile: Profile) -> str:
    """How a profile is named in match output: staff's id, or ours for bot-made profiles."""
    return profile.external_id or f"profile-{profile.id}"


def seeker_facts(profile: Profile, disliked: frozenset[str] = frozenset()) -> SeekerFacts:
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
    )


def posting_facts(posting: Posting) -> PostingFacts:
    return parse_posting(
        PostingText(
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
        )
    )
