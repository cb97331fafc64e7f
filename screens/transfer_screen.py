"""Import and export (key X): every format the program reads and writes, in one list.

To add a format, make a `Transfer` (see screens/transfer_jobs.py: a label, which way, what
the file holds, its default file ending and the job run in a thread) and put it in
`TRANSFERS` below, exports first, then imports; the screen, the file dialog, the progress
bar and the notice come with it.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.interchange.paths import beside
from organiser.repository import Repository
from screens.people_transfers import INSTITUTIONS_CSV_EXPORT, PEOPLE_CSV_EXPORT, VCARD_EXPORT
from screens.person_flows import refuse_if_read_only, report
from screens.transfer_dialog import TransferDialog
from screens.transfer_jobs import (
    BACKUP_EXPORT,
    BACKUP_IMPORT,
    OSDI_EXPORT,
    Direction,
    Transfer,
)
from screens.welcome import WelcomeScreen

#: What the screen offers, in the order listed.
TRANSFERS: tuple[Transfer, ...] = (
    BACKUP_EXPORT,
    OSDI_EXPORT,
    PEOPLE_CSV_EXPORT,
    INSTITUTIONS_CSV_EXPORT,
    VCARD_EXPORT,
    BACKUP_IMPORT,
)

EMPTY_ONLY = "only into an empty database"


class TransferScreen(ModalScreen[None]):
    """The list; enter opens the chosen one's file dialog."""

    CSS_PATH = Path(__file__).with_name("transfer.tcss")
    BINDINGS = [Binding("escape", "close", "Close", id="transfer.close")]

    def __init__(self, repo: Repository, clock: Clock, database: Path) -> None:
        """`database`: the database's path (or any file beside it with its name), so that
        files go beside it by default: organiser.json, organiser-backup.json."""
        super().__init__(classes="dialog")
        self._repo = repo
        self._clock = clock
        self._database = database
        self._empty = self._is_empty()

    def _is_empty(self) -> bool:
        try:
            return self._repo.is_empty()
        except OrganiserError:
            return False

    def offered(self, transfer: Transfer) -> bool:
        return self._empty or not transfer.needs_empty

    def compose(self) -> ComposeResult:
        with Vertical(id="transfer", classes="dialog-box"):
            yield Static(Text("Import and export"), classes="dialog-title")
            yield Static(
                Text("Choose one and press enter; you are asked for the file next."),
                classes="hint",
            )
            yield OptionList(*self._options(), id="transfer-list")
        yield Footer()

    def _options(self) -> list[Option]:
        options = []
        for transfer in TRANSFERS:
            prompt = Text.assemble((f"{transfer.direction.value.capitalize():<8}", "bold"))
            prompt.append(transfer.label)
            if not self.offered(transfer):
                prompt.append(f"  ({EMPTY_ONLY})", style="italic")
            options.append(Option(prompt, id=transfer.key, disabled=not self.offered(transfer)))
        return options

    def on_mount(self) -> None:
        self.query_one("#transfer-list", OptionList).focus()

    @on(OptionList.OptionSelected, "#transfer-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        transfer = next(t for t in TRANSFERS if t.key == event.option_id)
        self.start(transfer)

    @work(exit_on_error=False, group="transfer-flow")
    async def start(self, transfer: Transfer) -> None:
        """Ask for the file and run; then say what was done."""
        importing = transfer.direction is Direction.IMPORT
        if importing and refuse_if_read_only(self, self._repo):
            return
        path = beside(self._database, transfer.ending)
        done = await self.app.push_screen_wait(
            TransferDialog(self._repo, self._clock, transfer, path)
        )
        if done is None:
            return
        self.notify(done, title="Done", markup=False, timeout=10)
        if importing:
            self._close_after_import()

    def _close_after_import(self) -> None:
        """Back to where the organiser was; and if that was the first-run screen and the
        database now has a profile, on to Today as if it had been set up there."""
        stack = self.app.screen_stack
        below = stack[-2] if len(stack) > 1 and stack[-1] is self else None
        self.dismiss(None)
        if not isinstance(below, WelcomeScreen):
            return
        try:
            restored = self._repo.profile() is not None
        except OrganiserError as error:
            report(below, error, "Cannot read the database")
            return
        if restored:
            below.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
