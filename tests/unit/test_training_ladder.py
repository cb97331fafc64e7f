"""Training feeds the ladder: suggested moves for completers, and who is still to be trained."""

from __future__ import annotations

from datetime import date, datetime

from organiser.clock import LONDON
from organiser.models import (
    LadderMove,
    LadderStage,
    Participation,
    ParticipationStatus,
    Person,
    TrainingSession,
)
from organiser.training_ladder import (
    apply_suggestions,
    nominated_not_trained,
    suggested_moves,
)

TODAY = date(2026, 11, 23)
S = ParticipationStatus


def session(name: str, day: date, *places: tuple[Person, ParticipationStatus]) -> TrainingSession:
    return TrainingSession(
        name=name,
        starts=datetime(day.year, day.month, day.day, 10, tzinfo=LONDON),
        participations=[Participation(person_id=p.id, status=s) for p, s in places],
    )


AMINA = Person(name="Amina Begum", ladder_stage=LadderStage.POTENTIAL_LEADER)
BILAL = Person(name="Bilal Hussain", ladder_stage=LadderStage.CORE_TEAM_LEADER)
CAROL = Person(name="Carol Evans")
DEV = Person(name="Dev Patel", ladder_stage=LadderStage.LEADER)
PEOPLE = {p.id: p for p in (AMINA, BILAL, CAROL, DEV)}


def test_each_completer_is_suggested_the_next_rung_up() -> None:
    held = session(
        "Power and relationships",
        date(2026, 11, 14),
        (AMINA, S.COMPLETED),
        (BILAL, S.COMPLETED),  # already at the top: nothing to suggest
        (CAROL, S.ATTENDED),  # came, did not complete
        (DEV, S.COMPLETED),
    )
    found = suggested_moves(held, PEOPLE, [], LONDON)
    assert [(s.person.name, s.to_stage) for s in found] == [
        ("Amina Begum", LadderStage.EMERGING_LEADER),
        ("Dev Patel", LadderStage.CORE_TEAM_LEADER),
    ]
    assert found[0].reason == "Completed the training “Power and relationships” (14 Nov 2026)"


def test_someone_moved_up_since_the_session_is_not_suggested_again() -> None:
    held = session("Taster", date(2026, 11, 14), (AMINA, S.COMPLETED), (DEV, S.COMPLETED))
    moved = LadderMove(
        person_id=AMINA.id,
        on=date(2026, 11, 16),
        from_stage=LadderStage.POTENTIAL_LEADER,
        to_stage=LadderStage.EMERGING_LEADER,
        reason="Completed the training",
    )
    earlier = LadderMove(
        person_id=DEV.id,
        on=date(2026, 10, 1),
        from_stage=LadderStage.EMERGING_LEADER,
        to_stage=LadderStage.LEADER,
        reason="Led the action",
    )
    found = suggested_moves(held, PEOPLE, [moved, earlier], LONDON)
    assert [s.person.name for s in found] == ["Dev Patel"]


def test_people_no_longer_on_record_are_left_out() -> None:
    gone = Person(name="Someone")
    held = session("Taster", date(2026, 11, 14), (gone, S.COMPLETED))
    assert suggested_moves(held, PEOPLE, [], LONDON) == []


def test_applying_makes_a_ladder_move_naming_the_training() -> None:
    held = session("Taster", date(2026, 11, 14), (AMINA, S.COMPLETED))
    (moved,) = apply_suggestions(suggested_moves(held, PEOPLE, [], LONDON), TODAY)
    assert moved.person.ladder_stage is LadderStage.EMERGING_LEADER
    assert moved.record.from_stage is LadderStage.POTENTIAL_LEADER
    assert moved.record.to_stage is LadderStage.EMERGING_LEADER
    assert "Taster" in moved.record.reason and moved.record.on == TODAY


def test_nominated_but_not_trained() -> None:
    past = session("October taster", date(2026, 10, 10), (AMINA, S.NOMINATED), (CAROL, S.COMPLETED))
    soon = session("December taster", date(2026, 12, 5), (AMINA, S.CONFIRMED), (DEV, S.NOMINATED))
    later = session("Spring course", date(2027, 3, 1), (CAROL, S.NOMINATED), (DEV, S.NOMINATED))
    missed = session("September taster", date(2026, 9, 1), (BILAL, S.CONFIRMED))
    found = nominated_not_trained([later, soon, past, missed], PEOPLE, TODAY, LONDON)
    assert [(a.person.name, a.session.name, a.missed) for a in found] == [
        ("Bilal Hussain", "September taster", True),  # passed without him: nominate again
        ("Amina Begum", "December taster", False),  # her next session wins over the missed one
        ("Dev Patel", "December taster", False),
    ]  # Carol is trained already: her spring nomination does not count
    assert found[1].status is S.CONFIRMED


def test_a_person_who_did_not_attend_is_not_waiting() -> None:
    past = session("Taster", date(2026, 10, 10), (AMINA, S.DID_NOT_ATTEND), (DEV, S.ATTENDED))
    assert nominated_not_trained([past], PEOPLE, TODAY, LONDON) == []
