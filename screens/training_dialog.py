"""Add or edit a training session: every field, checked by the TrainingSession model.

The dialog only gathers and validates; it dismisses with a valid TrainingSession (or None)
and the flow that opened it saves. Each problem is shown next to its field, in words.
Participants are not edited here: the session's own screen keeps the attendance checklist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.selection_list import Selection

from organiser.dates import parse_moment
from organiser.models import Person, TrainingKind, TrainingSession
from organiser.trainings import (
    ALL_DAY_HOURS,
    KIND_LABELS,
    format_number,
    format_starts,
    parse_days,
    parse_hours,
)
from organiser.validation import field_messages
from screens.confirm import ask_to_discard
from screens.widgets.field_error import FieldError

#: Each field the dialog edits: the widget (and its error line) and how messages begin.
FIELDS: dict[str, tuple[str, str]] = {
    "name": ("name", "Name"),
    "training_kind": ("training-kind", "Kind"),
    "starts": ("starts", "Date and time"),
    "length_hours": ("length", "Length"),
    "all_day": ("length", "All day"),
    "venue": ("venue", "Venue"),
    "organiser_is_trainer": ("trainers", "Trainers"),
    "trainer_ids": ("trainers", "Trainers"),
    "curriculum": ("curriculum", "Curriculum"),
    "notes": ("notes", "Notes"),
    "what_worked": ("what-worked", "What worked"),
    "what_to_change": ("what-to-change", "What to change"),
    "preparing_days": ("preparing-days", "Days preparing"),
    "delivering_days": ("delivering-days", "Days delivering"),
    "evaluating_days": ("evaluating-days", "Days evaluating"),
}
DAY_FIELDS = ("preparing_days", "delivering_days", "evaluating_days")


class TrainingDialog(ModalScreen[TrainingSession | None]):
    """Dismisses with the session as typed, validated, not yet saved; None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="training.save"),
        Binding("escape", "cancel", "Cancel", id="training.cancel"),
    ]

    def __init__(
        self,
        session: TrainingSession | None,
        *,
        people: Sequence[Person],
        now: datetime,
        zone: ZoneInfo,
        organiser_name: str = "",
        draft: TrainingSession | None = None,
    ) -> None:
        """Edit `session` (None: a new one), the form filled from `draft` when given: what
        was typed before a save that failed. Trainers are chosen from `people`."""
        super().__init__(classes="dialog")
        self._editing = session
        self._session = draft or session
        self._people = sorted(people, key=lambda p: p.name.casefold())
        self._now = now
        self._zone = zone
        self._organiser = organiser_name
        self._kind = self._session.training_kind if self._session else TrainingKind.LOCAL_TASTER
        self._start: tuple[object, ...] = ()

    # The form ----------------------------------------------------------------------------

    def _title(self) -> Text:
        if self._editing is None or not self._editing.is_saved:
            return Text("New training session")
        return Text.assemble("Edit ", (self._editing.name, "bold"))

    def _trainer_choices(self) -> list[Selection[str]]:
        chosen = self._session.trainer_ids if self._session else []
        by_id = {p.id: p for p in self._people}
        first = [by_id[i] for i in chosen if i in by_id]
        rest = [p for p in self._people if p.id not in chosen]
        return [Selection(Text(p.name), p.id, p.id in chosen) for p in first + rest]

    def compose(self) -> ComposeResult:
        start = self._session
        organiser = f"I am a trainer ({self._organiser})" if self._organiser else "I am a trainer"
        with Vertical(id="training-dialog", classes="dialog-box"):
            yield Static(self._title(), classes="dialog-title")
            with VerticalScroll(id="training-form"):
                yield Label("Name", classes="field-label")
                yield Input(
                    start.name if start else "", id="name", placeholder="e.g. Power and action"
                )
                yield FieldError(id="name-error")
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("Kind", classes="field-label")
                        yield Select(
                            [(Text(label), kind) for kind, label in KIND_LABELS.items()],
                            value=self._kind,
                            allow_blank=False,
                            id="training-kind",
                        )
                        yield FieldError(id="training-kind-error")
                    with Vertical():
                        yield Label("Venue", classes="field-label")
                        yield Input(start.venue if start else "", id="venue")
                        yield FieldError(id="venue-error")
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("Date and time", classes="field-label")
                        yield Input(
                            format_starts(start.starts, self._zone) if start else "",
                            id="starts",
                            placeholder="e.g. 1 Dec 2026 18:00 or fri 6pm",
                        )
                        yield FieldError(id="starts-error")
                    with Vertical():
                        yield Label("Length in hours", classes="field-label")
                        with Horizontal(classes="length-field"):
                            yield Input(
                                format_number(start.length_hours) if start else "2",
                                id="length",
                                placeholder="e.g. 2 or 1.5",
                            )
                            yield Checkbox(
                                "All day", start.all_day if start else False, id="all-day"
                            )
                        yield FieldError(id="length-error")
                yield Label("Trainers (space ticks)", classes="field-label")
                yield Checkbox(
                    organiser,
                    start.organiser_is_trainer if start else False,
                    id="organiser-is-trainer",
                )
                choices = self._trainer_choices()
                if choices:
                    yield SelectionList[str](*choices, id="trainers")
                else:
                    yield Static(
                        Text("No one is on record yet to choose as a trainer."),
                        id="trainers",
                        classes="hint",
                    )
                yield FieldError(id="trainers-error")
                yield Label("Curriculum", classes="field-label")
                yield TextArea(start.curriculum if start else "", id="curriculum")
                yield FieldError(id="curriculum-error")
                yield Label("Notes", classes="field-label")
                yield TextArea(start.notes if start else "", id="notes")
                yield FieldError(id="notes-error")
                yield Static(Text("Evaluation, after it"), classes="section-heading")
                yield Label("What worked", classes="field-label")
                yield TextArea(start.what_worked if start else "", id="what-worked")
                yield FieldError(id="what-worked-error")
                yield Label("What to change", classes="field-label")
                yield TextArea(start.what_to_change if start else "", id="what-to-change")
                yield FieldError(id="what-to-change-error")
                yield Static(
                    Text("Your own working days on it (0.5 is half a day)"),
                    classes="section-heading",
                )
                with Horizontal(classes="field-pair"):
                    for field, label in (
                        ("preparing_days", "Preparing"),
                        ("delivering_days", "Delivering"),
                        ("evaluating_days", "Evaluating"),
                    ):
                        widget_id = FIELDS[field][0]
                        value = getattr(start, field) if start else 0
                        with Vertical():
                            yield Label(label, classes="field-label")
                            yield Input(
                                format_number(value) if value else "",
                                id=widget_id,
                                placeholder="0",
                            )
                            yield FieldError(id=f"{widget_id}-error")
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

    def _ticked(self, widget_id: str) -> bool:
        return self.query_one(f"#{widget_id}", Checkbox).value

    def _trainer_ids(self) -> list[str]:
        lists = self.query("#trainers").results(SelectionList)
        chosen = {value for found in lists for value in found.selected}
        order = [p.id for p in self._people]
        return sorted(chosen, key=order.index)

    def _snapshot(self) -> tuple[object, ...]:
        """Everything typed, to tell whether cancelling would throw anything away."""
        inputs = ("name", "venue", "starts", "length", *(FIELDS[f][0] for f in DAY_FIELDS))
        areas = ("curriculum", "notes", "what-worked", "what-to-change")
        return (
            *(self._input(f) for f in inputs),
            *(self._text(f) for f in areas),
            self._kind,
            self._ticked("all-day"),
            self._ticked("organiser-is-trainer"),
            tuple(self._trainer_ids()),
        )

    @property
    def has_changes(self) -> bool:
        return self._snapshot() != self._start

    def _parsed(
        self, field: str, parse: Callable[[], Any], errors: dict[str, str], fallback: Any
    ) -> Any:
        try:
            return parse()
        except ValueError as error:
            errors[field] = f"{FIELDS[field][1]}: {error}"
            return fallback

    def _days(self, field: str, errors: dict[str, str]) -> float:
        try:
            return parse_days(self._input(FIELDS[field][0]))
        except ValueError as error:
            errors[field] = f"{FIELDS[field][1]}: {error}"
            return 0.0

    def build(self) -> tuple[TrainingSession | None, dict[str, str]]:
        """The session as typed, or None and {field: message} for what must change."""
        errors: dict[str, str] = {}
        data: dict[str, Any] = self._session.model_dump() if self._session else {}
        all_day = self._ticked("all-day")
        length_text = self._input("length")
        if all_day and not length_text.strip():
            length: float = ALL_DAY_HOURS
        else:
            length = self._parsed(
                "length_hours", lambda: parse_hours(length_text), errors, ALL_DAY_HOURS
            )
        starts = self._parsed(
            "starts", lambda: parse_moment(self._input("starts"), self._now), errors, self._now
        )
        days = {field: self._days(field, errors) for field in DAY_FIELDS}
        data.update(
            name=self._input("name"),
            training_kind=self._kind,
            starts=starts,
            length_hours=length,
            all_day=all_day,
            venue=self._input("venue"),
            organiser_is_trainer=self._ticked("organiser-is-trainer"),
            trainer_ids=self._trainer_ids(),
            curriculum=self._text("curriculum"),
            notes=self._text("notes"),
            what_worked=self._text("what-worked"),
            what_to_change=self._text("what-to-change"),
            **days,
        )
        try:
            session = TrainingSession.model_validate(data)
        except ValidationError as error:
            for field, message in field_messages(error).items():
                label = FIELDS[field][1] if field in FIELDS else field
                errors.setdefault(field, f"{label} {message}")
            return None, errors
        return (None, errors) if errors else (session, {})

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
            widget = self.query_one(f"#{FIELDS[first][0]}")
            if widget.focusable:
                widget.focus()
            else:
                self.query_one("#organiser-is-trainer").focus()

    # Actions -------------------------------------------------------------------------------

    @on(Select.Changed, "#training-kind")
    def _kind_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, TrainingKind):
            self._kind = event.value

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        session, errors = self.build()
        self._show_errors(errors)
        if session is not None:
            self.dismiss(session)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.has_changes:
            self.dismiss(None)
            return

        ask_to_discard(self, self._discard)

    def _discard(self) -> None:
        self.dismiss(None)
