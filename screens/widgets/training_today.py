"""The Today lines for training: sessions coming up, and people nominated but not confirmed."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from rich.text import Text
from textual.widgets.option_list import Option

from organiser.models import TrainingSession
from organiser.text import where
from organiser.today import TodaySummary
from organiser.trainings import Nomination
from screens.today_lines import ItemRef


def training_option(session: TrainingSession, zone: ZoneInfo) -> Option:
    """ "Tue 01 Dec 18:00  Power and action  at the Library" """
    local = session.starts.astimezone(zone)
    line = Text(f"{local:%a %d %b} " + ("all day" if session.all_day else f"{local:%H:%M}"))
    line.stylize("bold")
    line.append(f"  {session.name}")
    if session.venue:
        line.append(f"  {where(session.venue)}", style="dim")
    line.no_wrap = True
    line.overflow = "ellipsis"
    return Option(line, id=str(ItemRef("training", session.id)))


def nomination_option(nomination: Nomination, summary: TodaySummary, zone: ZoneInfo) -> Option:
    """ "Amina Khan  for Power and action, Tue 01 Dec" """
    session = nomination.session
    line = Text(summary.name_of(nomination.person_id), style="bold")
    line.append(f"  for {session.name}, {session.starts.astimezone(zone):%a %d %b}")
    line.no_wrap = True
    line.overflow = "ellipsis"
    # Each line has its own id (one session can have several people waiting): it opens the
    # session with that person's row chosen.
    return Option(line, id=str(ItemRef("nomination", f"{session.id}/{nomination.person_id}")))
