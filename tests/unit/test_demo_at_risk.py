"""The demo alliance has a member institution at risk by the program's own rule, on any day
it is built for, while its other members stay in touch or pay; and no "going cold" wording."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from organiser.demo import build_demo
from organiser.demo.institutions import DRIFTING_TAGS
from organiser.institution_health import institutions_at_risk, last_held_by_institution
from organiser.models import (
    FundingStatus,
    FundraisingItem,
    Institution,
    MembershipStatus,
    OneToOneStatus,
    Person,
    RelationalMeeting,
    SupervisionReview,
)

DAYS = (date(2026, 11, 23), date(2026, 11, 24), date(2027, 1, 4), date(2026, 3, 29))


@pytest.mark.parametrize("today", DAYS)
def test_one_member_is_at_risk_for_unpaid_dues_and_no_recent_one_to_one(today: date) -> None:
    demo = build_demo(today)
    profile = demo.profile
    at_risk = institutions_at_risk(
        demo.of(Institution),
        demo.of(Person),
        lambda: demo.of(RelationalMeeting),
        demo.of(FundraisingItem),
        profile,
        today,
    )

    assert [r.institution.tag for r in at_risk] == list(DRIFTING_TAGS)
    risk = at_risk[0]
    assert risk.institution.status is MembershipStatus.MEMBER
    # Both halves of the rule hold, with room to spare (not on the edge of a threshold).
    assert (today - risk.unpaid_since).days >= profile.at_risk_dues_days + 14
    assert all(item.status is FundingStatus.INVOICED for item in risk.unpaid)
    assert risk.last_held is not None  # met once, then lost
    assert (today - risk.last_held).days >= profile.at_risk_quiet_days + 14
    assert "unpaid since" in risk.reason


def test_the_other_members_stay_in_touch() -> None:
    today = DAYS[0]
    demo = build_demo(today)
    latest = last_held_by_institution(demo.of(Person), demo.of(RelationalMeeting))
    members = [i for i in demo.of(Institution) if i.status is MembershipStatus.MEMBER]
    quiet = [i.tag for i in members if latest.get(i.id, date.min) < today - timedelta(days=90)]
    assert quiet == list(DRIFTING_TAGS)


def test_no_one_at_the_drifting_member_is_booked_or_met_lately() -> None:
    today = DAYS[0]
    demo = build_demo(today)
    drifting = {i.id for i in demo.of(Institution) if i.tag in DRIFTING_TAGS}
    theirs = {p.id for p in demo.of(Person) if drifting & set(p.institution_ids)}
    assert theirs
    recent = [
        m
        for m in demo.of(RelationalMeeting)
        if m.person_id in theirs
        and m.status is not OneToOneStatus.CANCELLED
        and m.at.date() > today - timedelta(days=90)
    ]
    assert recent == []


def test_the_supervision_reviews_say_losing_touch_not_going_cold() -> None:
    demo = build_demo(DAYS[0])
    text = " ".join(
        " ".join([*r.moved, *r.stalled, r.weakness, *(a.text for a in r.agreed_actions)])
        for r in demo.of(SupervisionReview)
    )
    assert "going cold" not in text.lower()
    assert "losing touch" in text.lower()
