"""One import or export: the file (beside the database unless changed), private notes or not,
then the work in a thread with a progress bar. The dialog closes with what was done, or stays
open with the problem shown beside the file's name."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Input, Label, ProgressBar, Static
from textual.worker import Worker, WorkerState

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.files import explain
from organiser.interchange.paths import in_problem, out_problem
from organiser.repository import Repository
from screens.transfer_jobs import Choices, Direction, Transfer
from screens.widgets.field_error import FieldError

PRIVATE_WARNING = (
    "Private notes are what you wrote for yourself alone. Put them in only for a backup you "
    "keep; never for a file you hand to anyone."
)


class TransferDialog(ModalScreen[str | None]):
    """Dismissed with the sentence saying what was done, or None when given up."""

    CSS_PATH = Path(__file__).with_name("transfer.tcss")
    BINDINGS = [
        Binding("ctrl+s", "run", "Go", id="transfer.run"),
        Binding("escape", "cancel", "Cancel", id="transfer.cancel"),
    ]

    class Progress(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    def __init__(self, repo: Repository, clock: Clock, transfer: Transfer, path: Path) -> None:
        super().__init__(classes="dialog")
        self._repo = repo
        self._clock = clock
        self._transfer = transfer
        self._path = path
        self._busy = False

    @property
    def exporting(self) -> bool:
        return self._transfer.direction is Direction.EXPORT

    def compose(self) -> ComposeResult:
        transfer = self._transfer
        verb = "Export" if self.exporting else "Import"
        with Vertical(id="transfer-dialog", classes="dialog-box"):
            yield Static(Text(f"{verb}: {transfer.label}"), classes="dialog-title")
            yield Static(Text(transfer.about), id="transfer-about", classes="hint")
            if transfer.private_switch:
                yield Checkbox(
                    "Put in private notes (left out unless ticked)", False, id="transfer-private"
                )
                yield Static(Text(PRIVATE_WARNING), id="transfer-warning", classes="hint")
            label = "Save to" if self.exporting else "Read from"
            yield Label(label, classes="field-label")
            yield Input(str(self._path), id="transfer-path")
            yield FieldError(id="transfer-path-error")
            yield ProgressBar(show_eta=False, id="transfer-progress")
            yield Static("", id="transfer-doing", classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{verb} (ctrl+s)", variant="primary", id="run")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#transfer-path", Input).focus()

    def _include_private(self) -> bool:
        if not self._transfer.private_switch:
            return False
        return self.query_one("#transfer-private", Checkbox).value

    def _show(self, message: str) -> None:
        self.query_one("#transfer-path-error", FieldError).show(message)
        if message:
            self.query_one("#transfer-path", Input).focus()

    def chosen_path(self) -> Path | None:
        """The file typed, or None (and the reason shown beside it) when it cannot be used."""
        typed = self.query_one("#transfer-path", Input).value.strip()
        if not typed:
            self._show("Give the file's name.")
            return None
        path = Path(typed).expanduser()
        if not path.is_absolute():
            path = self._path.parent / path
        problem = out_problem(path) if self.exporting else in_problem(path)
        self._show(problem or "")
        return None if problem else path

    @on(Input.Submitted)
    @on(Button.Pressed, "#run")
    def action_run(self) -> None:
        if self._busy:
            return
        path = self.chosen_path()
        if path is None:
            return
        choices = Choices(self._include_private(), self._clock.now())
        self._busy = True
        self.query_one("#run", Button).disabled = True
        self.set_class(True, "-running")
        run = self._transfer.run
        self.run_worker(
            lambda: run(self._repo, path, choices, self._progress),
            thread=True,
            group="transfer",
            exit_on_error=False,
            name=self._transfer.label,
        )

    def _progress(self, done: int, total: int) -> None:
        self.post_message(self.Progress(done, total))  # safe from the worker's thread

    def on_transfer_dialog_progress(self, message: Progress) -> None:
        bar = self.query_one("#transfer-progress", ProgressBar)
        bar.update(total=max(message.total, 1), progress=message.done)
        doing = f"{message.done:,} of {message.total:,} records"
        self.query_one("#transfer-doing", Static).update(Text(doing))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "transfer":
            return
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, str):
            self.dismiss(event.worker.result)
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self._busy = False
            self.query_one("#run", Button).disabled = False
            self.set_class(False, "-running")
            self.query_one("#transfer-doing", Static).update("")
            self._failed(event.worker.error)

    def _failed(self, error: BaseException | None) -> None:
        verb = "write" if self.exporting else "read"
        if isinstance(error, OSError):
            self._show(f"Could not {verb} the file: {explain(error)}.")
        elif isinstance(error, OrganiserError):
            self._show(str(error))
        else:
            why = f"Something went wrong: {error}" if error else "It was stopped."
            self.notify(why, title="Not done", severity="error", markup=False)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self._busy:
            self.dismiss(None)
