"""Moving a campaign on before its stage's needs are met: say what is missing, ask why."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static


class MoveOnDialog(ModalScreen[str | None]):
    """Dismisses with the reason typed (empty: not moved), or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "move", "Move on anyway", id="move-on.move"),
        Binding("escape", "cancel", "Cancel", id="move-on.cancel"),
    ]

    def __init__(self, here: str, there: str, missing: list[str]) -> None:
        super().__init__(classes="dialog")
        self._here = here
        self._there = there
        self._missing = missing

    def compose(self) -> ComposeResult:
        with Vertical(id="move-on-dialog", classes="dialog-box"):
            yield Static(Text(f"{self._here} still needs"), classes="dialog-title")
            yield Static(
                Text("\n".join(f"• {item}" for item in self._missing)), id="move-on-missing"
            )
            yield Label(
                f"Why move on to {self._there} anyway? (leave empty to stay)",
                classes="field-label",
                markup=False,
            )
            yield Input(
                id="move-on-reason", placeholder="e.g. the council brought the vote forward"
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Move on anyway (enter)", variant="warning", id="move-on-yes")
                yield Button("Stay (esc)", id="move-on-no")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#move-on-reason", Input).focus()

    @on(Input.Submitted, "#move-on-reason")
    @on(Button.Pressed, "#move-on-yes")
    def action_move(self) -> None:
        self.dismiss(self.query_one("#move-on-reason", Input).value.strip())

    @on(Button.Pressed, "#move-on-no")
    def action_cancel(self) -> None:
        self.dismiss(None)
