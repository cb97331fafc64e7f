"""Keep-in-touch cadences: who is losing touch, against their own ladder stage's cadence.

Each ladder stage has a cadence in the Profile (leaders every 14 days, potential leaders every
30, contacts none). A person is losing touch when more days than their stage's cadence have
passed since the clock started, and is overdue by the days beyond it.

The clock starts at their last held 1-2-1. Someone who has never had one is counted from the
day they reached their present stage (their latest ladder move to it) or, with no such move on
record, from the day they were added: a person promoted yesterday whose last 1-2-1 was a year
ago really has been out of touch for a year, but a person added yesterday has not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from organiser.metrics import last_held
from organiser.models import LadderMove, LadderStage, Person, RelationalMeeting
from organiser.models.base import UNSAVED


@dataclass(frozen=True)
class LosingTouch:
    """Someone overdue a 1-2-1 against their stage's cadence."""

    person: Person
    cadence_days: int
    #: Their last held 1-2-1, or None when they have never had one.
    last_held: date | None
    #: The day the clock started: the last 1-2-1, else reaching the stage, else being added.
    since: date

    def days_since(self, today: date) -> int:
        return (today - self.since).days

    def days_overdue(self, today: date) -> int:
        return self.days_since(today) - self.cadence_days


def reached_stage(moves: Iterable[LadderMove]) -> dict[tuple[str, LadderStage], date]:
    """The latest day each person moved to each stage, by (person id, stage)."""
    reached: dict[tuple[str, LadderStage], date] = {}
    for move in moves:
        key = (move.person_id, move.to_stage)
        if move.on > reached.get(key, date.min):
            reached[key] = move.on
    return reached


def clock_start(
    person: Person,
    latest: Mapping[str, date],
    reached: Mapping[tuple[str, LadderStage], date],
) -> date | None:
    """When `person`'s keep-in-touch clock started (see the module's notes); None when there
    is nothing to count from (a record never saved)."""
    if person.id in latest:
        return latest[person.id]
    moved = reached.get((person.id, person.ladder_stage))
    if moved is not None:
        return moved
    return None if person.created == UNSAVED else person.created.date()


def losing_touch(
    people: Iterable[Person],
    meetings: Iterable[RelationalMeeting],
    moves: Iterable[LadderMove],
    today: date,
    cadence: Callable[[LadderStage], int | None],
) -> list[LosingTouch]:
    """Everyone overdue a 1-2-1 by their stage's `cadence`, most overdue first (then by name).

    One pass over the 1-2-1s and one over the ladder moves, whatever the number of people.
    """
    latest = last_held(meetings)
    reached = reached_stage(moves)
    found: list[LosingTouch] = []
    for person in people:
        days = cadence(person.ladder_stage)
        if days is None:
            continue
        since = clock_start(person, latest, reached)
        if since is None or (today - since).days <= days:
            continue
        found.append(LosingTouch(person, days, latest.get(person.id), since))
    return sorted(found, key=lambda t: (-t.days_overdue(today), t.person.name, t.person.id))


def overdue_text(touch: LosingTouch, today: date) -> str:
    """ "3 days overdue (every 14 days; last 1-2-1 02 Nov)" in words a person reads at once."""
    overdue = touch.days_overdue(today)
    days = "day" if overdue == 1 else "days"
    if touch.last_held is not None:
        last = f"last 1-2-1 {touch.last_held:%d %b %Y}"
    else:
        last = f"never had a 1-2-1 (counted from {touch.since:%d %b %Y})"
    return f"{overdue} {days} overdue (every {touch.cadence_days} days; {last})"
