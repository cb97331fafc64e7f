"""Every organiser's figures side by side, as a supervisor may read them on a team database.

A supervisor's login reads when each organiser's 1-2-1s were and how they went (held, booked,
cancelled), never what was said, and the facts of the trainings and money each organiser
recorded (organiser.team_work); each organiser's Profile is theirs alone, so the working
pattern and the targets are the supervisor's own Profile's (the team's standard). The rate
is worked out by organiser.metrics.Rate, the other figures by organiser.review_figures: the
maths of a supervision review.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from organiser.metrics import Rate
from organiser.models import Profile
from organiser.models.supervision import Figure, FigureUnit
from organiser.money import format_pounds
from organiser.periods import Period, working_days
from organiser.team_work import SharedWork, default_profile, period_work, work_figures

#: Monday to Friday, when there is no Profile to say otherwise.
WEEKDAYS = (0, 1, 2, 3, 4)
#: The 1-2-1s a working day expected when there is no Profile (the Profile's own default).
DEFAULT_PER_DAY: float = Profile.model_fields["one_to_ones_per_day"].default


@dataclass(frozen=True)
class OrganiserFigures:
    """One organiser's 1-2-1s in a period, by how they went."""

    organiser: str
    held: int = 0
    booked: int = 0
    cancelled: int = 0


class TeamFigures(Protocol):
    """What a supervisor's login may read of the whole team: a store that can answer it (the
    PostgreSQL team store, for a supervisor) is handed to the app by the command line."""

    def one_to_ones(self, period: Period) -> list[OrganiserFigures]:
        """Every organiser of the team with their 1-2-1s whose day falls in `period`."""
        ...

    def shared_work(self, period: Period) -> SharedWork:
        """The facts of the trainings held and the money paid in during `period`, each with
        the organiser who recorded it."""
        ...


@dataclass(frozen=True)
class TeamRow:
    """An organiser's line of the team's figures: the counts, held against target, and their
    leaders trained, training days and money paid in (keyed as a review's figures)."""

    figures: OrganiserFigures
    rate: Rate
    work: Mapping[str, Figure] = field(default_factory=dict)

    @property
    def organiser(self) -> str:
        return self.figures.organiser


def team_rows(
    figures: Sequence[OrganiserFigures],
    period: Period,
    profile: Profile | None,
    work: SharedWork | None = None,
) -> list[TeamRow]:
    """Each organiser's figures with their 1-2-1 rate against the target for `period`, by
    the supervisor's working pattern, leave and target (Monday to Friday at the default
    target without a Profile), in name order; with `work`, each line's own work figures
    too, and a line for anyone who recorded work in the period without a line of 1-2-1s."""
    pattern = profile.working_days if profile else WEEKDAYS
    leave = profile.leave_days if profile else ()
    per_day = profile.one_to_ones_per_day if profile else DEFAULT_PER_DAY
    days = working_days(period, pattern, leave)
    counted = {row.organiser: row for row in figures}
    if work is not None:
        for owner in work.owners() - set(counted):
            counted[owner] = OrganiserFigures(owner)
    return [
        TeamRow(
            row,
            Rate(period, row.held, days, per_day),
            {} if work is None else period_work(work.of(row.organiser), period, profile),
        )
        for row in sorted(counted.values(), key=lambda f: f.organiser.casefold())
    ]


def totals(rows: Sequence[TeamRow]) -> OrganiserFigures:
    """The whole team's 1-2-1s, as one line."""
    return OrganiserFigures(
        "Whole team",
        sum(r.figures.held for r in rows),
        sum(r.figures.booked for r in rows),
        sum(r.figures.cancelled for r in rows),
    )


_D = default_profile(None)
#: What a review built from a supervisor's login leaves out, and why.
LEFT_OUT = (
    "Built from what a supervisor's login may read: when each 1-2-1 was and how it went, and "
    "the trainings and money this organiser recorded (leaders trained, their training days, "
    "money paid in): never a name, a note or what was said. It leaves out the 1-2-1s' notes "
    "and stories, follow-ups, private notes on people, the organiser's Profile and their own "
    "reviews (went well, weakness, notes, agreed actions): those are the organiser's alone in "
    "the team database, so only they can add them in their own review. It also leaves out "
    "the figures not kept by organiser here: ladder moves, listening conversations, campaign "
    "stage moves, public actions and turnout, action points, and the year's pledges. The "
    f"targets are the defaults' share for the period, Monday to Friday ({_D.one_to_ones_per_day:g} "
    f"1-2-1s a working day; {_D.leaders_trained_per_year} leaders trained, "
    f"{_D.training_days_per_year:g} training days and "
    f"{format_pounds(_D.fundraising_pence_per_year)} with {_D.hard_money_percent}% hard money "
    "a year): each organiser's own Profile is theirs alone, and the alliance's fundraising "
    "target is the whole team's, not one organiser's."
)


def whole_team_work(work: SharedWork, period: Period) -> dict[str, Figure]:
    """The whole team's work figures (their values; the targets are one organiser's): all
    the shared records', a person trained in two organisers' sessions counting once."""
    return period_work(work, period, None)


def review_figures(
    now: OrganiserFigures,
    before: OrganiserFigures,
    period: Period,
    profile: Profile | None,
    work: SharedWork | None = None,
) -> list[Figure]:
    """A supervisor's review figures for one organiser: 1-2-1s held and a working day,
    against the target and the period of the same length before, keyed as a review's; with
    `work` (what they recorded, over this period and the one before), their leaders trained,
    training days and money paid in as well."""
    (this,) = team_rows([now], period, profile)
    (last,) = team_rows([before], period.previous(), profile)
    return [
        Figure(
            key="one_to_ones",
            label="1-2-1s held",
            value=this.rate.held,
            target=round(this.rate.target_total, 2),
            previous=last.rate.held,
        ),
        Figure(
            key="one_to_ones_per_day",
            label="1-2-1s per working day",
            value=round(this.rate.per_day, 2),
            target=round(this.rate.target_per_day, 2),
            previous=round(last.rate.per_day, 2),
            unit=FigureUnit.RATE,
        ),
        Figure(key="booked", label="1-2-1s booked", value=now.booked, previous=before.booked),
        Figure(
            key="cancelled",
            label="1-2-1s cancelled",
            value=now.cancelled,
            previous=before.cancelled,
        ),
        *(work_figures(work, work, period, profile) if work is not None else ()),
    ]
