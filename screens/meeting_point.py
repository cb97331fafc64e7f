"""Add an action point to a meeting: what, who (by part of a name) and by when."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from organiser.dates import parse_day
from organiser.lookup import find_person
from organiser.models import ActionPoint, Person
from organiser.validation import field_messages
from screens.widgets.field_error import FieldError


class ActionPointDialog(ModalScreen[ActionPoint | None]):
    """Dismisses with a new, valid ActionPoint; None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="action-point.save"),
        Binding("escape", "cancel", "Cancel", id="action-point.cancel"),
    ]

    def __init__(self, people: Sequence[Person], today: date) -> None:
        super().__init__(classes="dialog")
        self._people = list(people)
        self._today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="action-point-dialog", classes="dialog-box"):
            yield Static(Text("Add an action point"), classes="dialog-title")
            yield Label("What is to be done", classes="field-label")
            yield Input(id="point-text", placeholder="e.g. Book the hall for the assembly")
            yield FieldError(id="point-text-error")
            with Horizontal(classes="field-pair"):
                with Vertical():
                    yield Label("Who (part of a name; blank: no one yet)", classes="field-label")
                    yield Input(id="point-owner")
                    yield FieldError(id="point-owner-error")
                with Vertical():
                    yield Label("Due (blank: no date)", classes="field-label")
                    yield Input(id="point-due", placeholder="e.g. fri, 1 Dec, tomorrow")
                    yield FieldError(id="point-due-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#point-text", Input).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#point-{name}", Input).value

    def build(self) -> tuple[ActionPoint | None, dict[str, str]]:
        errors: dict[str, str] = {}
        owner_id: str | None = None
        if self._value("owner").strip():
            match = find_person(self._people, self._value("owner"))
            if match.person is None:
                errors["owner"] = match.problem()
            else:
                owner_id = match.person.id
        due: date | None = None
        if self._value("due").strip():
            try:
                due = parse_day(self._value("due"), self._today)
            except ValueError as error:
                errors["due"] = f"Due: {error}"
        try:
            point = ActionPoint(text=self._value("text").strip(), owner_id=owner_id, due=due)
        except ValidationError as error:
            for field, message in field_messages(error).items():
                errors.setdefault(field, f"{'What' if field == 'text' else field} {message}")
            return None, errors
        return (None, errors) if errors else (point, {})

    @on(Input.Submitted, "#point-text")
    def _to_owner(self) -> None:
        self.query_one("#point-owner", Input).focus()

    @on(Input.Submitted, "#point-owner")
    def _to_due(self) -> None:
        self.query_one("#point-due", Input).focus()

    @on(Input.Submitted, "#point-due")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        point, errors = self.build()
        for name in ("text", "owner", "due"):
            self.query_one(f"#point-{name}-error", FieldError).show(errors.get(name, ""))
        first = next((n for n in ("text", "owner", "due") if n in errors), None)
        if first is not None:
            self.query_one(f"#point-{first}", Input).focus()
        if point is not None:
            self.dismiss(point)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
