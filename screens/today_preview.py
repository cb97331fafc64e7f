"""Today as it was shown, in a form that can be kept between runs, and shown again.

When the app closes, the command line asks `today_as_it_is` for what Today says now and
keeps it beside the database (store/last_today.py). At the next start, while the database
itself is read, the Today screen paints it at once (screens/today_lines.py), saying it is
still opening; the live summary replaces it as soon as it is built. Lines keep their ids,
so the same line is highlighted; nothing can be opened or ticked until the database is open.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from organiser.clock import Clock
from organiser.models import Profile
from organiser.repository import Repository
from organiser.today import TodaySummary, build_today
from screens.today_items import rate_text
from screens.today_sections import today_sections


def _markup(prompt: object) -> str:
    return prompt.markup if isinstance(prompt, Text) else Text(str(prompt)).markup


def shown_today(summary: TodaySummary, profile: Profile) -> dict[str, Any]:
    """What Today shows for `summary` (the week's rate and each list), as plain data."""
    return {
        "zone": profile.timezone,
        "rate": rate_text(summary.rate).markup,
        "sections": [
            {
                "selector": section.selector,
                "title": section.title,
                "filled": section.filled,
                "lines": [
                    [_markup(option.prompt), option.id, option.disabled]
                    for option in section.options
                ],
            }
            for section in today_sections(summary, profile)
        ],
    }


def today_as_it_is(repo: Repository, clock: Clock) -> dict[str, Any] | None:
    """What Today would show now; None before the organiser has a profile."""
    profile = repo.profile()
    if profile is None:
        return None
    return shown_today(build_today(repo, profile, clock.today()), profile)
