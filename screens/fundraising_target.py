"""Set a year's fundraising target: the money to raise, and the share that must be hard money.

Dismisses with the year's FundraisingTarget, changed or new and valid, or None; the flow that
opened it saves.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from organiser.fundraising import Target, set_target
from organiser.models import FundraisingTarget
from organiser.money import format_pounds, parse_pounds
from organiser.validation import field_messages
from screens.widgets.field_error import FieldError


def read_percent(text: str) -> int:
    cleaned = text.strip().removesuffix("%").strip()
    if not cleaned.isascii() or not cleaned.isdigit() or int(cleaned) > 100:
        raise ValueError("type a whole number from 0 to 100, such as 50")
    return int(cleaned)


class TargetDialog(ModalScreen[FundraisingTarget | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="fundraising-target.save"),
        Binding("escape", "cancel", "Cancel", id="fundraising-target.cancel"),
    ]
    CSS_PATH = "fundraising.tcss"

    def __init__(self, target: Target, kept: Sequence[FundraisingTarget]) -> None:
        """Set `target`'s year; `kept` are the targets already set, for any year."""
        super().__init__(classes="dialog")
        self._target = target
        self._kept = list(kept)

    def compose(self) -> ComposeResult:
        target = self._target
        with Vertical(id="fundraising-target-dialog", classes="dialog-box"):
            yield Static(Text(f"Fundraising target for {target.year}"), classes="dialog-title")
            yield Static(
                Text(
                    "Set for this year."
                    if target.set_for_year
                    else "Not set for this year yet: these are your profile's defaults."
                ),
                classes="hint",
            )
            yield Label("Money to raise in the year, in pounds", classes="field-label")
            yield Input(format_pounds(target.pence), id="target-amount")
            yield FieldError(id="target-amount-error")
            yield Label("Hard money, at least (% of the target)", classes="field-label")
            yield Input(str(target.hard_percent), id="target-hard")
            yield FieldError(id="target-hard-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#target-amount", Input).focus()

    def build(self) -> tuple[FundraisingTarget | None, dict[str, str]]:
        errors: dict[str, str] = {}
        pence = percent = 0
        try:
            pence = parse_pounds(self.query_one("#target-amount", Input).value)
            if pence == 0:
                raise ValueError("a target of £0.00 leaves nothing to aim for")
        except ValueError as error:
            errors["target-amount"] = f"Money to raise: {error}"
        try:
            percent = read_percent(self.query_one("#target-hard", Input).value)
        except ValueError as error:
            errors["target-hard"] = f"Hard money: {error}"
        if errors:
            return None, errors
        try:
            return set_target(self._target.year, pence, percent, self._kept), {}
        except ValidationError as error:  # out of range in a way the checks above missed
            messages = field_messages(error)
            return None, {"target-amount": "; ".join(messages.values())}

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        target, errors = self.build()
        for widget_id in ("target-amount", "target-hard"):
            self.query_one(f"#{widget_id}-error", FieldError).show(errors.get(widget_id, ""))
        if target is not None:
            self.dismiss(target)
        else:
            self.query_one(f"#{next(iter(errors))}", Input).focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
