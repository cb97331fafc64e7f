"""The roll-call sheet of an action, and the flows that record a pledge or what an institution
brought, and export the sheet.

On an action's page: P records a pledge, B what an institution brought, s opens the sheet,
x exports it (Markdown, or a web page to print). The sheet has the same keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import Worker

from organiser.actions import KIND_LABELS
from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.export_file import write_private
from organiser.models import Institution, PublicAction
from organiser.repository import Repository
from organiser.roll_call import deliver, pledge, render, roll_call
from screens.feedback import refuse_if_read_only, report, report_failed_worker
from screens.roll_call_dialogs import CallEntryDialog, SheetExportDialog
from screens.supervision_export import default_folder
from screens.widgets.action_table import KeyedTable, cell
from screens.widgets.read_only_banner import ReadOnlyBanner


def _institutions(screen: Screen[Any], repo: Repository) -> dict[str, Institution] | None:
    try:
        return {i.id: i for i in repo.list(Institution)}
    except OrganiserError as error:
        report(screen, error, "Cannot list the institutions")
        return None


async def record_call(
    screen: Screen[Any],
    repo: Repository,
    action: PublicAction,
    *,
    delivered: bool,
    current_id: str | None = None,
) -> PublicAction | None:
    """Ask for one institution's pledge (or what it brought) and save it: the saved action,
    or None when nothing changed."""
    if refuse_if_read_only(screen, repo):
        return None
    institutions = _institutions(screen, repo)
    if institutions is None:
        return None
    if not institutions:
        screen.notify("No institutions on record yet: add them under Institutions.")
        return None
    entry = await screen.app.push_screen_wait(
        CallEntryDialog(
            action,
            list(institutions.values()),
            delivered=delivered,
            current=institutions.get(current_id or ""),
        )
    )
    if entry is None:
        return None
    change = deliver if delivered else pledge
    try:
        saved = repo.save(change(action, entry.institution_id, entry.number))
    except Exception as error:
        report(screen, error)
        return None
    name = institutions[entry.institution_id].name
    done = "brought" if delivered else "pledges"
    screen.notify(f"{name} {done} {entry.number:,}", markup=False)
    return saved


async def export_sheet(
    screen: Screen[Any], repo: Repository, clock: Clock, action: PublicAction, home: Path
) -> Path | None:
    """Ask where, then write the roll-call sheet there (readable by its owner alone)."""
    institutions = _institutions(screen, repo)
    if institutions is None:
        return None
    choice = await screen.app.push_screen_wait(
        SheetExportDialog(action, default_folder(home), clock.tz)
    )
    if choice is None:
        return None
    try:
        path = write_private(
            choice.path, render(roll_call(action, institutions), choice.fmt, clock.tz)
        )
    except OSError as error:
        report(screen, error, "Not exported")
        return None
    screen.notify(f"Roll-call sheet saved to {path}", markup=False)
    return path


class RollCallScreen(Screen[bool]):
    """The sheet: institutions in calling order, pledged, delivered and %, with totals.
    Dismisses with True when a number was changed, so the action's page reloads."""

    BINDINGS = [
        Binding("P", "pledge", "Pledge", id="roll-call.pledge"),
        Binding("B", "brought", "Brought", id="roll-call.brought"),
        Binding("x", "export", "Export sheet", id="roll-call.export"),
        Binding("escape", "back", "Back", id="roll-call.back"),
    ]

    def __init__(
        self, repo: Repository, clock: Clock, action: PublicAction, home: Path | None = None
    ) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.action = action
        self.home = home or Path.home()
        self.changed = False

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with VerticalScroll(id="roll-call"):
            yield Static(id="roll-call-title")
            yield KeyedTable(
                (("Institution", 44), ("Pledged", 9), ("Delivered", 10), ("%", 6)),
                id="roll-call-table",
            )
            yield Static(id="roll-call-totals")
            yield Static(
                Text(
                    "Called in alphabetical order · P records a pledge · B what an institution "
                    "brought · x exports the sheet to print"
                ),
                classes="hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Roll call"
        self.sub_title = self.action.name
        self.show()
        self.query_one("#roll-call-table", KeyedTable).focus()

    def show(self) -> None:
        institutions = _institutions(self, self.repo) or {}
        sheet = roll_call(self.action, institutions)
        when = f"{self.action.at.astimezone(self.clock.tz):%a %d %b %Y, %H:%M}"
        kind = KIND_LABELS[self.action.action_kind]
        self.query_one("#roll-call-title", Static).update(
            Text.assemble((self.action.name, "bold"), f"  {kind}, {when}")
        )
        self.query_one("#roll-call-table", KeyedTable).show(
            [
                (
                    line.institution_id,
                    [
                        cell(line.name),
                        cell(f"{line.pledged:,}", right=True),
                        cell(f"{line.delivered:,}", right=True),
                        cell(line.percent, right=True),
                    ],
                )
                for line in sheet.lines
            ]
        )
        totals = (
            f"Total: {sheet.delivered:,} delivered of {sheet.pledged:,} pledged ({sheet.percent})"
            if sheet.lines
            else "No institution has pledged yet: P records a pledge."
        )
        self.query_one("#roll-call-totals", Static).update(Text(totals, style="bold"))

    async def _record(self, *, delivered: bool) -> None:
        table = self.query_one("#roll-call-table", KeyedTable)
        # Calling down the sheet, B starts at the institution the cursor is on.
        current = table.current_id if delivered else None
        saved = await record_call(
            self, self.repo, self.action, delivered=delivered, current_id=current
        )
        if saved is not None:
            self.action, self.changed = saved, True
            self.show()

    @work(exclusive=True, group="roll-call", exit_on_error=False)
    async def action_pledge(self) -> None:
        await self._record(delivered=False)

    @work(exclusive=True, group="roll-call", exit_on_error=False)
    async def action_brought(self) -> None:
        await self._record(delivered=True)

    @work(exclusive=True, group="roll-call", exit_on_error=False)
    async def action_export(self) -> None:
        await export_sheet(self, self.repo, self.clock, self.action, self.home)

    def action_back(self) -> None:
        self.dismiss(self.changed)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
