"""A table of records, one row per record keyed by its id; and the public actions list."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from zoneinfo import ZoneInfo

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from organiser.actions import KIND_LABELS, turnout
from organiser.models import Campaign, PublicAction


def cell(value: str, *, right: bool = False) -> Text:
    """A cell shown as typed (never markup), cut with an ellipsis when too long."""
    text = Text(value, no_wrap=True, overflow="ellipsis")
    text.justify = "right" if right else "left"
    return text


class KeyedTable(DataTable[Text], inherit_bindings=False):
    """Rows keyed by record id, in the order given; leaves `enter` to its screen."""

    BINDINGS = [
        binding
        for binding in DataTable.BINDINGS
        if not (isinstance(binding, Binding) and binding.key == "enter")
    ]

    def __init__(self, columns: Sequence[tuple[str, int | None]], *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._columns = columns
        self._shown: list[str] = []

    def on_mount(self) -> None:
        for label, width in self._columns:
            self.add_column(label, width=width, key=label.lower())

    def show(self, rows: Sequence[tuple[str, list[Text]]]) -> None:
        keep_id, keep_row = self.current_id, self.cursor_row
        self.clear()
        for key, cells in rows:
            self.add_row(*cells, key=key)
        self._shown = [key for key, _ in rows]
        if keep_id in self._shown:
            self.move_cursor(row=self._shown.index(keep_id), animate=False)
        elif self._shown:
            self.move_cursor(row=max(0, min(keep_row, len(self._shown) - 1)), animate=False)

    def go_to(self, key: str) -> bool:
        if key not in self._shown:
            return False
        self.move_cursor(row=self._shown.index(key), animate=False)
        return True

    @property
    def current_id(self) -> str | None:
        if not self._shown or not 0 <= self.cursor_row < len(self._shown):
            return None
        return self._shown[self.cursor_row]


ACTION_COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("Date", 22),
    ("Name", 38),
    ("Kind", 14),
    ("Campaign", 22),
    ("Turnout", 12),
)


def action_row(
    action: PublicAction, campaigns: Mapping[str, Campaign], zone: ZoneInfo
) -> list[Text]:
    figures = turnout(action)
    total = "–" if figures.total is None else f"{figures.total:,}"
    campaign = campaigns.get(action.campaign_id or "")
    return [
        cell(f"{action.at.astimezone(zone):%a %d %b %Y %H:%M}"),
        cell(action.name),
        cell(KIND_LABELS[action.action_kind]),
        cell(campaign.name if campaign else ""),
        cell(f"{total} / {figures.target:,}", right=True),
    ]


class ActionTable(KeyedTable):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(ACTION_COLUMNS, id=id)
