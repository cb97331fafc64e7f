"""How long someone may go without activity before the retention sweep lists them."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from screens.widgets.field_error import FieldError

LOWEST, HIGHEST = 1, 240


def read_months(text: str) -> tuple[int | None, str]:
    """The months typed, or None and why not."""
    typed = text.strip().lower().removesuffix("months").removesuffix("month").strip()
    if not typed.isdigit():
        return None, f"Months: type a whole number of months, {LOWEST} to {HIGHEST} (24 is usual)"
    months = int(typed)
    if not LOWEST <= months <= HIGHEST:
        return None, f"Months: {months} is outside {LOWEST} to {HIGHEST}"
    return months, ""


class MonthsDialog(ModalScreen[int | None]):
    """Dismisses with the months chosen, or None."""

    CSS_PATH = "data_protection.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="months.save"),
        Binding("escape", "cancel", "Cancel", id="months.cancel"),
    ]

    def __init__(self, months: int) -> None:
        super().__init__(classes="dialog")
        self._months = months

    def compose(self) -> ComposeResult:
        with Vertical(id="months-dialog", classes="dialog-box"):
            yield Static(Text("The retention period"), classes="dialog-title")
            yield Label("List people with no activity for how many months?", classes="field-label")
            yield Input(str(self._months), id="months")
            yield FieldError(id="months-error")
            yield Static(
                Text("Kept in your profile. Your privacy notice may promise a period."),
                classes="hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#months", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        months, problem = read_months(self.query_one("#months", Input).value)
        self.query_one("#months-error", FieldError).show(problem)
        if months is not None:
            self.dismiss(months)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
