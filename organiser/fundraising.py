"""Fundraising: the year's money against its target, hard and soft, dues kept and won; the
year's items in the order they need attention, overdue invoices, and the year's target.

An item counts towards the fundraising year it was raised for (`FundraisingItem.year`), not
the calendar year its money arrived in: December's invoice for this year's dues that is paid in
January still belongs to this year's target. Lost items count for nothing anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from organiser.models import (
    DuesKind,
    FundingSource,
    FundingStatus,
    FundraisingItem,
    FundraisingTarget,
    Institution,
    Person,
    Profile,
)
from organiser.people import fold
from organiser.periods import Period

#: Money promised but not yet in: pledged by the giver, or invoiced by us.
COMMITTED = frozenset({FundingStatus.PLEDGED, FundingStatus.INVOICED})
#: Money still being sought: a prospect, or asked for.
PIPELINE = frozenset({FundingStatus.PROSPECT, FundingStatus.ASKED})


def target_for(year: int, targets: Iterable[FundraisingTarget], profile: Profile | None) -> Target:
    """The year's target: the one the organiser set, else the Profile's default, else £30,000
    with half hard money (the seed role's figures)."""
    for target in targets:
        if target.year == year:
            return Target(year, target.target_pence, target.hard_money_percent, set_for_year=True)
    if profile is not None:
        return Target(year, profile.fundraising_pence_per_year, profile.hard_money_percent)
    return Target(year, 3_000_000, 50)


@dataclass(frozen=True)
class Target:
    year: int
    pence: int
    hard_percent: int
    #: False when the figure is the Profile's default rather than one set for this year.
    set_for_year: bool = False

    @property
    def hard_minimum_pence(self) -> int:
        """The least hard money that meets the target's share, rounded up to the penny."""
        return -(-self.pence * self.hard_percent // 100)


@dataclass(frozen=True)
class Progress:
    """One year's money, in pence, split the ways the progress view and supervision show it."""

    target: Target
    paid: int = 0
    paid_hard: int = 0
    committed: int = 0
    committed_hard: int = 0
    pipeline: int = 0
    lost: int = 0
    retention_paid: int = 0
    recruitment_paid: int = 0
    retention_due: int = 0
    recruitment_due: int = 0

    @property
    def paid_soft(self) -> int:
        return self.paid - self.paid_hard

    @property
    def hard_share(self) -> float | None:
        """Hard money's share of the money paid, 0 to 1; None before anything is paid."""
        return self.paid_hard / self.paid if self.paid else None

    @property
    def hard_share_met(self) -> bool:
        share = self.hard_share
        return share is not None and share * 100 >= self.target.hard_percent

    @property
    def still_to_raise(self) -> int:
        """What the target still needs beyond what is paid, never below nothing."""
        return max(0, self.target.pence - self.paid)

    def share_of_target(self, pence: int) -> float:
        return pence / self.target.pence if self.target.pence else 0.0

    def expected_by(self, day: date) -> int:
        """How much would be paid by `day` if the target came in evenly through its year."""
        start, end = date(self.target.year, 1, 1), date(self.target.year, 12, 31)
        if day < start:
            return 0
        if day >= end:
            return self.target.pence
        elapsed = (day - start).days + 1
        return self.target.pence * elapsed // ((end - start).days + 1)


def progress(items: Iterable[FundraisingItem], target: Target) -> Progress:
    """The totals of the items raised for the target's year."""
    paid = paid_hard = committed = committed_hard = pipeline = lost = 0
    retention_paid = recruitment_paid = retention_due = recruitment_due = 0
    for item in items:
        if item.year != target.year:
            continue
        amount = item.amount_pence
        if item.status is FundingStatus.LOST:
            lost += amount
            continue
        if item.status is FundingStatus.PAID:
            paid += amount
            paid_hard += amount if item.hard_money else 0
            if item.dues_kind is DuesKind.RETENTION:
                retention_paid += amount
            elif item.dues_kind is DuesKind.RECRUITMENT:
                recruitment_paid += amount
            continue
        if item.status in COMMITTED:
            committed += amount
            committed_hard += amount if item.hard_money else 0
        else:
            pipeline += amount
        if item.dues_kind is DuesKind.RETENTION:
            retention_due += amount
        elif item.dues_kind is DuesKind.RECRUITMENT:
            recruitment_due += amount
    return Progress(
        target=target,
        paid=paid,
        paid_hard=paid_hard,
        committed=committed,
        committed_hard=committed_hard,
        pipeline=pipeline,
        lost=lost,
        retention_paid=retention_paid,
        recruitment_paid=recruitment_paid,
        retention_due=retention_due,
        recruitment_due=recruitment_due,
    )


@dataclass(frozen=True)
class PeriodMoney:
    """Money that arrived during a period, whatever year it was raised for."""

    paid: int
    paid_hard: int
    items: int

    @property
    def hard_share(self) -> float | None:
        return self.paid_hard / self.paid if self.paid else None


class Paid(Protocol):
    """What money paid in during a period reads of an item: a FundraisingItem, or the facts
    of one a supervisor's login may read on a team database (organiser.team_work)."""

    @property
    def status(self) -> FundingStatus: ...
    @property
    def paid_on(self) -> date | None: ...
    @property
    def amount_pence(self) -> int: ...
    @property
    def hard_money(self) -> bool: ...


def paid_during(items: Iterable[Paid], period: Period) -> PeriodMoney:
    """What was paid on a day inside `period` (a paid item without a date does not count)."""
    paid = paid_hard = count = 0
    for item in items:
        if item.status is FundingStatus.PAID and item.paid_on in period:
            paid += item.amount_pence
            paid_hard += item.amount_pence if item.hard_money else 0
            count += 1
    return PeriodMoney(paid, paid_hard, count)


# Words on screen ----------------------------------------------------------------------------

SOURCE_LABELS: dict[FundingSource, str] = {
    FundingSource.MEMBER_DUES: "Member dues",
    FundingSource.GRANT: "Grant",
    FundingSource.DONATION: "Donation",
    FundingSource.EVENT: "Event",
    FundingSource.OTHER: "Other",
}
STATUS_LABELS: dict[FundingStatus, str] = {status: status.value for status in FundingStatus}
DUES_KIND_LABELS: dict[DuesKind, str] = {
    DuesKind.RETENTION: "Retention (a member renewing)",
    DuesKind.RECRUITMENT: "Recruitment (a new member this year)",
}


def hard_by_default(source: FundingSource) -> bool:
    """Dues from member institutions are hard money; the rest is soft unless the organiser
    says otherwise."""
    return source is FundingSource.MEMBER_DUES


def from_name(
    item: FundraisingItem,
    institutions: Mapping[str, Institution],
    people: Mapping[str, Person],
) -> str:
    """Who the money comes from: its institution, else its person, else its own title."""
    if item.institution_id is not None and item.institution_id in institutions:
        return institutions[item.institution_id].name
    if item.person_id is not None and item.person_id in people:
        return people[item.person_id].name
    if item.institution_id is not None or item.person_id is not None:
        return item.title or "(no longer on record)"
    return item.title or SOURCE_LABELS[item.source]


# Overdue invoices and the year's list ------------------------------------------------------

#: An invoice is due this many days after it is sent unless the organiser says otherwise.
INVOICE_DAYS = 30


def is_overdue(item: FundraisingItem, today: date) -> bool:
    """Invoiced, not yet paid, and its due date has passed."""
    return item.status is FundingStatus.INVOICED and item.due_on is not None and item.due_on < today


@dataclass(frozen=True)
class Owed:
    """An overdue invoice and who owes it."""

    item: FundraisingItem
    name: str

    def days_overdue(self, today: date) -> int:
        return (today - self.item.due_on).days if self.item.due_on else 0


def overdue_invoices(
    items: Iterable[FundraisingItem],
    today: date,
    institutions: Mapping[str, Institution],
    people: Mapping[str, Person],
) -> list[Owed]:
    """Every overdue invoice, whatever its year, the longest overdue first."""
    owed = [Owed(i, from_name(i, institutions, people)) for i in items if is_overdue(i, today)]
    return sorted(owed, key=lambda o: (o.item.due_on or today, fold(o.name), o.item.id))


#: The order the year's list is in: what needs chasing first, what is settled last.
_ATTENTION = (
    FundingStatus.INVOICED,
    FundingStatus.PLEDGED,
    FundingStatus.ASKED,
    FundingStatus.PROSPECT,
    FundingStatus.PAID,
    FundingStatus.LOST,
)


def key_date(item: FundraisingItem) -> date | None:
    """The date that matters for the item now: paid on, due on, or expected on."""
    if item.status is FundingStatus.PAID and item.paid_on is not None:
        return item.paid_on
    if item.status is FundingStatus.INVOICED and item.due_on is not None:
        return item.due_on
    return item.expected_on


#: What the list can be narrowed to, in the order `f` steps through them.
SHOW_CHOICES: tuple[str, ...] = ("all", "overdue", *(s.value for s in FundingStatus))
SHOW_LABELS: dict[str, str] = {
    "all": "every item",
    "overdue": "overdue invoices only",
    **{s.value: f"{s.value} only" for s in FundingStatus},
}


def year_items(
    items: Iterable[FundraisingItem], year: int, today: date, show: str = "all"
) -> list[FundraisingItem]:
    """The items raised for `year` that `show` lets through: overdue invoices first, then by
    status (invoiced, pledged, asked, prospect, paid, lost), each soonest first."""
    if show not in SHOW_CHOICES:
        raise ValueError(f"{show!r} is not one of {', '.join(SHOW_CHOICES)}")
    chosen = [
        i
        for i in items
        if i.year == year
        and (
            show == "all" or (show == "overdue" and is_overdue(i, today)) or i.status.value == show
        )
    ]
    return sorted(
        chosen,
        key=lambda i: (
            not is_overdue(i, today),
            _ATTENTION.index(i.status),
            key_date(i) or date.max,
            fold(i.title),
            i.id,
        ),
    )


# The year's target -------------------------------------------------------------------------


def set_target(
    year: int, pence: int, hard_percent: int, targets: Iterable[FundraisingTarget]
) -> FundraisingTarget:
    """The year's target record with these figures: the one already kept for `year`,
    changed, or a new one. Raises pydantic's ValidationError for figures out of range."""
    for target in targets:
        if target.year == year:
            return target.evolve(target_pence=pence, hard_money_percent=hard_percent)
    return FundraisingTarget(year=year, target_pence=pence, hard_money_percent=hard_percent)
