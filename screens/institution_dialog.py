"""Add or edit an institution: every field, checked by the Institution model and the money rules.

The dialog only gathers and validates; it dismisses with a valid Institution (or None) and
the flow that opened it saves. Each problem is shown next to its field, in words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from organiser.dates import format_day, parse_day
from organiser.institutions import Member, check_tag, suggest_tag
from organiser.models import Institution, InstitutionKind, MembershipStatus, Person
from organiser.money import format_pounds, parse_pounds
from organiser.validation import field_messages
from screens.confirm import ask_to_discard
from screens.widgets.field_error import FieldError
from screens.widgets.institution_letter import LetterField

#: Each field the dialog edits: the widget (and its error line) and how messages begin.
FIELDS: dict[str, tuple[str, str]] = {
    "name": ("name", "Name"),
    "institution_kind": ("institution-kind", "Kind"),
    "tag": ("tag", "Tag"),
    "status": ("status", "Membership status"),
    "annual_dues_pence": ("annual-dues", "Annual dues"),
    "letter_signed": ("letter", "Letter of understanding"),
    "letter_signed_on": ("letter", "Letter signed on"),
    "renewal_date": ("renewal-date", "Renewal date"),
    "address": ("address", "Address"),
    "core_team_ids": ("core-team", "Core team"),
    "notes": ("notes", "Notes"),
}
STATUS_LABELS = {
    MembershipStatus.PROSPECT: "Prospect (not yet a member)",
    MembershipStatus.MEMBER: "Member (dues-paying)",
    MembershipStatus.LAPSED: "Lapsed",
}


class InstitutionDialog(ModalScreen[Institution | None]):
    """Dismisses with the institution as typed, validated, not yet saved; None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="institution.save"),
        Binding("escape", "cancel", "Cancel", id="institution.cancel"),
    ]

    def __init__(
        self,
        institution: Institution | None,
        *,
        members: Sequence[Member],
        former: Sequence[Person] = (),
        taken_tags: Mapping[str, str],
        today: date,
        draft: Institution | None = None,
    ) -> None:
        """Edit `institution` (None: a new one), the form filled from `draft` when given: what
        was typed before a save that failed.

        `members` are its people, from whom the core team is picked; `former` are core team
        members no longer linked to it; `taken_tags` maps the other institutions' tags to
        their names.
        """
        super().__init__(classes="dialog")
        self._editing = institution
        self._institution = draft or institution
        self._members = list(members)
        self._former = list(former)
        self._taken = dict(taken_tags)
        self._today = today
        start = self._institution
        self._kind = start.institution_kind if start else InstitutionKind.OTHER
        self._status = start.status if start else MembershipStatus.PROSPECT
        self._start_name = start.name if start else ""
        self._suggested = suggest_tag(self._start_name, self._taken) if start else ""
        self._start: tuple[object, ...] = ()

    # The form ----------------------------------------------------------------------------

    def _title(self) -> Text:
        if self._editing is None or not self._editing.is_saved:
            return Text("New institution")
        return Text.assemble("Edit ", (self._editing.name, "bold"))

    def _core_team_choices(self) -> list[Selection[str]]:
        chosen = set(self._institution.core_team_ids if self._institution else [])
        choices = [
            Selection(
                Text(f"{m.person.name}{', ' + m.role if m.role else ''}"),
                m.person.id,
                m.person.id in chosen,
            )
            for m in self._members
        ]
        choices += [
            Selection(Text(f"{p.name} (no longer linked to it)"), p.id, p.id in chosen)
            for p in self._former
        ]
        return choices

    def compose(self) -> ComposeResult:
        start = self._institution
        with Vertical(id="institution-dialog", classes="dialog-box"):
            yield Static(self._title(), classes="dialog-title")
            with VerticalScroll(id="institution-form"):
                yield Label("Name", classes="field-label")
                yield Input(start.name if start else "", id="name", placeholder="Its full name")
                yield FieldError(id="name-error")
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("Kind", classes="field-label")
                        yield Select(
                            [(Text(kind.label), kind) for kind in InstitutionKind],
                            value=self._kind,
                            allow_blank=False,
                            id="institution-kind",
                        )
                        yield FieldError(id="institution-kind-error")
                    with Vertical():
                        yield Label("Tag, for quick capture (#tag)", classes="field-label")
                        yield Input(
                            start.tag if start else "",
                            id="tag",
                            placeholder="suggested from the name, e.g. stmarys",
                        )
                        yield FieldError(id="tag-error")
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("Membership status", classes="field-label")
                        yield Select(
                            [(Text(label), status) for status, label in STATUS_LABELS.items()],
                            value=self._status,
                            allow_blank=False,
                            id="status",
                        )
                        yield FieldError(id="status-error")
                    with Vertical():
                        yield Label("Annual dues agreed, in pounds", classes="field-label")
                        yield Input(
                            format_pounds(start.annual_dues_pence) if start else "",
                            id="annual-dues",
                            placeholder="e.g. £1,250.00 (blank: none agreed)",
                        )
                        yield FieldError(id="annual-dues-error")
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("Letter of understanding", classes="field-label")
                        yield LetterField(
                            start.letter_signed if start else False,
                            start.letter_signed_on if start else None,
                            self._today,
                            id="letter",
                        )
                        yield FieldError(id="letter-error")
                    with Vertical():
                        yield Label("Renewal date", classes="field-label")
                        renewal = start.renewal_date if start else None
                        yield Input(
                            format_day(renewal) if renewal else "",
                            id="renewal-date",
                            placeholder="e.g. 1/9/2027 or 1 Sep 2027",
                        )
                        yield FieldError(id="renewal-date-error")
                yield Label(
                    "Core team, chosen from its people (space ticks)", classes="field-label"
                )
                choices = self._core_team_choices()
                if choices:
                    yield SelectionList[str](*choices, id="core-team")
                else:
                    yield Static(
                        Text(
                            "No one is linked to it yet: link people from their own form, "
                            "then choose its core team here."
                        ),
                        id="core-team",
                        classes="hint",
                    )
                yield FieldError(id="core-team-error")
                yield Label("Address", classes="field-label")
                yield TextArea(start.address if start else "", id="address")
                yield FieldError(id="address-error")
                yield Label("Notes", classes="field-label")
                yield TextArea(start.notes if start else "", id="notes")
                yield FieldError(id="notes-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self._start = self._snapshot()
        self.query_one("#name", Input).focus()

    # Reading the form ------------------------------------------------------------------

    def _input(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def _text(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", TextArea).text

    @property
    def _letter(self) -> LetterField:
        return self.query_one("#letter", LetterField)

    def _core_team_ids(self) -> list[str]:
        lists = self.query("#core-team").results(SelectionList)
        chosen = [value for found in lists for value in found.selected]
        # In the order the people are listed, not the order they were ticked.
        order = [m.person.id for m in self._members] + [p.id for p in self._former]
        return sorted(set(chosen), key=order.index)

    def _snapshot(self) -> tuple[object, ...]:
        """Everything typed, to tell whether cancelling would throw anything away."""
        return (
            *(self._input(f) for f in ("name", "tag", "annual-dues", "renewal-date")),
            *(self._text(f) for f in ("address", "notes")),
            self._kind,
            self._status,
            self._letter.signed,
            self._letter.day_text,
            tuple(self._core_team_ids()),
        )

    @property
    def has_changes(self) -> bool:
        return self._snapshot() != self._start

    def _dues(self, errors: dict[str, str]) -> int | None:
        typed = self._input("annual-dues")
        if not typed.strip():
            return 0
        try:
            return parse_pounds(typed)
        except ValueError as error:
            errors["annual_dues_pence"] = f"Annual dues: {error}"
            return None

    def _day(self, text: str, field: str, errors: dict[str, str]) -> date | None:
        if not text.strip():
            return None
        try:
            return parse_day(text, self._today)
        except ValueError as error:
            errors[field] = f"{FIELDS[field][1]}: {error}"
            return None

    def build(self) -> tuple[Institution | None, dict[str, str]]:
        """The institution as typed, or None and {field: message} for what must change."""
        errors: dict[str, str] = {}
        data: dict[str, Any] = self._institution.model_dump() if self._institution else {}
        try:
            tag = check_tag(self._input("tag"), self._taken)
        except ValueError as error:
            errors["tag"] = f"Tag: {error}"
            tag = ""
        letter = self._letter
        signed_on = self._day(letter.day_text, "letter_signed_on", errors)
        if signed_on is not None and signed_on > self._today:
            errors["letter_signed_on"] = (
                f"Letter signed on: {format_day(signed_on)} is after today; a letter cannot "
                "be signed in the future"
            )
        elif signed_on is not None and not letter.signed:
            errors["letter_signed_on"] = (
                "A signing date is given but the letter is not ticked as signed: tick "
                "“Signed”, or clear the date"
            )
        dues = self._dues(errors)
        data.update(
            name=self._input("name"),
            institution_kind=self._kind,
            tag=tag,
            status=self._status,
            annual_dues_pence=0 if dues is None else dues,
            letter_signed=letter.signed,
            letter_signed_on=signed_on,
            renewal_date=self._day(self._input("renewal-date"), "renewal_date", errors),
            core_team_ids=self._core_team_ids(),
            address=self._text("address"),
            notes=self._text("notes"),
        )
        try:
            institution = Institution.model_validate(data)
        except ValidationError as error:
            for field, message in field_messages(error).items():
                label = FIELDS[field][1] if field in FIELDS else field
                errors.setdefault(field, f"{label} {message}")
            return None, errors
        return (None, errors) if errors else (institution, {})

    def _show_errors(self, errors: dict[str, str]) -> None:
        by_widget: dict[str, list[str]] = {}
        for field, message in errors.items():
            if field in FIELDS:
                by_widget.setdefault(FIELDS[field][0], []).append(message)
        for widget_id in dict.fromkeys(w for w, _ in FIELDS.values()):
            line = self.query_one(f"#{widget_id}-error", FieldError)
            line.show("; ".join(by_widget.get(widget_id, [])))
        elsewhere = [message for field, message in errors.items() if field not in FIELDS]
        if elsewhere:
            self.notify("; ".join(elsewhere), title="Not saved", severity="error", markup=False)
        first = next((f for f in FIELDS if f in errors), None)
        if first is not None:
            self._focus_field(first)

    def _focus_field(self, field: str) -> None:
        widget_id = FIELDS[field][0]
        if widget_id == "letter":
            self._letter.focus_date()
        else:
            self.query_one(f"#{widget_id}").focus()

    # Actions -------------------------------------------------------------------------------

    @on(Input.Changed, "#name")
    def _suggest_tag(self, event: Input.Changed) -> None:
        """While the tag is the one suggested (or empty), it follows the name as it is typed."""
        if event.value == self._start_name:
            return
        tag = self.query_one("#tag", Input)
        if tag.value.strip() in ("", self._suggested):
            self._suggested = suggest_tag(event.value, self._taken)
            tag.value = self._suggested

    @on(Select.Changed, "#institution-kind")
    def _kind_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, InstitutionKind):
            self._kind = event.value

    @on(Select.Changed, "#status")
    def _status_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, MembershipStatus):
            self._status = event.value

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        institution, errors = self.build()
        self._show_errors(errors)
        if institution is not None:
            self.dismiss(institution)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.has_changes:
            self.dismiss(None)
            return

        ask_to_discard(self, self._discard)

    def _discard(self) -> None:
        self.dismiss(None)
