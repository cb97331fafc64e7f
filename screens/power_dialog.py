"""Add or edit someone on a campaign's power map: what they decide, what they want, how much
power they have, where they stand and our route to them."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Input, Label, Select, Static, TextArea

from organiser.campaigns import STANCE_LABELS
from organiser.models import PowerMapEntry, Stance
from organiser.validation import field_messages
from screens.confirm import ask_to_discard
from screens.widgets.field_error import FieldError

FIELDS: dict[str, tuple[str, str]] = {
    "name": ("name", "Name"),
    "role": ("role", "Role"),
    "decides": ("decides", "What they decide"),
    "interests": ("interests", "Their interests"),
    "influence": ("influence", "Influence"),
    "stance": ("stance", "Stance"),
    "is_decision_maker": ("decision-maker", "Decision-maker"),
    "relationship": ("relationship", "Relationship"),
}
AREAS = ("decides", "interests", "relationship")
INFLUENCE_LABELS = {
    5: "5 — decides it",
    4: "4 — strong say",
    3: "3 — some say",
    2: "2 — a little",
    1: "1 — hardly any",
}


class PowerEntryDialog(ModalScreen[PowerMapEntry | None]):
    """Dismisses with the entry as typed, validated, not yet saved; None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="power-entry.save"),
        Binding("escape", "cancel", "Cancel", id="power-entry.cancel"),
    ]

    def __init__(
        self, entry: PowerMapEntry | None, campaign_id: str, draft: PowerMapEntry | None = None
    ) -> None:
        super().__init__(classes="dialog")
        self._editing = entry
        self._entry = draft or entry
        self._campaign_id = campaign_id
        self._start: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        start = self._entry
        title = (
            Text.assemble("Edit ", (self._editing.name, "bold"))
            if self._editing is not None and self._editing.is_saved
            else Text("New power map entry")
        )
        with Vertical(id="power-entry-dialog", classes="dialog-box"):
            yield Static(title, classes="dialog-title")
            with VerticalScroll(id="power-entry-form"):
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("Name", classes="field-label")
                        yield Input(start.name if start else "", id="name")
                        yield FieldError(id="name-error")
                    with Vertical():
                        yield Label("Role", classes="field-label")
                        yield Input(
                            start.role if start else "",
                            id="role",
                            placeholder="e.g. Cabinet member for housing",
                        )
                        yield FieldError(id="role-error")
                yield Label("What they decide or control", classes="field-label")
                yield TextArea(start.decides if start else "", id="decides")
                yield FieldError(id="decides-error")
                yield Label("Their interests", classes="field-label")
                yield TextArea(start.interests if start else "", id="interests")
                yield FieldError(id="interests-error")
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("Influence", classes="field-label")
                        yield Select(
                            [(Text(label), n) for n, label in INFLUENCE_LABELS.items()],
                            value=start.influence if start else 3,
                            allow_blank=False,
                            id="influence",
                        )
                        yield FieldError(id="influence-error")
                    with Vertical():
                        yield Label("Stance", classes="field-label")
                        yield Select(
                            [(Text(label), stance) for stance, label in STANCE_LABELS.items()],
                            value=start.stance if start else Stance.NEUTRAL,
                            allow_blank=False,
                            id="stance",
                        )
                        yield FieldError(id="stance-error")
                yield Checkbox(
                    "Decision-maker on this issue",
                    start.is_decision_maker if start else False,
                    id="decision-maker",
                )
                yield FieldError(id="decision-maker-error")
                yield Label("Our relationship or route to them", classes="field-label")
                yield TextArea(start.relationship if start else "", id="relationship")
                yield FieldError(id="relationship-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self._start = self._snapshot()
        self.query_one("#name", Input).focus()

    def _snapshot(self) -> tuple[object, ...]:
        return (
            self.query_one("#name", Input).value,
            self.query_one("#role", Input).value,
            *(self.query_one(f"#{a}", TextArea).text for a in AREAS),
            self.query_one("#influence", Select).value,
            self.query_one("#stance", Select).value,
            self.query_one("#decision-maker", Checkbox).value,
        )

    @property
    def has_changes(self) -> bool:
        return self._snapshot() != self._start

    def build(self) -> tuple[PowerMapEntry | None, dict[str, str]]:
        data: dict[str, Any] = self._entry.model_dump() if self._entry else {}
        data.update(
            campaign_id=self._campaign_id,
            name=self.query_one("#name", Input).value,
            role=self.query_one("#role", Input).value,
            **{a: self.query_one(f"#{a}", TextArea).text for a in AREAS},
            influence=self.query_one("#influence", Select).value,
            stance=self.query_one("#stance", Select).value,
            is_decision_maker=self.query_one("#decision-maker", Checkbox).value,
        )
        try:
            return PowerMapEntry.model_validate(data), {}
        except ValidationError as error:
            errors = {}
            for field, message in field_messages(error).items():
                label = FIELDS[field][1] if field in FIELDS else field
                errors[field] = f"{label} {message}"
            return None, errors

    def _show_errors(self, errors: dict[str, str]) -> None:
        for field, (widget_id, _) in FIELDS.items():
            self.query_one(f"#{widget_id}-error", FieldError).show(errors.get(field, ""))
        elsewhere = [m for f, m in errors.items() if f not in FIELDS]
        if elsewhere:
            self.notify("; ".join(elsewhere), title="Not saved", severity="error", markup=False)
        first = next((f for f in FIELDS if f in errors), None)
        if first is not None:
            self.query_one(f"#{FIELDS[first][0]}").focus()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        entry, errors = self.build()
        self._show_errors(errors)
        if entry is not None:
            self.dismiss(entry)

    def _discard(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self.has_changes:
            ask_to_discard(self, self._discard)
        else:
            self.dismiss(None)
