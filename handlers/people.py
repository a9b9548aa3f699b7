"""How a senior is named in messages to coaches and staff."""

from db.models import Profile
from handlers import texts


def person_name(profile: Profile | None) -> str:
    """The name the senior gave, or a neutral word so that "…님" still reads naturally."""
    return profile.name if profile and profile.name else texts.NAMELESS
