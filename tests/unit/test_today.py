"""The Today summary, built from a repository with a fixed date."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from organiser.clock import LONDON
from organiser.models import (
    Institution,
    LadderStage,
    OneToOneStatus,
    Participation,
    Person,
    Profile,
    RelationalMeeting,
    TrainingSession,
)
from organiser.today import as_json, as_text, build_today
from store.repository import TinyRepository

MONDAY = date(2026, 11, 23)


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), LONDON)


def test_today_gathers_bookings_follow_ups_cold_leaders_renewals_and_the_rate(
    repo: TinyRepository,
) -> None:
    profile = Profile(organiser_name="Jo", working_days=[0, 1, 3])
    amina = Person(name="Amina Khan", ladder_stage=LadderStage.LEADER)
    bilal = Person(name="Bilal [red]Ahmed[/]", ladder_stage=LadderStage.EMERGING_LEADER)
    school = Institution(name="St Mary's", renewal_date=MONDAY + timedelta(days=30))
    later = Institution(name="Far Off", renewal_date=MONDAY + timedelta(days=200))
    booked = RelationalMeeting(
        person_id=amina.id, at=at(MONDAY, 14), status=OneToOneStatus.BOOKED, place="Library"
    )
    earlier = RelationalMeeting(
        person_id=amina.id,
        at=at(MONDAY, 9),
        follow_up="Invite to training",
        follow_up_due=MONDAY,
    )
    old = RelationalMeeting(
        person_id=bilal.id,
        at=at(MONDAY - timedelta(days=50)),
        follow_up="Send the leaflet",
        follow_up_due=MONDAY - timedelta(days=40),
    )
    repo.save_all([profile, amina, bilal, school, later, booked, earlier, old])

    summary = build_today(repo, profile, MONDAY)

    assert summary.booked == [repo.get(RelationalMeeting, booked.id)]
    assert [m.id for m in summary.follow_ups.due_today] == [earlier.id]
    assert [m.id for m in summary.follow_ups.overdue] == [old.id]
    assert [t.person.id for t in summary.losing_touch] == [bilal.id]
    assert [i.id for i in summary.renewals] == [school.id]
    assert (summary.rate.held, summary.rate.working_days) == (1, 1)

    text = as_text(summary, profile)
    assert "14:00  Amina Khan  at Library" in text
    assert (
        "Bilal [red]Ahmed[/] (Emerging leader), 29 days overdue, last 1-2-1 04 Oct (50 days ago)"
        in text
    )
    data = json.loads(json.dumps(as_json(summary)))
    assert data["rate"] == {
        "period_start": "2026-11-23",
        "period_end": "2026-11-23",
        "held": 1,
        "working_days": 1,
        "per_day": 1.0,
        "target_per_day": 3.0,
    }
    assert data["losing_touch"][0]["days_since"] == 50
    assert data["losing_touch"][0]["days_overdue"] == 29  # an emerging leader: every 21 days


def test_today_lists_trainings_this_week_and_nominations_to_confirm(
    repo: TinyRepository,
) -> None:
    profile = Profile(organiser_name="Jo")
    amina = Person(name="Amina Khan")
    soon = TrainingSession(
        name="Power and action",
        starts=at(MONDAY + timedelta(days=2), 18),
        venue="Library",
        participations=[Participation(person_id=amina.id)],
    )
    later = TrainingSession(name="NCLT", starts=at(MONDAY + timedelta(days=40)))
    repo.save_all([profile, amina, soon, later])

    summary = build_today(repo, profile, MONDAY)

    assert [s.id for s in summary.trainings] == [soon.id]
    assert [(n.session.id, n.person_id) for n in summary.nominations] == [(soon.id, amina.id)]
    text = as_text(summary, profile)
    assert (
        "Trainings in the next 7 days (1):\n  Wed 25 Nov 18:00  Power and action  at Library"
        in text
    )
    assert "Nominated, not yet confirmed (1):\n  Amina Khan: Power and action, Wed 25 Nov" in text
    data = json.loads(json.dumps(as_json(summary)))
    assert data["trainings"][0]["name"] == "Power and action"
    assert data["nominated_not_confirmed"] == [
        {
            "training_id": soon.id,
            "training": "Power and action",
            "starts": soon.starts.isoformat(),
            "person_id": amina.id,
            "person": "Amina Khan",
        }
    ]
