"""Add or edit a public action: every field, checked by the PublicAction model.

The dialog only gathers and validates; it dismisses with a valid PublicAction (or None) and
the flow that opened it saves. Turnout by institution and leaders' roles are kept on the
action's own screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Select, Static, TextArea

from organiser.actions import KIND_LABELS
from organiser.dates import parse_moment
from organiser.models import ActionKind, Campaign, PublicAction
from organiser.trainings import format_starts
from screens.action_form import model_errors, parse_count, show_errors
from screens.confirm import ask_to_discard
from screens.widgets.field_error import FieldError

#: Each field the dialog edits: the widget (and its error line) and how messages begin.
FIELDS: dict[str, tuple[str, str]] = {
    "name": ("action-name", "Name"),
    "action_kind": ("action-kind", "Kind"),
    "at": ("action-at", "Date and time"),
    "place": ("action-place", "Place"),
    "campaign_id": ("action-campaign", "Campaign"),
    "ask": ("action-ask", "The ask"),
    "turnout_target": ("turnout-target", "Turnout target"),
    "turnout_actual": ("turnout-actual", "Turnout actual"),
    "response": ("action-response", "Response"),
    "evaluation": ("action-evaluation", "Evaluation"),
    "lessons": ("action-lessons", "Lessons"),
}
INPUTS = ("action-name", "action-at", "action-place", "turnout-target", "turnout-actual")
AREAS = ("action-ask", "action-response", "action-evaluation", "action-lessons")


class ActionDialog(ModalScreen[PublicAction | None]):
    """Dismisses with the action as typed, validated, not yet saved; None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="action.save"),
        Binding("escape", "cancel", "Cancel", id="action.cancel"),
    ]

    def __init__(
        self,
        action: PublicAction | None,
        *,
        campaigns: Sequence[Campaign],
        now: datetime,
        zone: ZoneInfo,
        draft: PublicAction | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self._editing = action
        self._action = draft or action
        self._campaigns = sorted(campaigns, key=lambda c: c.name.casefold())
        self._now = now
        self._zone = zone
        self._start: tuple[object, ...] = ()

    def _title(self) -> Text:
        if self._editing is None or not self._editing.is_saved:
            return Text("New action")
        return Text.assemble("Edit ", (self._editing.name, "bold"))

    def compose(self) -> ComposeResult:
        start = self._action

        def area(label: str, widget_id: str, value: str) -> ComposeResult:
            yield Label(label, classes="field-label")
            yield TextArea(value, id=widget_id)
            yield FieldError(id=f"{widget_id}-error")

        with Vertical(id="action-dialog", classes="dialog-box"):
            yield Static(self._title(), classes="dialog-title")
            with VerticalScroll(id="action-form"):
                yield Label("Name", classes="field-label")
                yield Input(
                    start.name if start else "",
                    id="action-name",
                    placeholder="e.g. Accountability assembly on housing",
                )
                yield FieldError(id="action-name-error")
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("Kind", classes="field-label")
                        yield Select(
                            [(Text(label), kind) for kind, label in KIND_LABELS.items()],
                            value=start.action_kind if start else ActionKind.PUBLIC_ACTION,
                            allow_blank=False,
                            id="action-kind",
                        )
                        yield FieldError(id="action-kind-error")
                    with Vertical():
                        yield Label("Date and time", classes="field-label")
                        yield Input(
                            format_starts(start.at, self._zone) if start else "",
                            id="action-at",
                            placeholder="e.g. 1 Dec 2026 18:00 or fri 6pm",
                        )
                        yield FieldError(id="action-at-error")
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("Place", classes="field-label")
                        yield Input(start.place if start else "", id="action-place")
                        yield FieldError(id="action-place-error")
                    with Vertical():
                        yield Label("Campaign", classes="field-label")
                        chosen = start.campaign_id if start else None
                        known = {c.id for c in self._campaigns}
                        yield Select(
                            [(Text(c.name), c.id) for c in self._campaigns],
                            value=chosen if chosen in known else Select.NULL,
                            prompt="No campaign",
                            id="action-campaign",
                        )
                        yield FieldError(id="action-campaign-error")
                yield from area("The ask", "action-ask", start.ask if start else "")
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("Turnout target", classes="field-label")
                        yield Input(
                            str(start.turnout_target) if start and start.turnout_target else "",
                            id="turnout-target",
                            placeholder="0",
                        )
                        yield FieldError(id="turnout-target-error")
                    with Vertical():
                        yield Label("Turnout actual (blank: not yet)", classes="field-label")
                        actual = start.turnout_actual if start else None
                        yield Input(
                            "" if actual is None else str(actual),
                            id="turnout-actual",
                        )
                        yield FieldError(id="turnout-actual-error")
                yield from area(
                    "The decision-maker's response",
                    "action-response",
                    start.response if start else "",
                )
                yield Static(Text("Evaluation, straight after it"), classes="section-heading")
                yield from area(
                    "What happened, and which leaders grew",
                    "action-evaluation",
                    start.evaluation if start else "",
                )
                yield from area("What we learned", "action-lessons", start.lessons if start else "")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self._start = self._snapshot()
        self.query_one("#action-name", Input).focus()

    def _input(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def _text(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", TextArea).text

    def _select(self, widget_id: str) -> object:
        value = self.query_one(f"#{widget_id}", Select).value
        return None if value is Select.NULL else value

    def _snapshot(self) -> tuple[object, ...]:
        return (
            *(self._input(w) for w in INPUTS),
            *(self._text(w) for w in AREAS),
            self._select("action-kind"),
            self._select("action-campaign"),
        )

    @property
    def has_changes(self) -> bool:
        return self._snapshot() != self._start

    def build(self) -> tuple[PublicAction | None, dict[str, str]]:
        """The action as typed, or None and {field: message} for what must change."""
        errors: dict[str, str] = {}
        data: dict[str, Any] = self._action.model_dump() if self._action else {}
        try:
            data["at"] = parse_moment(self._input("action-at"), self._now)
        except ValueError as error:
            errors["at"] = f"Date and time: {error}"
            data["at"] = self._now
        for field, optional in (("turnout_target", False), ("turnout_actual", True)):
            try:
                data[field] = parse_count(self._input(FIELDS[field][0]), optional=optional)
            except ValueError as error:
                errors[field] = f"{FIELDS[field][1]} {error}"
                data[field] = None if optional else 0
        data.update(
            name=self._input("action-name"),
            action_kind=self._select("action-kind"),
            place=self._input("action-place"),
            campaign_id=self._select("action-campaign"),
            ask=self._text("action-ask"),
            response=self._text("action-response"),
            evaluation=self._text("action-evaluation"),
            lessons=self._text("action-lessons"),
        )
        try:
            action = PublicAction.model_validate(data)
        except ValidationError as error:
            model_errors(error, FIELDS, errors)
            return None, errors
        return (None, errors) if errors else (action, {})

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        action, errors = self.build()
        show_errors(self, FIELDS, errors)
        if action is not None:
            self.dismiss(action)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self.has_changes:
            ask_to_discard(self, self._discard)
        else:
            self.dismiss(None)

    def _discard(self) -> None:
        self.dismiss(None)
