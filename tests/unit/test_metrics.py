"""The organiser's numbers with a fixed clock: rate per working day, going cold, follow-ups."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from organiser.clock import LONDON
from organiser.metrics import follow_ups, going_cold, one_to_one_rate
from organiser.models import LadderStage, OneToOneStatus, Person, Profile, RelationalMeeting
from organiser.periods import Period, PeriodKind, working_days

MONDAY = date(2026, 11, 23)


def held(person: Person, day: date, **fields: object) -> RelationalMeeting:
    at = datetime.combine(day, time(10), LONDON)
    return RelationalMeeting.model_validate({"person_id": person.id, "at": at, **fields})


def test_named_periods() -> None:
    thursday = MONDAY + timedelta(days=3)
    assert Period.named(PeriodKind.THIS_WEEK, thursday) == Period(MONDAY, thursday, "This week")
    assert Period.named(PeriodKind.LAST_4_WEEKS, MONDAY).length == 28
    assert Period.named(PeriodKind.THIS_QUARTER, MONDAY).start == date(2026, 10, 1)
    assert Period.named(PeriodKind.THIS_YEAR, MONDAY).start == date(2026, 1, 1)
    with pytest.raises(ValueError):
        Period.named(PeriodKind.CUSTOM, MONDAY)
    with pytest.raises(ValueError):
        Period(MONDAY, MONDAY - timedelta(days=1))
    assert Period(MONDAY, MONDAY + timedelta(days=6)).previous().end == MONDAY - timedelta(days=1)


def test_working_days_follow_a_part_time_pattern_and_skip_leave() -> None:
    four_weeks = Period(MONDAY, MONDAY + timedelta(days=27))
    assert working_days(four_weeks, range(5)) == 20
    assert working_days(four_weeks, [0, 1, 3]) == 12
    assert working_days(four_weeks, [0, 1, 3], [MONDAY, MONDAY + timedelta(days=2)]) == 11


def test_rate_counts_held_meetings_per_working_day() -> None:
    profile = Profile(organiser_name="Jo", working_days=[0, 1, 3], leave_days=[MONDAY])
    amina = Person(name="Amina")
    week = Period(MONDAY, MONDAY + timedelta(days=6))
    meetings = [
        held(amina, MONDAY + timedelta(days=1)),
        held(amina, MONDAY + timedelta(days=1)),
        held(amina, MONDAY + timedelta(days=3)),
        held(amina, MONDAY + timedelta(days=5)),  # a Saturday still counts as work done
        held(amina, MONDAY + timedelta(days=3), status=OneToOneStatus.BOOKED),
        held(amina, MONDAY + timedelta(days=3), status=OneToOneStatus.CANCELLED),
        held(amina, MONDAY + timedelta(days=8)),  # next week
    ]
    rate = one_to_one_rate(meetings, week, profile)
    assert (rate.held, rate.working_days) == (4, 2)
    assert rate.per_day == 2.0 and not rate.on_target
    assert rate.target_total == 6


def test_rate_over_an_empty_period_or_all_leave_is_zero_not_an_error() -> None:
    profile = Profile(organiser_name="Jo", working_days=[0], leave_days=[MONDAY])
    rate = one_to_one_rate([], Period(MONDAY, MONDAY), profile)
    assert rate.working_days == 0 and rate.per_day == 0.0


def test_going_cold_lists_leaders_not_met_for_weeks_longest_first() -> None:
    never = Person(name="Never Met", ladder_stage=LadderStage.LEADER)
    long_ago = Person(name="Long Ago", ladder_stage=LadderStage.POTENTIAL_LEADER)
    a_while = Person(name="A While", ladder_stage=LadderStage.CORE_TEAM_LEADER)
    recent = Person(name="Recent", ladder_stage=LadderStage.LEADER)
    contact = Person(name="Just A Contact")
    meetings = [
        held(long_ago, MONDAY - timedelta(days=60)),
        held(a_while, MONDAY - timedelta(days=29)),
        held(a_while, MONDAY - timedelta(days=40)),
        held(recent, MONDAY - timedelta(days=3)),
        held(recent, MONDAY + timedelta(days=3), status=OneToOneStatus.BOOKED),
        held(never, MONDAY - timedelta(days=1), status=OneToOneStatus.CANCELLED),
    ]
    cold = going_cold([never, long_ago, a_while, recent, contact], meetings, MONDAY, weeks=4)
    assert [(c.person.name, c.days_since) for c in cold] == [
        ("Never Met", None),
        ("Long Ago", 60),
        ("A While", 29),
    ]


def test_exactly_four_weeks_is_cold_and_a_day_less_is_not() -> None:
    leader = Person(name="L", ladder_stage=LadderStage.LEADER)
    assert going_cold([leader], [held(leader, MONDAY - timedelta(days=28))], MONDAY, 4)
    assert not going_cold([leader], [held(leader, MONDAY - timedelta(days=27))], MONDAY, 4)


def test_follow_ups_due_today_overdue_and_done() -> None:
    amina = Person(name="Amina")
    due_today = held(amina, MONDAY - timedelta(days=7), follow_up="call", follow_up_due=MONDAY)
    late = held(
        amina, MONDAY - timedelta(days=9), follow_up="send", follow_up_due=date(2026, 11, 1)
    )
    later = held(amina, MONDAY - timedelta(days=9), follow_up="x", follow_up_due=date(2026, 11, 20))
    done = held(
        amina,
        MONDAY - timedelta(days=9),
        follow_up="done",
        follow_up_due=date(2026, 11, 2),
        follow_up_done_on=date(2026, 11, 3),
    )
    future = held(amina, MONDAY, follow_up="later", follow_up_due=date(2026, 12, 1))
    no_follow_up = held(amina, MONDAY, follow_up_due=date(2026, 11, 1))
    found = follow_ups([due_today, later, late, done, future, no_follow_up], MONDAY)
    assert found.due_today == [due_today]
    assert found.overdue == [late, later]
    assert found.done == [done]
