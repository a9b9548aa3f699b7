"""`encore match`: the ranked postings for one profile (or all), with scores and reasons.

`--all` over a centre's 100,000 profiles ranks on every core and writes each profile's
result as soon as it is ranked, so the output is never held whole in memory.
"""

import json
import os
from collections.abc import Iterable, Sequence
from datetime import date
from functools import partial
from typing import TextIO

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.postings import open_postings
from db.profiles import MatchingProfile, matching_profiles
from handlers import texts
from handlers.jobs.facts import posting_text, seeker_facts
from matching.engine import Match, SeekerFacts, key_and_matches, ranking
from matching.postings import PostingText


class UnknownProfileError(Exception):
    """No profile has the external id asked for."""


async def match_command(
    sessions: async_sessionmaker[AsyncSession],
    profile_id: str | None,
    out: TextIO,
    *,
    today: date,
    top: int,
    vetted_only: bool,
    as_json: bool,
) -> None:
    """Write the output of `encore match` to `out`: text for people, or JSON for scripts.

    With `--all`, the workers start (and parse the postings) while the profiles load.
    """
    async with sessions() as session:
        postings = [posting_text(posting) for posting in await open_postings(session, today)]
    workers = (os.cpu_count() or 1) if profile_id is None else 1
    start = partial(ranking, postings, today=today, top=top, vetted_only=vetted_only)
    if as_json:
        with start(_json_entry, workers=workers) as rank:
            _, seekers = await _seekers(sessions, profile_id)
            _write_json(rank(seekers), out)
        return
    with start(key_and_matches, workers=workers) as rank:
        profiles, seekers = await _seekers(sessions, profile_id)
        names = {seeker.key: p.name or "" for seeker, p in zip(seekers, profiles, strict=True)}
        by_key = {posting.key: posting for posting in postings}
        for key, matches in rank(seekers):
            out.write("\n".join(_as_text(key, names[key], matches, by_key, today)) + "\n")


async def _seekers(
    sessions: async_sessionmaker[AsyncSession], profile_id: str | None
) -> tuple[list[MatchingProfile], list[SeekerFacts]]:
    async with sessions() as session:
        profiles = await matching_profiles(session, profile_id)
    if profile_id is not None and not profiles:
        raise UnknownProfileError(texts.match_unknown_profile(profile_id))
    return profiles, [seeker_facts(profile) for profile in profiles]


def _write_json(entries: Iterable[str], out: TextIO) -> None:
    """{profile: [match, ...]} laid out as `json.dumps(..., indent=2)` would, one profile
    at a time."""
    out.write("{")
    separator = "\n"
    for entry in entries:
        out.write(separator + entry)
        separator = ",\n"
    out.write("\n}\n" if separator != "\n" else "}\n")


def _json_entry(key: str, matches: list[Match]) -> str:
    """One profile's `"key": [...]` as it stands inside the indented object."""
    entry = json.dumps({key: [_as_json(m) for m in matches]}, ensure_ascii=False, indent=2)
    return entry[2:-2]


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
