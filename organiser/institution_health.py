"""Institution health: which member institutions are at risk of slipping away.

A member institution is *at risk* when both are true:

- its dues are unpaid past due: a member-dues item neither paid nor lost whose due day (the
  invoice's due date, else the day the dues were expected) is more than the Profile's
  `at_risk_dues_days` behind today; and
- none of its people (by their memberships) has had a held 1-2-1 in the Profile's
  `at_risk_quiet_days`.

Either alone is ordinary (a late payer everyone sees weekly, a quiet member that pays); both
together is a member drifting off. Prospects and lapsed institutions are never flagged.

Health is worked out for every institution at once: one pass over the people, one over the
1-2-1s and one over the dues items, so the list stays quick with thousands of institutions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from organiser.metrics import last_held
from organiser.models import (
    FundingSource,
    FundingStatus,
    FundraisingItem,
    Institution,
    MembershipStatus,
    Person,
    Profile,
    RelationalMeeting,
)
from organiser.money import format_pounds
from organiser.people import fold

#: Dues in these states are settled one way or the other.
_SETTLED = (FundingStatus.PAID, FundingStatus.LOST)


@dataclass(frozen=True)
class AtRisk:
    """A member institution at risk, and why."""

    institution: Institution
    #: Its dues unpaid past due, the longest overdue first.
    unpaid: tuple[FundraisingItem, ...]
    #: The last held 1-2-1 with any of its people, or None when there has never been one.
    last_held: date | None

    @property
    def unpaid_pence(self) -> int:
        return sum(item.amount_pence for item in self.unpaid)

    @property
    def unpaid_since(self) -> date:
        day = due_day(self.unpaid[0])
        assert day is not None  # only items with a due day are unpaid past due
        return day

    @property
    def reason(self) -> str:
        """ "dues £120.00 unpaid since 1 Sep; no 1-2-1 with its people since 3 Jul" """
        since = self.last_held
        quiet = (
            f"no 1-2-1 with its people since {_day(since)}"
            if since is not None
            else "no 1-2-1 with its people on record"
        )
        return (
            f"dues {format_pounds(self.unpaid_pence)} unpaid since "
            f"{_day(self.unpaid_since)}; {quiet}"
        )


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def due_day(item: FundraisingItem) -> date | None:
    """When a dues item was due: the invoice's due date, else the day it was expected."""
    return item.due_on if item.due_on is not None else item.expected_on


def unpaid_past_due(
    items: Iterable[FundraisingItem], today: date, grace_days: int
) -> dict[str, list[FundraisingItem]]:
    """Member dues unpaid more than `grace_days` past their due day, by institution id, the
    longest overdue first."""
    cutoff = today - timedelta(days=grace_days)
    owed: dict[str, list[FundraisingItem]] = {}
    for item in items:
        if item.source is not FundingSource.MEMBER_DUES or item.institution_id is None:
            continue
        day = due_day(item)
        if item.status in _SETTLED or day is None or day >= cutoff:
            continue
        owed.setdefault(item.institution_id, []).append(item)
    for found in owed.values():
        found.sort(key=lambda i: (due_day(i) or today, i.id))
    return owed


def last_held_by_institution(
    people: Iterable[Person], meetings: Iterable[RelationalMeeting]
) -> dict[str, date]:
    """The last held 1-2-1 with anyone belonging to each institution, by institution id."""
    by_person = last_held(meetings)
    latest: dict[str, date] = {}
    for person in people:
        day = by_person.get(person.id)
        if day is None:
            continue
        for institution_id in person.institution_ids:
            if day > latest.get(institution_id, date.min):
                latest[institution_id] = day
    return latest


def institutions_at_risk(
    institutions: Iterable[Institution],
    people: Iterable[Person],
    meetings: Callable[[], Iterable[RelationalMeeting]],
    items: Iterable[FundraisingItem],
    profile: Profile,
    today: date,
) -> list[AtRisk]:
    """Every member institution at risk, the longest unpaid first (then by name). `meetings`
    is asked for the 1-2-1s only when some member's dues are unpaid past due."""
    owed = unpaid_past_due(items, today, profile.at_risk_dues_days)
    if not owed:
        return []  # nothing unpaid: no need to read a single 1-2-1
    latest = last_held_by_institution(people, meetings())
    quiet_from = today - timedelta(days=profile.at_risk_quiet_days)
    found = [
        AtRisk(i, tuple(owed[i.id]), latest.get(i.id))
        for i in institutions
        if i.status is MembershipStatus.MEMBER
        and i.id in owed
        and latest.get(i.id, date.min) <= quiet_from
    ]
    return sorted(found, key=lambda r: (r.unpaid_since, fold(r.institution.name), r.institution.id))
