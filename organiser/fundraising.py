"""Fundraising totals: the year's money against its target, hard and soft, dues kept and won.

An item counts towards the fundraising year it was raised for (`FundraisingItem.year`), not
the calendar year its money arrived in: December's invoice for this year's dues that is paid in
January still belongs to this year's target. Lost items count for nothing anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from organiser.models import (
    DuesKind,
    FundingStatus,
    FundraisingItem,
    FundraisingTarget,
    Profile,
)
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


def paid_during(items: Iterable[FundraisingItem], period: Period) -> PeriodMoney:
    """What was paid on a day inside `period` (a paid item without a date does not count)."""
    paid = paid_hard = count = 0
    for item in items:
        if item.status is FundingStatus.PAID and item.paid_on in period:
            paid += item.amount_pence
            paid_hard += item.amount_pence if item.hard_money else 0
            count += 1
    return PeriodMoney(paid, paid_hard, count)
