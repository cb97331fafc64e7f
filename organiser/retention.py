"""The retention sweep: people with no activity for a long time, to review and keep or erase.

UK GDPR says personal data must not be kept longer than it is needed. A person's *last
activity* is the latest of: a 1-2-1 with them (held, booked or cancelled), a ladder move, a
training they were on or gave, a meeting they attended or owe an action point from, a
listening conversation with them, a public action where they had a role, a change to their
record, and the day a retention review last decided to keep them. Those whose last activity
is older than the retention period (the Profile's, 24 months unless changed) are listed,
longest quiet first.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from organiser.models import (
    Conversation,
    LadderMove,
    Meeting,
    Person,
    PublicAction,
    Record,
    RelationalMeeting,
    TrainingSession,
)
from organiser.repository import Repository

#: Record types that show a person was active, in the order they are read.
ACTIVITY_TYPES: tuple[type[Record], ...] = (
    RelationalMeeting,
    LadderMove,
    TrainingSession,
    Meeting,
    Conversation,
    PublicAction,
)


@dataclass(frozen=True)
class Activity:
    """The last sign of someone: the day, and what it was ("1-2-1", "record changed")."""

    on: date
    what: str


@dataclass(frozen=True)
class Dormant:
    """A person the sweep lists, and their last activity."""

    person: Person
    last: Activity


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _local(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def _signs(record: Record, zone: ZoneInfo) -> Iterator[tuple[str, Activity]]:
    """(person id, activity) for everyone `record` shows to have been active."""
    if isinstance(record, RelationalMeeting):
        yield record.person_id, Activity(_local(record.at, zone), "1-2-1")
    elif isinstance(record, LadderMove):
        yield record.person_id, Activity(record.on, "ladder move")
    elif isinstance(record, TrainingSession):
        seen = Activity(_local(record.starts, zone), "training")
        for participation in record.participations:
            yield participation.person_id, seen
        for trainer in record.trainer_ids:
            yield trainer, seen
    elif isinstance(record, Meeting):
        seen = Activity(_local(record.at, zone), "meeting")
        for attendee in record.attendee_ids:
            yield attendee, seen
        for point in record.action_points:
            if point.owner_id:
                yield point.owner_id, seen
    elif isinstance(record, Conversation) and record.person_id:
        yield record.person_id, Activity(record.on, "listening conversation")
    elif isinstance(record, PublicAction):
        seen = Activity(_local(record.at, zone), "public action")
        for role in record.leader_roles:
            yield role.person_id, seen


#: What a person's own record says; on the same day, anything else they did says more.
_OWN = frozenset({"added", "record changed", "kept at a retention review"})


def _own(person: Person, zone: ZoneInfo) -> Activity:
    changed = _local(person.updated, zone)
    own = Activity(changed, "added" if person.created == person.updated else "record changed")
    if person.reviewed_on is not None and person.reviewed_on >= own.on:
        return Activity(person.reviewed_on, "kept at a retention review")
    return own


def last_activity(
    people: Iterable[Person], records: Iterable[Record], zone: ZoneInfo
) -> dict[str, Activity]:
    """Each person's last activity, by person id."""
    latest = {person.id: _own(person, zone) for person in people}
    for record in records:
        for person_id, seen in _signs(record, zone):
            known = latest.get(person_id)
            if known is None:
                continue
            if seen.on > known.on or (seen.on == known.on and known.what in _OWN):
                latest[person_id] = seen
    return latest


def sweep(
    people: Iterable[Person], records: Iterable[Record], today: date, months: int, zone: ZoneInfo
) -> list[Dormant]:
    """People with no activity in the `months` months before `today`, longest quiet first."""
    pool = list(people)
    cutoff = months_before(today, months)
    latest = last_activity(pool, records, zone)
    quiet = [Dormant(p, latest[p.id]) for p in pool if latest[p.id].on < cutoff]
    return sorted(quiet, key=lambda d: (d.last.on, d.person.name.casefold(), d.person.id))


def read_sweep(repo: Repository, today: date, months: int, zone: ZoneInfo) -> list[Dormant]:
    """The sweep over everything in `repo`."""
    records: list[Record] = [r for kind in ACTIVITY_TYPES for r in repo.list(kind)]
    return sweep(repo.list(Person), records, today, months, zone)


def keep(person: Person, today: date) -> Person:
    """`person` marked as reviewed and kept today: they leave the sweep for another period."""
    return person.evolve(reviewed_on=today)
