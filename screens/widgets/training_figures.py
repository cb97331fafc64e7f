"""The year's training figures against their targets, each with a small bar."""

from __future__ import annotations

from rich.text import Text

from organiser.models import Profile
from organiser.training import FULL_TIME_DAYS_PER_WEEK, TrainingTargets
from organiser.trainings import format_number

BAR_WIDTH = 20


def bar(done: float, target: float, on_track: bool, width: int = BAR_WIDTH) -> Text:
    """ "█████░░░░░" filled to done/target (full when there is no target)."""
    share = min(done / target, 1.0) if target > 0 else 1.0
    filled = round(share * width)
    text = Text("█" * filled, style="green" if on_track else "yellow")
    text.append("░" * (width - filled), style="dim")
    return text


def _line(label: str, figures: str, done: float, target: float, on_track: bool) -> Text:
    text = Text(f"{label}: ", style="bold")
    text.append(figures)
    text.append("  ")
    text.append_text(bar(done, target, on_track))
    text.append("  on track" if on_track else "  behind", style="italic")
    return text


def figures_text(targets: TrainingTargets, profile: Profile) -> Text:
    """Two lines: leaders trained and the organiser's training days, against the targets."""
    year = targets.year.label
    leaders = _line(
        f"Leaders trained {year}",
        f"{targets.leaders_trained:,} of {targets.leaders_target:,}",
        targets.leaders_trained,
        targets.leaders_target,
        targets.leaders_on_track,
    )
    per_week = profile.working_days_per_week
    basis = (
        "full time"
        if per_week >= FULL_TIME_DAYS_PER_WEEK
        else f"pro rata for a {per_week}-day week"
    )
    days = _line(
        f"Training days {year}",
        f"{format_number(round(targets.days, 2))} of {format_number(round(targets.days_target, 2))}"
        f" ({basis})",
        targets.days,
        targets.days_target,
        targets.days_on_track,
    )
    return Text("\n").join([leaders, days])
