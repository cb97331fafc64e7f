"""Export a review: Markdown or HTML, where to, and whether the private notes go too.

Gathers the choices only; the flow writes the file. Private notes are left out unless ticked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Input, Label, Select, Static

from organiser.models import SupervisionReview
from organiser.review_export import ExportFormat, file_name
from screens.widgets.field_error import FieldError

FORMAT_LABELS = {
    ExportFormat.MARKDOWN: "Markdown (.md): for notes, email or a wiki",
    ExportFormat.HTML: "A web page (.html): to open in a browser or print",
}


def default_folder(home: Path) -> Path:
    """The Documents folder in the home folder, or the home folder itself."""
    documents = home / "Documents"
    return documents if documents.is_dir() else home


@dataclass(frozen=True)
class ExportChoice:
    path: Path
    fmt: ExportFormat
    include_private: bool


class ExportDialog(ModalScreen[ExportChoice | None]):
    CSS_PATH = Path(__file__).with_name("supervision.tcss")
    BINDINGS = [
        Binding("ctrl+s", "save", "Export", id="review-export.save"),
        Binding("escape", "cancel", "Cancel", id="review-export.cancel"),
    ]

    def __init__(self, review: SupervisionReview, folder: Path) -> None:
        super().__init__(classes="dialog")
        self._review = review
        self._folder = folder

    def compose(self) -> ComposeResult:
        fmt = ExportFormat.MARKDOWN
        with Vertical(id="review-export-dialog", classes="dialog-box"):
            yield Static(Text("Export the review"), classes="dialog-title")
            yield Label("Format", classes="field-label")
            yield Select(
                [(Text(label), f) for f, label in FORMAT_LABELS.items()],
                value=fmt,
                allow_blank=False,
                id="export-format",
            )
            yield Label("Save to", classes="field-label")
            yield Input(str(self._folder / file_name(self._review, fmt)), id="export-path")
            yield FieldError(id="export-path-error")
            yield Checkbox(
                "Include the private notes (left out unless you tick this)",
                False,
                id="export-private",
            )
            yield Static(
                Text("The file is readable by you alone; it holds personal data."),
                classes="hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def _format(self) -> ExportFormat:
        value = self.query_one("#export-format", Select).value
        return value if isinstance(value, ExportFormat) else ExportFormat.MARKDOWN

    @on(Select.Changed, "#export-format")
    def _format_changed(self) -> None:
        """The file's ending follows the format while it is one of ours."""
        field = self.query_one("#export-path", Input)
        path = Path(field.value)
        if path.suffix.lower() in {f".{f.value}" for f in ExportFormat}:
            field.value = str(path.with_suffix(f".{self._format().value}"))

    def build(self) -> tuple[ExportChoice | None, str]:
        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            return None, "Say where to save the file."
        path = Path(typed).expanduser()
        if not path.is_absolute():
            path = self._folder / path
        if path.is_dir():
            return None, f"{path} is a folder: add a file name."
        if not path.parent.is_dir():
            return None, f"There is no folder {path.parent}."
        private = self.query_one("#export-private", Checkbox).value
        return ExportChoice(path, self._format(), private), ""

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        choice, problem = self.build()
        self.query_one("#export-path-error", FieldError).show(problem)
        if choice is not None:
            self.dismiss(choice)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
