"""The campaigns list: each campaign's stage at a glance and what the stage still needs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

#: Each column, its width (0: takes what is left) and its alignment.
COLUMNS = (
    ("Name", 26, "left"),
    ("Stage", 12, "left"),
    ("Round", 5, "right"),
    ("Days in stage", 13, "right"),
    ("Still needs", 0, "left"),
)
SCROLLBAR = 2
NEEDS_MIN = 20


@dataclass(frozen=True)
class CampaignRow:
    campaign_id: str
    name: str
    stage: str
    cycle: int
    days: int
    needs: str
    ready: bool


def column_widths(width: int) -> list[int]:
    fixed = sum(w for _, w, _ in COLUMNS)
    rest = max(NEEDS_MIN, width - SCROLLBAR - 2 * len(COLUMNS) - fixed)
    return [w or rest for _, w, _ in COLUMNS]


def row_cells(row: CampaignRow) -> list[Text]:
    cells = [
        Text(row.name),
        Text(row.stage, style="bold"),
        Text(f"{row.cycle:,}"),
        Text(f"{row.days:,}"),
        Text(row.needs, style="green" if row.ready else ""),
    ]
    for cell, (_, _, justify) in zip(cells, COLUMNS, strict=True):
        cell.no_wrap = True
        cell.overflow = "ellipsis"
        cell.justify = "right" if justify == "right" else "left"
    return cells


class CampaignTable(DataTable[Text], inherit_bindings=False):
    """Shows the rows it is given, in that order; leaves `enter` to its screen."""

    BINDINGS = [
        binding
        for binding in DataTable.BINDINGS
        if not (isinstance(binding, Binding) and binding.key == "enter")
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._rows: list[CampaignRow] = []
        self._shown: list[str] = []

    def on_mount(self) -> None:
        self._fit_columns(120)

    def on_resize(self) -> None:
        self._fit_columns(self.size.width)

    def _fit_columns(self, width: int) -> None:
        widths = column_widths(width)
        if [column.width for column in self.ordered_columns] == widths:
            return
        self.clear(columns=True)
        for (label, _, _), column_width in zip(COLUMNS, widths, strict=True):
            self.add_column(label, width=column_width, key=label.lower())
        self._fill(self.current_id)

    def show(self, rows: Sequence[CampaignRow]) -> None:
        keep = self.current_id
        self._rows = list(rows)
        self._fill(keep)

    def _fill(self, keep_id: str | None) -> None:
        keep_row = self.cursor_row
        self.clear()
        for row in self._rows:
            self.add_row(*row_cells(row), key=row.campaign_id)
        self._shown = [r.campaign_id for r in self._rows]
        if keep_id in self._shown:
            self.move_cursor(row=self._shown.index(keep_id), animate=False)
        elif self._shown:
            self.move_cursor(row=max(0, min(keep_row, len(self._shown) - 1)), animate=False)

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
