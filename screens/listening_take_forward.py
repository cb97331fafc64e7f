"""Choose one concern from a tally to take forward as a new campaign's problem."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option


class TakeForwardDialog(ModalScreen[str | None]):
    """Dismisses with the concern chosen (enter), or None (escape)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="take-forward.cancel")]

    def __init__(self, ranked: list[tuple[str, int]]) -> None:
        super().__init__(classes="dialog")
        self._ranked = ranked

    def compose(self) -> ComposeResult:
        with Vertical(id="take-forward-dialog", classes="dialog-box"):
            yield Static(Text("Take a concern forward"), classes="dialog-title")
            yield Static(
                Text("A new campaign starts at Listen with this concern as its problem."),
                classes="hint",
            )
            yield OptionList(
                *[
                    Option(Text.assemble(name, (f"  {count:,}", "dim")), id=str(n))
                    for n, (name, count) in enumerate(self._ranked)
                ],
                id="take-forward-concerns",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._ranked[int(event.option.id or 0)][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
