"""The roll call's dialogs: one institution's pledge or what it brought (picked by name), and
where to export the sheet.

They gather and check only; the flows in screens.roll_call_flows save and write.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Footer, Input, Label, Select, Static

from organiser.models import Institution, PublicAction
from organiser.roll_call import RollCallFormat, file_name, find_institution, line_for
from screens.action_form import parse_count
from screens.subject_access_dialog import path_problem
from screens.widgets.field_error import FieldError

FORMAT_LABELS = {
    RollCallFormat.HTML: "A web page (.html): to open in a browser and print",
    RollCallFormat.MARKDOWN: "Markdown (.md): for notes, email or a wiki",
}


#: The most people one institution can be recorded as bringing (the model's limit).
MOST = 1_000_000


@dataclass(frozen=True)
class CallEntry:
    """An institution and the number typed for it."""

    institution_id: str
    number: int


class CallEntryDialog(ModalScreen[CallEntry | None]):
    """An institution's pledge (`delivered=False`) or what it brought to the action."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="roll-call-entry.save"),
        Binding("escape", "cancel", "Cancel", id="roll-call-entry.cancel"),
    ]

    def __init__(
        self,
        action: PublicAction,
        institutions: Sequence[Institution],
        *,
        delivered: bool,
        current: Institution | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self._action = action
        self._institutions = sorted(institutions, key=lambda i: i.name.casefold())
        self._delivered = delivered
        self._current = current

    @property
    def _word(self) -> str:
        return "Delivered" if self._delivered else "Pledged"

    def compose(self) -> ComposeResult:
        title = "What did they bring?" if self._delivered else "What do they pledge to bring?"
        names = [i.name for i in self._institutions]
        with Vertical(id="roll-call-entry-dialog", classes="dialog-box"):
            yield Static(
                Text.assemble(title, "  ", (self._action.name, "dim")), classes="dialog-title"
            )
            yield Label("Institution (type its name)", classes="field-label")
            yield Input(
                self._current.name if self._current else "",
                placeholder="e.g. St Mary's",
                suggester=SuggestFromList(names, case_sensitive=False),
                id="call-institution",
            )
            yield FieldError(id="call-institution-error")
            yield Static(id="call-held", classes="hint")
            yield Label(f"{self._word} (people)", classes="field-label")
            yield Input(self._number_now(self._current), id="call-number")
            yield FieldError(id="call-number-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self._show_held(self._current)
        self.query_one("#call-institution" if self._current is None else "#call-number").focus()

    def _number_now(self, institution: Institution | None) -> str:
        line = line_for(self._action, institution.id) if institution else None
        number = (line.delivered if self._delivered else line.pledged) if line else 0
        return str(number) if number else ""

    def _show_held(self, institution: Institution | None) -> None:
        line = line_for(self._action, institution.id) if institution else None
        held = (
            f"On the sheet now: pledged {line.pledged:,}, delivered {line.delivered:,}"
            if line
            else ""
        )
        self.query_one("#call-held", Static).update(Text(held))

    @on(Input.Changed, "#call-institution")
    def _typed(self, event: Input.Changed) -> None:
        found, _ = find_institution(self._institutions, event.value)
        self._show_held(found)

    @on(Input.Submitted, "#call-institution")
    def _institution_entered(self) -> None:
        box = self.query_one("#call-institution", Input)
        found, problem = find_institution(self._institutions, box.value)
        self.query_one("#call-institution-error", FieldError).show(problem)
        if found is not None:
            box.value = found.name
            number = self.query_one("#call-number", Input)
            if not number.value:
                number.value = self._number_now(found)
            number.focus()

    def build(self) -> CallEntry | None:
        typed = self.query_one("#call-institution", Input).value
        found, problem = find_institution(self._institutions, typed)
        self.query_one("#call-institution-error", FieldError).show(problem)
        number_error = self.query_one("#call-number-error", FieldError)
        try:
            number = parse_count(self.query_one("#call-number", Input).value, optional=True)
            if number is not None and number > MOST:
                raise ValueError(f"is more than {MOST:,}: surely a typing slip")
        except ValueError as error:
            number_error.show(f"{self._word} {error}")
            return None
        if number is None:
            number_error.show(f"Type how many people: {self._word.lower()} is needed.")
            return None
        number_error.show("")
        return None if found is None else CallEntry(found.id, number)

    @on(Input.Submitted, "#call-number")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        entry = self.build()
        if entry is not None:
            self.dismiss(entry)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class SheetChoice:
    path: Path
    fmt: RollCallFormat


class SheetExportDialog(ModalScreen[SheetChoice | None]):
    """Which format and where: the roll-call sheet holds no private notes."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Export", id="roll-call-export.save"),
        Binding("escape", "cancel", "Cancel", id="roll-call-export.cancel"),
    ]

    def __init__(self, action: PublicAction, folder: Path, zone: ZoneInfo) -> None:
        super().__init__(classes="dialog")
        self._action = action
        self._folder = folder
        self._zone = zone

    def compose(self) -> ComposeResult:
        fmt = RollCallFormat.HTML
        with Vertical(id="roll-call-export-dialog", classes="dialog-box"):
            yield Static(Text("Export the roll-call sheet"), classes="dialog-title")
            yield Label("Format", classes="field-label")
            yield Select(
                [(Text(label), f) for f, label in FORMAT_LABELS.items()],
                value=fmt,
                allow_blank=False,
                id="sheet-format",
            )
            yield Label("Save to", classes="field-label")
            path = self._folder / file_name(self._action, fmt, self._zone)
            yield Input(str(path), id="sheet-path")
            yield FieldError(id="sheet-path-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sheet-path", Input).focus()

    def _format(self) -> RollCallFormat:
        value = self.query_one("#sheet-format", Select).value
        return value if isinstance(value, RollCallFormat) else RollCallFormat.HTML

    @on(Select.Changed, "#sheet-format")
    def _format_changed(self) -> None:
        """The file's ending follows the format while it is one of ours."""
        field = self.query_one("#sheet-path", Input)
        path = Path(field.value)
        if path.suffix.lower() in {f".{f.value}" for f in RollCallFormat}:
            field.value = str(path.with_suffix(f".{self._format().value}"))

    def build(self) -> tuple[SheetChoice | None, str]:
        path, problem = path_problem(self.query_one("#sheet-path", Input).value, self._folder)
        return (None, problem) if path is None else (SheetChoice(path, self._format()), "")

    @on(Input.Submitted, "#sheet-path")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        choice, problem = self.build()
        self.query_one("#sheet-path-error", FieldError).show(problem)
        if choice is not None:
            self.dismiss(choice)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
