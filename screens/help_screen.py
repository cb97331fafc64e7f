"""Every key of the screen the person was on, and the keys that work everywhere."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from organiser.undo import UNDO_LIMIT
from screens.commands import Command

#: What `u` (undo) keeps, and for how long.
UNDO_NOTE = (
    f"u undoes the last change, then the one before (up to {UNDO_LIMIT}): deletes, ladder moves, "
    "cancellations and edits. The undo history is kept in memory only, never on disk, and is "
    "gone when Organiser closes. An erasure cannot be undone."
)
#: Keys Textual gives every screen, which carry no binding of ours.
MOVING_AROUND = (
    ("ctrl+p", "Command palette: every action here, by name"),
    ("tab, shift+tab", "Next and previous field"),
    ("up, down", "Move in lists and tables"),
)


def _keys_table(rows: Sequence[tuple[str, str]], columns: int = 1) -> Table:
    """Keys and what they do, down the first column and then the next (the many keys that
    work everywhere take two, so the help fits the screen)."""
    table = Table.grid(padding=(0, 2))
    for _ in range(columns):
        table.add_column(style="bold", min_width=14 if columns == 1 else 8)
        table.add_column()
    height = -(-len(rows) // columns)
    for line in range(height):
        cells: list[Text] = []
        for column in range(columns):
            index = column * height + line
            key, description = rows[index] if index < len(rows) else ("", "")
            cells += [Text(key), Text(description)]
        table.add_row(*cells)
    return table


class HelpScreen(ModalScreen[None]):
    """Built from the same bindings the footer and the command palette use."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="help.close"),
        Binding("question_mark", "close", "Close", key_display="?", id="help.close-again"),
    ]

    def __init__(self, place: str, commands: Sequence[Command], *, undo: bool = True) -> None:
        """`undo`: whether to say how u undoes changes (not in an app that changes nothing)."""
        super().__init__(classes="dialog")
        self._place = place
        self._commands = commands
        self._undo = undo

    def compose(self) -> ComposeResult:
        here = [(c.key, c.description) for c in self._commands if not c.is_global]
        everywhere = [(c.key, c.description) for c in self._commands if c.is_global]
        with VerticalScroll(id="help", classes="dialog-box"):
            yield Static(Text("Keys"), classes="dialog-title")
            yield Static(Text(self._place), classes="help-heading")
            yield Static(_keys_table(here), id="help-here")
            yield Static(Text("Everywhere"), classes="help-heading")
            yield Static(
                _keys_table([*everywhere, *MOVING_AROUND], columns=2), id="help-everywhere"
            )
            if self._undo:
                yield Static(Text(UNDO_NOTE, style="dim"), id="help-undo")
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
