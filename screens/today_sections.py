"""What each of Today's lists says: its title and its first lines, made from a summary.

Only the lines shown are made, so a database with thousands overdue fills Today as fast as
a small one. The Today screen shows them; screens/today_preview.py keeps them for the next
start.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual.widgets.option_list import Option

from organiser.models import Profile
from organiser.today import TodaySummary
from organiser.trainings import TODAY_WINDOW_DAYS
from screens.today_items import (
    action_point_option,
    agreed_action_option,
    at_risk_option,
    booked_option,
    follow_up_option,
    losing_touch_option,
    owed_option,
    renewal_option,
)
from screens.today_lines import Section
from screens.widgets.training_today import nomination_option, training_option

#: Each Today list shows at most this many items, then says how many more there are.
SECTION_LIMIT = 50

#: Some of a section's items, and how to make each one's line.
Lines = tuple[Sequence[Any], Callable[[Any], Option]]


def first_lines(parts: Sequence[Lines], limit: int) -> list[Option]:
    """The lines for the first `limit` items across `parts`, in order, and a last line
    saying how many more there are; only the lines shown are made."""
    total = sum(len(items) for items, _ in parts)
    options: list[Option] = []
    for items, make in parts:
        options.extend(make(item) for item in items[: limit - len(options)])
    if total > len(options):
        more = total - len(options)
        options.append(Option(Text(f"… and {more:,} more", style="dim"), disabled=True))
    return options


def today_sections(summary: TodaySummary, profile: Profile) -> list[Section]:
    """Each of Today's lists, with its first `SECTION_LIMIT` lines."""
    found: list[Section] = []
    for selector, title, parts, empty in _sections(summary, profile):
        options = first_lines(parts, SECTION_LIMIT)
        found.append(Section(selector, title, options or [_empty(empty)], bool(options)))
    return found


def _empty(message: str) -> Option:
    return Option(Text(message, style="dim"), disabled=True)


def _sections(summary: TodaySummary, profile: Profile) -> list[tuple[str, str, list[Lines], str]]:
    zone = profile.zone
    day = summary.day
    return [
        (
            "#today-booked",
            f"1-2-1s booked today ({len(summary.booked)})",
            [(summary.booked, lambda m: booked_option(m, summary, zone))],
            "Nothing booked today: l logs a 1-2-1",
        ),
        (
            "#today-follow-ups",
            f"Follow-ups due ({len(summary.follow_ups.due_today)} today, "
            f"{len(summary.follow_ups.overdue)} overdue), "
            f"{len(summary.action_points)} action points",
            [
                (
                    summary.follow_ups.due_today,
                    lambda m: follow_up_option(m, summary, overdue=False),
                ),
                (summary.agreed_actions, lambda o: agreed_action_option(o, summary)),
                (
                    summary.follow_ups.overdue,
                    lambda m: follow_up_option(m, summary, overdue=True),
                ),
                (summary.action_points, lambda d: action_point_option(d, summary)),
            ],
            "No follow-ups due, and no action points",
        ),
        (
            "#today-cold",
            f"Losing touch ({len(summary.losing_touch)}): overdue a 1-2-1",
            [(summary.losing_touch, lambda t: losing_touch_option(t, day, profile))],
            "No one overdue a 1-2-1",
        ),
        (
            "#today-renewals",
            f"At risk ({len(summary.at_risk)}), "
            f"renewals ({len(summary.renewals)}), "
            f"dues overdue ({len(summary.dues_overdue)})",
            [
                (summary.at_risk, at_risk_option),
                (summary.dues_overdue, lambda o: owed_option(o, day)),
                (summary.renewals, lambda i: renewal_option(i, day)),
            ],
            "No institutions at risk, no renewals due, and no dues overdue",
        ),
        (
            "#today-trainings",
            f"Trainings in the next {TODAY_WINDOW_DAYS} days ({len(summary.trainings)})",
            [(summary.trainings, lambda t: training_option(t, zone))],
            "No trainings in the next week",
        ),
        (
            "#today-nominated",
            f"Nominated, not yet confirmed ({len(summary.nominations)})",
            [(summary.nominations, lambda n: nomination_option(n, summary, zone))],
            "No one waiting to confirm a training",
        ),
    ]
