"""The alert subscribers, kept between ticks by each process.

Reading 100,000 profiles with their careers takes seconds, most of them on the event loop
(rows are turned into objects there), while between two ticks only a few people change.
So a process keeps what it read, and each tick reads again only the people whose user row
or profile changed (`updated_at`). What is due and what was already shown still come from
the database every tick; this is a copy of the profiles, checked against it:

- changes are read from `OVERLAP` before the previous refresh began, so a row stamped by
  a transaction that committed later, or by a process whose clock is a little behind, is
  still read (stamps only; the profile again only if its stamp moved);
- a person who is deleted leaves no stamp behind: so the people a tick is about to alert
  are checked to subscribe still (`db.alerts.still_subscribed`), and whoever does not is
  forgotten; counting every subscriber each tick would cost more than matching;
- every `RECHECK` everyone's stamps (a few columns, not the profiles) are compared with
  the copy, which forgets whoever was deleted without being about to hear of anything.
"""

import time
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from db.alerts import (
    Subscriber,
    subscriber_stamps,
    subscribers,
)
from db.models import AlertMode
from handlers.jobs.facts import seeker_facts
from matching.engine import SeekerFacts

OVERLAP = timedelta(minutes=10)
RECHECK = timedelta(hours=1)


Entry = tuple[Subscriber, SeekerFacts]


@dataclass(frozen=True)
class Subscribed:
    """Subscribers to some modes in user order, with their facts for matching.

    Never changed once handed out, since a tick's worker thread may still be reading it: a
    change makes a patched copy (copying 100,000 references is cheap; building 100,000
    facts is not)."""

    user_ids: list[int] = field(default_factory=list)
    people: list[Subscriber] = field(default_factory=list)
    seekers: list[SeekerFacts] = field(default_factory=list)
    by_key: dict[str, Subscriber] = field(default_factory=dict)
    """Who each seeker key is, for matching's answers."""

    def patched(self, entries: Mapping[int, Entry | None]) -> "Subscribed":
        """A copy in which these users are listed with their new entry, or not at all."""
        user_ids, people, seekers = list(self.user_ids), list(self.people), list(self.seekers)
        by_key = dict(self.by_key)
        for user_id in sorted(entries):
            entry = entries[user_id]
            at = bisect_left(user_ids, user_id)
            listed = at < len(user_ids) and user_ids[at] == user_id
            if listed:
                del by_key[seekers[at].key]
            if entry is None:
                if listed:
                    del user_ids[at], people[at], seekers[at]
                continue
            if listed:
                people[at], seekers[at] = entry
            else:
                user_ids.insert(at, user_id)
                people.insert(at, entry[0])
                seekers.insert(at, entry[1])
            by_key[entry[1].key] = entry[0]
        return Subscribed(user_ids, people, seekers, by_key)


@dataclass
class _Listing:
    """What was last handed out for some modes, and who changed since."""

    subscribed: Subscribed
    disliked: dict[int, frozenset[str]]
    changed: set[int]


@dataclass
class SubscriberCache:
    """One process's copy of every alert subscriber, by user id."""

    _people: dict[int, Subscriber] = field(default_factory=dict)
    _listings: dict[frozenset[AlertMode], _Listing] = field(default_factory=dict)
    _read_at: datetime | None = None
    """When the last refresh started, by this process's clock."""
    _checked_at: float | None = None
    """When everyone's stamps were last compared (`time.monotonic`)."""

    async def subscribers(
        self,
        session: AsyncSession,
        modes: Iterable[AlertMode],
        disliked: Mapping[int, frozenset[str]],
    ) -> Subscribed:
        """Subscribers to `modes`, each seeker's facts made with the families they dislike.

        The facts of someone who did not change are the same objects as last tick, which
        lets matching keep its index of them (`matching.new_posting.seeker_index`)."""
        await self._refresh(session)
        wanted = frozenset(modes)
        listing = self._listings.get(wanted)
        if listing is None:
            listing = self._listings[wanted] = _Listing(Subscribed(), {}, set(self._people))
        changed = listing.changed | {
            user_id
            for user_id in listing.disliked.keys() | disliked.keys()
            if listing.disliked.get(user_id) != disliked.get(user_id)
        }
        if changed:
            entries = {user_id: self._entry(user_id, wanted, disliked) for user_id in changed}
            listing.subscribed = listing.subscribed.patched(entries)
        listing.disliked = dict(disliked)
        listing.changed = set()
        return listing.subscribed

    def _entry(
        self, user_id: int, wanted: frozenset[AlertMode], disliked: Mapping[int, frozenset[str]]
    ) -> Entry | None:
        person = self._people.get(user_id)
        if person is None or person.alert_mode not in wanted:
            return None
        return person, seeker_facts(person.profile, disliked.get(user_id, frozenset()))

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
        self._read_at = started

    async def _read_changes(self, session: AsyncSession, since: datetime | None) -> None:
        """Read again whoever changed at or after `since` (anyone, if None) and whose stamp
        differs from the copy's; forget whoever no longer subscribes."""
        stamps = await subscriber_stamps(session, since)
        if since is None:
            self.forget(set(self._people) - set(stamps))
        self.forget(user_id for user_id, stamp in stamps.items() if stamp is None)
        stale = [
            user_id
            for user_id, stamp in stamps.items()
            if stamp is not None
            and ((kept := self._people.get(user_id)) is None or kept.stamp != stamp)
        ]
        read = await subscribers(session, stale if self._people else None)
        self.forget(set(stale) - {person.user_id for person in read})
        self._keep(read)

    def _keep(self, people: list[Subscriber]) -> None:
        for person in people:
            self._people[person.user_id] = person
        self._changed(person.user_id for person in people)

    def forget(self, user_ids: Iterable[int]) -> None:
        """Drop these people, who subscribe no longer; read again if they come back."""
        gone = [user_id for user_id in user_ids if self._people.pop(user_id, None) is not None]
        self._changed(gone)

    def _changed(self, user_ids: Iterable[int]) -> None:
        listed = list(user_ids)
        for listing in self._listings.values():
            listing.changed.update(listed)
