"""A supervision review's figures: each over the period, against its target, and against the
period of the same length just before (or, for a running total, the last finished review).

Yearly targets are spread over the year's working days (the Profile's pattern, leave and
holidays taken out), so a fortnight's target is the fortnight's share of the year's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from organiser.actions import turnout
from organiser.fundraising import Paid, paid_during, progress, target_for
from organiser.listening import tally
from organiser.meetings import due_points
from organiser.metrics import follow_ups, one_to_one_rate
from organiser.models import FundraisingTarget, Profile, ReviewStatus, SupervisionReview
from organiser.models.supervision import Figure, FigureUnit
from organiser.money import format_pounds
from organiser.periods import Period, working_days
from organiser.pipeline import progress as ladder_progress
from organiser.review_records import Records
from organiser.training import Session, days_target, leaders_trained, training_days, year_of

#: Figures where fewer is better: the arrow of a fall is good news.
LOWER_IS_BETTER = frozenset({"follow_ups_overdue", "action_points_overdue"})
#: Figures whose change is neither good nor bad news: pledges fall as they are paid.
NEITHER = frozenset({"pledged_year"})
#: How many of the period's concerns a review keeps.
TOP_CONCERNS = 5


def prorated(yearly: float, period: Period, profile: Profile) -> float:
    """The period's share of a yearly target: its working days over the year's."""
    pattern, leave = profile.working_days, profile.leave_days
    in_year = working_days(year_of(period.end), pattern, leave)
    return yearly * working_days(period, pattern, leave) / in_year if in_year else 0.0


@dataclass(frozen=True)
class _Value:
    label: str
    value: float
    target: float | None
    unit: FigureUnit = FigureUnit.COUNT


def _over(records: Records, period: Period, as_of: date) -> dict[str, _Value]:
    """The figures that count what happened inside `period`."""
    profile = records.profile
    rate = one_to_one_rate(records.one_to_ones, period, profile)
    ladder = ladder_progress(records.ladder_moves, period)
    held = [a for a in records.actions if a.at.date() in period and a.at.date() <= as_of]
    turnouts = [turnout(a) for a in held]
    work = work_values(
        records.trainings, records.fundraising_items, period, profile, records.fundraising_targets
    )
    return {
        "one_to_ones": _Value("1-2-1s held", rate.held, rate.target_total),
        "one_to_ones_per_day": _Value(
            "1-2-1s per working day", rate.per_day, rate.target_per_day, FigureUnit.RATE
        ),
        "ladder_moves_up": _Value("Moves up the ladder", ladder.moves_up, None),
        "new_leaders": _Value("New leaders", ladder.new_leaders, None),
        "leaders_trained": work["leaders_trained"],
        "training_days": work["training_days"],
        "conversations": _Value(
            "Listening conversations",
            sum(1 for c in records.conversations if c.on in period),
            None,
        ),
        "stage_moves": _Value(
            "Campaign stage moves",
            sum(1 for c in records.campaigns for m in c.stage_history if m.on in period),
            None,
        ),
        "public_actions": _Value("Public actions held", len(held), None),
        "turnout": _Value(
            "Turnout at actions",
            sum(t.total or 0 for t in turnouts),
            sum(t.target for t in turnouts) or None,
        ),
        "money_paid": work["money_paid"],
        "hard_money_paid": work["hard_money_paid"],
    }


def work_values(
    trainings: Iterable[Session],
    items: Iterable[Paid],
    period: Period,
    profile: Profile,
    targets: Iterable[FundraisingTarget] = (),
) -> dict[str, _Value]:
    """Leaders trained, training days and money paid in (and hard money) over `period`,
    against the targets' share for the period: a review's figures, and each organiser's on a
    team database (organiser.team_work)."""
    sessions = list(trainings)
    money = paid_during(items, period)
    target = target_for(period.end.year, targets, profile)
    money_target = prorated(target.pence, period, profile)
    return {
        "leaders_trained": _Value(
            "Leaders trained",
            len(leaders_trained(sessions, period)),
            prorated(profile.leaders_trained_per_year, period, profile),
        ),
        "training_days": _Value(
            "Training days",
            training_days(sessions, period),
            prorated(days_target(profile), period, profile),
            FigureUnit.DAYS,
        ),
        "money_paid": _Value("Money paid in", money.paid, money_target, FigureUnit.PENCE),
        "hard_money_paid": _Value(
            "Hard money paid in",
            money.paid_hard,
            money_target * target.hard_percent / 100,
            FigureUnit.PENCE,
        ),
    }


def compared(now: Mapping[str, _Value], before: Mapping[str, _Value]) -> list[Figure]:
    """Each figure of `now`, with the same figure of the period before."""
    return [_figure(key, value, before[key].value) for key, value in now.items()]


def _standing(records: Records, as_of: date) -> dict[str, _Value]:
    """Running totals and what is overdue, as they stand on `as_of`."""
    target = target_for(as_of.year, records.fundraising_targets, records.profile)
    year = progress(records.fundraising_items, target)
    points = due_points(records.meetings, as_of)
    figures = {
        "follow_ups_overdue": _Value(
            "Follow-ups overdue", len(follow_ups(records.one_to_ones, as_of).overdue), 0
        ),
        "action_points_overdue": _Value(
            "Action points overdue", sum(1 for d in points if d.is_overdue(as_of)), 0
        ),
        "paid_year": _Value(
            f"Paid towards {as_of.year}'s target", year.paid, target.pence, FigureUnit.PENCE
        ),
        "pledged_year": _Value(
            f"Pledged or invoiced for {as_of.year}", year.committed, None, FigureUnit.PENCE
        ),
    }
    if year.hard_share is not None:
        figures["hard_share_year"] = _Value(
            f"Hard money share of {as_of.year}'s paid",
            round(year.hard_share * 100, 1),
            target.hard_percent,
            FigureUnit.PERCENT,
        )
    return figures


def last_finished(
    reviews: Iterable[SupervisionReview], before: date, other_than: str = ""
) -> SupervisionReview | None:
    """The latest finished review whose period ended before `before`."""
    earlier = [
        r
        for r in reviews
        if r.status is ReviewStatus.FINISHED and r.period_end < before and r.id != other_than
    ]
    return max(earlier, key=lambda r: (r.period_end, r.at), default=None)


def compute(records: Records, period: Period, as_of: date, review_id: str = "") -> list[Figure]:
    """Every figure of a review of `period`, worked out as things stood on `as_of`."""
    now = _over(records, period, as_of)
    before = _over(records, period.previous(), as_of)
    figures = compared(now, before)
    last = last_finished(records.reviews, period.end, review_id)
    earlier = {f.key: f.value for f in last.figures} if last else {}
    figures += [
        _figure(key, value, earlier.get(key)) for key, value in _standing(records, as_of).items()
    ]
    return figures


def _figure(key: str, found: _Value, previous: float | None) -> Figure:
    return Figure(
        key=key,
        label=found.label,
        value=round(found.value, 2),
        target=None if found.target is None else round(found.target, 2),
        previous=None if previous is None else round(previous, 2),
        unit=found.unit,
    )


def top_concerns(records: Records, period: Period) -> list[str]:
    """The period's most raised concerns, "Damp housing (12)"."""
    ranked = tally(c for c in records.conversations if c.on in period).top(TOP_CONCERNS)
    return [f"{name[:400]} ({count:,})" for name, count in ranked]


