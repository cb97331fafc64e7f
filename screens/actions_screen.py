"""Public actions, assemblies, house meetings and member events: the newest first."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker

from organiser.actions import in_list_order
from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Campaign, PublicAction
from organiser.repository import Repository
from screens.action_detail import ActionDetailScreen
from screens.action_flows import delete_action, edit_action
from screens.person_flows import report, report_failed_worker
from screens.widgets.action_table import ActionTable, action_row
from screens.widgets.nav_bar import NavBar
from screens.widgets.read_only_banner import ReadOnlyBanner


class ActionsScreen(Screen[None]):
    BINDINGS = [
        Binding("n", "new_action", "New", id="actions.new"),
        Binding("e", "edit_action", "Edit", id="actions.edit"),
        Binding("enter", "open_action", "Open", key_display="enter", id="actions.open"),
        Binding("d", "delete_action", "Delete", id="actions.delete"),
    ]

    def __init__(self, repo: Repository, clock: Clock) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self._actions: list[PublicAction] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("actions")
        if self.repo.read_only:
            yield ReadOnlyBanner()
        yield Static(id="actions-count")
        yield ActionTable(id="actions-table")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Actions"
        self.load()
        self.table.focus()

    @property
    def table(self) -> ActionTable:
        return self.query_one(ActionTable)

    def load(self) -> None:
        try:
            actions = self.repo.list(PublicAction)
            campaigns = {c.id: c for c in self.repo.list(Campaign)}
        except OrganiserError as error:
            report(self, error, "Cannot load actions")
            actions, campaigns = [], {}
        self._actions = in_list_order(actions)
        count = len(self._actions)
        self.query_one("#actions-count", Static).update(
            Text(
                "No actions yet: n adds one"
                if not count
                else f"{count:,} action{'' if count == 1 else 's'}, newest first"
            )
        )
        zone = self.clock.tz
        self.table.show([(a.id, action_row(a, campaigns, zone)) for a in self._actions])

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.load()

    def _current_or_say(self) -> PublicAction | None:
        chosen = self.table.current_id
        action = next((a for a in self._actions if a.id == chosen), None)
        if action is None:
            self.notify("No action is selected.", severity="warning")
        return action

    @on(DataTable.RowSelected, "#actions-table")
    def _row_clicked(self) -> None:
        self.action_open_action()

    def action_open_action(self) -> None:
        action = self._current_or_say()
        if action is not None:
            self.app.push_screen(ActionDetailScreen(self.repo, self.clock, action))

    @work(exclusive=True, group="actions", exit_on_error=False)
    async def action_new_action(self) -> None:
        saved = await edit_action(self, self.repo, self.clock, None)
        if saved is not None:
            self._saved(saved)

    @work(exclusive=True, group="actions", exit_on_error=False)
    async def action_edit_action(self) -> None:
        action = self._current_or_say()
        if action is None:
            return
        saved = await edit_action(self, self.repo, self.clock, action)
        if saved is not None:
            self._saved(saved)

    @work(exclusive=True, group="actions", exit_on_error=False)
    async def action_delete_action(self) -> None:
        action = self._current_or_say()
        if action is None:
            return
        await delete_action(self, self.repo, action)
        self.load()
        self.table.focus()

    def _saved(self, action: PublicAction) -> None:
        self.load()
        self.table.go_to(action.id)
        self.table.focus()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
