"""Each organiser's leaders trained, training days and money paid in, from the facts of the
alliance's shared records that a supervisor's login may read on a team database.

Every shared record remembers the organiser who made it (its owner), and that is whose work
it counts as:

- a training session, its leaders trained and its training days, to the organiser who
  recorded the session: the days are that organiser's preparing, delivering and
  evaluating, and the session's completions are recorded on it;
- money paid in, total and hard, to the organiser who recorded the fundraising item.

The figures are worked out by the same rules as a supervision review's
(organiser.review_figures.work_values): distinct people who completed a session in the
period, a person trained twice counting once; days of sessions held in the period; money
paid on a day inside the period. Targets are one organiser's, pro rata for the period, from
the supervisor's Profile (the team's standard) or the defaults: 25 leaders and 10 training
days a year, £30,000 a year with half hard money. A fundraising target set for a year in the
team database is the alliance's, not one organiser's, so it is not shared out here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from organiser.models import FundingStatus, Participation, Profile
from organiser.models.supervision import Figure, FigureUnit
from organiser.periods import Period
from organiser.review_figures import compared, format_value, work_values

#: Every organiser's work figures, in the order a review shows them.
WORK_KEYS = ("leaders_trained", "training_days", "money_paid", "hard_money_paid")


@dataclass(frozen=True)
class SessionFacts:
    """A training session as a supervisor may read it: who recorded it, when it started (as
    the organiser wrote the time), the days they gave it, and who completed it (by record
    id, which names nobody to a login that cannot read the people)."""

    owner: str
    starts: datetime
    preparing_days: float = 0.0
    delivering_days: float = 0.0
    evaluating_days: float = 0.0
    participations: Sequence[Participation] = ()

    @property
    def organiser_days(self) -> float:
        # The sum organiser.models.TrainingSession.organiser_days makes, in the same order.
        return self.preparing_days + self.delivering_days + self.evaluating_days


@dataclass(frozen=True)
class PaidFacts:
    """Money paid in, as a supervisor may read it: who recorded it, how much, whether it is
    hard money, and the day it was paid. Items not yet paid are not read at all."""

    owner: str
    amount_pence: int
    hard_money: bool
    paid_on: date | None

    @property
    def status(self) -> FundingStatus:
        return FundingStatus.PAID


@dataclass(frozen=True)
class SharedWork:
    """The facts of the alliance's trainings and money paid in over some days."""

    sessions: Sequence[SessionFacts] = ()
    paid: Sequence[PaidFacts] = ()

    def of(self, organiser: str) -> SharedWork:
        """Only what `organiser` recorded."""
        return SharedWork(
            [s for s in self.sessions if s.owner == organiser],
            [p for p in self.paid if p.owner == organiser],
        )

    def owners(self) -> set[str]:
        return {s.owner for s in self.sessions} | {p.owner for p in self.paid}


def default_profile(profile: Profile | None) -> Profile:
    """The supervisor's Profile, or the default targets when they have none (as a review)."""
    return profile or Profile(organiser_name="Organiser")


def work_figures(
    now: SharedWork, before: SharedWork, period: Period, profile: Profile | None
) -> list[Figure]:
    """Leaders trained, training days and money paid in (with hard money) over `period`,
    against one organiser's targets pro rata and the period of the same length before: the
    figures of a supervision review, for the work in `now` and `before`."""
    chosen = default_profile(profile)
    this = work_values(now.sessions, now.paid, period, chosen)
    last = work_values(before.sessions, before.paid, period.previous(), chosen)
    return compared(this, last)


def period_work(work: SharedWork, period: Period, profile: Profile | None) -> dict[str, Figure]:
    """The work figures over `period` alone, by key (the period before is not compared)."""
    figures = work_figures(work, SharedWork(), period, profile)
    return {f.key: f.model_copy(update={"previous": None}) for f in figures}


def value_text(figure: Figure) -> str:
    """A work figure in a table's narrow column, as a review writes it without its unit's
    word: "3", "1.5", "0.75", "£1,250.00"."""
    return format_value(figure.value, _narrow(figure.unit))


def target_text(figure: Figure) -> str:
    """Its target, pro rata, written the same way; nothing when it has none."""
    return format_value(figure.target, _narrow(figure.unit))


def _narrow(unit: FigureUnit) -> FigureUnit:
    return FigureUnit.COUNT if unit is FigureUnit.DAYS else unit
