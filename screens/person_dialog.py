"""Add or edit a person: every field, checked by the Person model itself.

The dialog only gathers and validates; it dismisses with a valid Person (or None) and the
screen that opened it saves. Each problem is shown next to its field, in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Select, Static, TextArea

from organiser.dates import parse_day
from organiser.models import Consent, Institution, LadderStage, Person, Profile
from organiser.models.people import DEFAULT_STAGE_NAMES
from organiser.validation import field_messages
from screens.confirm import ask_to_discard
from screens.widgets.consent_field import ConsentField
from screens.widgets.field_error import FieldError
from screens.widgets.membership_row import MembershipRow

#: Each field the dialog edits, and how its messages begin ("Email is not an email address").
LABELS: dict[str, str] = {
    "name": "Name",
    "phone": "Phone",
    "email": "Email",
    "address": "Address",
    "memberships": "Institutions",
    "ladder_stage": "Ladder stage",
    "consent_to_contact": "Consent to be contacted",
    "consent_to_record": "Consent to keep notes",
    "notes": "Notes",
    "private_notes": "Private notes",
}
CONSENTS = ("consent_to_contact", "consent_to_record")


def widget_id(field: str) -> str:
    return field.replace("_", "-")


class PersonDialog(ModalScreen[Person | None]):
    """Dismisses with the person as typed, validated, not yet saved; None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="person.save"),
        Binding("ctrl+n", "add_membership", "Add institution", id="person.add-membership"),
        Binding("escape", "cancel", "Cancel", id="person.cancel"),
    ]

    def __init__(
        self,
        person: Person | None,
        *,
        institutions: Sequence[Institution],
        profile: Profile | None,
        today: date,
        draft: Person | None = None,
    ) -> None:
        """Edit `person` (None: a new person), the form filled from `draft` when given:
        what was typed before a save that failed."""
        super().__init__(classes="dialog")
        self._editing = person
        self._person = draft or person
        self._institutions = list(institutions)
        self._profile = profile
        self._today = today
        self._stage = person.ladder_stage if person else LadderStage.CONTACT
        self._start: tuple[object, ...] = ()
        self._errors: dict[str, str] = {}

    # The form ------------------------------------------------------------------------------

    def _title(self) -> Text:
        if self._editing is None or not self._editing.is_saved:
            return Text("New person")
        return Text.assemble("Edit ", (self._editing.name, "bold"))

    def _stage_name(self, stage: LadderStage) -> str:
        return self._profile.stage_name(stage) if self._profile else DEFAULT_STAGE_NAMES[stage]

    def compose(self) -> ComposeResult:
        person = self._person
        with Vertical(id="person-dialog", classes="dialog-box"):
            yield Static(self._title(), classes="dialog-title")
            with VerticalScroll(id="person-form"):
                yield Label("Name", classes="field-label")
                yield Input(person.name if person else "", id="name", placeholder="Full name")
                yield FieldError(id="name-error")
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("Phone", classes="field-label")
                        yield Input(person.phone if person else "", id="phone")
                        yield FieldError(id="phone-error")
                    with Vertical():
                        yield Label("Email", classes="field-label")
                        yield Input(person.email if person else "", id="email")
                        yield FieldError(id="email-error")
                yield Label("Address", classes="field-label")
                yield TextArea(person.address if person else "", id="address")
                yield FieldError(id="address-error")
                yield Label("Institutions, and their role there", classes="field-label")
                with Vertical(id="memberships"):
                    for membership in person.memberships if person else []:
                        yield MembershipRow(self._institutions, membership)
                if self._institutions:
                    yield Button("Add an institution (ctrl+n)", id="add-membership", compact=True)
                else:
                    yield Static("No institutions have been added yet.", classes="hint")
                yield FieldError(id="memberships-error")
                yield Label("Ladder stage", classes="field-label")
                yield Select(
                    [(Text(self._stage_name(stage)), stage) for stage in LadderStage],
                    value=self._stage,
                    allow_blank=False,
                    id="ladder-stage",
                )
                yield FieldError(id="ladder-stage-error")
                yield Label("Consent (data protection)", classes="field-label")
                yield ConsentField(
                    "Consent to be contacted",
                    person.consent_to_contact if person else Consent(),
                    self._today,
                    id="consent-to-contact",
                )
                yield FieldError(id="consent-to-contact-error")
                yield ConsentField(
                    "Consent to keep notes about them",
                    person.consent_to_record if person else Consent(),
                    self._today,
                    id="consent-to-record",
                )
                yield FieldError(id="consent-to-record-error")
                yield Label("Notes", classes="field-label")
                yield TextArea(person.notes if person else "", id="notes")
                yield FieldError(id="notes-error")
                yield Label(
                    "Private notes: for you alone, never exported or shared",
                    classes="field-label private",
                )
                yield TextArea(
                    person.private_notes if person else "", id="private-notes", classes="private"
                )
                yield FieldError(id="private-notes-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self._start = self._snapshot()
        self.query_one("#name", Input).focus()

    # Reading the form --------------------------------------------------------------------

    def _input(self, field: str) -> str:
        return self.query_one(f"#{widget_id(field)}", Input).value

    def _text(self, field: str) -> str:
        return self.query_one(f"#{widget_id(field)}", TextArea).text

    def _consent(self, field: str) -> ConsentField:
        return self.query_one(f"#{widget_id(field)}", ConsentField)

    def _snapshot(self) -> tuple[object, ...]:
        """Everything typed, to tell whether cancelling would throw anything away."""
        return (
            *(self._input(f) for f in ("name", "phone", "email")),
            *(self._text(f) for f in ("address", "notes", "private_notes")),
            self._stage,
            tuple((r.institution_id, r.role) for r in self.query(MembershipRow) if not r.is_blank),
            *(self._consent(f).typed for f in CONSENTS),
        )

    @property
    def has_changes(self) -> bool:
        return self._snapshot() != self._start

    def _memberships(self, errors: dict[str, str]) -> list[dict[str, str]]:
        memberships: list[dict[str, str]] = []
        for row in self.query(MembershipRow):
            if row.is_blank:
                continue
            chosen = row.institution_id
            if chosen is None:
                errors.setdefault(
                    "memberships",
                    "Choose the institution for each role, or remove the row (ctrl+r)",
                )
            elif chosen in {m["institution_id"] for m in memberships}:
                errors.setdefault("memberships", "Each institution can be listed only once")
            else:
                memberships.append({"institution_id": chosen, "role": row.role})
        return memberships

    def _consent_data(self, field: str, errors: dict[str, str]) -> dict[str, Any]:
        widget = self._consent(field)
        days: dict[str, date | None] = {}
        for key, what, text in (
            ("on", "The day it was given", widget.day_text),
            ("expires", "The day it expires", widget.expires_text),
        ):
            days[key] = None
            if text.strip():
                try:
                    days[key] = parse_day(text, self._today)
                except ValueError as error:
                    errors.setdefault(field, f"{what}: {error}")
        return {"given": widget.given, "basis": widget.basis, "source": widget.source, **days}

    def build(self) -> tuple[Person | None, dict[str, str]]:
        """The person as typed, or None and {field: message} for what must change."""
        errors: dict[str, str] = {}
        data: dict[str, Any] = self._person.model_dump() if self._person else {}
        data.update(
            name=self._input("name"),
            phone=self._input("phone"),
            email=self._input("email"),
            address=self._text("address"),
            notes=self._text("notes"),
            private_notes=self._text("private_notes"),
            ladder_stage=self._stage,
            memberships=self._memberships(errors),
        )
        for field in CONSENTS:
            data[field] = self._consent_data(field, errors)
        try:
            person = Person.model_validate(data)
        except ValidationError as error:
            for field, message in field_messages(error).items():
                errors.setdefault(field, f"{LABELS.get(field, field)} {message}")
            return None, errors
        return (None, errors) if errors else (person, {})

    def _show_errors(self, errors: dict[str, str]) -> None:
        self._errors = errors
        for field in LABELS:
            self.query_one(f"#{widget_id(field)}-error", FieldError).show(errors.get(field, ""))
        elsewhere = [message for field, message in errors.items() if field not in LABELS]
        if elsewhere:
            self.notify("; ".join(elsewhere), title="Not saved", severity="error", markup=False)
        first = next((f for f in LABELS if f in errors), None)
        if first is not None:
            self._focus_field(first)

    def _focus_field(self, field: str) -> None:
        target: Widget = self.query_one(f"#{widget_id(field)}")
        if isinstance(target, ConsentField):
            if "expire" in self._errors.get(field, ""):
                target.focus_expires()
            else:
                target.focus_date()
        elif field == "memberships":
            rows = list(self.query(MembershipRow))
            if rows:
                rows[0].focus_institution()
            return
        else:
            target.focus()

    # Actions -----------------------------------------------------------------------------

    @on(Select.Changed, "#ladder-stage")
    def _stage_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, LadderStage):
            self._stage = event.value

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        person, errors = self.build()
        self._show_errors(errors)
        if person is not None:
            self.dismiss(person)

    @on(Button.Pressed, "#add-membership")
    async def action_add_membership(self) -> None:
        if not self._institutions:
            self.notify("Add the institution first; there are none yet.", severity="warning")
            return
        row = MembershipRow(self._institutions)
        await self.query_one("#memberships").mount(row)
        row.focus_institution()

    @on(MembershipRow.RemoveRequested)
    async def _remove_membership(self, event: MembershipRow.RemoveRequested) -> None:
        await event.row.remove()
        rows = list(self.query(MembershipRow))
        if rows:
            rows[-1].focus_institution()
        elif self._institutions:
            self.query_one("#add-membership", Button).focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.has_changes:
            self.dismiss(None)
            return

        ask_to_discard(self, self._discard)

    def _discard(self) -> None:
        self.dismiss(None)
