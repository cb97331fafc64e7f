"""The small dialogs of an action's own screen: an institution's turnout and a leader's role."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Select, Static

from organiser.lookup import find_person
from organiser.models import Institution, InstitutionTurnout, LeaderRole, Person
from organiser.validation import describe
from screens.action_form import parse_count
from screens.widgets.field_error import FieldError


class TurnoutDialog(ModalScreen[InstitutionTurnout | None]):
    """One line of the roll call: an institution, what it pledged and what it delivered."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="turnout.save"),
        Binding("escape", "cancel", "Cancel", id="turnout.cancel"),
    ]

    def __init__(
        self, institutions: Sequence[Institution], current: InstitutionTurnout | None = None
    ) -> None:
        super().__init__(classes="dialog")
        self._institutions = sorted(institutions, key=lambda i: i.name.casefold())
        self._current = current

    def compose(self) -> ComposeResult:
        now = self._current
        with Vertical(id="turnout-dialog", classes="dialog-box"):
            yield Static(Text("Record turnout for an institution"), classes="dialog-title")
            yield Label("Institution", classes="field-label")
            yield Select(
                [(Text(i.name), i.id) for i in self._institutions],
                value=now.institution_id if now else Select.NULL,
                prompt="Choose an institution",
                id="turnout-institution",
            )
            yield FieldError(id="turnout-institution-error")
            with Horizontal(classes="field-pair"):
                with Vertical():
                    yield Label("Pledged", classes="field-label")
                    yield Input(str(now.pledged) if now else "", id="turnout-pledged")
                    yield FieldError(id="turnout-pledged-error")
                with Vertical():
                    yield Label("Delivered", classes="field-label")
                    yield Input(str(now.delivered) if now else "", id="turnout-delivered")
                    yield FieldError(id="turnout-delivered-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#turnout-institution", Select).focus()

    def _count(self, name: str) -> int | None:
        line = self.query_one(f"#turnout-{name}-error", FieldError)
        try:
            value = parse_count(self.query_one(f"#turnout-{name}", Input).value) or 0
        except ValueError as error:
            line.show(f"{name.capitalize()} {error}")
            return None
        line.show("")
        return value

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        chosen = self.query_one("#turnout-institution", Select).value
        institution_line = self.query_one("#turnout-institution-error", FieldError)
        institution_line.show("" if isinstance(chosen, str) else "Choose an institution")
        pledged, delivered = self._count("pledged"), self._count("delivered")
        if not isinstance(chosen, str) or pledged is None or delivered is None:
            return
        try:
            row = InstitutionTurnout(institution_id=chosen, pledged=pledged, delivered=delivered)
        except ValidationError as error:
            self.query_one("#turnout-delivered-error", FieldError).show(describe(error))
            return
        self.dismiss(row)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class LeaderRoleDialog(ModalScreen[LeaderRole | None]):
    """A leader (found by part of their name) and the role they take at the action."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="leader-role.save"),
        Binding("escape", "cancel", "Cancel", id="leader-role.cancel"),
    ]

    def __init__(self, people: Sequence[Person]) -> None:
        super().__init__(classes="dialog")
        self._people = list(people)

    def compose(self) -> ComposeResult:
        with Vertical(id="leader-role-dialog", classes="dialog-box"):
            yield Static(Text("Add a leader's role"), classes="dialog-title")
            yield Label("Leader", classes="field-label")
            yield Input(id="role-person", placeholder="Part of their name")
            yield FieldError(id="role-person-error")
            yield Label("Role", classes="field-label")
            yield Input(id="role-role", placeholder="e.g. chair, testimony, the ask, roll call")
            yield FieldError(id="role-role-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#role-person", Input).focus()

    @on(Input.Submitted, "#role-person")
    def _next(self) -> None:
        self.query_one("#role-role", Input).focus()

    @on(Input.Submitted, "#role-role")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        person_line = self.query_one("#role-person-error", FieldError)
        role_line = self.query_one("#role-role-error", FieldError)
        typed = self.query_one("#role-person", Input).value
        match = find_person(self._people, typed)
        person_line.show(match.problem() if typed.strip() else "Type part of the leader's name")
        if match.person is None or not typed.strip():
            self.query_one("#role-person", Input).focus()
            return
        try:
            role = LeaderRole(
                person_id=match.person.id, role=self.query_one("#role-role", Input).value
            )
        except ValidationError as error:
            role_line.show(f"Role: {describe(error)}")
            return
        role_line.show("")
        self.dismiss(role)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
