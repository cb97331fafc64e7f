"""The leader pipeline as a board: who stands where, narrowed by institution or campaign,
what each card says about them, and nominating them for training.

Pure Python: the Leaders screen draws what these functions return.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from organiser.cadence import losing_touch
from organiser.ladder import STAGES, moves_up_in, new_leaders_in
from organiser.metrics import last_held
from organiser.models import (
    Campaign,
    Institution,
    LadderMove,
    LadderStage,
    Participation,
    ParticipationStatus,
    Person,
    RelationalMeeting,
    TrainingSession,
)
from organiser.people import institution_names, sort_key
from organiser.periods import Period

#: The lowest stage `organiser leaders` lists by default.
WATCHED_FROM = LadderStage.POTENTIAL_LEADER


def in_campaign(person: Person, campaign: Campaign) -> bool:
    """One of the campaign's leaders, or a member of one of its institutions."""
    if person.id in campaign.leader_ids:
        return True
    return any(i in campaign.institution_ids for i in person.institution_ids)


def narrow(
    people: Iterable[Person],
    institution_id: str | None = None,
    campaign: Campaign | None = None,
) -> list[Person]:
    """Those who belong to `institution_id` (when given) and take part in `campaign` (when
    given); both filters together narrow to people meeting both."""
    return [
        p
        for p in people
        if (institution_id is None or institution_id in p.institution_ids)
        and (campaign is None or in_campaign(p, campaign))
    ]


@dataclass(frozen=True)
class Card:
    """What the board shows for one person."""

    person: Person
    institutions: tuple[str, ...]
    last_one_to_one: date | None
    #: Overdue a 1-2-1 against their stage's keep-in-touch cadence.
    losing_touch: bool


def cards_by_stage(
    people: Iterable[Person],
    institutions_by_id: Mapping[str, Institution],
    meetings: Iterable[RelationalMeeting],
    today: date,
    cadence: Callable[[LadderStage], int | None],
    moves: Iterable[LadderMove] = (),
) -> dict[LadderStage, list[Card]]:
    """Every stage (empty ones too), its people's cards sorted by name; `cadence` (the
    Profile's) and the ladder `moves` say who is losing touch."""
    pool = list(people)
    meetings = list(meetings)
    latest = last_held(meetings)
    losing = {t.person.id for t in losing_touch(pool, meetings, moves, today, cadence)}
    board: dict[LadderStage, list[Card]] = {stage: [] for stage in STAGES}
    for person in sorted(pool, key=sort_key):
        board[person.ladder_stage].append(
            Card(
                person=person,
                institutions=tuple(institution_names(person, institutions_by_id)),
                last_one_to_one=latest.get(person.id),
                losing_touch=person.id in losing,
            )
        )
    return board


@dataclass(frozen=True)
class Progress:
    """Moves up the ladder and new leaders over a period."""

    period: Period
    moves_up: int
    new_leaders: int


def progress(
    moves: Iterable[LadderMove], period: Period, person_ids: set[str] | None = None
) -> Progress:
    """Moves up and new leaders in `period`, counting only `person_ids` when given."""
    pool = [m for m in moves if person_ids is None or m.person_id in person_ids]
    return Progress(period, len(moves_up_in(pool, period)), len(new_leaders_in(pool, period)))


def upcoming(sessions: Iterable[TrainingSession], now: datetime) -> list[TrainingSession]:
    """Training sessions that start after `now`, soonest first."""
    return sorted((s for s in sessions if s.starts > now), key=lambda s: (s.starts, s.name))


def is_on(session: TrainingSession, person_id: str) -> bool:
    return any(p.person_id == person_id for p in session.participations)


def nominate(session: TrainingSession, person: Person, today: date) -> TrainingSession:
    """`session` with `person` added as nominated today.

    Raises ValueError when they are already on it (nominated, confirmed or otherwise).
    """
    if is_on(session, person.id):
        raise ValueError(f"{person.name} is already on {session.name}.")
    nomination = Participation(
        person_id=person.id, status=ParticipationStatus.NOMINATED, nominated_on=today
    )
    return session.evolve(participations=[*session.participations, nomination])
