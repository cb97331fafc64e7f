"""The organiser's Profile: who they are, when they work, their targets and the ladder's names."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Input, Label, Static, TextArea

from organiser.cycle_presets import shared_name
from organiser.dates import format_days, parse_days
from organiser.models import LadderStage, Profile
from organiser.models.profile import WEEKDAY_NAMES
from organiser.money import format_pounds, parse_pounds
from organiser.validation import field_messages
from screens.cadence_fields import compose_cadences, read_cadences
from screens.confirm import ask_to_discard
from screens.widgets.cycle_names import CycleNamesField
from screens.widgets.field_error import FieldError


def _number(text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise ValueError("must be a number, such as 3 or 2.5") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("must be a number, such as 3 or 2.5")
    return value


def _whole(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError("must be a whole number") from None


#: The Profile's number fields: (field, label, read the text, write the value).
NUMBERS: tuple[tuple[str, str, Callable[[str], Any], Callable[[Any], str]], ...] = (
    ("one_to_ones_per_day", "1-2-1s a working day", _number, lambda v: f"{v:g}"),
    ("leaders_trained_per_year", "Leaders trained a year", _whole, str),
    ("fundraising_pence_per_year", "Money to raise a year", parse_pounds, format_pounds),
    ("hard_money_percent", "Hard money, at least (%)", _whole, str),
    ("training_days_per_year", "Training days a year (full time)", _number, lambda v: f"{v:g}"),
    ("contact_guard_days", "Ask before a 1-2-1 this many days from another (0: never)", _whole,
     str),
    ("at_risk_dues_days", "Institution at risk: dues unpaid this many days past due", _whole,
     str),
    ("at_risk_quiet_days", "…and no 1-2-1 with its people for (days)", _whole, str),
)  # fmt: skip


def field_id(field: str) -> str:
    return field.replace("_", "-")


class ProfileDialog(ModalScreen[Profile | None]):
    """Edits a copy of the Profile; dismisses with the new one, valid, or None."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="profile.save"),
        Binding("escape", "cancel", "Cancel", id="profile.cancel"),
    ]

    def __init__(self, profile: Profile, today: date) -> None:
        super().__init__(classes="dialog")
        self.profile = profile
        self.today = today

    def compose(self) -> ComposeResult:
        profile = self.profile
        with Vertical(id="profile-dialog", classes="dialog-box"):
            yield Static(Text("Your profile and targets"), classes="dialog-title")
            with VerticalScroll(id="profile-form"):
                yield from self._line("organiser_name", "Your name", profile.organiser_name)
                yield from self._line("alliance_name", "Alliance", profile.alliance_name)
                yield Label("The days you work", classes="field-label")
                with Horizontal(id="profile-working-days"):
                    for number, name in enumerate(WEEKDAY_NAMES):
                        on = number in profile.working_days
                        yield Checkbox(name[:3], on, id=f"workday-{number}", compact=True)
                yield FieldError(id="working-days-error")
                yield Label(
                    "Leave and holidays (not counted as working days), e.g. "
                    "24/12/2026 to 1/1/2027; 14/2/2027",
                    classes="field-label",
                )
                yield TextArea(format_days(profile.leave_days), id="leave-days")
                yield FieldError(id="leave-days-error")
                for field, label, _, show in NUMBERS:
                    yield from self._line(field, label, show(getattr(profile, field)))
                yield from compose_cadences(profile)
                yield Static(Text("Names of the ladder's stages"), classes="field-label")
                for stage in LadderStage:
                    yield Input(
                        profile.stage_name(stage),
                        id=f"stage-{field_id(stage.value)}",
                        placeholder=stage.value.replace("_", " "),
                    )
                yield FieldError(id="ladder-names-error")
                yield CycleNamesField(profile, id="cycle-names")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def _line(self, field: str, label: str, value: str) -> ComposeResult:
        yield Label(label, classes="field-label")
        yield Input(value, id=field_id(field))
        yield FieldError(id=f"{field_id(field)}-error")

    def on_mount(self) -> None:
        self.query_one("#organiser-name", Input).focus()

    def _text(self, field: str) -> str:
        return self.query_one(f"#{field_id(field)}", Input).value

    def build(self) -> tuple[Profile | None, dict[str, str]]:
        """The Profile as typed, or None and a message for each field that is wrong."""
        errors: dict[str, str] = {}
        changes: dict[str, Any] = {
            "organiser_name": self._text("organiser_name"),
            "alliance_name": self._text("alliance_name"),
            "working_days": [
                n for n in range(7) if self.query_one(f"#workday-{n}", Checkbox).value
            ],
            "ladder_names": {
                stage: self.query_one(f"#stage-{field_id(stage.value)}", Input).value
                for stage in LadderStage
            },
        }
        try:
            changes["leave_days"] = parse_days(self.query_one(TextArea).text, self.today)
        except ValueError as error:
            errors["leave_days"] = str(error)
        for field, _, read, _ in NUMBERS:
            try:
                changes[field] = read(self._text(field))
            except ValueError as error:
                errors[field] = str(error)
        changes["cadence_days"], cadence_errors = read_cadences(self)
        errors.update(cadence_errors)
        changes["cycle_names"] = self.query_one(CycleNamesField).names
        if shared := shared_name(changes["cycle_names"]):
            errors["cycle_names"] = shared
        try:
            profile = self.profile.evolve(**changes)
        except ValidationError as error:
            return None, field_messages(error) | errors
        return (None, errors) if errors else (profile, {})

    def _show_errors(self, errors: dict[str, str]) -> None:
        for shown in self.query(FieldError):
            field = (shown.id or "").removesuffix("-error").replace("-", "_")
            shown.show(errors.get(field, ""))
        if errors:
            first = next(iter(errors))
            targets = self.query(f"#{field_id(first)}")
            if targets:
                targets.first().focus()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        profile, errors = self.build()
        self._show_errors(errors)
        if profile is not None:
            self.dismiss(profile)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        typed, _ = self.build()
        if typed == self.profile:
            self.dismiss(None)
        else:
            ask_to_discard(self, self._discard)

    def _discard(self) -> None:
        self.dismiss(None)
