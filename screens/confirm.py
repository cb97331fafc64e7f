"""A yes-or-no question, asked before anything that cannot be taken back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Static


class ConfirmDialog(ModalScreen[bool]):
    """Dismisses with True only when the person says yes; No is focused, so enter is safe.

    The question is given as Text so names quoted in it are never read as markup.
    """

    BINDINGS = [
        Binding("y", "confirm", "Yes", id="confirm.yes"),
        Binding("n,escape", "cancel", "No", key_display="n/esc", id="confirm.no"),
    ]

    def __init__(
        self,
        title: str,
        question: Text,
        *,
        yes: str = "Yes",
        no: str = "No",
        dangerous: bool = False,
    ) -> None:
        super().__init__(classes="dialog")
        self._title = title
        self._question = question
        self._yes = yes
        self._no = no
        self._dangerous = dangerous

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm", classes="dialog-box"):
            yield Static(Text(self._title), classes="dialog-title")
            yield Static(self._question, id="confirm-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    f"{self._yes} (y)",
                    id="confirm-yes",
                    variant="error" if self._dangerous else "primary",
                )
                yield Button(f"{self._no} (n)", id="confirm-no")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def action_cancel(self) -> None:
        self.dismiss(False)


def ask_to_discard(screen: Screen[Any], discard: Callable[[], None]) -> None:
    """Ask before throwing away what was typed in a form; `discard` runs if the answer is yes."""

    def decided(sure: bool | None) -> None:
        if sure:
            discard()

    screen.app.push_screen(
        ConfirmDialog(
            "Discard your changes?",
            Text("What you typed in this form has not been saved."),
            yes="Discard",
            no="Keep editing",
        ),
        decided,
    )
