"""What moved and what stalled in a period, suggested from the records for the organiser to
keep, drop or add to.

Moved: people up the ladder, campaigns moved on round the cycle, public actions held.
Stalled: leaders losing touch, campaigns sitting in one stage for long, overdue follow-ups
and meeting action points. Long lists are cut to their first few and a line saying how many
more, so a review stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from organiser.actions import turnout_text
from organiser.cadence import losing_touch
from organiser.cycle import days_in_stage
from organiser.ladder import moves_up_in
from organiser.meetings import due_points
from organiser.metrics import follow_ups
from organiser.models import CycleStage
from organiser.periods import Period
from organiser.review_records import Records
from organiser.text import day_count

#: A campaign this long in one stage is suggested as stalled.
STUCK_AFTER_DAYS = 42
#: At most this many suggestions of one kind, then "…and N more".
SHOWN_OF_A_KIND = 6
#: A suggestion quoting something typed is cut to this many characters.
QUOTE_MAX = 90


@dataclass(frozen=True)
class Suggestions:
    moved: list[str]
    stalled: list[str]


def _day(day: date, year: int) -> str:
    """ "4 Dec", with the year when it is not `year`: "4 Dec 2025"."""
    return f"{day.day} {day:%b}" if day.year == year else f"{day.day} {day:%b %Y}"


def _since(as_of: date, days: int) -> str:
    """The day a stay began, with the year when it was not this year's."""
    began = as_of - timedelta(days=days)
    return _day(began, as_of.year)


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_MAX else flat[: QUOTE_MAX - 1] + "…"


def _capped(lines: list[str], more: str) -> list[str]:
    """The first few lines, then one saying how many more there are."""
    if len(lines) <= SHOWN_OF_A_KIND:
        return lines
    hidden = len(lines) - SHOWN_OF_A_KIND
    return [*lines[:SHOWN_OF_A_KIND], f"…and {hidden:,} more {more}"]


def suggest(records: Records, period: Period, as_of: date) -> Suggestions:
    """Suggestions for a review of `period`, as things stood on `as_of`."""
    return Suggestions(moved=_moved(records, period), stalled=_stalled(records, as_of))


def _moved(records: Records, period: Period) -> list[str]:
    profile = records.profile
    year = period.end.year
    people = records.people_by_id()
    ladder = [
        f"{people[m.person_id].name if m.person_id in people else 'Someone'} moved up to "
        f"{profile.stage_name(m.to_stage)} on {_day(m.on, year)}"
        for m in moves_up_in(records.ladder_moves, period)
    ]
    campaigns = []
    for campaign in sorted(records.campaigns, key=lambda c: c.name.casefold()):
        for step in campaign.stage_history:
            if step.on not in period or step.from_stage is None:
                continue
            to = profile.cycle_name(step.to_stage)
            what = (
                f"started a new round at {to}"
                if step.to_stage is CycleStage.LISTEN
                else f"moved on to {to}"
            )
            campaigns.append(f"{campaign.name}: {what} on {_day(step.on, year)}")
    actions = [
        f"{a.name} held on {_day(a.at.date(), year)}: turnout {turnout_text(a)}"
        for a in sorted(records.actions, key=lambda a: a.at)
        if a.at.date() in period and a.turnout_actual is not None
    ]
    return (
        _capped(ladder, "moves up the ladder")
        + _capped(campaigns, "campaign moves")
        + _capped(actions, "actions held")
    )


def _stalled(records: Records, as_of: date) -> list[str]:
    profile = records.profile
    year = as_of.year
    people = records.people_by_id()
    cold = [
        f"{t.person.name} ({profile.stage_name(t.person.ladder_stage)}) losing touch: "
        + (f"last 1-2-1 on {_day(t.last_held, year)}" if t.last_held else "never had a 1-2-1")
        + f", {day_count(t.days_overdue(as_of))} overdue"
        for t in losing_touch(
            records.people, records.one_to_ones, records.ladder_moves, as_of, profile.cadence
        )
    ]
    stuck = [
        f"{c.name}: at {profile.cycle_name(c.stage)} since {_since(as_of, days)}"
        for c in sorted(records.campaigns, key=lambda c: c.name.casefold())
        if (days := days_in_stage(c, as_of)) >= STUCK_AFTER_DAYS
    ]
    overdue = follow_ups(records.one_to_ones, as_of).overdue
    chased = [
        f"Follow-up with {people[m.person_id].name if m.person_id in people else 'someone'} "
        f"overdue since {_day(m.follow_up_due, year)}: {_quote(m.follow_up)}"
        for m in overdue
        if m.follow_up_due is not None
    ]
    points = [
        f"Action point overdue since {_day(d.point.due, year)}: {_quote(d.point.text)} "
        f"(from {_quote(d.meeting.title)})"
        for d in due_points(records.meetings, as_of)
        if d.point.due is not None and d.is_overdue(as_of)
    ]
    return (
        _capped(cold, "losing touch")
        + stuck
        + _capped(chased, "follow-ups overdue")
        + _capped(points, "action points overdue")
    )
