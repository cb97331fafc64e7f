"""The leader pipeline's helpers: filters, cards, progress over a period, nominations."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from organiser.clock import LONDON
from organiser.models import (
    Campaign,
    Institution,
    LadderMove,
    LadderStage,
    Membership,
    OneToOneStatus,
    Participation,
    ParticipationStatus,
    Person,
    Profile,
    RelationalMeeting,
    TrainingSession,
)
from organiser.periods import Period
from organiser.pipeline import (
    cards_by_stage,
    in_campaign,
    is_on,
    narrow,
    nominate,
    progress,
    upcoming,
)

TODAY = date(2026, 11, 23)
SCHOOL = Institution(name="St Mary's Primary")
MOSQUE = Institution(name="Highfields Mosque")


def member(
    name: str, *institutions: Institution, stage: LadderStage = LadderStage.CONTACT
) -> Person:
    return Person(
        name=name,
        memberships=[Membership(institution_id=i.id) for i in institutions],
        ladder_stage=stage,
    )


AMINA = member("Amina Khan", SCHOOL, stage=LadderStage.LEADER)
BILAL = member("Bilal Hussain", MOSQUE)
CAROL = member("Carol Evans", stage=LadderStage.POTENTIAL_LEADER)
DEV = member("Dev Patel", MOSQUE, SCHOOL, stage=LadderStage.LEADER)
EVERYONE = [AMINA, BILAL, CAROL, DEV]


def held(person: Person, day: date) -> RelationalMeeting:
    return RelationalMeeting(
        person_id=person.id,
        at=datetime(day.year, day.month, day.day, 10, tzinfo=LONDON),
        status=OneToOneStatus.HELD,
    )


def test_a_person_is_in_a_campaign_as_its_leader_or_through_an_institution() -> None:
    housing = Campaign(name="Housing", institution_ids=[SCHOOL.id], leader_ids=[CAROL.id])
    assert in_campaign(CAROL, housing)  # a leader, with no institution at all
    assert in_campaign(AMINA, housing) and in_campaign(DEV, housing)
    assert not in_campaign(BILAL, housing)
    assert not in_campaign(BILAL, Campaign(name="Empty"))


def test_narrow_by_institution_campaign_or_both() -> None:
    housing = Campaign(name="Housing", institution_ids=[SCHOOL.id], leader_ids=[CAROL.id])
    assert narrow(EVERYONE) == EVERYONE
    assert narrow(EVERYONE, institution_id=MOSQUE.id) == [BILAL, DEV]
    assert narrow(EVERYONE, campaign=housing) == [AMINA, CAROL, DEV]
    assert narrow(EVERYONE, institution_id=MOSQUE.id, campaign=housing) == [DEV]


def test_cards_sit_in_their_stage_sorted_by_name_with_their_facts() -> None:
    meetings = [
        held(AMINA, date(2026, 11, 20)),
        held(AMINA, date(2026, 9, 1)),
        held(DEV, date(2026, 9, 1)),
        RelationalMeeting(  # booked, not held: does not count
            person_id=CAROL.id,
            at=datetime(2026, 11, 22, 10, tzinfo=LONDON),
            status=OneToOneStatus.BOOKED,
        ),
    ]
    institutions = {SCHOOL.id: SCHOOL, MOSQUE.id: MOSQUE}
    # Carol, never met, has been a potential leader (every 30 days) since 1 Sep.
    moves = [
        ladder_move(CAROL, date(2026, 9, 1), LadderStage.CONTACT, LadderStage.POTENTIAL_LEADER)
    ]
    cadence = Profile(organiser_name="Jo").cadence
    board = cards_by_stage(EVERYONE, institutions, meetings, TODAY, cadence, moves)
    assert list(board) == list(LadderStage)  # every stage, in ladder order
    assert board[LadderStage.EMERGING_LEADER] == []
    amina, dev = board[LadderStage.LEADER]
    assert (amina.person, dev.person) == (AMINA, DEV)
    assert amina.last_one_to_one == date(2026, 11, 20) and not amina.losing_touch
    assert dev.institutions == ("Highfields Mosque", "St Mary's Primary")
    assert dev.losing_touch  # twelve weeks since his last 1-2-1; a leader: every 14 days
    (carol,) = board[LadderStage.POTENTIAL_LEADER]
    assert carol.last_one_to_one is None and carol.losing_touch and carol.institutions == ()
    (bilal,) = board[LadderStage.CONTACT]
    assert not bilal.losing_touch  # contacts are not watched


def ladder_move(
    person: Person, on: date, from_stage: LadderStage, to_stage: LadderStage
) -> LadderMove:
    return LadderMove(
        person_id=person.id, on=on, from_stage=from_stage, to_stage=to_stage, reason="why"
    )


def test_progress_counts_moves_up_and_new_leaders_in_the_period() -> None:
    quarter = Period(date(2026, 10, 1), TODAY, "This quarter")
    moves = [
        ladder_move(CAROL, date(2026, 10, 5), LadderStage.CONTACT, LadderStage.POTENTIAL_LEADER),
        ladder_move(AMINA, date(2026, 11, 2), LadderStage.EMERGING_LEADER, LadderStage.LEADER),
        ladder_move(DEV, date(2026, 3, 2), LadderStage.EMERGING_LEADER, LadderStage.LEADER),
        ladder_move(DEV, date(2026, 10, 9), LadderStage.LEADER, LadderStage.EMERGING_LEADER),
        ladder_move(DEV, date(2026, 11, 9), LadderStage.EMERGING_LEADER, LadderStage.LEADER),
    ]
    everyone = progress(moves, quarter)
    assert (everyone.moves_up, everyone.new_leaders) == (3, 1)  # Dev was a leader before
    only_amina = progress(moves, quarter, {AMINA.id})
    assert (only_amina.moves_up, only_amina.new_leaders) == (1, 1)
    assert progress(moves, quarter, set()).moves_up == 0


def session(name: str, starts: datetime, *on_it: Person) -> TrainingSession:
    return TrainingSession(
        name=name, starts=starts, participations=[Participation(person_id=p.id) for p in on_it]
    )


def test_upcoming_sessions_are_those_still_to_start_soonest_first() -> None:
    now = datetime(2026, 11, 23, 9, 30, tzinfo=LONDON)
    earlier_today = session("Breakfast taster", datetime(2026, 11, 23, 8, tzinfo=LONDON))
    later_today = session("Evening taster", datetime(2026, 11, 23, 18, tzinfo=LONDON))
    next_year = session("National training", datetime(2027, 2, 8, 9, tzinfo=LONDON))
    assert upcoming([next_year, earlier_today, later_today], now) == [later_today, next_year]
    assert upcoming([earlier_today], now) == []


def test_nominate_adds_them_as_nominated_today_once_only() -> None:
    taster = session("Power and self-interest", datetime(2026, 12, 1, 18, tzinfo=LONDON), AMINA)
    nominated = nominate(taster, CAROL, TODAY)
    assert nominated.id == taster.id
    assert nominated.participations[0].person_id == AMINA.id  # those already on it kept
    added = nominated.participations[1]
    assert (added.person_id, added.status, added.nominated_on) == (
        CAROL.id,
        ParticipationStatus.NOMINATED,
        TODAY,
    )
    assert is_on(nominated, CAROL.id) and not is_on(taster, CAROL.id)
    with pytest.raises(ValueError, match="Carol Evans is already on Power and self-interest"):
        nominate(nominated, CAROL, TODAY)
