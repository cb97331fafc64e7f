"""The small forms of a supervision review: the reflection and notes, a line of what moved or
stalled, and an agreed action. Each dismisses with a valid value, or None when given up."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static, TextArea

from organiser.dates import parse_day
from organiser.models import AgreedAction, SupervisionReview
from organiser.models.base import optional_date
from organiser.validation import field_messages
from screens.confirm import ask_to_discard
from screens.widgets.field_error import FieldError
from screens.widgets.review_parts import NOTES

CSS = Path(__file__).with_name("supervision.tcss")


def _buttons() -> ComposeResult:
    with Horizontal(classes="dialog-buttons"):
        yield Button("Save (ctrl+s)", variant="primary", id="save")
        yield Button("Cancel (esc)", id="cancel")


class ReflectionDialog(ModalScreen[dict[str, str] | None]):
    """The reflection, the supervisor's notes and private notes; dismisses with the four texts."""

    CSS_PATH = CSS
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="reflection.save"),
        Binding("escape", "cancel", "Cancel", id="reflection.cancel"),
    ]

    def __init__(self, review: SupervisionReview) -> None:
        super().__init__(classes="dialog")
        self._review = review

    def compose(self) -> ComposeResult:
        with Vertical(id="reflection-dialog", classes="dialog-box"):
            yield Static(Text("Reflection and notes"), classes="dialog-title")
            with VerticalScroll(id="reflection-form"):
                for name, label, hint in NOTES:
                    private = " private" if name == "private_notes" else ""
                    yield Label(f"{label} ({hint})", classes=f"field-label{private}")
                    yield TextArea(
                        getattr(self._review, name), id=f"review-{name}", classes=private.strip()
                    )
                    yield FieldError(id=f"review-{name}-error")
            yield from _buttons()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(f"#review-{NOTES[0][0]}", TextArea).focus()

    def _typed(self) -> dict[str, str]:
        return {name: self.query_one(f"#review-{name}", TextArea).text for name, _, _ in NOTES}

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        typed = self._typed()
        try:
            self._review.evolve(**typed)
        except ValidationError as error:
            problems = field_messages(error)
            for name, label, _ in NOTES:
                message = problems.get(name, "")
                self.query_one(f"#review-{name}-error", FieldError).show(
                    f"{label} {message}" if message else ""
                )
            return
        self.dismiss(typed)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        changed = any(getattr(self._review, k) != v for k, v in self._typed().items())
        if changed:
            ask_to_discard(self, self._discard)
        else:
            self.dismiss(None)

    def _discard(self) -> None:
        self.dismiss(None)


class LineDialog(ModalScreen[str | None]):
    """One line of what moved or stalled, in the organiser's own words."""

    CSS_PATH = CSS
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="review-line.save"),
        Binding("escape", "cancel", "Cancel", id="review-line.cancel"),
    ]

    def __init__(self, *, moved: bool, review: SupervisionReview) -> None:
        super().__init__(classes="dialog")
        self._moved = moved
        self._review = review

    def compose(self) -> ComposeResult:
        title = "Add to what moved" if self._moved else "Add to what stalled"
        with Vertical(id="review-line-dialog", classes="dialog-box"):
            yield Static(Text(title), classes="dialog-title")
            yield Input(id="review-line", placeholder="e.g. The head agreed to a core team")
            yield FieldError(id="review-line-error")
            yield from _buttons()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#review-line", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        text = self.query_one("#review-line", Input).value.strip()
        field = "moved" if self._moved else "stalled"
        problem = "cannot be empty" if not text else ""
        if not problem:
            try:
                self._review.evolve(**{field: [text]})
            except ValidationError as error:
                problem = next(iter(field_messages(error).values()), "is not valid")
        message = f"The line {problem}" if problem else ""
        self.query_one("#review-line-error", FieldError).show(message)
        if not problem:
            self.dismiss(text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class AgreedActionDialog(ModalScreen[AgreedAction | None]):
    """An agreed action: what, who and by when. Editing keeps its id and whether it is done."""

    CSS_PATH = CSS
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="agreed-action.save"),
        Binding("escape", "cancel", "Cancel", id="agreed-action.cancel"),
    ]

    def __init__(self, action: AgreedAction | None, today: date, owner: str = "") -> None:
        super().__init__(classes="dialog")
        self._action = action
        self._today = today
        self._owner = action.owner if action else owner

    def compose(self) -> ComposeResult:
        action = self._action
        with Vertical(id="agreed-action-dialog", classes="dialog-box"):
            yield Static(
                Text("Edit the agreed action" if action else "Add an agreed action"),
                classes="dialog-title",
            )
            yield Label("What is to be done", classes="field-label")
            yield Input(
                action.text if action else "",
                id="agreed-text",
                placeholder="e.g. Book 1-2-1s with the three leaders losing touch",
            )
            yield FieldError(id="agreed-text-error")
            with Horizontal(classes="field-pair"):
                with Vertical():
                    yield Label("Owner", classes="field-label")
                    yield Input(self._owner, id="agreed-owner")
                    yield FieldError(id="agreed-owner-error")
                with Vertical():
                    yield Label("Due (blank: no date)", classes="field-label")
                    yield Input(
                        optional_date(action.due) if action else "",
                        id="agreed-due",
                        placeholder="e.g. fri, 4 Dec, next mon",
                    )
                    yield FieldError(id="agreed-due-error")
            yield from _buttons()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#agreed-text", Input).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#agreed-{name}", Input).value

    def build(self) -> tuple[AgreedAction | None, dict[str, str]]:
        errors: dict[str, str] = {}
        due: date | None = None
        if self._value("due").strip():
            try:
                due = parse_day(self._value("due"), self._today)
            except ValueError as error:
                errors["due"] = f"Due: {error}"
        data = self._action.model_dump() if self._action else {}
        data.update(text=self._value("text"), owner=self._value("owner"), due=due)
        try:
            action = AgreedAction.model_validate(data)
        except ValidationError as error:
            labels = {"text": "What is to be done", "owner": "Owner"}
            for field, message in field_messages(error).items():
                errors.setdefault(field, f"{labels.get(field, field)} {message}")
            return None, errors
        if not action.text:
            errors["text"] = "Say what is to be done."
        return (None, errors) if errors else (action, {})

    @on(Input.Submitted, "#agreed-text")
    def _to_owner(self) -> None:
        self.query_one("#agreed-owner", Input).focus()

    @on(Input.Submitted, "#agreed-owner")
    def _to_due(self) -> None:
        self.query_one("#agreed-due", Input).focus()

    @on(Input.Submitted, "#agreed-due")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        action, errors = self.build()
        names = ("text", "owner", "due")
        for name in names:
            self.query_one(f"#agreed-{name}-error", FieldError).show(errors.get(name, ""))
        first = next((n for n in names if n in errors), None)
        if first is not None:
            self.query_one(f"#agreed-{first}", Input).focus()
        if action is not None:
            self.dismiss(action)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
