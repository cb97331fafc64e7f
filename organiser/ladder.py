"""The leadership ladder: moving people up and down, and counting where everyone stands."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from organiser.models import LadderMove, LadderStage, Person
from organiser.periods import Period

STAGES: tuple[LadderStage, ...] = tuple(LadderStage)


def next_stage(stage: LadderStage, step: int) -> LadderStage | None:
    """The stage `step` rungs up (or down, when negative), or None past either end."""
    index = stage.rank + step
    return STAGES[index] if 0 <= index < len(STAGES) else None


@dataclass(frozen=True)
class Move:
    """A ladder move ready to save: the person at their new stage and the move's record."""

    person: Person
    record: LadderMove


def move(person: Person, to_stage: LadderStage, reason: str, on: date) -> Move:
    """Move `person` to `to_stage`, recording from where, when and why.

    Raises ValueError when the stage would not change or no reason is given.
    """
    if to_stage is person.ladder_stage:
        raise ValueError(f"{person.name} is already at that stage.")
    if not reason.strip():
        raise ValueError("Say why: each move on the ladder records its reason.")
    record = LadderMove(
        person_id=person.id,
        on=on,
        from_stage=person.ladder_stage,
        to_stage=to_stage,
        reason=reason,
    )
    return Move(person.evolve(ladder_stage=to_stage), record)


def stage_counts(people: Iterable[Person]) -> dict[LadderStage, int]:
    """How many people stand on each rung, every rung present."""
    counts = Counter(p.ladder_stage for p in people)
    return {stage: counts.get(stage, 0) for stage in STAGES}


def moves_up_in(moves: Iterable[LadderMove], period: Period) -> list[LadderMove]:
    """Moves up the ladder made in `period`, oldest first."""
    return sorted((m for m in moves if m.is_up and m.on in period), key=lambda m: m.on)


def new_leaders_in(moves: Iterable[LadderMove], period: Period) -> set[str]:
    """People who reached "leader" or above for the first time in `period` (by person id)."""
    leader = LadderStage.LEADER.rank
    reached: dict[str, date] = {}
    for m in sorted(moves, key=lambda m: m.on):
        if m.to_stage.rank >= leader and m.from_stage.rank < leader:
            reached.setdefault(m.person_id, m.on)
    return {person_id for person_id, day in reached.items() if day in period}


def history(moves: Iterable[LadderMove], person_id: str) -> list[LadderMove]:
    """One person's ladder moves, newest first."""
    return sorted((m for m in moves if m.person_id == person_id), key=lambda m: m.on, reverse=True)
