"""Training feeds the ladder: who a completed session should move up, and who was nominated
for training but has not been trained yet.

* Each person who COMPLETED a session is suggested the next rung up the ladder (a potential
  leader becomes an emerging leader), with a reason naming the training. No suggestion for
  someone already on the top rung, nor for someone moved up since the session began (the
  suggestion was taken, or the organiser moved them for another reason).
* "Nominated, not yet trained": people nominated or confirmed for a session, past or still
  to come, who have completed no training at all. A session that passed while they were
  still only nominated means they need nominating again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from organiser.ladder import Move, move, next_stage
from organiser.models import (
    LadderMove,
    LadderStage,
    ParticipationStatus,
    Person,
    TrainingSession,
)
from organiser.trainings import local_day

#: A place on a session that is still only a plan: nobody has been trained yet.
WAITING = frozenset({ParticipationStatus.NOMINATED, ParticipationStatus.CONFIRMED})


@dataclass(frozen=True)
class Suggestion:
    """Move `person` up to `to_stage`, because they completed the training."""

    person: Person
    to_stage: LadderStage
    reason: str


def reason_for(session: TrainingSession, zone: ZoneInfo) -> str:
    """The reason a ladder move made for completing `session` records."""
    return f"Completed the training “{session.name}” ({local_day(session, zone):%d %b %Y})"


def suggested_moves(
    session: TrainingSession,
    people: Mapping[str, Person],
    moves: Iterable[LadderMove],
    zone: ZoneInfo,
) -> list[Suggestion]:
    """The next rung up for each person who completed `session`, in participant order."""
    held_on = local_day(session, zone)
    moved_since = {m.person_id for m in moves if m.is_up and m.on >= held_on}
    found: list[Suggestion] = []
    for place in session.participations:
        if place.status is not ParticipationStatus.COMPLETED:
            continue
        person = people.get(place.person_id)
        if person is None or person.id in moved_since:
            continue
        up = next_stage(person.ladder_stage, 1)
        if up is not None:
            found.append(Suggestion(person, up, reason_for(session, zone)))
    return found


def apply_suggestions(suggestions: Iterable[Suggestion], on: date) -> list[Move]:
    """The moves to save (each person at their new stage and its LadderMove)."""
    return [move(s.person, s.to_stage, s.reason, on) for s in suggestions]


@dataclass(frozen=True)
class Awaiting:
    """Someone nominated for training and not yet trained, with the session that matters
    most: the next one they are on, or else the last one that passed without them."""

    person: Person
    session: TrainingSession
    status: ParticipationStatus
    nominated_on: date | None
    #: The session has passed (they need nominating again).
    missed: bool


def nominated_not_trained(
    sessions: Iterable[TrainingSession],
    people: Mapping[str, Person],
    today: date,
    zone: ZoneInfo,
) -> list[Awaiting]:
    """Everyone nominated (or confirmed) and never trained: those whose session has passed
    first (longest ago first), then those waiting for one (soonest first)."""
    pool = sorted(sessions, key=lambda s: s.starts)
    trained = {
        p.person_id
        for s in pool
        for p in s.participations
        if p.status is ParticipationStatus.COMPLETED
    }
    chosen: dict[str, Awaiting] = {}
    for session in pool:
        day = local_day(session, zone)
        for place in session.participations:
            person = people.get(place.person_id)
            if place.status not in WAITING or person is None or person.id in trained:
                continue
            here = Awaiting(person, session, place.status, place.nominated_on, day < today)
            before = chosen.get(person.id)
            # Sessions come oldest first: a later one replaces an earlier one, unless the
            # earlier is still to come (the next session they are on wins).
            if before is None or before.missed:
                chosen[person.id] = here
    missed = [a for a in chosen.values() if a.missed]
    waiting = [a for a in chosen.values() if not a.missed]
    # Longest-ago first: the missed session kept is each person's latest one.
    missed.sort(key=lambda a: (a.session.starts, a.person.name))
    waiting.sort(key=lambda a: (a.session.starts, a.person.name))
    return missed + waiting