def format_value(value: float | None, unit: FigureUnit) -> str:
    """A figure as people read it: "12", "2.4", "1.5 days", "£1,250.00", "48%"."""
    if value is None:
        return ""
    if unit is FigureUnit.PENCE:
        return format_pounds(round(value))
    if unit is FigureUnit.PERCENT:
        return f"{value:.0f}%"
    if unit is FigureUnit.RATE:
        return f"{value:.1f}"
    if value == round(value):
        shown = f"{value:,.0f}"
    else:
        shown = f"{value:.2f}" if abs(value) < 1 else f"{value:,.1f}"
    if unit is not FigureUnit.DAYS:
        return shown
    return f"{shown} day" if value == 1 else f"{shown} days"


@dataclass(frozen=True)
class Change:
    """How a figure moved since the previous period: an arrow, and whether that is good."""

    arrow: str
    good: bool | None


def change(figure: Figure) -> Change:
    """↑ up, ↓ down, → the same; nothing when there is no previous value to compare."""
    if figure.previous is None:
        return Change("", None)
    if figure.value == figure.previous:
        return Change("→", None)
    rose = figure.value > figure.previous
    good = None if figure.key in NEITHER else rose != (figure.key in LOWER_IS_BETTER)
    return Change("↑" if rose else "↓", good)


def on_target(figure: Figure) -> bool | None:
    """Whether the figure meets its target (at most it, for the overdue counts)."""
    if figure.target is None:
        return None
    if figure.key in LOWER_IS_BETTER:
        return figure.value <= figure.target
    return figure.value >= figure.target
