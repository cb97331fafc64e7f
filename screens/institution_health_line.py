"""The line an institution's detail view shows when it is at risk, and why."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text

from organiser.institution_health import institutions_at_risk
from organiser.models import FundraisingItem, Institution, Person, Profile, RelationalMeeting


def health_text(
    institution: Institution,
    people: Sequence[Person],
    meetings: Sequence[RelationalMeeting],
    items: Sequence[FundraisingItem],
    profile: Profile | None,
    today: date,
) -> Text:
    """ "⚠ At risk: dues £120.00 unpaid since 1 Sep 2026; no 1-2-1 …", or empty when it is not."""
    risks = institutions_at_risk(
        [institution],
        people,
        lambda: meetings,
        items,
        profile or Profile(organiser_name="Organiser"),
        today,
    )
    if not risks:
        return Text("")
    return Text.assemble(("⚠ At risk: ", "bold red"), risks[0].reason)
