"""Why was it lost? Asked before an item is marked lost, so the lesson is kept."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from screens.widgets.field_error import FieldError


class LostDialog(ModalScreen[str | None]):
    """Dismisses with the reason typed (never blank), or None when the organiser thinks again."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Mark lost", id="fundraising-lost.save"),
        Binding("escape", "cancel", "Cancel", id="fundraising-lost.cancel"),
    ]
    CSS_PATH = "fundraising.tcss"

    def __init__(self, name: str, reason: str = "") -> None:
        super().__init__(classes="dialog")
        self._item_name = name
        self._reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(id="fundraising-lost-dialog", classes="dialog-box"):
            yield Static(Text.assemble("Mark ", (self._item_name, "bold"), " lost"),
                         classes="dialog-title")  # fmt: skip
            yield Label("Why was it lost?", classes="field-label")
            yield Input(
                self._reason,
                id="lost-reason",
                placeholder="e.g. Their budget was cut; ask again in April",
            )
            yield FieldError(id="lost-reason-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Mark lost (enter)", variant="error", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#lost-reason", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        reason = self.query_one("#lost-reason", Input).value
        if not reason.strip():
            self.query_one("#lost-reason-error", FieldError).show(
                "Why it was lost: say why, so the lesson is kept"
            )
            self.query_one("#lost-reason", Input).focus()
            return
        self.dismiss(reason.strip())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
