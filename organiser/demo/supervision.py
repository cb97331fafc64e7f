"""The organiser's last three fortnightly supervisions with the lead organiser, finished,
their figures worked out from the demo's own records by the same rules as a real review."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from organiser import supervision
from organiser.demo.context import Context, new_id
from organiser.models import AgreedAction, SupervisionReview
from organiser.periods import Period
from organiser.review_records import Records

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
            "Losing touch: three leaders with no 1-2-1 for over a month",
        ),
        went_well="The evaluation: leaders named their own growth, not just the win.",
        weakness="I avoid the leaders I find hard. Book 1-2-1s with the three I am losing touch "
        "with first.",
        supervisor_notes="Your 1-2-1 rate is close to target; now the quality: more "
        "agitation, clearer asks. Bring the power map for Beaumont next time.",
        actions=(
            "1-2-1s with the three leaders we are losing touch with",
            "Update the Beaumont power map with the union's intelligence",
            "Confirm the venue for the care workers' assembly",
        ),
    ),
)


def build_supervision(ctx: Context, records: Records, organiser: str) -> list[SupervisionReview]:
    """The reviews, oldest first, each assembled as `organiser.supervision` assembles one on
    its day: figures against targets and the period before, the program's suggestions (the
    first two of each kept beside the organiser's own lines), earlier actions carried in."""
    rng = ctx.stream("supervision")
    reviews: list[SupervisionReview] = []
    for number, text in enumerate(REFLECTIONS):
        weeks_back = len(REFLECTIONS) - number
        end = ctx.days_ago(2 + 14 * (weeks_back - 1))
        period = Period(end - timedelta(days=13), end)
        day = _weekday_after(end, ctx.today)
        draft = supervision.start(
            replace(records, reviews=reviews), SUPERVISOR, ctx.at(day, 10), period, ctx.today
        )
        latest = number == len(REFLECTIONS) - 1
        actions = []
        for position, action in enumerate(text.actions):
            due = day + timedelta(days=7 + 3 * position)
            done: date | None = None
            if due < ctx.today and (not latest or position == 0):
                done = min(ctx.days_ago(1), due - timedelta(days=rng.randrange(0, 4)))
                done = max(done, day)
            if number == len(REFLECTIONS) - 2 and position == len(text.actions) - 1:
                done = ctx.days_ago(1)  # done late: the last review carried it in, open
            actions.append(
                AgreedAction(
                    id=new_id(rng),
                    text=action,
                    owner=organiser if position else f"{organiser} and {SUPERVISOR}",
                    due=due,
                    done_on=done,
                )
            )
        finished = supervision.finish(
            draft.evolve(
                id=new_id(rng),
                moved=[*text.moved, *draft.suggested_moved[:2]],
                stalled=[*text.stalled, *draft.suggested_stalled[:2]],
                went_well=text.went_well,
                weakness=text.weakness,
                supervisor_notes=text.supervisor_notes,
                private_notes="Feeling stretched by the evening meetings; agreed TOIL."
                if number == 1
                else "",
                agreed_actions=actions,
            )
        )
        reviews.append(finished)
    return reviews


def _weekday_after(end: date, today: date) -> date:
    """The first weekday after a period: when supervision happens (never today or later)."""
    day = end + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day if day < today else end
