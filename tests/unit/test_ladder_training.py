"""Ladder moves and counts; leaders trained and training days against their targets."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from organiser.clock import LONDON
from organiser.ladder import history, move, moves_up_in, new_leaders_in, next_stage, stage_counts
from organiser.models import (
    LadderMove,
    LadderStage,
    Participation,
    ParticipationStatus,
    Person,
    Profile,
    TrainingSession,
)
from organiser.periods import Period
from organiser.training import days_target, leaders_trained, training_targets, year_of

Q4 = Period(date(2026, 10, 1), date(2026, 12, 31))


def test_next_stage_stops_at_either_end() -> None:
    assert next_stage(LadderStage.CONTACT, 1) is LadderStage.POTENTIAL_LEADER
    assert next_stage(LadderStage.CONTACT, -1) is None
    assert next_stage(LadderStage.CORE_TEAM_LEADER, 1) is None


def test_a_move_records_from_to_when_and_why() -> None:
    amina = Person(name="Amina", ladder_stage=LadderStage.EMERGING_LEADER)
    done = move(amina, LadderStage.LEADER, "Chaired the assembly", date(2026, 11, 2))
    assert done.person.ladder_stage is LadderStage.LEADER
    assert done.person.id == amina.id
    record = done.record
    assert (record.from_stage, record.to_stage, record.reason) == (
        LadderStage.EMERGING_LEADER,
        LadderStage.LEADER,
        "Chaired the assembly",
    )
    with pytest.raises(ValueError, match="Say why"):
        move(amina, LadderStage.LEADER, "  ", date(2026, 11, 2))
    with pytest.raises(ValueError, match="already"):
        move(amina, LadderStage.EMERGING_LEADER, "x", date(2026, 11, 2))


def _move(person: str, day: date, frm: LadderStage, to: LadderStage) -> LadderMove:
    return LadderMove(person_id=person, on=day, from_stage=frm, to_stage=to, reason="r")


def test_counts_moves_up_and_new_leaders_in_a_period() -> None:
    people = [Person(name="A", ladder_stage=LadderStage.LEADER), Person(name="B")]
    counts = stage_counts(people)
    assert counts[LadderStage.LEADER] == 1 and counts[LadderStage.CONTACT] == 1
    assert sum(counts.values()) == 2 and len(counts) == 5
    a, b, c = "a" * 32, "b" * 32, "c" * 32
    moves = [
        _move(a, date(2026, 3, 1), LadderStage.EMERGING_LEADER, LadderStage.LEADER),
        _move(a, date(2026, 10, 5), LadderStage.LEADER, LadderStage.EMERGING_LEADER),
        _move(a, date(2026, 11, 5), LadderStage.EMERGING_LEADER, LadderStage.LEADER),
        _move(b, date(2026, 10, 9), LadderStage.EMERGING_LEADER, LadderStage.LEADER),
        _move(c, date(2026, 10, 9), LadderStage.CONTACT, LadderStage.POTENTIAL_LEADER),
    ]
    assert [m.on for m in moves_up_in(moves, Q4)] == [
        date(2026, 10, 9),
        date(2026, 10, 9),
        date(2026, 11, 5),
    ]
    assert new_leaders_in(moves, Q4) == {b}  # a first became a leader in March
    assert [m.on for m in history(moves, a)] == [
        date(2026, 11, 5),
        date(2026, 10, 5),
        date(2026, 3, 1),
    ]


def session(
    day: date, *completed: str, days: float = 0.0, others: tuple[str, ...] = ()
) -> TrainingSession:
    return TrainingSession(
        name="Taster",
        starts=datetime.combine(day, time(10), LONDON),
        participations=[
            Participation(person_id=p, status=ParticipationStatus.COMPLETED) for p in completed
        ]
        + [Participation(person_id=p, status=ParticipationStatus.ATTENDED) for p in others],
        delivering_days=days,
    )


def test_a_leader_trained_twice_counts_once_and_years_are_separate() -> None:
    a, b, c = "a" * 32, "b" * 32, "c" * 32
    sessions = [
        session(date(2026, 2, 1), a, b),
        session(date(2026, 6, 1), a, others=(c,)),
        session(date(2025, 12, 31), c),
        session(date(2027, 1, 1), c),
    ]
    assert leaders_trained(sessions, year_of(date(2026, 5, 5))) == {a, b}


def test_training_days_target_is_pro_rata_to_the_working_week() -> None:
    assert days_target(Profile(organiser_name="Jo")) == 10
    assert days_target(Profile(organiser_name="Jo", working_days=[0, 1, 3])) == 6
    assert days_target(Profile(organiser_name="Jo", working_days=list(range(7)))) == 10


def test_training_targets_for_a_part_time_organiser_half_way_through_the_year() -> None:
    profile = Profile(organiser_name="Jo", working_days=[0, 1, 3])
    sessions = [session(date(2026, 3, 1), "a" * 32, days=1.5), session(date(2025, 3, 1), days=4)]
    figures = training_targets(sessions, profile, date(2026, 7, 2))
    assert figures.leaders_trained == 1 and figures.leaders_target == 25
    assert figures.days == 1.5 and figures.days_target == 6
    assert figures.elapsed == pytest.approx(0.5, abs=0.01)
    assert not figures.days_on_track and not figures.leaders_on_track
