"""The People list: one row per person, filtered as the organiser types."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from organiser.models import Institution, LadderStage, Person
from organiser.people import institution_names

#: Each column and its share of the width left once the fixed ones have theirs.
COLUMNS = (
    ("Name", 34),
    ("Institutions", 33),
    ("Ladder stage", 0),
    ("Phone", 0),
    ("Email", 33),
    ("Consent", 0),
)
FIXED = {"Ladder stage": 16, "Phone": 16, "Consent": 7}
#: The Consent column's word for someone whose consent has lapsed.
LAPSED = "lapsed"

SCROLLBAR = 2
#: Rows added at a time: the first this many matches, then as many more each time the
#: cursor reaches the last row shown, so a list of thousands opens and filters at once.
WINDOW = 200


def column_widths(width: int) -> list[int]:
    """Widths that fill a table `width` cells wide (each cell has a space either side)."""
    spare = max(0, width - SCROLLBAR - 2 * len(COLUMNS) - sum(FIXED.values()))
    shares = [spare * share // 100 for _, share in COLUMNS]
    shares[-1] += spare - sum(shares)
    pairs = zip(COLUMNS, shares, strict=True)
    return [FIXED.get(label, max(10, share)) for (label, _), share in pairs]


class Cell:
    """Plain text in a fixed-width column.

    Rendered as Text, never as markup: a name like "[red]x[/]" shows as typed. It has no
    `__rich_measure__`, so DataTable does not measure it (it measures every new cell to
    size auto-width columns): that would cost a fifth of a second for 2,000 rows each time
    a search widens, and these columns have fixed widths anyway.
    """

    __slots__ = ("text",)

    def __init__(self, plain: str, style: str = "") -> None:
        self.text = Text(plain, style=style, no_wrap=True, overflow="ellipsis")

    @property
    def plain(self) -> str:
        return self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text


class PeopleTable(DataTable[Cell], inherit_bindings=False):
    """Rows are made once per load and reused by every search, so typing stays quick.

    The table leaves `enter` to its screen (which opens the person), so the footer, the
    help screen and the command palette all show the same key for it.
    """

    BINDINGS = [
        binding
        for binding in DataTable.BINDINGS
        if not (isinstance(binding, Binding) and binding.key == "enter")
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._cells: dict[str, tuple[Cell, ...]] = {}
        self._shown: list[str] = []
        self._reloaded = False
        self._adding = False  # adding rows moves the cursor, which must not add more then

    def on_mount(self) -> None:
        self._fit_columns(120)

    def on_resize(self) -> None:
        self._fit_columns(self.size.width)

    def _fit_columns(self, width: int) -> None:
        widths = column_widths(width)
        if [column.width for column in self.ordered_columns] == widths:
            return
        keep_id, keep_row = self.current_id, self.cursor_row
        self.clear(columns=True)
        for (label, _), column_width in zip(COLUMNS, widths, strict=True):
            self.add_column(label, width=column_width, key=label.lower())
        self._fill(self._shown, keep_id, keep_row)

    def load(
        self,
        people: Sequence[Person],
        institutions_by_id: Mapping[str, Institution],
        stage_name: Callable[[LadderStage], str],
        lapsed: Collection[str] = (),
    ) -> None:
        """Make the rows for `people`; `show` then picks which appear. Those whose ids are
        in `lapsed` are marked in the Consent column."""
        self._cells = {
            person.id: (
                Cell(person.name),
                Cell(", ".join(institution_names(person, institutions_by_id))),
                Cell(stage_name(person.ladder_stage)),
                Cell(person.phone),
                Cell(person.email),
                Cell(LAPSED, "bold red") if person.id in lapsed else Cell(""),
            )
            for person in people
        }
        self._reloaded = True

    def show(self, people: Sequence[Person]) -> None:
        """Show exactly `people`, in order.

        The cursor stays on the same person if they are still shown; after a reload that
        removed them (a deletion) it stays on the same row, so the next person is under it.
        """
        ids = [person.id for person in people]
        if ids == self._shown and self.row_count == len(ids) and not self._reloaded:
            return
        keep_row = self.cursor_row if self._reloaded else 0
        self._reloaded = False
        self._fill(ids, self.current_id, keep_row)

    def _fill(self, ids: list[str], keep_id: str | None, keep_row: int) -> None:
        """Rows for the first window of `ids`, more if needed to keep the cursor's place."""
        self._adding = True  # clearing moves the cursor too
        try:
            self.clear()
        finally:
            self._adding = False
        self._shown = ids
        wanted = keep_row + 1
        if keep_id in ids:
            wanted = ids.index(keep_id) + 1
        self._add_rows(max(WINDOW, wanted))
        if keep_id in ids:
            self.move_cursor(row=ids.index(keep_id), animate=False)
        elif ids:
            self.move_cursor(row=min(keep_row, self.row_count - 1), animate=False)

    def _add_rows(self, upto: int) -> None:
        """Add rows until `upto` of the shown people have one (or all of them do)."""
        if self._adding:
            return
        self._adding = True
        try:
            for person_id in self._shown[self.row_count : upto]:
                self.add_row(*self._cells[person_id], key=person_id)
        finally:
            self._adding = False

    @property
    def rows_shown(self) -> int:
        """How many of the matching people have a row so far."""
        return self.row_count

    def show_more(self) -> None:
        """The next window of rows, when the cursor has reached the last one."""
        self._add_rows(self.row_count + WINDOW)

    def move_to(self, person_id: str) -> bool:
        """Put the cursor on `person_id` if they are shown, adding rows down to them."""
        if person_id not in self._shown:
            return False
        row = self._shown.index(person_id)
        self._add_rows(row + WINDOW)
        self.move_cursor(row=row, animate=False)
        return True

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        if new.row >= self.row_count - 1 and self.row_count < len(self._shown):
            self.show_more()

    @property
    def shown_ids(self) -> list[str]:
        return self._shown

    @property
    def current_id(self) -> str | None:
        """The id of the person under the cursor, or None when the table is empty."""
        if not self._shown or not 0 <= self.cursor_row < min(self.row_count, len(self._shown)):
            return None
        return self._shown[self.cursor_row]
