"""Turnout totals and percentages; open, due and overdue meeting action points; Today's list."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from organiser.actions import (
    add_leader_role,
    percent,
    remove_leader_role,
    remove_turnout,
    set_turnout,
    turnout,
    turnout_text,
)
from organiser.clock import LONDON
from organiser.meetings import (
    add_point,
    due_points,
    mark_done,
    open_points,
    remove_point,
    toggle_done,
)
from organiser.models import ActionPoint, Meeting, Person, Profile, PublicAction
from organiser.models.base import new_id
from organiser.today import as_json, as_text, build_today
from store.repository import TinyRepository

TODAY = date(2026, 11, 23)
SCHOOL, MOSQUE = new_id(), new_id()


def action(**changes: object) -> PublicAction:
    base = PublicAction(name="Assembly", at=datetime(2026, 11, 20, 19, tzinfo=LONDON))
    return base.evolve(**changes)


def test_turnout_sums_the_roll_call_and_compares_with_the_target() -> None:
    assembly = set_turnout(action(turnout_target=100), SCHOOL, 40, 35)
    assembly = set_turnout(assembly, MOSQUE, 30, 31)
    assembly = set_turnout(assembly, SCHOOL, 40, 36)  # a correction replaces the line
    figures = turnout(assembly)
    assert (figures.pledged, figures.delivered, figures.total, figures.of_target) == (
        70,
        67,
        67,
        67,
    )
    assert turnout_text(assembly) == "67 of 100 (67%)"
    counted = assembly.evolve(turnout_actual=84)  # a headcount beats the roll call's sum
    assert turnout(counted).total == 84
    assert turnout_text(counted) == "84 of 100 (84%)"
    assert [t.institution_id for t in remove_turnout(assembly, SCHOOL).turnout_by_institution] == [
        MOSQUE
    ]


def test_turnout_with_nothing_recorded_or_no_target() -> None:
    assert turnout(action()).total is None
    assert turnout_text(action(turnout_target=50)) == "not recorded (target 50)"
    assert turnout_text(action(turnout_actual=12)) == "12 (no target set)"
    assert percent(3, 0) is None
    assert percent(35, 40) == 88


def test_a_leader_has_one_role_at_an_action() -> None:
    leader = new_id()
    changed = add_leader_role(add_leader_role(action(), leader, "chair"), leader, "roll call")
    assert [(r.person_id, r.role) for r in changed.leader_roles] == [(leader, "roll call")]
    assert remove_leader_role(changed, leader).leader_roles == []


def meeting(*points: ActionPoint, day: int = 16) -> Meeting:
    return Meeting(
        title="Team", at=datetime(2026, 11, day, 10, tzinfo=LONDON), action_points=list(points)
    )


def test_due_points_are_open_ones_due_today_or_before_oldest_first() -> None:
    today = ActionPoint(text="today", due=TODAY)
    old = ActionPoint(text="old", due=TODAY - timedelta(days=5))
    later = ActionPoint(text="later", due=TODAY + timedelta(days=1))
    undated = ActionPoint(text="undated")
    done = ActionPoint(text="done", due=TODAY - timedelta(days=9), done_on=TODAY)
    found = due_points([meeting(today, later, undated), meeting(done, old, day=10)], TODAY)
    assert [d.point.text for d in found] == ["old", "today"]
    assert [d.is_overdue(TODAY) for d in found] == [True, False]


def test_adding_ticking_and_removing_action_points() -> None:
    team, point = add_point(meeting(), "Book the hall", None, TODAY)
    assert open_points(team) == [point]
    ticked = toggle_done(team, point.id, TODAY)
    assert ticked.action_points[0].done_on == TODAY and open_points(ticked) == []
    assert toggle_done(ticked, point.id, TODAY).action_points[0].done_on is None
    assert mark_done(ticked, point.id, TODAY + timedelta(days=1)) == ticked  # stays as it was
    assert remove_point(team, point.id).action_points == []


def test_today_lists_action_points_due(repo: TinyRepository) -> None:
    owner = Person(name="Carol Evans")
    point = ActionPoint(text="Send the minutes", owner_id=owner.id, due=TODAY - timedelta(days=2))
    team = meeting(point, ActionPoint(text="Later", due=TODAY + timedelta(days=2)))
    profile = Profile(organiser_name="Jo")
    repo.save_all([profile, owner, team])
    summary = build_today(repo, profile, TODAY)
    assert [d.point.id for d in summary.action_points] == [point.id]
    assert "Action points due (1):" in as_text(summary, profile)
    assert "due 21 Nov  Send the minutes  (Carol Evans)  from Team" in as_text(summary, profile)
    (shown,) = as_json(summary)["action_points_due"]
    assert shown == {
        "meeting_id": team.id,
        "meeting": "Team",
        "id": point.id,
        "text": "Send the minutes",
        "owner_id": owner.id,
        "owner": "Carol Evans",
        "due": "2026-11-21",
    }
