"""A campaign's place round the cycle: the stages in order with the current one lit."""

from __future__ import annotations

from rich.text import Text

from organiser.cycle import ORDER
from organiser.models import Campaign, Profile


def track_text(campaign: Campaign, profile: Profile, days: int) -> Text:
    """ "Listen → [Research] → Plan → Act → Evaluate   round 1, 4 days here"."""
    text = Text()
    for n, stage in enumerate(ORDER):
        if n:
            text.append(" → ", style="dim")
        name = profile.cycle_name(stage)
        if stage is campaign.stage:
            text.append(f" {name} ", style="bold reverse")
        else:
            text.append(name, style="dim")
    day_word = "day" if days == 1 else "days"
    text.append(f"   round {campaign.cycle:,}, {days:,} {day_word} at this stage", style="italic")
    return text
