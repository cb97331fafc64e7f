"""The organiser's last three fortnightly supervisions with the lead organiser, finished,
their figures worked out from the demo's own records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from organiser.demo.context import Context, new_id
from organiser.models import (
    AgreedAction,
    Figure,
    FundingStatus,
    FundraisingItem,
    LadderMove,
    OneToOneStatus,
    ParticipationStatus,
    RelationalMeeting,
    ReviewStatus,
    SupervisionReview,
    TrainingSession,
)
from organiser.periods import Period, working_days

SUPERVISOR = "Bernadette Quinn"


@dataclass(frozen=True)
class Reflection:
    moved: tuple[str, ...]
    stalled: tuple[str, ...]
    went_well: str
    weakness: str
    supervisor_notes: str
    actions: tuple[str, ...]


REFLECTIONS = (
    Reflection(
        moved=(
            "Housing campaign: Planning Group agreed the ask and the target",
            "Two new potential leaders from the Saturday school",
        ),
        stalled=(
            "Beaumont Care: still no meeting with the director",
            "Evington Park Academy core team has not met since half-term",
        ),
        went_well="Held my nerve in the 1-2-1 with the imam and asked for 40 people, not 10. "
        "He said yes to 30.",
        weakness="I still do too much of the talking in first 1-2-1s. Aim: listen for the "
        "self-interest before saying anything about the alliance.",
        supervisor_notes="Good agitation. Watch the diary: two days with no 1-2-1s because of "
        "admin. Block the mornings.",
        actions=(
            "Block out 9:30 to 1pm for 1-2-1s on working days",
            "1-2-1 with the head at Evington Park about the core team",
            "Draft the turnout plan for the housing assembly",
        ),
    ),
    Reflection(
        moved=(
            "Housing assembly delivered: turnout above target, commitment won",
            "Three leaders spoke in public for the first time",
        ),
        stalled=(
            "Dues: two invoices unpaid past the due date",
            "Care workers' testimony evening under target",
        ),
        went_well="The roll call: every core team had its number and most delivered it.",
        weakness="I left the evaluation to the last five minutes. Schedule it properly.",
        supervisor_notes="A real win; celebrate it with the leaders. Then straight into the "
        "evaluation while it is fresh. Chase the dues yourself.",
        actions=(
            "Run the housing evaluation within a fortnight",
            "Call the two treasurers about overdue dues",
            "Nominate two leaders for the National Community Leadership Training",
        ),
    ),
    Reflection(
        moved=(
            "Housing evaluation done; lessons written up",
            "Care workers' Planning Group chose the target and the tactic",
        ),
        stalled=(
            "Migrant Voices still not ready to join",
            "Going cold: three leaders with no 1-2-1 for over a month",
        ),
        went_well="The evaluation: leaders named their own growth, not just the win.",
        weakness="I avoid the leaders I find hard. Book 1-2-1s with the three going cold first.",
        supervisor_notes="Your 1-2-1 rate is close to target; now the quality: more "
        "agitation, clearer asks. Bring the power map for Beaumont next time.",
        actions=(
            "1-2-1s with the three leaders going cold",
            "Update the Beaumont power map with the union's intelligence",
            "Confirm the venue for the care workers' assembly",
        ),
    ),
)


def _period_figures(
    period: Period, working: int, held: int, up: int, trained: int, raised: float
) -> dict[str, float]:
    return {
        "one_to_ones": held,
        "one_to_ones_per_day": round(held / working, 2) if working else 0.0,
        "ladder_moves_up": up,
        "leaders_trained": trained,
        "raised_pounds": raised,
    }


def build_supervision(
    ctx: Context,
    one_to_ones: list[RelationalMeeting],
    ladder_moves: list[LadderMove],
    trainings: list[TrainingSession],
    items: list[FundraisingItem],
    organiser: str,
    target_per_day: float,
) -> list[SupervisionReview]:
    rng = ctx.stream("supervision")
    held_days = [m.at.date() for m in one_to_ones if m.status is OneToOneStatus.HELD]

    def figures_for(period: Period) -> dict[str, float]:
        working = working_days(period, ctx.working_days, ctx.leave)
        held = sum(1 for d in held_days if d in period)
        up = sum(1 for m in ladder_moves if m.on in period and m.is_up)
        year_ago = period.end - timedelta(days=365)
        trained = len(
            {
                p.person_id
                for t in trainings
                if year_ago < t.starts.date() <= period.end
                for p in t.participations
                if p.status is ParticipationStatus.COMPLETED
            }
        )
        raised = (
            sum(
                i.amount_pence
                for i in items
                if i.status is FundingStatus.PAID
                and i.paid_on
                and i.paid_on <= period.end
                and i.year == period.end.year
            )
            / 100
        )
        return _period_figures(period, working, held, up, trained, raised)

    labels = {
        "one_to_ones": ("1-2-1s held", None),
        "one_to_ones_per_day": ("1-2-1s per working day", target_per_day),
        "ladder_moves_up": ("Moves up the ladder", None),
        "leaders_trained": ("Leaders trained in the last 12 months", 25.0),
        "raised_pounds": ("Raised this year (£)", 30_000.0),
    }
    reviews = []
    for number, text in enumerate(REFLECTIONS):
        weeks_back = len(REFLECTIONS) - number
        end = ctx.days_ago(2 + 14 * (weeks_back - 1))
        period = Period(end - timedelta(days=13), end)
        now = figures_for(period)
        before = figures_for(period.previous())
        working = working_days(period, ctx.working_days, ctx.leave)
        figures = []
        for key, (label, target) in labels.items():
            if key == "one_to_ones":
                target = target_per_day * working
            figures.append(
                Figure(key=key, label=label, value=now[key], target=target, previous=before[key])
            )
        day = _weekday_after(end, ctx.today)
        latest = number == len(REFLECTIONS) - 1
        actions = []
        for position, action in enumerate(text.actions):
            due = day + timedelta(days=7 + 3 * position)
            done: date | None = None
            if due < ctx.today and (not latest or position == 0):
                done = min(ctx.days_ago(1), due - timedelta(days=rng.randrange(0, 4)))
                done = max(done, day)
            actions.append(
                AgreedAction(
                    id=new_id(rng),
                    text=action,
                    owner=organiser if position else f"{organiser} and {SUPERVISOR}",
                    due=due,
                    done_on=done,
                )
            )
        reviews.append(
            SupervisionReview(
                id=new_id(rng),
                at=ctx.at(day, 10),
                supervisor=SUPERVISOR,
                period_start=period.start,
                period_end=period.end,
                status=ReviewStatus.FINISHED,
                figures=figures,
                moved=list(text.moved),
                stalled=list(text.stalled),
                went_well=text.went_well,
                weakness=text.weakness,
                supervisor_notes=text.supervisor_notes,
                private_notes="Feeling stretched by the evening meetings; agreed TOIL."
                if number == 1
                else "",
                agreed_actions=actions,
            )
        )
    return reviews


def _weekday_after(end: date, today: date) -> date:
    """The first weekday after a period: when supervision happens (never today or later)."""
    day = end + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day if day < today else end
