"""Keep-in-touch cadences: who is losing touch against their own stage's cadence."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from pydantic import ValidationError

from organiser.cadence import losing_touch, overdue_text
from organiser.clock import LONDON
from organiser.models import (
    LadderMove,
    LadderStage,
    OneToOneStatus,
    Person,
    Profile,
    RelationalMeeting,
)
from organiser.models.profile import DEFAULT_CADENCE_DAYS

TODAY = date(2026, 11, 23)
ADDED = datetime(2026, 1, 5, 9, tzinfo=LONDON)


def person(name: str, stage: LadderStage, added: datetime = ADDED) -> Person:
    return Person(name=name, ladder_stage=stage, created=added, updated=added, revision=1)


def held(
    who: Person, days_ago: int, status: OneToOneStatus = OneToOneStatus.HELD
) -> RelationalMeeting:
    day = TODAY - timedelta(days=days_ago)
    return RelationalMeeting(
        person_id=who.id, at=datetime.combine(day, time(10), LONDON), status=status
    )


def test_the_default_cadences_watch_leaders_most_often_and_contacts_not_at_all() -> None:
    profile = Profile(organiser_name="Jo")
    assert profile.cadence(LadderStage.CORE_TEAM_LEADER) == 14
    assert profile.cadence(LadderStage.LEADER) == 14
    assert profile.cadence(LadderStage.EMERGING_LEADER) == 21
    assert profile.cadence(LadderStage.POTENTIAL_LEADER) == 30
    assert profile.cadence(LadderStage.CONTACT) is None
    # A Profile saved before cadences existed loads with the defaults.
    old = Profile.model_validate({"organiser_name": "Jo", "going_cold_weeks": 6})
    assert old.cadence_days == DEFAULT_CADENCE_DAYS and old.going_cold_weeks == 6
    # A stage missing from a stored Profile falls back to its default.
    partial = Profile(organiser_name="Jo", cadence_days={LadderStage.LEADER: 7})
    assert partial.cadence(LadderStage.LEADER) == 7
    assert partial.cadence(LadderStage.EMERGING_LEADER) == 21


@pytest.mark.parametrize("days", [0, 366, -1])
def test_a_cadence_is_between_a_day_and_a_year(days: int) -> None:
    with pytest.raises(ValidationError):
        Profile(organiser_name="Jo", cadence_days={LadderStage.LEADER: days})


def test_each_person_is_measured_against_their_own_stage_most_overdue_first() -> None:
    leader = person("Amina Khan", LadderStage.LEADER)  # every 14 days
    emerging = person("Bilal Hussain", LadderStage.EMERGING_LEADER)  # every 21
    potential = person("Carol Evans", LadderStage.POTENTIAL_LEADER)  # every 30
    contact = person("Dev Patel", LadderStage.CONTACT)  # not watched
    on_time = person("Erin Moss", LadderStage.LEADER)
    meetings = [
        held(leader, 20),  # 6 days overdue
        held(leader, 40),
        held(emerging, 31),  # 10 days overdue
        held(potential, 30),  # due today: not yet overdue
        held(contact, 300),
        held(on_time, 14),  # exactly on the cadence: not overdue
        held(on_time, 2, OneToOneStatus.BOOKED),  # booked ones do not count as contact made
    ]
    found = losing_touch(
        [leader, emerging, potential, contact, on_time],
        meetings,
        [],
        TODAY,
        Profile(organiser_name="Jo").cadence,
    )
    assert [(t.person.name, t.days_overdue(TODAY)) for t in found] == [
        ("Bilal Hussain", 10),
        ("Amina Khan", 6),
    ]
    assert found[1].last_held == TODAY - timedelta(days=20)
    assert overdue_text(found[1], TODAY) == (
        "6 days overdue (every 14 days; last 1-2-1 03 Nov 2026)"
    )


def test_someone_never_met_is_counted_from_reaching_their_stage_else_from_being_added() -> None:
    promoted = person("Amina Khan", LadderStage.LEADER)
    added = person(
        "Bilal Hussain",
        LadderStage.EMERGING_LEADER,
        datetime(2026, 11, 1, 9, tzinfo=LONDON),
    )
    fresh = person("Carol Evans", LadderStage.LEADER, datetime(2026, 11, 20, 9, tzinfo=LONDON))
    moves = [
        LadderMove(
            person_id=promoted.id,
            on=date(2026, 3, 1),
            from_stage=LadderStage.CONTACT,
            to_stage=LadderStage.EMERGING_LEADER,
        ),
        LadderMove(
            person_id=promoted.id,
            on=date(2026, 11, 2),
            from_stage=LadderStage.EMERGING_LEADER,
            to_stage=LadderStage.LEADER,
        ),
    ]
    found = losing_touch(
        [promoted, added, fresh], [], moves, TODAY, Profile(organiser_name="Jo").cadence
    )
    assert [(t.person.name, t.since, t.days_overdue(TODAY)) for t in found] == [
        ("Amina Khan", date(2026, 11, 2), 7),  # a leader since 2 Nov: 21 days, 14 allowed
        ("Bilal Hussain", date(2026, 11, 1), 1),  # added 1 Nov: 22 days, 21 allowed
    ]
    assert found[0].last_held is None
    assert "never had a 1-2-1 (counted from 02 Nov 2026)" in overdue_text(found[0], TODAY)


def test_a_held_1_2_1_takes_them_off_at_once_and_a_changed_cadence_counts() -> None:
    leader = person("Amina Khan", LadderStage.LEADER)
    meetings = [held(leader, 20)]
    cadence = Profile(organiser_name="Jo").cadence
    assert losing_touch([leader], meetings, [], TODAY, cadence)
    assert not losing_touch([leader], [*meetings, held(leader, 0)], [], TODAY, cadence)
    relaxed = Profile(organiser_name="Jo", cadence_days={LadderStage.LEADER: 28})
    assert not losing_touch([leader], meetings, [], TODAY, relaxed.cadence)
    unwatched = Profile(organiser_name="Jo", cadence_days={LadderStage.LEADER: None})
    assert not losing_touch([leader], meetings, [], TODAY, unwatched.cadence)
