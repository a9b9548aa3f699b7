"""The alert subscribers, kept between ticks by each process.

Reading 100,000 profiles with their careers takes seconds, most of them on the event loop
(rows are turned into objects there), while between two ticks only a few people change.
So a process keeps what it read, and each tick reads again only the people whose user row
or profile changed (`updated_at`). What is due and what was already shown still come from
the database every tick; this is a copy of the profiles, checked against it:

- changes are read from `OVERLAP` before the previous refresh began, so a row stamped by
  a transaction that committed later, or by a process whose clock is a little behind, is
  still read (stamps only; the profile again only if its stamp moved);
- a person who is deleted leaves no stamp behind: the number of subscribers tells, and
  then everyone's stamps (a few columns, not the profiles) are compared with the copy;
- every `RECHECK` the stamps are compared anyway, whatever the number says.
"""

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from db.alerts import (
    Subscriber,
    subscriber_count,
    subscriber_stamps,
    subscribers,
)
from db.models import AlertMode
from handlers.jobs.facts import seeker_facts
from matching.engine import SeekerFacts

OVERLAP = timedelta(minutes=10)
RECHECK = timedelta(hours=1)


@dataclass
class SubscriberCache:
    """One process's copy of every alert subscriber, by user id."""

    _people: dict[int, Subscriber] = field(default_factory=dict)
    _facts: dict[int, SeekerFacts] = field(default_factory=dict)
    _lists: dict[
        frozenset[AlertMode],
        tuple[dict[int, frozenset[str]], list[tuple[Subscriber, SeekerFacts]]],
    ] = field(default_factory=dict)
    """The last list handed out for some modes and the dislikes it was made with."""
    _read_at: datetime | None = None
    """When the last refresh started, by this process's clock."""
    _checked_at: float | None = None
    """When everyone's stamps were last compared (`time.monotonic`)."""

    async def subscribers(
        self,
        session: AsyncSession,
        modes: Iterable[AlertMode],
        disliked: Mapping[int, frozenset[str]],
    ) -> list[tuple[Subscriber, SeekerFacts]]:
        """Subscribers to `modes` in user order, with their facts for matching.

        The facts of someone who did not change are the same objects as last tick, which
        lets matching reuse its index of them (`matching.new_posting.seeker_index`)."""
        await self._refresh(session)
        wanted = frozenset(modes)
        kept = self._lists.get(wanted)
        if kept is not None and kept[0] == disliked:
            return kept[1]
        chosen = sorted(
            (person for person in self._people.values() if person.alert_mode in wanted),
            key=lambda person: person.user_id,
        )
        listed = [
            (person, self._facts_of(person, disliked.get(person.user_id, frozenset())))
            for person in chosen
        ]
        self._lists[wanted] = (dict(disliked), listed)
        return listed

    def _facts_of(self, person: Subscriber, disliked: frozenset[str]) -> SeekerFacts:
        facts = self._facts.get(person.user_id)
        if facts is None or facts.disliked_families != disliked:
            facts = self._facts[person.user_id] = seeker_facts(person.profile, disliked)
        return facts

    async def _refresh(self, session: AsyncSession) -> None:
        started = datetime.now(UTC)
        due = self._checked_at is None or (
            time.monotonic() - self._checked_at >= RECHECK.total_seconds()
        )
        if self._read_at is None or due:
            await self._read_changes(session, None)
            self._checked_at = time.monotonic()
        else:
            await self._read_changes(session, self._read_at - OVERLAP)
            if len(self._people) != await subscriber_count(session):
                await self._read_changes(session, None)
                self._checked_at = time.monotonic()
        self._read_at = started

    async def _read_changes(self, session: AsyncSession, since: datetime | None) -> None:
        """Read again whoever changed at or after `since` (anyone, if None) and whose stamp
        differs from the copy's; forget whoever no longer subscribes."""
        stamps = await subscriber_stamps(session, since)
        if since is None:
            self._forget(set(self._people) - set(stamps))
        self._forget(user_id for user_id, stamp in stamps.items() if stamp is None)
        stale = [
            user_id
            for user_id, stamp in stamps.items()
            if stamp is not None
            and ((kept := self._people.get(user_id)) is None or kept.stamp != stamp)
        ]
        read = await subscribers(session, stale if self._people else None)
        self._forget(set(stale) - {person.user_id for person in read})
        self._keep(read)

    def _keep(self, people: list[Subscriber]) -> None:
        if people:
            self._lists.clear()
        for person in people:
            self._people[person.user_id] = person
            self._facts.pop(person.user_id, None)

    def _forget(self, user_ids: Iterable[int]) -> None:
        for user_id in user_ids:
            if self._people.pop(user_id, None) is not None:
                self._lists.clear()
            self._facts.pop(user_id, None)
