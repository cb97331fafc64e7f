"""A long list that opens at once: rows are made only for a window of what matches.

A list screen hands the table every id that may appear and a function that makes one id's
row; `show` then picks which ids appear, in order. Only the first `WINDOW` of them get a
row, and another window is added each time the cursor reaches the last row shown, so a list
of 15,000 1-2-1s opens, and narrows as someone types, in the time a few hundred rows take.
Each row is made once per load and kept, so narrowing and widening again costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable

#: Rows added at a time.
WINDOW = 200


class TextCell:
    """Text in a fixed-width column, never read as markup: "[red]x[/]" shows as typed.

    It has no `__rich_measure__`, so DataTable does not measure it (it measures every new
    cell to size auto-width columns, which costs a fifth of a second for 2,000 rows); these
    columns have fixed widths anyway.
    """

    __slots__ = ("text",)

    def __init__(self, text: Text | str, style: str = "") -> None:
        self.text = Text(text, style=style) if isinstance(text, str) else text
        self.text.no_wrap = True
        self.text.overflow = "ellipsis"

    @property
    def plain(self) -> str:
        return self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text


Row = tuple[TextCell, ...]


def _no_rows(_: str) -> Row:
    raise KeyError("no rows loaded")


class WindowedTable(DataTable[TextCell], inherit_bindings=False):
    """Rows for a window of the shown ids, in the columns it is given.

    The table leaves `enter` to its screen (which opens the record), so the footer, the help
    screen and the command palette all show the same key for it.
    """

    BINDINGS = [
        binding
        for binding in DataTable.BINDINGS
        if not (isinstance(binding, Binding) and binding.key == "enter")
    ]

    def __init__(
        self, columns_for: Callable[[int], list[tuple[str, int]]], *, id: str | None = None
    ) -> None:
        """`columns_for(width)` gives each column's label and width for a table `width`
        cells wide."""
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._columns_for = columns_for
        self._known: Collection[str] = frozenset()
        self._make_row: Callable[[str], Row] = _no_rows
        self._rows: dict[str, Row] = {}
        # A tuple: a list of thousands of ids is walked by every young collection until it
        # is old, while someone types; a tuple of strings is walked once and then left out.
        self._shown: tuple[str, ...] = ()
        self._reloaded = False
        self._adding = False  # adding rows moves the cursor, which must not add more then

    # Columns --------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._fit_columns(self.size.width or 120)

    def on_resize(self) -> None:
        self._fit_columns(self.size.width)

    def _fit_columns(self, width: int) -> None:
        wanted = self._columns_for(width)
        if [(str(c.label), c.width) for c in self.ordered_columns] == wanted:
            return
        keep_id, keep_row = self.current_id, self.cursor_row
        self._adding = True  # clearing moves the cursor too
        try:
            self.clear(columns=True)
        finally:
            self._adding = False
        for label, column_width in wanted:
            self.add_column(label, width=column_width, key=label.lower())
        self._fill(self._shown, keep_id, keep_row)

    # Rows -----------------------------------------------------------------------------------

    def load(self, ids: Collection[str], make_row: Callable[[str], Row]) -> None:
        """Every id that may be shown, and how to make one's row (called only when the row
        is first wanted); `show` then picks which appear."""
        self._known = ids
        self._make_row = make_row
        self._rows = {}
        self._reloaded = True

    def show_ids(self, ids: Sequence[str]) -> None:
        """Show exactly `ids` (those loaded), in order.

        The cursor stays on the same record if it is still shown; after a reload that
        removed it (a deletion) it stays on the same row, so the next record is under it.
        """
        known = self._known
        shown = tuple(i for i in ids if i in known)
        if (
            shown == self._shown
            and not self._reloaded
            and self.row_count >= min(len(shown), WINDOW)
        ):
            return
        keep_id = self.current_id
        if not self._reloaded and (_position(shown, keep_id) or 0) >= WINDOW:
            # Far down a longer list (a filter widened again): the cursor goes to the top
            # rather than every row above it being made on this keystroke.
            keep_id = None
        keep_row = self.cursor_row if self._reloaded else 0
        self._reloaded = False
        self._fill(shown, keep_id, keep_row)

    def _row(self, row_id: str) -> Row:
        row = self._rows.get(row_id)
        if row is None:
            row = self._rows[row_id] = self._make_row(row_id)
        return row

    def _fill(self, ids: tuple[str, ...], keep_id: str | None, keep_row: int) -> None:
        """Rows for the first window of `ids`, more if needed to keep the cursor's place."""
        self._adding = True
        try:
            self.clear()
        finally:
            self._adding = False
        self._shown = ids
        if not self.ordered_columns:
            return  # not mounted yet: the columns, when they come, fill the rows
        at = _position(ids, keep_id)
        self._add_rows(max(WINDOW, keep_row + 1 if at is None else at + 1))
        if at is not None:
            self.move_cursor(row=at, animate=False)
        elif ids:
            self.move_cursor(row=min(keep_row, self.row_count - 1), animate=False)

    def _add_rows(self, upto: int) -> None:
        """Add rows until `upto` of the shown ids have one (or all of them do)."""
        if self._adding:
            return
        self._adding = True
        try:
            for row_id in self._shown[self.row_count : upto]:
                self.add_row(*self._row(row_id), key=row_id)
        finally:
            self._adding = False

    @property
    def rows_shown(self) -> int:
        """How many of the shown ids have a row so far."""
        return self.row_count

    def show_more(self) -> None:
        """The next window of rows."""
        self._add_rows(self.row_count + WINDOW)

    def go_to(self, row_id: str) -> bool:
        """Put the cursor on `row_id` if it is shown, adding rows down to it; False if not."""
        if row_id not in self._shown:
            return False
        row = self._shown.index(row_id)
        self._add_rows(row + WINDOW)
        self.move_cursor(row=row, animate=False)
        return True

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        if new.row >= self.row_count - 1 and self.row_count < len(self._shown):
            self.show_more()

    @property
    def shown_ids(self) -> tuple[str, ...]:
        return self._shown

    @property
    def current_id(self) -> str | None:
        """The id under the cursor, or None when the table is empty."""
        if not self._shown or not 0 <= self.cursor_row < min(self.row_count, len(self._shown)):
            return None
        return self._shown[self.cursor_row]


def _position(ids: tuple[str, ...], row_id: str | None) -> int | None:
    """Where `row_id` is in `ids`, or None."""
    if row_id is None:
        return None
    try:
        return ids.index(row_id)
    except ValueError:
        return None
