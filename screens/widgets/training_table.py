"""The training sessions list: one row per session with its date, kind, venue and numbers."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from organiser.models import TrainingSession
from organiser.trainings import KIND_LABELS, counts

#: Each column, its width (0: the name, which takes what is left) and its alignment.
COLUMNS = (
    ("Date", 21, "left"),
    ("Name", 0, "left"),
    ("Kind", 16, "left"),
    ("Venue", 14, "left"),
    ("Nominated", 9, "right"),
    ("Attended", 8, "right"),
    ("Completed", 9, "right"),
)
SCROLLBAR = 2
NAME_MIN = 14


def column_widths(width: int) -> list[int]:
    fixed = sum(w for _, w, _ in COLUMNS)
    name = max(NAME_MIN, width - SCROLLBAR - 2 * len(COLUMNS) - fixed)
    return [w or name for _, w, _ in COLUMNS]


def when_cell(session: TrainingSession, zone: ZoneInfo) -> str:
    """ "Tue 01 Dec 2026 18:00", or "… all day"."""
    local = session.starts.astimezone(zone)
    return f"{local:%a %d %b %Y} " + ("all day" if session.all_day else f"{local:%H:%M}")


def training_row(session: TrainingSession, zone: ZoneInfo) -> list[Text]:
    """The cells of one row, as plain text (a name like "[b]x" shows as typed)."""
    numbers = counts(session)
    cells = [
        Text(when_cell(session, zone)),
        Text(session.name),
        Text(KIND_LABELS[session.training_kind]),
        Text(session.venue),
        Text(f"{numbers.nominated:,}"),
        Text(f"{numbers.attended:,}"),
        Text(f"{numbers.completed:,}"),
    ]
    for cell, (_, _, justify) in zip(cells, COLUMNS, strict=True):
        cell.no_wrap = True
        cell.overflow = "ellipsis"
        cell.justify = "right" if justify == "right" else "left"
    return cells


class TrainingTable(DataTable[Text], inherit_bindings=False):
    """Shows the sessions it is given, in that order; leaves `enter` to its screen."""

    BINDINGS = [
        binding
        for binding in DataTable.BINDINGS
        if not (isinstance(binding, Binding) and binding.key == "enter")
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._sessions: list[TrainingSession] = []
        self._zone = ZoneInfo("Europe/London")
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

    def show(self, sessions: Sequence[TrainingSession], zone: ZoneInfo) -> None:
        keep = self.current_id
        self._sessions = list(sessions)
        self._zone = zone
        self._fill(keep)

    def _fill(self, keep_id: str | None) -> None:
        keep_row = self.cursor_row
        self.clear()
        for session in self._sessions:
            self.add_row(*training_row(session, self._zone), key=session.id)
        self._shown = [s.id for s in self._sessions]
        if keep_id in self._shown:
            self.move_cursor(row=self._shown.index(keep_id), animate=False)
        elif self._shown:
            self.move_cursor(row=max(0, min(keep_row, len(self._shown) - 1)), animate=False)

    def go_to(self, session_id: str) -> bool:
        if session_id not in self._shown:
            return False
        self.move_cursor(row=self._shown.index(session_id), animate=False)
        return True

    @property
    def shown_ids(self) -> list[str]:
        return self._shown

    @property
    def current_id(self) -> str | None:
        if not self._shown or not 0 <= self.cursor_row < len(self._shown):
            return None
        return self._shown[self.cursor_row]
