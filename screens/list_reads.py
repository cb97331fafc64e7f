"""What the People and 1-2-1s lists are made from, read and worked out in one go.

Reading thousands of records, sorting them and working out what each is found by takes a
good part of a second for a large alliance. Done in a thread, the list screen paints and
takes keys at once; done in one function, the same work serves the first opening (in a
thread) and a reload after a change made on the list itself (at once, on the main thread).

A list is read again on a later visit only if something was saved since, or the day changed
(`Freshness`): otherwise the rows made last time are still right.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo
from typing import Any

from textual.app import App

from organiser.consent import lapsed, noted_in_one_to_ones
from organiser.models import Institution, Person, Profile, RelationalMeeting
from organiser.one_to_ones import OneToOneFinder
from organiser.people import PeopleFinder
from organiser.repository import Repository


@dataclass(frozen=True)
class Freshness:
    """How many changes the app had counted, and which day it was, when a list was read."""

    changes: int
    day: date

    @classmethod
    def now(cls, app: App[Any], day: date) -> Freshness:
        # The app counts every durable change it makes (screens/app.py `changes`); an app
        # without the count is taken as always changed, so the list is always read again.
        changes = getattr(app, "changes", None)
        return cls(changes if isinstance(changes, int) else -1, day)

    def still(self, other: Freshness | None) -> bool:
        """Whether a list read at `other` is still up to date now (self)."""
        return other is not None and self.changes >= 0 and other == self


@dataclass(frozen=True)
class PeopleRead:
    """Everyone, sorted and ready to search, with whose consent has lapsed."""

    finder: PeopleFinder
    institutions: dict[str, Institution]
    profile: Profile | None
    lapsed: frozenset[str]


def read_people(repo: Repository, today: date) -> PeopleRead:
    """Everything the People list shows; raises OrganiserError if the records cannot be read."""
    people = repo.list(Person)
    institutions = {i.id: i for i in repo.list(Institution)}
    profile = repo.profile()
    noted = noted_in_one_to_ones(repo.list(RelationalMeeting))
    gone = frozenset(p.id for p in people if lapsed(p, today, notes_elsewhere=p.id in noted))
    return PeopleRead(PeopleFinder(people, institutions), institutions, profile, gone)


@dataclass(frozen=True)
class OneToOnesRead:
    """Every 1-2-1, newest first and ready to filter, with who and where each was with."""

    finder: OneToOneFinder
    by_id: dict[str, RelationalMeeting]
    people: dict[str, Person]
    institutions: list[Institution]
    profile: Profile | None


def read_one_to_ones(repo: Repository, zone: tzinfo) -> OneToOnesRead:
    """Everything the 1-2-1s list shows; raises OrganiserError if they cannot be read."""
    meetings = repo.list(RelationalMeeting)
    people = {p.id: p for p in repo.list(Person)}
    institutions = repo.list(Institution)
    profile = repo.profile()
    finder = OneToOneFinder(meetings, people, zone)
    by_id = {m.id: m for m in finder.meetings}
    return OneToOnesRead(finder, by_id, people, institutions, profile)
