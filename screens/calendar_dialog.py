"""Export to diary: which kinds, which days, private notes or not, where, and whether to keep
the file up to date. The export runs in a thread with a progress bar; the dialog closes with
what was written, or stays open with the problem shown beside the field it is about.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Input,
    Label,
    ProgressBar,
    SelectionList,
    Static,
)
from textual.widgets.selection_list import Selection
from textual.worker import Worker, WorkerState

from organiser.calendar.export import build_diary, write_diary
from organiser.calendar.form import DiaryForm, DiaryRequest, read_form
from organiser.errors import OrganiserError
from organiser.files import explain
from organiser.models import DiaryKind
from organiser.repository import Repository
from screens.widgets.field_error import FieldError

#: The form's fields: (field, widget id).
FIELDS = {
    "kinds": "diary-kinds",
    "start": "diary-start",
    "end": "diary-end",
    "keep": "diary-keep",
    "path": "diary-path",
}
CHECKS = {
    "include_private": "diary-private",
    "todo": "diary-todo",
    "split": "diary-split",
    "keep": "diary-keep",
}


@dataclass(frozen=True)
class Exported:
    """What the dialog wrote: the files and how many entries each holds."""

    request: DiaryRequest
    files: tuple[tuple[Path, int], ...]

    @property
    def entries(self) -> int:
        return sum(count for _, count in self.files)


class DiaryDialog(ModalScreen[Exported | None]):
    CSS_PATH = Path(__file__).with_name("calendar.tcss")
    BINDINGS = [
        Binding("ctrl+s", "export", "Export", id="diary.export"),
        Binding("escape", "cancel", "Cancel", id="diary.cancel"),
    ]

    class Progress(Message):
        def __init__(self, share: float, doing: str) -> None:
            super().__init__()
            self.share = share
            self.doing = doing

    def __init__(self, repo: Repository, form: DiaryForm, today: date, home: Path) -> None:
        super().__init__(classes="dialog")
        self._repo = repo
        self._form = form
        self._today = today
        self._home = home
        self._request: DiaryRequest | None = None

    def compose(self) -> ComposeResult:
        form = self._form
        with Vertical(id="diary-dialog", classes="dialog-box"):
            yield Static(Text("Export to your diary (iCalendar)"), classes="dialog-title")
            with VerticalScroll(id="diary-form"):
                yield Label("What goes in (space ticks)", classes="field-label")
                yield SelectionList[DiaryKind](
                    *(Selection(Text(k.label), k, k in form.kinds) for k in DiaryKind),
                    id="diary-kinds",
                )
                yield FieldError(id="diary-kinds-error")
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("From (blank: from the first)", classes="field-label")
                        yield Input(form.start, id="diary-start", placeholder="e.g. 1 Dec 2026")
                        yield FieldError(id="diary-start-error")
                    with Vertical():
                        yield Label("To (blank: to the last)", classes="field-label")
                        yield Input(form.end, id="diary-end", placeholder="e.g. 31 Mar 2027")
                        yield FieldError(id="diary-end-error")
                yield Checkbox(
                    "Put in private notes and 1-2-1 notes (left out unless ticked)",
                    form.include_private,
                    id="diary-private",
                )
                yield Checkbox(
                    "Follow-ups and action points as to-dos (Google Calendar ignores to-dos)",
                    form.todo,
                    id="diary-todo",
                )
                yield Checkbox("One file per kind", form.split, id="diary-split")
                yield Checkbox(
                    "Keep this file up to date after every change", form.keep, id="diary-keep"
                )
                yield FieldError(id="diary-keep-error")
                yield Label("Save to", classes="field-label")
                yield Input(form.path, id="diary-path")
                yield FieldError(id="diary-path-error")
                yield Static(
                    Text(
                        "Readable by you alone: it names people. Calendars that import it "
                        "again, or subscribe to it, update the same events."
                    ),
                    classes="hint",
                )
            yield ProgressBar(total=1.0, show_eta=False, id="diary-progress")
            yield Static("", id="diary-doing", classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="export")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#diary-kinds", SelectionList).focus()

    def typed(self) -> DiaryForm:
        kinds = self.query_one("#diary-kinds", SelectionList).selected
        ticked = {name: self.query_one(f"#{w}", Checkbox).value for name, w in CHECKS.items()}
        return replace(
            self._form,
            kinds=tuple(k for k in DiaryKind if k in kinds),
            start=self.query_one("#diary-start", Input).value,
            end=self.query_one("#diary-end", Input).value,
            path=self.query_one("#diary-path", Input).value,
            **ticked,
        )

    def _show(self, errors: dict[str, str]) -> None:
        for field, widget_id in FIELDS.items():
            self.query_one(f"#{widget_id}-error", FieldError).show(errors.get(field, ""))
        first = next((FIELDS[f] for f in FIELDS if f in errors), None)
        if first is not None:
            self.query_one(f"#{first}").focus()

    @property
    def running(self) -> bool:
        return self._request is not None

    @on(Button.Pressed, "#export")
    def action_export(self) -> None:
        if self.running:
            return
        request, errors = read_form(self.typed(), self._today, self._home)
        if request is not None and request.keep is not None and self._repo.read_only:
            errors["keep"] = "The database is open read-only: untick this to export once."
        self._show(errors)
        if request is None or errors:
            return
        self._request = request
        self.query_one("#export", Button).disabled = True
        self.set_class(True, "-running")
        self.run_worker(
            lambda: self._export(request),
            thread=True,
            group="diary-export",
            exit_on_error=False,
            name="Export to diary",
        )

    def _export(self, request: DiaryRequest) -> Exported:
        """In a thread: read, build and write, reporting progress as it goes."""
        texts = build_diary(self._repo, request.choice, self._today, progress=self._progress)
        self._progress(1.0, "Writing the file")
        paths = write_diary(request.out, texts)
        return Exported(request, tuple(zip(paths, (t.entries for t in texts), strict=True)))

    def _progress(self, share: float, doing: str) -> None:
        self.post_message(self.Progress(share, doing))  # safe from the worker's thread

    def on_diary_dialog_progress(self, message: Progress) -> None:
        self.query_one("#diary-progress", ProgressBar).update(progress=message.share)
        self.query_one("#diary-doing", Static).update(Text(message.doing))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "diary-export":
            return
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Exported):
            self.dismiss(event.worker.result)
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self._request = None
            self.query_one("#export", Button).disabled = False
            self.set_class(False, "-running")
            self.query_one("#diary-doing", Static).update("")
            self._failed(event.worker.error)

    def _failed(self, error: BaseException | None) -> None:
        if isinstance(error, OSError):
            self._show({"path": f"Could not write the file: {explain(error)}."})
        elif isinstance(error, OrganiserError):
            self.notify(str(error), title="Not exported", severity="error", markup=False)
        else:
            why = f"Something went wrong: {error}" if error else "The export was stopped."
            self.notify(why, title="Not exported", severity="error", markup=False)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.running:
            self.dismiss(None)
