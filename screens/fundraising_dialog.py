"""Add or edit a fundraising item: where the money comes from, how much, and where it stands.

Money is typed in pounds and dates as organisers type them; each problem is shown under its
field, in words, and nothing is returned until every field is right. The dialog dismisses
with a valid FundraisingItem (or None); the flow that opened it saves.
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
from textual.widgets import Button, Checkbox, Footer, Input, Label, Select, Static, TextArea

from organiser.dates import format_day, parse_day
from organiser.fundraising import DUES_KIND_LABELS, SOURCE_LABELS, hard_by_default
from organiser.fundraising_status import check
from organiser.models import (
    DuesKind,
    FundingSource,
    FundingStatus,
    FundraisingItem,
    Institution,
    Person,
)
from organiser.money import format_pounds, parse_pounds
from organiser.people import fold
from screens.action_form import model_errors, show_errors
from screens.confirm import ask_to_discard
from screens.widgets.field_error import FieldError

#: Each field: the widget that edits it (and its error line) and how messages begin.
FIELDS: dict[str, tuple[str, str]] = {
    "title": ("item-title", "Title"),
    "source": ("item-source", "Source"),
    "institution_id": ("item-institution", "Institution"),
    "person_id": ("item-person", "Person"),
    "hard_money": ("item-hard", "Hard money"),
    "amount_pence": ("item-amount", "Amount"),
    "year": ("item-year", "Year"),
    "expected_on": ("item-expected", "Expected on"),
    "status": ("item-status", "Status"),
    "dues_kind": ("item-dues-kind", "Dues kind"),
    "invoiced_on": ("item-invoiced", "Invoiced on"),
    "due_on": ("item-due", "Due on"),
    "paid_on": ("item-paid", "Paid on"),
    "lost_reason": ("item-lost-reason", "Why it was lost"),
    "notes": ("item-notes", "Notes"),
}
#: The date fields, each with its Input's id.
DATES = ("expected_on", "invoiced_on", "due_on", "paid_on")
INPUTS = ("item-title", "item-amount", "item-year", "item-lost-reason") + tuple(
    FIELDS[f][0] for f in DATES
)
SELECTS = ("item-source", "item-institution", "item-person", "item-status", "item-dues-kind")


def read_year(text: str) -> int:
    cleaned = text.strip()
    if not cleaned.isascii() or not cleaned.isdigit() or not 2000 <= int(cleaned) <= 2200:
        raise ValueError("type a year such as 2026")
    return int(cleaned)


class FundraisingItemDialog(ModalScreen[FundraisingItem | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="fundraising-item.save"),
        Binding("escape", "cancel", "Cancel", id="fundraising-item.cancel"),
    ]
    CSS_PATH = "fundraising.tcss"

    def __init__(
        self,
        item: FundraisingItem | None,
        *,
        institutions: Sequence[Institution],
        people: Sequence[Person],
        year: int,
        today: date,
        draft: FundraisingItem | None = None,
    ) -> None:
        """Edit `item` (None: a new one for `year`), filled from `draft` when given: what was
        typed before a save that failed."""
        super().__init__(classes="dialog")
        self._editing = item
        self._item = draft or item
        self._institutions = sorted(institutions, key=lambda i: fold(i.name))
        self._people = sorted(people, key=lambda p: fold(p.name))
        self._year = year
        self._today = today
        self._source = self._item.source if self._item else FundingSource.MEMBER_DUES
        self._start: tuple[object, ...] = ()

    def _title(self) -> Text:
        if self._editing is None or not self._editing.is_saved:
            return Text(f"New fundraising item for {self._year}")
        name = self._editing.title or SOURCE_LABELS[self._editing.source]
        return Text.assemble("Edit ", (name, "bold"))

    def _field(self, label: str, widget: Any, field: str) -> ComposeResult:
        with Vertical():
            yield Label(label, classes="field-label")
            yield widget
            yield FieldError(id=f"{FIELDS[field][0]}-error")

    def _day(self, field: str, label: str) -> ComposeResult:
        start = self._item
        day = getattr(start, field) if start else None
        shown = format_day(day) if day else ""
        widget = Input(shown, id=FIELDS[field][0], placeholder="e.g. 1 Dec")
        yield from self._field(label, widget, field)

    def compose(self) -> ComposeResult:
        start = self._item
        known_institutions = {i.id for i in self._institutions}
        known_people = {p.id for p in self._people}
        institution = start.institution_id if start else None
        person = start.person_id if start else None
        with Vertical(id="fundraising-item-dialog", classes="dialog-box"):
            yield Static(self._title(), classes="dialog-title")
            with VerticalScroll(id="fundraising-item-form"):
                yield from self._field(
                    "Title",
                    Input(start.title if start else "", id="item-title",
                          placeholder="e.g. Community Foundation: training grant"),
                    "title",
                )  # fmt: skip
                with Horizontal(classes="field-pair"):
                    yield from self._field(
                        "Source",
                        Select([(Text(label), s) for s, label in SOURCE_LABELS.items()],
                               value=self._source, allow_blank=False, id="item-source"),
                        "source",
                    )  # fmt: skip
                    yield from self._field(
                        "Hard money? Dues are; the rest is soft",
                        Checkbox("Hard money",
                                 start.hard_money if start else hard_by_default(self._source),
                                 id="item-hard"),
                        "hard_money",
                    )  # fmt: skip
                with Horizontal(classes="field-pair"):
                    yield from self._field(
                        "From an institution (optional)",
                        Select([(Text(i.name), i.id) for i in self._institutions],
                               value=institution if institution in known_institutions
                               else Select.NULL,
                               prompt="No institution", id="item-institution"),
                        "institution_id",
                    )  # fmt: skip
                    yield from self._field(
                        "From a person (optional)",
                        Select([(Text(p.name), p.id) for p in self._people],
                               value=person if person in known_people else Select.NULL,
                               prompt="No one", id="item-person"),
                        "person_id",
                    )  # fmt: skip
                with Horizontal(classes="field-pair"):
                    yield from self._field(
                        "Amount, in pounds",
                        Input(format_pounds(start.amount_pence) if start else "",
                              id="item-amount", placeholder="e.g. £1,250.00"),
                        "amount_pence",
                    )  # fmt: skip
                    yield from self._field(
                        "For the fundraising year",
                        Input(str(start.year if start else self._year), id="item-year"),
                        "year",
                    )
                with Horizontal(classes="field-pair"):
                    yield from self._field(
                        "Status",
                        Select([(Text(s.value), s) for s in FundingStatus],
                               value=start.status if start else FundingStatus.PROSPECT,
                               allow_blank=False, id="item-status"),
                        "status",
                    )  # fmt: skip
                    yield from self._field(
                        "Dues: retention or recruitment",
                        Select([(Text(label), k) for k, label in DUES_KIND_LABELS.items()],
                               value=start.dues_kind if start and start.dues_kind
                               else Select.NULL,
                               prompt="Not dues", id="item-dues-kind"),
                        "dues_kind",
                    )  # fmt: skip
                with Horizontal(classes="field-pair"):
                    yield from self._day("expected_on", "Expected on")
                    yield from self._day("invoiced_on", "Invoiced on")
                with Horizontal(classes="field-pair"):
                    yield from self._day("due_on", "Due on")
                    yield from self._day("paid_on", "Paid on")
                yield from self._field(
                    "Why it was lost (when it is lost)",
                    Input(start.lost_reason if start else "", id="item-lost-reason"),
                    "lost_reason",
                )
                yield from self._field(
                    "Notes", TextArea(start.notes if start else "", id="item-notes"), "notes"
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self._start = self._snapshot()
        self.query_one("#item-title", Input).focus()

    # Reading the form ----------------------------------------------------------------------

    def _input(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def _select(self, widget_id: str) -> Any:
        value = self.query_one(f"#{widget_id}", Select).value
        return None if value is Select.NULL else value

    def _snapshot(self) -> tuple[object, ...]:
        return (
            *(self._input(w) for w in INPUTS),
            *(self._select(w) for w in SELECTS),
            self.query_one("#item-hard", Checkbox).value,
            self.query_one("#item-notes", TextArea).text,
        )

    @property
    def has_changes(self) -> bool:
        return self._snapshot() != self._start

    @on(Select.Changed, "#item-source")
    def _source_changed(self, event: Select.Changed) -> None:
        """Follow the new source's hard-money default, unless the organiser chose otherwise."""
        if not isinstance(event.value, FundingSource) or event.value is self._source:
            return
        hard = self.query_one("#item-hard", Checkbox)
        if hard.value == hard_by_default(self._source):
            hard.value = hard_by_default(event.value)
        self._source = event.value

    @on(Select.Changed, "#item-institution")
    def _institution_chosen(self, event: Select.Changed) -> None:
        """A member's annual dues fill an empty amount."""
        amount = self.query_one("#item-amount", Input)
        chosen = next((i for i in self._institutions if i.id == event.value), None)
        if chosen is not None and not amount.value.strip() and chosen.annual_dues_pence:
            amount.value = format_pounds(chosen.annual_dues_pence)

    def build(self) -> tuple[FundraisingItem | None, dict[str, str]]:
        """The item as typed, or None and a message for each field that is wrong."""
        errors: dict[str, str] = {}
        data: dict[str, Any] = self._item.model_dump() if self._item else {}
        try:
            data["amount_pence"] = parse_pounds(self._input("item-amount"))
        except ValueError as error:
            errors["amount_pence"] = f"Amount: {error}"
            data["amount_pence"] = 1
        try:
            data["year"] = read_year(self._input("item-year"))
        except ValueError as error:
            errors["year"] = f"Year: {error}"
            data["year"] = self._year
        for field in DATES:
            typed = self._input(FIELDS[field][0]).strip()
            try:
                data[field] = parse_day(typed, self._today) if typed else None
            except ValueError as error:
                errors[field] = f"{FIELDS[field][1]}: {error}"
                data[field] = None
        kind = self._select("item-dues-kind")
        data.update(
            title=self._input("item-title"),
            source=self._select("item-source"),
            institution_id=self._select("item-institution"),
            person_id=self._select("item-person"),
            hard_money=self.query_one("#item-hard", Checkbox).value,
            status=self._select("item-status"),
            dues_kind=kind if isinstance(kind, DuesKind) else None,
            lost_reason=self._input("item-lost-reason"),
            notes=self.query_one("#item-notes", TextArea).text,
        )
        try:
            item = FundraisingItem.model_validate(data)
        except ValidationError as error:
            model_errors(error, FIELDS, errors)
            return None, errors
        for field, message in check(item, self._today).items():
            errors.setdefault(field, message)
        return (None, errors) if errors else (item, {})

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        item, errors = self.build()
        show_errors(self, FIELDS, errors)
        if item is not None:
            self.dismiss(item)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self.has_changes:
            ask_to_discard(self, self._discard)
        else:
            self.dismiss(None)

    def _discard(self) -> None:
        self.dismiss(None)
