"""`encore match`: the ranked postings for one profile (or all), with scores and reasons."""

import json
from collections.abc import Sequence
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.postings import open_postings
from db.profiles import find_by_external_id, profiles_for_matching
from handlers import texts
from handlers.jobs.facts import posting_facts, seeker_facts
from matching.engine import Match, rank_all, rank_postings
from matching.postings import PostingText


class UnknownProfileError(Exception):
    """No profile has the external id asked for."""


async def match_command(
    sessions: async_sessionmaker[AsyncSession],
    profile_id: str | None,
    *,
    today: date,
    top: int,
    vetted_only: bool,
    as_json: bool,
) -> str:
    """The output of `encore match`: text for people, or JSON for scripts."""
    async with sessions() as session:
        if profile_id is None:
            profiles = await profiles_for_matching(session)
        else:
            found = await find_by_external_id(session, profile_id)
            if found is None:
                raise UnknownProfileError(texts.match_unknown_profile(profile_id))
            profiles = [found]
        postings = [posting_facts(posting) for posting in await open_postings(session, today)]
    seekers = [seeker_facts(profile) for profile in profiles]
    if profile_id is None:
        ranked = rank_all(seekers, postings, today=today, top=top, vetted_only=vetted_only)
    else:
        ranked = {
            seekers[0].key: rank_postings(
                seekers[0], postings, today=today, top=top, vetted_only=vetted_only
            )
        }
    by_key = {posting.text.key: posting.text for posting in postings}
    if as_json:
        return json.dumps(
            {key: [_as_json(match) for match in matches] for key, matches in ranked.items()},
            ensure_ascii=False,
            indent=2,
        )
    names = {seeker_facts(p).key: p.name or "" for p in profiles}
    return "\n".join(
        line
        for key, matches in ranked.items()
        for line in _as_text(key, names.get(key, ""), matches, by_key, today)
    )


def _as_json(match: Match) -> dict[str, object]:
    return {
        "posting": match.posting_key,
        "score": round(match.score, 2),
        "reasons": list(match.reasons),
        "vetted": match.vetted,
    }


def _as_text(
    key: str, name: str, matches: Sequence[Match], postings: dict[str, PostingText], today: date
) -> list[str]:
    lines = [texts.match_heading(key, name, len(matches), today)]
    for rank, match in enumerate(matches, 1):
        posting = postings[match.posting_key]
        mark = texts.VETTED_MARK if match.vetted else texts.UNVETTED_MARK
        lines.append(
            f"{rank:>3}. {match.posting_key}  {match.score:5.1f}  "
            f"{posting.title} · {posting.company} {mark}"
        )
        lines.append(f"     {match.summary}")
    return [*lines, ""]
