"""The demo alliance: deterministic, complete, consistent with `today`, and valid records."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from organiser.demo import DemoAlliance, build_demo
from organiser.models import (
    Campaign,
    Conversation,
    CycleStage,
    FundingSource,
    FundingStatus,
    FundraisingItem,
    FundraisingTarget,
    Institution,
    InstitutionKind,
    LadderMove,
    LadderStage,
    ListeningCampaign,
    Meeting,
    MeetingKind,
    MembershipStatus,
    OneToOneStatus,
    ParticipationStatus,
    Person,
    PowerMapEntry,
    Profile,
    PublicAction,
    Record,
    RelationalMeeting,
    ReviewStatus,
    SupervisionReview,
    TrainingKind,
    TrainingSession,
)
from store.repository import TinyRepository

TODAY = date(2026, 11, 24)  # a Tuesday: a working day
#: Days to build for besides TODAY: a day off (Wednesday), the night the clocks go forward,
#: Christmas leave, early January, and the day after the listening campaign's cut-over.
OTHER_DAYS = (
    date(2026, 11, 25),
    date(2026, 3, 29),
    date(2026, 12, 23),
    date(2027, 1, 4),
    date(2026, 9, 1),
)


@pytest.fixture(scope="module")
def demo() -> DemoAlliance:
    return build_demo(TODAY)


def held(demo: DemoAlliance) -> list[RelationalMeeting]:
    return [m for m in demo.of(RelationalMeeting) if m.status is OneToOneStatus.HELD]


def booked(demo: DemoAlliance) -> list[RelationalMeeting]:
    return [m for m in demo.of(RelationalMeeting) if m.status is OneToOneStatus.BOOKED]


# Determinism ------------------------------------------------------------------------------


def test_the_same_inputs_give_the_same_records_ids_included(demo: DemoAlliance) -> None:
    again = build_demo(TODAY)
    assert [r.id for r in again.records] == [r.id for r in demo.records]
    assert again.records == demo.records


def test_a_different_seed_gives_different_people_and_ids(demo: DemoAlliance) -> None:
    other = build_demo(TODAY, seed=7)
    assert {r.id for r in other.records[1:]}.isdisjoint({r.id for r in demo.records[1:]})
    assert [p.name for p in other.of(Person)] != [p.name for p in demo.of(Person)]


def test_the_records_do_not_depend_on_the_process_hash_seed() -> None:
    """Nothing may hang on set or dict ordering of strings, which changes per process."""
    script = (
        "import hashlib, json\n"
        "from datetime import date\n"
        "from organiser.demo import build_demo\n"
        "demo = build_demo(date(2026, 11, 24), scale=0.3)\n"
        "dump = json.dumps([r.model_dump(mode='json') for r in demo.records])\n"
        "print(hashlib.sha256(dump.encode()).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_building_leaves_the_global_random_state_alone() -> None:
    random.seed(99)
    expected = random.random()
    random.seed(99)
    build_demo(TODAY, scale=0.2)
    assert random.random() == expected


def test_ids_are_unique_and_the_profile_comes_first(demo: DemoAlliance) -> None:
    ids = [r.id for r in demo.records]
    assert len(ids) == len(set(ids))
    assert demo.records[0] is demo.profile
    assert isinstance(demo.profile, Profile)
    assert demo.of(Profile) == [demo.profile]


# Counts ----------------------------------------------------------------------------------


def test_counts_meet_the_minimums(demo: DemoAlliance) -> None:
    counts = demo.counts
    assert counts["Institution"] >= 14
    assert counts["Person"] >= 120
    assert counts["Conversation"] >= 150
    assert counts["Campaign"] == 2
    assert counts["ListeningCampaign"] == 1
    assert counts["FundraisingTarget"] == 1
    assert counts["SupervisionReview"] == 3
    assert demo.people == counts["Person"]
    assert demo.institutions == counts["Institution"]
    assert demo.one_to_ones == counts["RelationalMeeting"]
    assert sum(counts.values()) == len(demo.records)


def test_institutions_of_every_kind_and_status(demo: DemoAlliance) -> None:
    institutions = demo.of(Institution)
    kinds = {i.institution_kind for i in institutions}
    assert kinds >= set(InstitutionKind) - {InstitutionKind.OTHER}
    statuses = Counter(i.status for i in institutions)
    assert statuses[MembershipStatus.MEMBER] > statuses[MembershipStatus.PROSPECT] >= 2
    assert statuses[MembershipStatus.LAPSED] == 1
    assert len({i.tag for i in institutions}) == len(institutions)
    for institution in institutions:
        assert re.fullmatch(r"[a-z0-9]+", institution.tag)
        if institution.status is MembershipStatus.MEMBER:
            assert 300_00 <= institution.annual_dues_pence <= 2_000_00
            assert institution.letter_signed and institution.letter_signed_on
            assert institution.letter_signed_on < TODAY
            assert institution.renewal_date is not None
            assert TODAY < institution.renewal_date <= TODAY + timedelta(days=366)
            assert institution.core_team_ids
    soon = [
        i
        for i in institutions
        if i.renewal_date and TODAY <= i.renewal_date <= TODAY + timedelta(days=60)
    ]
    assert len(soon) >= 2


def test_people_are_diverse_reachable_only_through_fiction_and_consented(
    demo: DemoAlliance,
) -> None:
    people = demo.of(Person)
    names = {p.name for p in people}
    assert {"Siobhán O'Connor-Smith", "Zofia Wójcik"} <= names
    for person in people:
        if person.phone:
            assert re.fullmatch(
                r"(07700 900\d{3}|\+44 7700 900\d{3}|0116 496 0\d{3})", person.phone
            )
        if person.email:
            assert person.email.split("@")[1] in ("example.org", "example.com", "example.net")
    stages = Counter(p.ladder_stage for p in people)
    assert stages[LadderStage.CONTACT] > stages[LadderStage.POTENTIAL_LEADER]
    assert stages[LadderStage.POTENTIAL_LEADER] > stages[LadderStage.LEADER]
    assert 3 <= stages[LadderStage.CORE_TEAM_LEADER] <= stages[LadderStage.LEADER] <= 12
    assert sum(1 for p in people if p.memberships and p.memberships[0].role) > 100
    no_record = [p for p in people if not p.consent_to_record.given]
    expired = [
        p for p in people if p.consent_to_contact.given and not p.consent_to_contact.valid_on(TODAY)
    ]
    assert 2 <= len(no_record) <= 15
    assert 2 <= len(expired) <= 15
    assert all(p.consent_to_contact.on for p in people if p.consent_to_contact.given)
    assert not any(p.notes or p.private_notes for p in no_record)
    assert sum(1 for p in people if p.notes) > 20
    assert sum(1 for p in people if p.private_notes) > 5


def test_a_year_of_one_to_ones_at_about_three_a_working_day(demo: DemoAlliance) -> None:
    profile = demo.profile
    four_months = [m for m in held(demo) if m.at.date() >= TODAY - timedelta(days=120)]
    days = sum(
        1
        for n in range(1, 121)
        if (d := TODAY - timedelta(days=n)).weekday() in profile.working_days
        and d not in profile.leave_days
    )
    assert 2.5 <= len(four_months) / days <= 3.5
    assert len(held(demo)) >= 300
    statuses = Counter(m.status for m in demo.of(RelationalMeeting))
    assert statuses[OneToOneStatus.CANCELLED] >= 2
    for meeting in held(demo):
        assert meeting.length_minutes is not None and 30 <= meeting.length_minutes <= 45
        assert meeting.place
    noted = [m for m in held(demo) if m.story]
    assert len(noted) > 0.8 * len(held(demo))
    for meeting in noted:
        assert 300 <= len(meeting.story) <= 800
        assert meeting.interests and meeting.self_interest and meeting.tension
        assert meeting.potential is not None


def test_follow_ups_are_done_overdue_and_due_today(demo: DemoAlliance) -> None:
    with_follow_up = [m for m in held(demo) if m.follow_up]
    assert all(m.follow_up_due for m in with_follow_up)
    done = [m for m in with_follow_up if m.follow_up_done_on]
    overdue = [
        m
        for m in with_follow_up
        if not m.follow_up_done_on and m.follow_up_due and m.follow_up_due < TODAY
    ]
    due_today = [m for m in with_follow_up if m.follow_up_due == TODAY]
    assert len(done) > len(overdue) >= 3
    assert len(due_today) >= 2
    assert not any(m.follow_up_done_on for m in due_today)
    for meeting in done:
        assert meeting.follow_up_done_on is not None
        assert meeting.at.date() <= meeting.follow_up_done_on <= TODAY


def test_one_to_ones_are_booked_for_today_and_the_week_ahead(demo: DemoAlliance) -> None:
    ahead = booked(demo)
    assert len([m for m in ahead if m.at.date() == TODAY]) >= 2
    this_week = TODAY + timedelta(days=6 - TODAY.weekday())
    assert len([m for m in ahead if TODAY < m.at.date() <= this_week]) >= 1
    assert len({m.person_id for m in ahead}) == len(ahead)
    # The 1-2-1 before a booked one points at it.
    pointed = {m.next_meeting_at for m in held(demo) if m.next_meeting_at}
    assert sum(1 for m in ahead if m.at in pointed) >= len(ahead) // 2


def test_some_leaders_are_going_cold(demo: DemoAlliance) -> None:
    last: dict[str, date] = {}
    for meeting in held(demo):
        last[meeting.person_id] = max(last.get(meeting.person_id, date.min), meeting.at.date())
    leaders = [
        p for p in demo.of(Person) if p.ladder_stage.rank >= LadderStage.EMERGING_LEADER.rank
    ]
    cold = [p for p in leaders if last.get(p.id, date.min) < TODAY - timedelta(weeks=5)]
    assert 1 <= len(cold) <= len(leaders) // 2


def test_ladder_history_leads_to_each_present_stage(demo: DemoAlliance) -> None:
    moves: dict[str, list[LadderMove]] = {}
    for move in demo.of(LadderMove):
        moves.setdefault(move.person_id, []).append(move)
        assert TODAY - timedelta(days=365) <= move.on < TODAY
        assert move.reason
    downs = 0
    for person in demo.of(Person):
        history = sorted(moves.get(person.id, []), key=lambda m: m.on)
        if person.ladder_stage is LadderStage.CONTACT:
            assert not history
            continue
        assert history[0].from_stage is LadderStage.CONTACT
        assert history[-1].to_stage is person.ladder_stage
        for before, after in zip(history, history[1:], strict=False):
            assert before.to_stage is after.from_stage
            assert before.on < after.on
        downs += sum(1 for m in history if not m.is_up)
    assert downs >= 1


def test_a_finished_listening_campaign_with_work_and_housing_on_top(demo: DemoAlliance) -> None:
    (listening,) = demo.of(ListeningCampaign)
    conversations = demo.of(Conversation)
    assert listening.ends is not None and listening.ends < TODAY - timedelta(days=90)
    assert listening.starts.month == 3 and listening.ends.month == 5
    assert len(listening.institution_ids) >= 4
    tally = Counter(c for conversation in conversations for c in conversation.concerns)
    top = [concern for concern, _ in tally.most_common(2)]
    assert top == ["Insecure, low-paid work", "Damp, overcrowded private rented housing"]
    assert len(tally) >= 8
    assert set(listening.concerns) == set(tally)
    with_person = [c for c in conversations if c.person_id]
    anonymous = [c for c in conversations if not c.person_id]
    assert with_person and anonymous
    assert all(c.who for c in anonymous)
    for conversation in conversations:
        assert listening.starts <= conversation.on <= listening.ends
        assert conversation.institution_id in listening.institution_ids


def test_two_campaigns_with_power_analyses(demo: DemoAlliance) -> None:
    campaigns = {c.stage: c for c in demo.of(Campaign)}
    assert set(campaigns) == {CycleStage.PLAN, CycleStage.EVALUATE}
    entries = demo.of(PowerMapEntry)
    for campaign in campaigns.values():
        assert campaign.problem and campaign.issue and campaign.goal and campaign.tactic
        assert campaign.leader_ids and campaign.institution_ids and campaign.turnout_target
        assert campaign.stage_history[0].from_stage is None
        assert campaign.stage_history[-1].to_stage is campaign.stage
        days = [move.on for move in campaign.stage_history]
        assert days == sorted(days) and days[-1] <= TODAY
        own = [e for e in entries if e.campaign_id == campaign.id]
        assert 4 <= len(own) <= 6
        deciders = [e for e in own if e.is_decision_maker]
        assert [campaign.target_decision_maker_id] == [e.id for e in deciders]
        assert len({e.stance for e in own}) >= 3
    assert campaigns[CycleStage.EVALUATE].lessons
    plan = campaigns[CycleStage.PLAN]
    assert plan.action_date is not None and plan.action_date > TODAY


def test_public_actions_past_and_upcoming(demo: DemoAlliance) -> None:
    actions = demo.of(PublicAction)
    past = [a for a in actions if a.at.date() < TODAY]
    upcoming = [a for a in actions if a.at.date() >= TODAY]
    assert 2 <= len(past) <= 3 and len(upcoming) == 1
    for action in past:
        assert action.turnout_actual is not None and action.turnout_target
        assert action.turnout_by_institution and action.leader_roles
        assert action.response and action.evaluation
        delivered = sum(t.delivered for t in action.turnout_by_institution)
        assert delivered <= action.turnout_actual
    assert any(a.turnout_actual and a.turnout_actual < a.turnout_target for a in past)
    assert any(a.turnout_actual and a.turnout_actual >= a.turnout_target for a in past)
    (coming,) = upcoming
    assert coming.turnout_actual is None and not coming.evaluation
    assert all(t.pledged and not t.delivered for t in coming.turnout_by_institution)


def test_meetings_past_with_minutes_and_upcoming_without(demo: DemoAlliance) -> None:
    meetings = demo.of(Meeting)
    kinds = {m.meeting_kind for m in meetings}
    assert kinds >= {
        MeetingKind.TEAM,
        MeetingKind.LEADERSHIP_TEAM,
        MeetingKind.PLANNING_GROUP,
        MeetingKind.ASSEMBLY,
    }
    overdue = done = 0
    for meeting in meetings:
        assert meeting.attendee_ids
        if meeting.at.date() < TODAY:
            assert meeting.minutes and meeting.action_points
        else:
            assert not meeting.minutes and not meeting.action_points
        for point in meeting.action_points:
            assert point.owner_id in meeting.attendee_ids
            assert point.due is not None and point.due > meeting.at.date()
            if point.done_on:
                done += 1
                assert meeting.at.date() <= point.done_on <= TODAY
            elif point.due < TODAY:
                overdue += 1
    assert done >= 5 and overdue >= 2
    assert any(m.at.date() > TODAY for m in meetings if m.meeting_kind is MeetingKind.ASSEMBLY)


def test_training_past_and_upcoming_of_each_kind(demo: DemoAlliance) -> None:
    sessions = demo.of(TrainingSession)
    past = [s for s in sessions if s.starts.date() < TODAY]
    upcoming = [s for s in sessions if s.starts.date() >= TODAY]
    assert {s.training_kind for s in past} == set(TrainingKind)
    assert {s.training_kind for s in upcoming} >= {
        TrainingKind.LOCAL_TASTER,
        TrainingKind.NATIONAL_LEADERSHIP,
    }
    before = {ParticipationStatus.NOMINATED, ParticipationStatus.CONFIRMED}
    for session in past:
        assert session.what_worked and session.what_to_change and session.organiser_days > 0
        assert not {p.status for p in session.participations} & before
    for session in upcoming:
        assert {p.status for p in session.participations} <= before
    completed = {
        p.person_id
        for s in past
        for p in s.participations
        if p.status is ParticipationStatus.COMPLETED
    }
    statuses = {p.status for s in sessions for p in s.participations}
    assert statuses == set(ParticipationStatus)
    assert 10 <= len(completed) <= 40


def test_fundraising_part_way_to_thirty_thousand(demo: DemoAlliance) -> None:
    (target,) = demo.of(FundraisingTarget)
    assert (target.year, target.target_pence, target.hard_money_percent) == (2026, 3_000_000, 50)
    items = demo.of(FundraisingItem)
    paid = sum(i.amount_pence for i in items if i.status is FundingStatus.PAID)
    assert 0.2 * target.target_pence < paid < target.target_pence
    dues = [i for i in items if i.source is FundingSource.MEMBER_DUES]
    assert all(i.hard_money and i.institution_id and i.dues_kind for i in dues)
    assert {i.source for i in items} == set(FundingSource) - {FundingSource.OTHER}
    overdue = [
        i for i in items if i.status is FundingStatus.INVOICED and i.due_on and i.due_on < TODAY
    ]
    assert len(overdue) >= 2
    lost = [i for i in items if i.status is FundingStatus.LOST]
    assert len(lost) >= 2 and all(i.lost_reason for i in lost)
    for item in items:
        if item.paid_on:
            assert item.paid_on <= TODAY
            assert item.invoiced_on is None or item.invoiced_on <= item.paid_on


def test_three_finished_supervisions_a_fortnight_each(demo: DemoAlliance) -> None:
    reviews = sorted(demo.of(SupervisionReview), key=lambda r: r.at)
    assert [r.status for r in reviews] == [ReviewStatus.FINISHED] * 3
    for review in reviews:
        assert (review.period_end - review.period_start).days == 13
        assert review.period_end < review.at.date() < TODAY or review.at.date() == review.period_end
        assert review.supervisor and review.went_well and review.weakness
        assert review.figures and review.agreed_actions and review.moved and review.stalled
    for before, after in zip(reviews, reviews[1:], strict=False):
        assert after.period_start == before.period_end + timedelta(days=1)
    assert any(a.done_on for r in reviews for a in r.agreed_actions)
    assert any(not a.done_on for r in reviews for a in r.agreed_actions)


# Consistency --------------------------------------------------------------------------------

#: Every field that refers to another record, and the type it must refer to.
REFERENCES: dict[str, type[Record]] = {
    "person_id": Person,
    "other_id": Person,
    "institution_id": Institution,
    "listening_campaign_id": ListeningCampaign,
    "campaign_id": Campaign,
    "owner_id": Person,
    "target_decision_maker_id": PowerMapEntry,
    "institution_ids": Institution,
    "listening_campaign_ids": ListeningCampaign,
    "leader_ids": Person,
    "attendee_ids": Person,
    "trainer_ids": Person,
    "core_team_ids": Person,
}


def _references(value: Any, path: str = "") -> list[tuple[str, str]]:
    """(field, id) for every reference anywhere inside a dumped record."""
    found: list[tuple[str, str]] = []
    if isinstance(value, dict):
        for key, inner in value.items():
            if key.endswith(("_id", "_ids")):
                assert key in REFERENCES, f"{path}{key} is a reference the test does not know"
                ids = inner if isinstance(inner, list) else [inner]
                found.extend((key, i) for i in ids if i is not None)
            else:
                found.extend(_references(inner, f"{path}{key}."))
    elif isinstance(value, list):
        for inner in value:
            found.extend(_references(inner, path))
    return found


def check_references(demo: DemoAlliance) -> None:
    kinds = {r.id: type(r) for r in demo.records}
    for record in demo.records:
        for field, target in _references(record.model_dump()):
            assert kinds.get(target) is REFERENCES[field], (type(record).__name__, field, target)


def check_dates(demo: DemoAlliance, today: date) -> None:
    profile = demo.profile
    for meeting in demo.of(RelationalMeeting):
        day = meeting.at.date()
        if meeting.status is OneToOneStatus.BOOKED:
            assert day >= today
        else:
            assert day < today
        if meeting.status is OneToOneStatus.HELD:
            assert day.weekday() in profile.working_days
            assert day not in profile.leave_days
            assert day >= today - timedelta(days=366)
        if meeting.next_meeting_at:
            assert meeting.next_meeting_at > meeting.at
    for person in demo.of(Person):
        for consent in (person.consent_to_contact, person.consent_to_record):
            assert consent.on is None or consent.on < today
    for item in demo.of(FundraisingItem):
        assert item.paid_on is None or item.paid_on <= today
    for review in demo.of(SupervisionReview):
        assert review.at.date() < today
    for action in demo.of(PublicAction):
        assert (action.turnout_actual is None) == (action.at.date() >= today)


def test_every_reference_resolves(demo: DemoAlliance) -> None:
    check_references(demo)


def test_dates_are_relative_to_today(demo: DemoAlliance) -> None:
    check_dates(demo, TODAY)
    assert demo.profile.working_days == [0, 1, 3]


@pytest.mark.parametrize("today", OTHER_DAYS, ids=str)
def test_any_day_gives_a_consistent_alliance(today: date) -> None:
    demo = build_demo(today, scale=0.5)
    check_references(demo)
    check_dates(demo, today)
    assert demo.of(FundraisingTarget)[0].year == today.year


def test_another_time_zone_is_respected() -> None:
    zone = ZoneInfo("America/New_York")
    demo = build_demo(TODAY, scale=0.3, tz=zone)
    assert demo.profile.timezone == "America/New_York"
    first = demo.of(RelationalMeeting)[0]
    assert first.at.utcoffset() == first.at.astimezone(zone).utcoffset()


def test_every_record_survives_a_json_round_trip(demo: DemoAlliance) -> None:
    for record in demo.records:
        assert type(record).model_validate(record.model_dump(mode="json")) == record


# Scale -------------------------------------------------------------------------------------


def test_scale_multiplies_the_counts(demo: DemoAlliance) -> None:
    double = build_demo(TODAY, scale=2)
    for kind in ("Person", "Institution", "RelationalMeeting", "Conversation", "LadderMove"):
        ratio = double.counts[kind] / demo.counts[kind]
        assert 1.7 <= ratio <= 2.3, (kind, ratio)
    check_references(double)


def test_a_small_scale_still_gives_a_whole_alliance() -> None:
    small = build_demo(TODAY, scale=0.1)
    assert all(small.counts[t] >= 1 for t in small.counts)
    check_references(small)
    check_dates(small, TODAY)


@pytest.mark.parametrize("scale", [0, -1, 1000])
def test_a_scale_out_of_range_is_refused(scale: float) -> None:
    with pytest.raises(ValueError, match="scale"):
        build_demo(TODAY, scale=scale)


def test_scale_one_is_quick() -> None:
    started = time.perf_counter()
    build_demo(TODAY)
    assert time.perf_counter() - started < 1.0


def test_the_records_save_in_one_go(repo: TinyRepository) -> None:
    demo = build_demo(TODAY, scale=0.3)
    repo.save_all(demo.records)
    assert repo.profile() == demo.profile.model_copy(
        update={k: getattr(repo.profile(), k) for k in ("created", "updated", "revision")}
    )
    for kind in {type(r) for r in demo.records}:
        assert repo.count(kind) == len(demo.of(kind))
