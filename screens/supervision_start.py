"""Start a supervision review: with whom, when, and the period it covers.

The supervisor is the last one named; the period runs on from the last review's (the last
fortnight for a first review). Dismisses with what was chosen, or None.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from organiser.dates import parse_day, parse_moment
from organiser.models.base import optional_date
from organiser.periods import Period
from organiser.text import NAME_MAX, check_single_line
from organiser.trainings import format_starts
from screens.widgets.field_error import FieldError

FIELDS = ("supervisor", "at", "from", "to")


@dataclass(frozen=True)
class StartChoice:
    supervisor: str
    at: datetime
    period: Period


class StartReviewDialog(ModalScreen[StartChoice | None]):
    CSS_PATH = Path(__file__).with_name("supervision.tcss")
    BINDINGS = [
        Binding("ctrl+s", "save", "Start", id="review-start.save"),
        Binding("escape", "cancel", "Cancel", id="review-start.cancel"),
    ]

    def __init__(self, supervisor: str, period: Period, now: datetime, zone: ZoneInfo) -> None:
        super().__init__(classes="dialog")
        self._supervisor = supervisor
        self._period = period
        self._now = now
        self._zone = zone

    def compose(self) -> ComposeResult:
        with Vertical(id="review-start-dialog", classes="dialog-box"):
            yield Static(Text("Start a supervision review"), classes="dialog-title")
            yield Static(
                Text(
                    "The figures, what moved and what stalled are filled in from your records; "
                    "the period runs on from your last review."
                ),
                classes="hint",
            )
            yield Label("Supervisor", classes="field-label")
            yield Input(self._supervisor, id="review-supervisor", placeholder="e.g. Sam Lead")
            yield FieldError(id="review-supervisor-error")
            yield Label("Date and time of the session", classes="field-label")
            yield Input(format_starts(self._now, self._zone), id="review-at")
            yield FieldError(id="review-at-error")
            with Horizontal(classes="field-pair"):
                with Vertical():
                    yield Label("Period from", classes="field-label")
                    yield Input(optional_date(self._period.start), id="review-from")
                    yield FieldError(id="review-from-error")
                with Vertical():
                    yield Label("Period to", classes="field-label")
                    yield Input(optional_date(self._period.end), id="review-to")
                    yield FieldError(id="review-to-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Start (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#review-supervisor", Input).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#review-{name}", Input).value

    def build(self) -> tuple[StartChoice | None, dict[str, str]]:
        errors: dict[str, str] = {}
        supervisor = ""
        try:
            supervisor = check_single_line(self._value("supervisor"))
        except ValueError as error:
            errors["supervisor"] = f"Supervisor: {error}"
        if not supervisor and "supervisor" not in errors:
            errors["supervisor"] = "Name the supervisor."
        elif len(supervisor) > NAME_MAX:
            errors["supervisor"] = f"Supervisor: at most {NAME_MAX} characters, please."
        at = self._now
        try:
            at = parse_moment(self._value("at"), self._now)
        except ValueError as error:
            errors["at"] = f"Date and time: {error}"
        days: dict[str, date] = {}
        for name, label in (("from", "Period from"), ("to", "Period to")):
            try:
                days[name] = parse_day(self._value(name), self._now.date())
            except ValueError as error:
                errors[name] = f"{label}: {error}"
        if len(days) == 2 and days["to"] < days["from"]:
            errors["to"] = "Period to: the period cannot end before it starts."
        if errors:
            return None, errors
        return StartChoice(supervisor, at, Period(days["from"], days["to"])), {}

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        choice, errors = self.build()
        for name in FIELDS:
            self.query_one(f"#review-{name}-error", FieldError).show(errors.get(name, ""))
        first = next((n for n in FIELDS if n in errors), None)
        if first is not None:
            self.query_one(f"#review-{first}", Input).focus()
        if choice is not None:
            self.dismiss(choice)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
