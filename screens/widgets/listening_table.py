"""The listening campaigns list: name, period, institutions and conversations against target."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from organiser.listening import progress
from organiser.models import ListeningCampaign
from screens.widgets.training_figures import bar

BAR_WIDTH = 10


def period_text(campaign: ListeningCampaign) -> str:
    """ "1 Mar 2026 – 30 Apr 2026", or "from 1 Mar 2026" when it has no end yet."""
    starts = _day(campaign.starts)
    return f"{starts} – {_day(campaign.ends)}" if campaign.ends else f"from {starts}"


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def held_text(campaign: ListeningCampaign, held: int) -> Text:
    """ "12 / 40 ███░░░░░░░": conversations held against the target, with a small bar."""
    if campaign.target_conversations <= 0:
        return Text(f"{held:,} (no target)")
    text = Text(f"{held:,} / {campaign.target_conversations:,} ")
    text.append_text(
        bar(held, campaign.target_conversations, progress(campaign, held) >= 1, BAR_WIDTH)
    )
    return text


class ListeningTable(DataTable[Text], inherit_bindings=False):
    """Shows the campaigns it is given, in that order; leaves `enter` to its screen."""

    BINDINGS = [
        binding
        for binding in DataTable.BINDINGS
        if not (isinstance(binding, Binding) and binding.key == "enter")
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._shown: list[str] = []

    def on_mount(self) -> None:
        self.add_column("Name", width=40, key="name")
        self.add_column("Period", width=26, key="period")
        self.add_column("Institutions", width=12, key="institutions")
        self.add_column("Conversations", width=28, key="conversations")

    def show(self, campaigns: Sequence[ListeningCampaign], held: Mapping[str, int]) -> None:
        keep = self.current_id
        self.clear()
        for campaign in campaigns:
            cells = [
                Text(campaign.name, no_wrap=True, overflow="ellipsis"),
                Text(period_text(campaign)),
                Text(f"{len(campaign.institution_ids):,}", justify="right"),
                held_text(campaign, held.get(campaign.id, 0)),
            ]
            self.add_row(*cells, key=campaign.id)
        self._shown = [c.id for c in campaigns]
        if keep in self._shown:
            self.go_to(keep)

    def go_to(self, campaign_id: str) -> bool:
        if campaign_id not in self._shown:
            return False
        self.move_cursor(row=self._shown.index(campaign_id), animate=False)
        return True

    @property
    def current_id(self) -> str | None:
        if not self._shown or not 0 <= self.cursor_row < len(self._shown):
            return None
        return self._shown[self.cursor_row]
