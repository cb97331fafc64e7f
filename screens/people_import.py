"""Import people from a CSV or vCard file (key I on the People list).

The organiser types the file's path and presses enter: the file is read and the import
planned in a thread, with a progress bar, and the preview shows the columns and what they
became, how many people will be created, updated and skipped, and the first invalid lines.
Nothing is saved until Import (ctrl+s), which saves the whole plan as one change, also in a
thread. A file that cannot be read is explained under its path; a save the store refuses is
reported and nothing of it is kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, Label, ProgressBar, Static
from textual.worker import Worker, WorkerState

from organiser.errors import OrganiserError
from organiser.files import explain
from organiser.interchange.people_files import read_people_file, typed_path
from organiser.interchange.people_plan import ImportPlan, apply_plan, plan_import
from organiser.interchange.plan_text import outcome, plan_lines
from organiser.models import Institution, Person
from organiser.repository import Repository
from screens.person_flows import refuse_if_read_only
from screens.widgets.field_error import FieldError

PLANNING = "people-import-plan"
SAVING = "people-import-save"
WAITING = (
    "Type the file's path and press enter to see what importing it would do. Nothing is "
    "saved until you press Import."
)


class PeopleImportDialog(ModalScreen[ImportPlan | None]):
    """Dismissed with the plan once it is saved, or None when given up."""

    CSS_PATH = Path(__file__).with_name("people_import.tcss")
    BINDINGS = [
        Binding("ctrl+s", "import", "Import", id="people-import.import"),
        Binding("escape", "cancel", "Cancel", id="people-import.cancel"),
    ]

    class Progress(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    def __init__(self, repo: Repository, path: str = "") -> None:
        super().__init__(classes="dialog")
        self._repo = repo
        self._path = path
        self.plan: ImportPlan | None = None
        self._busy = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="people-import", classes="dialog-box"):
            yield Static(Text("Import people from a CSV or vCard file"), classes="dialog-title")
            yield Label("The file (.csv or .vcf), then enter to preview", classes="field-label")
            yield Input(self._path, id="import-path", placeholder="e.g. ~/Downloads/people.csv")
            yield FieldError(id="import-path-error")
            yield ProgressBar(show_eta=False, id="import-progress")
            with VerticalScroll(id="import-preview"):
                yield Static(Text(WAITING), id="import-preview-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Import (ctrl+s)", variant="primary", id="import", disabled=True)
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    @property
    def busy(self) -> bool:
        return bool(self._busy)

    def _start(self, group: str) -> None:
        self._busy = group
        self.set_class(True, "-running")
        self.query_one("#import", Button).disabled = True
        self.query_one("#import-progress", ProgressBar).update(total=None, progress=0)

    def _stop(self) -> None:
        self._busy = ""
        self.set_class(False, "-running")
        self.query_one("#import", Button).disabled = self.plan is None or self.plan.is_empty

    # Preview -------------------------------------------------------------------------------

    @on(Input.Changed, "#import-path")
    def _path_changed(self) -> None:
        """A preview is of one file: another path needs another."""
        if self.plan is not None and not self.busy:
            self.plan = None
            self._show_preview(Text(WAITING))
            self._stop()

    @on(Input.Submitted, "#import-path")
    def preview(self) -> None:
        if self.busy:
            return
        typed = self.query_one("#import-path", Input).value.strip()
        if not typed:
            self._problem("Give the file to import: its path, such as ~/Downloads/people.csv.")
            return
        self._problem("")
        self.plan = None
        self._start(PLANNING)
        self._show_preview(Text("Reading the file…"))
        path = typed_path(typed)
        self.run_worker(lambda: self._plan(path), thread=True, group=PLANNING, exit_on_error=False)

    def _plan(self, path: Path) -> ImportPlan:
        """In a thread: read the file and plan the import against everyone on record."""
        source = read_people_file(path)
        people = self._repo.list(Person)
        institutions = self._repo.list(Institution)
        return plan_import(source, people, institutions, progress=self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.post_message(self.Progress(done, total))  # safe from the worker's thread

    def on_people_import_dialog_progress(self, message: Progress) -> None:
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=message.total, progress=message.done)

    def _show_preview(self, text: Text) -> None:
        self.query_one("#import-preview-text", Static).update(text)

    def _planned(self, plan: ImportPlan) -> None:
        self.plan = plan
        lines = plan_lines(plan)
        text = Text()
        for at, line in enumerate(lines):
            style = "bold" if at == 1 else ("italic" if line in plan.notes else "")
            text.append(line + "\n", style=style)
        if plan.is_empty:
            text.append("\nNothing to import: no one to create or update.", style="bold")
        self._show_preview(text)
        self._stop()
        if not plan.is_empty:
            self.query_one("#import", Button).focus()

    def _problem(self, message: str) -> None:
        self.query_one("#import-path-error", FieldError).show(message)

    # Import --------------------------------------------------------------------------------

    @on(Button.Pressed, "#import")
    def action_import(self) -> None:
        if self.busy:
            return
        plan = self.plan
        if plan is None:
            self.preview()
            return
        if plan.is_empty:
            self.notify("Nothing to import.", markup=False)
            return
        self._start(SAVING)
        self.run_worker(lambda: self._save(plan), thread=True, group=SAVING, exit_on_error=False)

    def _save(self, plan: ImportPlan) -> ImportPlan:
        apply_plan(self._repo, plan)
        return plan

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        group = event.worker.group
        if group not in (PLANNING, SAVING) or not self.is_attached:
            return  # another worker's, or the dialog was closed while it read the file
        result = event.worker.result
        if event.state == WorkerState.SUCCESS and isinstance(result, ImportPlan):
            if group == SAVING:
                self.dismiss(result)
            else:
                self._planned(result)
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self._failed(group, event.worker.error)

    def _failed(self, group: str, error: BaseException | None) -> None:
        if group == PLANNING:
            self.plan = None
            self._show_preview(Text(WAITING))
        self._stop()
        if isinstance(error, OSError):
            why = f"Cannot read the file: {explain(error)}."
        elif isinstance(error, OrganiserError):
            why = str(error)
        else:
            why = f"Something went wrong: {error}" if error else "Stopped."
        if group == PLANNING:
            self._problem(why)
            self.query_one("#import-path", Input).focus()
        else:
            self.notify(
                f"{why} Nothing was imported.", title="Not imported", severity="error", markup=False
            )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self._busy != SAVING:
            self.dismiss(None)


async def import_people(screen: Screen[Any], repo: Repository) -> bool:
    """Open the dialog; True when people were imported (the caller shows them)."""
    if refuse_if_read_only(screen, repo):
        return False
    plan = await screen.app.push_screen_wait(PeopleImportDialog(repo))
    if plan is None:
        return False
    screen.notify(outcome(plan), title="Imported", markup=False, timeout=10)
    return True
