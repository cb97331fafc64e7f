"""1-2-1s in a table: the 1-2-1s list, and a person's relational history on their screen."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, tzinfo

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from organiser.models import Institution, OneToOneStatus, Person, RelationalMeeting
from organiser.one_to_ones import (
    STATUS_LABELS,
    FollowUpState,
    follow_up_state,
    follow_up_text,
    gist,
    moment_text,
)
from organiser.people import institution_names

SCROLLBAR = 2


@dataclass(frozen=True)
class Column:
    """A column: a fixed `width`, or a `share` (in percent) of the width the fixed ones leave."""

    label: str
    width: int = 0
    share: int = 0


#: The 1-2-1s list.
LIST_COLUMNS = (
    Column("When", width=21),
    Column("Person", share=25),
    Column("Institutions", share=30),
    Column("Status", width=9),
    Column("Potential", width=9),
    Column("Follow-up", share=45),
)
#: A person's history, on their screen.
TIMELINE_COLUMNS = (
    Column("When", width=21),
    Column("Status", width=9),
    Column("Place", share=20),
    Column("Potential", width=9),
    Column("Interests / tension", share=40),
    Column("Follow-up", share=40),
)


def column_widths(columns: Sequence[Column], width: int) -> list[int]:
    """Widths that fill a table `width` cells wide (each cell has a space either side)."""
    fixed = sum(c.width for c in columns)
    spare = max(0, width - SCROLLBAR - 2 * len(columns) - fixed)
    shares = [spare * c.share // 100 for c in columns]
    last = max(i for i, c in enumerate(columns) if c.share)
    shares[last] += spare - sum(shares)
    return [c.width or max(8, share) for c, share in zip(columns, shares, strict=True)]


class TextCell:
    """Text in a fixed-width column, never read as markup.

    Like the People list's cells it has no `__rich_measure__`, so DataTable does not measure
    thousands of them each time the rows change.
    """

    __slots__ = ("text",)

    def __init__(self, text: Text | str) -> None:
        self.text = Text(text) if isinstance(text, str) else text
        self.text.no_wrap = True
        self.text.overflow = "ellipsis"

    @property
    def plain(self) -> str:
        return self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text


def status_text(status: OneToOneStatus) -> Text:
    style = {OneToOneStatus.BOOKED: "italic", OneToOneStatus.CANCELLED: "dim strike"}
    return Text(STATUS_LABELS[status], style=style.get(status, ""))


def potential_text(potential: int | None) -> Text:
    return Text("" if potential is None else f"{potential} of 5")


def follow_up_cell(meeting: RelationalMeeting, today: date) -> Text:
    state = follow_up_state(meeting, today)
    style = {FollowUpState.OVERDUE: "bold", FollowUpState.DONE: "dim"}.get(state, "")
    return Text(follow_up_text(meeting, today), style=style)


def list_row(
    meeting: RelationalMeeting,
    person: Person | None,
    institutions_by_id: Mapping[str, Institution],
    today: date,
    zone: tzinfo,
) -> tuple[TextCell, ...]:
    return (
        TextCell(moment_text(meeting.at, zone)),
        TextCell(person.name if person else "(someone no longer on record)"),
        TextCell(", ".join(institution_names(person, institutions_by_id)) if person else ""),
        TextCell(status_text(meeting.status)),
        TextCell(potential_text(meeting.potential)),
        TextCell(follow_up_cell(meeting, today)),
    )


def timeline_row(meeting: RelationalMeeting, today: date, zone: tzinfo) -> tuple[TextCell, ...]:
    return (
        TextCell(moment_text(meeting.at, zone)),
        TextCell(status_text(meeting.status)),
        TextCell(meeting.place),
        TextCell(potential_text(meeting.potential)),
        TextCell(gist(meeting)),
        TextCell(follow_up_cell(meeting, today)),
    )


class OneToOneTable(DataTable[TextCell], inherit_bindings=False):
    """Rows are made once per load and reused by every filter, so changing one stays quick.

    The table leaves `enter` to its screen (which opens the 1-2-1), so the footer, the help
    screen and the command palette all show the same key for it.
    """

    BINDINGS = [
        binding
        for binding in DataTable.BINDINGS
        if not (isinstance(binding, Binding) and binding.key == "enter")
    ]

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._columns = tuple(columns)
        self._cells: dict[str, tuple[TextCell, ...]] = {}
        self._shown: list[str] = []
        self._reloaded = False

    def on_mount(self) -> None:
        self._fit_columns(self.size.width or 120)

    def on_resize(self) -> None:
        self._fit_columns(self.size.width)

    def _fit_columns(self, width: int) -> None:
        widths = column_widths(self._columns, width)
        if [column.width for column in self.ordered_columns] == widths:
            return
        keep_id, keep_row = self.current_id, self.cursor_row
        self.clear(columns=True)
        for column, column_width in zip(self._columns, widths, strict=True):
            self.add_column(column.label, width=column_width, key=column.label.lower())
        self._fill(self._shown, keep_id, keep_row)

    def load(self, rows: Mapping[str, tuple[TextCell, ...]]) -> None:
        """The rows for every 1-2-1 that may be shown, by id; `show` then picks which appear."""
        self._cells = dict(rows)
        self._reloaded = True

    def show(self, ids: Sequence[str]) -> None:
        """Show exactly the 1-2-1s `ids`, in order, keeping the cursor on the same one if it
        is still shown (after a deletion, on the same row)."""
        ids = [i for i in ids if i in self._cells]
        if ids == self._shown and self.row_count == len(ids) and not self._reloaded:
            return
        keep_row = self.cursor_row if self._reloaded else 0
        self._reloaded = False
        self._fill(ids, self.current_id, keep_row)

    def _fill(self, ids: list[str], keep_id: str | None, keep_row: int) -> None:
        self.clear()
        for row_id in ids:
            self.add_row(*self._cells[row_id], key=row_id)
        self._shown = ids
        if keep_id in ids:
            self.move_cursor(row=ids.index(keep_id), animate=False)
        elif ids:
            self.move_cursor(row=min(keep_row, len(ids) - 1), animate=False)

    def go_to(self, row_id: str) -> bool:
        """Put the cursor on `row_id`; False when it is not shown."""
        if row_id not in self._shown:
            return False
        self.move_cursor(row=self._shown.index(row_id), animate=False)
        return True

    @property
    def shown_ids(self) -> list[str]:
        return self._shown

    @property
    def current_id(self) -> str | None:
        """The id of the 1-2-1 under the cursor, or None when the table is empty."""
        if not self._shown or not 0 <= self.cursor_row < len(self._shown):
            return None
        return self._shown[self.cursor_row]
