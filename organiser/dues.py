"""A year's member dues, raised in one step for every member institution that owes them.

Every institution that is a member, has annual dues agreed and has no dues item for the year
yet gets one: hard money, the annual dues as its amount, expected on its renewal date's
anniversary in that year. It is *pledged*: the institution agreed its dues when it joined (the
letter of understanding), so the money is promised, not yet invoiced. It is *retention* when
the institution paid dues in an earlier year or signed its letter before the year began, and
*recruitment* (a new member this year) otherwise.

Raising is idempotent: an institution with any dues item for the year, even a lost one, is
left alone, so raising a second time creates nothing. Prospects and lapsed institutions are
not asked; their joining or coming back is an item the organiser adds by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from organiser.models import (
    DuesKind,
    FundingSource,
    FundingStatus,
    FundraisingItem,
    Institution,
    MembershipStatus,
    Record,
)
from organiser.people import fold
from organiser.repository import Repository
from organiser.text import LINE_MAX

#: The status a raised dues item starts at: agreed in the letter, not yet invoiced.
RAISED_STATUS = FundingStatus.PLEDGED


def anniversary(day: date, year: int) -> date:
    """`day`'s date in `year` (29 February becomes the 28th in a year without it)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def dues_kind_for(
    institution: Institution, year: int, items: Iterable[FundraisingItem]
) -> DuesKind:
    """Retention when it paid dues in an earlier year or signed its letter before `year`."""
    paid_before = any(
        i.institution_id == institution.id
        and i.source is FundingSource.MEMBER_DUES
        and i.status is FundingStatus.PAID
        and i.year < year
        for i in items
    )
    signed_before = (
        institution.letter_signed
        and institution.letter_signed_on is not None
        and institution.letter_signed_on < date(year, 1, 1)
    )
    return DuesKind.RETENTION if paid_before or signed_before else DuesKind.RECRUITMENT


@dataclass(frozen=True)
class DuesPlan:
    """What raising `year`'s dues would create, and which members it leaves out and why."""

    year: int
    items: list[FundraisingItem] = field(default_factory=list)
    #: Members that already have a dues item for the year.
    already: list[Institution] = field(default_factory=list)
    #: Members with no annual dues agreed.
    no_dues: list[Institution] = field(default_factory=list)

    def of_kind(self, kind: DuesKind) -> list[FundraisingItem]:
        return [i for i in self.items if i.dues_kind is kind]

    @property
    def pence(self) -> int:
        return sum(i.amount_pence for i in self.items)


def plan_dues(
    year: int, institutions: Iterable[Institution], items: Sequence[FundraisingItem]
) -> DuesPlan:
    """The dues items raising `year`'s dues would create, members by name."""
    raised = {
        i.institution_id
        for i in items
        if i.year == year and i.source is FundingSource.MEMBER_DUES and i.institution_id
    }
    plan = DuesPlan(year)
    members = sorted(
        (i for i in institutions if i.status is MembershipStatus.MEMBER),
        key=lambda i: (fold(i.name), i.id),
    )
    for institution in members:
        if institution.id in raised:
            plan.already.append(institution)
        elif institution.annual_dues_pence <= 0:
            plan.no_dues.append(institution)
        else:
            plan.items.append(_dues_item(institution, year, items))
    return plan


def _dues_item(
    institution: Institution, year: int, items: Iterable[FundraisingItem]
) -> FundraisingItem:
    renewal = institution.renewal_date
    return FundraisingItem(
        title=f"Dues {year}: {institution.name}"[:LINE_MAX],
        source=FundingSource.MEMBER_DUES,
        institution_id=institution.id,
        hard_money=True,
        amount_pence=institution.annual_dues_pence,
        year=year,
        expected_on=anniversary(renewal, year) if renewal is not None else None,
        status=RAISED_STATUS,
        dues_kind=dues_kind_for(institution, year, items),
    )


def raise_dues(repo: Repository, year: int) -> list[Record]:
    """Raise `year`'s dues and save them as one change (all or none); the items saved."""
    plan = plan_dues(year, repo.list(Institution), repo.list(FundraisingItem))
    return repo.save_all(plan.items) if plan.items else []
