"""A campaign's power map as a list: name, role, influence, stance, decision-maker mark."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from organiser.campaigns import STANCE_LABELS
from organiser.models import PowerMapEntry

COLUMNS = (("Name", 28), ("Role", 30), ("Influence", 9), ("Stance", 16), ("Decides", 7))


def entry_cells(entry: PowerMapEntry) -> list[Text]:
    cells = [
        Text(entry.name),
        Text(entry.role),
        Text(f"{entry.influence} of 5"),
        Text(STANCE_LABELS[entry.stance]),
        Text("★ yes" if entry.is_decision_maker else ""),
    ]
    for cell in cells:
        cell.no_wrap = True
        cell.overflow = "ellipsis"
    return cells


class PowerTable(DataTable[Text], inherit_bindings=False):
    """Shows the entries it is given, in that order; leaves `enter` to its screen."""

    BINDINGS = [
        binding
        for binding in DataTable.BINDINGS
        if not (isinstance(binding, Binding) and binding.key == "enter")
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._shown: list[str] = []

    def on_mount(self) -> None:
        for label, width in COLUMNS:
            self.add_column(label, width=width, key=label.lower())

    def show(self, entries: Sequence[PowerMapEntry], keep_id: str | None = None) -> None:
        keep = keep_id or self.current_id
        keep_row = self.cursor_row
        self.clear()
        for entry in entries:
            self.add_row(*entry_cells(entry), key=entry.id)
        self._shown = [e.id for e in entries]
        if keep in self._shown:
            self.move_cursor(row=self._shown.index(keep), animate=False)
        elif self._shown:
            self.move_cursor(row=max(0, min(keep_row, len(self._shown) - 1)), animate=False)

    @property
    def current_id(self) -> str | None:
        if not self._shown or not 0 <= self.cursor_row < len(self._shown):
            return None
        return self._shown[self.cursor_row]
