"""Institution health: a member with dues unpaid past due and no 1-2-1 with its people for
months is at risk, with the reason in words."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from organiser.clock import LONDON
from organiser.institution_health import institutions_at_risk
from organiser.models import (
    FundingSource,
    FundingStatus,
    FundraisingItem,
    Institution,
    Membership,
    MembershipStatus,
    Person,
    Profile,
    RelationalMeeting,
)

TODAY = date(2026, 11, 23)
PROFILE = Profile(organiser_name="Jo")  # dues 30 days past due, no 1-2-1 in 90 days


def member(name: str, **changes: object) -> Institution:
    return Institution(name=name, status=MembershipStatus.MEMBER, annual_dues_pence=12_000).evolve(
        **changes
    )


def dues(
    institution: Institution,
    due: date,
    status: FundingStatus = FundingStatus.INVOICED,
    pence: int = 12_000,
) -> FundraisingItem:
    return FundraisingItem(
        source=FundingSource.MEMBER_DUES,
        institution_id=institution.id,
        amount_pence=pence,
        year=due.year,
        status=status,
        due_on=due if status is FundingStatus.INVOICED else None,
        expected_on=due,
    )


def belongs(name: str, *institutions: Institution) -> Person:
    return Person(name=name, memberships=[Membership(institution_id=i.id) for i in institutions])


def held(who: Person, day: date) -> RelationalMeeting:
    return RelationalMeeting(person_id=who.id, at=datetime.combine(day, time(10), LONDON))


def at_risk(
    institutions: Iterable[Institution],
    people: Iterable[Person],
    meetings: list[RelationalMeeting],
    items: Iterable[FundraisingItem],
    profile: Profile = PROFILE,
) -> list[str]:
    found = institutions_at_risk(institutions, people, lambda: meetings, items, profile, TODAY)
    return [f"{r.institution.name}: {r.reason}" for r in found]


def test_unpaid_dues_and_no_1_2_1_for_90_days_together_flag_a_member() -> None:
    quiet = member("St Mary's")
    seen = member("Highfields Mosque")
    paid = member("Unison Branch")
    prospect = member("New School", status=MembershipStatus.PROSPECT)
    amina = belongs("Amina Khan", quiet, seen)
    bilal = belongs("Bilal Hussain", seen)
    meetings = [
        held(amina, date(2026, 7, 3)),  # the last with St Mary's people
        held(bilal, TODAY - timedelta(days=89)),  # Highfields: seen within 90 days
    ]
    items = [
        dues(quiet, date(2026, 9, 1)),
        dues(seen, date(2026, 9, 1)),
        dues(paid, date(2026, 9, 1), FundingStatus.PAID),
        dues(prospect, date(2026, 9, 1)),
    ]
    assert at_risk([quiet, seen, paid, prospect], [amina, bilal], meetings, items) == [
        "St Mary's: dues £120.00 unpaid since 1 Sep 2026; no 1-2-1 with its people since 3 Jul 2026"
    ]


def test_dues_within_the_grace_days_or_settled_do_not_count() -> None:
    late = member("St Mary's")
    items = [
        dues(late, TODAY - timedelta(days=30)),  # exactly 30 days: still within the grace
        dues(late, TODAY - timedelta(days=400), FundingStatus.LOST),
        dues(late, date(2026, 1, 1), FundingStatus.PAID),
    ]
    assert at_risk([late], [], [], items) == []
    # A pledged item counts from when it was expected; no one ever met is said so.
    items.append(dues(late, TODAY - timedelta(days=31), FundingStatus.PLEDGED, pence=5_000))
    assert at_risk([late], [], [], items) == [
        "St Mary's: dues £50.00 unpaid since 23 Oct 2026; no 1-2-1 with its people on record"
    ]
    # With no grace at all, yesterday's dues are enough, and the amounts add up.
    strict = PROFILE.evolve(at_risk_dues_days=0)
    assert at_risk([late], [], [], items, strict) == [
        "St Mary's: dues £170.00 unpaid since 23 Oct 2026; no 1-2-1 with its people on record"
    ]


def test_the_quiet_days_come_from_the_profile() -> None:
    school = member("St Mary's")
    amina = belongs("Amina Khan", school)
    meetings = [held(amina, TODAY - timedelta(days=40))]
    items = [dues(school, date(2026, 9, 1))]
    assert at_risk([school], [amina], meetings, items) == []
    month = PROFILE.evolve(at_risk_quiet_days=30)
    assert len(at_risk([school], [amina], meetings, items, month)) == 1


def test_nothing_unpaid_reads_no_1_2_1s_at_all() -> None:
    def never() -> list[RelationalMeeting]:
        raise AssertionError("the 1-2-1s were read")

    school = member("St Mary's")
    assert institutions_at_risk([school], [], never, [], PROFILE, TODAY) == []
