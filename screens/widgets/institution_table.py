"""The Institutions list: one row per institution, with its dues, renewal and people."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from organiser.dates import format_day
from organiser.institutions import is_overdue, renewal_note
from organiser.models import Institution
from organiser.money import format_pounds

#: Each column, its width (0: the name, which takes what is left) and its alignment.
COLUMNS = (
    ("Name", 0, "left"),
    ("Kind", 18, "left"),
    ("Status", 8, "left"),
    ("Dues a year", 12, "right"),
    ("Renewal", 28, "left"),
    ("People", 6, "right"),
    ("Core team", 9, "right"),
)
SCROLLBAR = 2
NAME_MIN = 16


def column_widths(width: int) -> list[int]:
    """Widths that fill a table `width` cells wide (each cell has a space either side)."""
    fixed = sum(w for _, w, _ in COLUMNS)
    name = max(NAME_MIN, width - SCROLLBAR - 2 * len(COLUMNS) - fixed)
    return [w or name for _, w, _ in COLUMNS]


@dataclass(frozen=True)
class Counts:
    people: int
    core_team: int
    #: Why the institution is at risk (organiser/institution_health.py); empty when it is not.
    at_risk: str = ""


#: The mark before the name of an institution at risk.
AT_RISK_MARK = "⚠ "


def renewal_cell(institution: Institution, today: date) -> Text:
    """ "14 Dec 2026, in 21 days"; an overdue one says so and stands out."""
    if institution.renewal_date is None:
        return Text("")
    text = Text(format_day(institution.renewal_date), no_wrap=True, overflow="ellipsis")
    note = renewal_note(institution, today)
    if note:
        text.append(f", {note}", style="bold" if is_overdue(institution, today) else "")
    return text


def institution_row(institution: Institution, counts: Counts, today: date) -> list[Text]:
    """The cells of one row, as plain text (a name like "[b]x" shows as typed)."""
    name = Text(institution.name)
    if counts.at_risk:
        name = Text.assemble((AT_RISK_MARK, "bold red"), name)
    cells = [
        name,
        Text(institution.institution_kind.label),
        Text(institution.status.value),
        Text(format_pounds(institution.annual_dues_pence)),
        renewal_cell(institution, today),
        Text(f"{counts.people:,}"),
        Text(f"{counts.core_team:,}"),
    ]
    for cell, (_, _, justify) in zip(cells, COLUMNS, strict=True):
        cell.no_wrap = True
        cell.overflow = "ellipsis"
        cell.justify = "right" if justify == "right" else "left"
    return cells


class InstitutionTable(DataTable[Text], inherit_bindings=False):
    """Shows the institutions it is given, in that order, keeping the cursor on the same one.

    It leaves `enter` to its screen (which opens the institution), so the footer, the help
    screen and the command palette all show the same key for it.
    """

    BINDINGS = [
        binding
        for binding in DataTable.BINDINGS
        if not (isinstance(binding, Binding) and binding.key == "enter")
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._rows: list[tuple[Institution, Counts]] = []
        self._today = date.min
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

    def show(
        self, institutions: Sequence[Institution], counts: Mapping[str, Counts], today: date
    ) -> None:
        """Show exactly `institutions`, in order. The cursor stays on the same institution
        if it is still shown, otherwise on the same row."""
        keep = self.current_id
        self._rows = [(i, counts.get(i.id, Counts(0, 0))) for i in institutions]
        self._today = today
        self._fill(keep)

    def _fill(self, keep_id: str | None) -> None:
        keep_row = self.cursor_row
        self.clear()
        for institution, counts in self._rows:
            self.add_row(*institution_row(institution, counts, self._today), key=institution.id)
        self._shown = [i.id for i, _ in self._rows]
        if keep_id in self._shown:
            self.move_cursor(row=self._shown.index(keep_id), animate=False)
        elif self._shown:
            self.move_cursor(row=max(0, min(keep_row, len(self._shown) - 1)), animate=False)

    def go_to(self, institution_id: str) -> bool:
        """Put the cursor on the institution; False when it is not shown."""
        if institution_id not in self._shown:
            return False
        self.move_cursor(row=self._shown.index(institution_id), animate=False)
        return True

    @property
    def shown_ids(self) -> list[str]:
        return self._shown

    @property
    def current_id(self) -> str | None:
        """The id of the institution under the cursor, or None when the table is empty."""
        if not self._shown or not 0 <= self.cursor_row < len(self._shown):
            return None
        return self._shown[self.cursor_row]
