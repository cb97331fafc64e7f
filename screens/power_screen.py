"""A campaign's power analysis: who has power over the issue, as a list and as a grid of
influence against stance."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker

from organiser.campaigns import in_map_order, without_target
from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Campaign, PowerMapEntry, Record
from organiser.repository import Repository
from screens.confirm import ConfirmDialog
from screens.person_flows import refuse_if_read_only, report, report_failed_worker
from screens.power_dialog import PowerEntryDialog
from screens.routes_screen import RoutesScreen
from screens.undo_keeper import undo_hint, undoable
from screens.widgets.power_grid import grid_table
from screens.widgets.power_table import PowerTable
from screens.widgets.read_only_banner import ReadOnlyBanner


async def edit_entry(
    screen: Screen[Any], repo: Repository, campaign_id: str, entry: PowerMapEntry | None
) -> PowerMapEntry | None:
    """Open the entry dialog until saved or given up; a refused save keeps what was typed."""
    if refuse_if_read_only(screen, repo):
        return None
    draft = entry
    while True:
        typed = await screen.app.push_screen_wait(PowerEntryDialog(entry, campaign_id, draft))
        if typed is None:
            return None
        try:
            saved = repo.save(typed)
        except Exception as error:
            report(screen, error)
            draft = typed
            continue
        screen.notify(f"Saved {saved.name}", markup=False)
        return saved


class PowerMapScreen(Screen[None]):
    """Entries listed decision-makers first, then by influence; the grid below."""

    BINDINGS = [
        Binding("n", "new_entry", "New", id="power.new"),
        Binding("e", "edit_entry", "Edit", id="power.edit"),
        Binding("enter", "edit_entry", "Edit", key_display="enter", id="power.open"),
        Binding("d", "delete_entry", "Delete", id="power.delete"),
        Binding("r", "routes", "Routes to target", id="power.routes"),
        Binding("escape", "back", "Back", id="power.back"),
    ]

    def __init__(self, repo: Repository, clock: Clock, campaign: Campaign) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.campaign = campaign
        self._entries: list[PowerMapEntry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        yield Static(id="power-count")
        yield PowerTable(id="power-table")
        with VerticalScroll(id="power-grid-box"):
            yield Static(id="power-grid")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Power map"
        self.sub_title = self.campaign.name
        self.load()
        self.table.focus()

    @property
    def table(self) -> PowerTable:
        return self.query_one(PowerTable)

    def load(self, keep_id: str | None = None) -> None:
        try:
            entries = self.repo.list(PowerMapEntry, {"campaign_id": self.campaign.id})
        except OrganiserError as error:
            report(self, error, "Cannot load the power map")
            entries = []
        self._entries = in_map_order(entries)
        if entries:
            deciders = sum(1 for e in entries if e.is_decision_maker)
            total = "1 entry" if len(entries) == 1 else f"{len(entries):,} entries"
            line = f"{total}, {deciders:,} decision-maker{'' if deciders == 1 else 's'} (★)"
        else:
            line = "No one on the power map yet: n adds who decides, and who influences them"
        self.query_one("#power-count", Static).update(
            Text.assemble((self.campaign.name, "bold"), f": {line}")
        )
        self.table.show(self._entries, keep_id)
        self.query_one("#power-grid", Static).update(grid_table(self._entries))

    def _current_or_say(self) -> PowerMapEntry | None:
        chosen = self.table.current_id
        entry = next((e for e in self._entries if e.id == chosen), None)
        if entry is None:
            self.notify("No one on the power map is selected.", severity="warning")
        return entry

    @on(DataTable.RowSelected, "#power-table")
    def _row_chosen(self) -> None:
        self.action_edit_entry()

    @work(exclusive=True, group="power", exit_on_error=False)
    async def action_new_entry(self) -> None:
        saved = await edit_entry(self, self.repo, self.campaign.id, None)
        if saved is not None:
            self.load(saved.id)

    @work(exclusive=True, group="power", exit_on_error=False)
    async def action_edit_entry(self) -> None:
        entry = self._current_or_say()
        if entry is None:
            return
        saved = await edit_entry(self, self.repo, self.campaign.id, entry)
        if saved is not None:
            self.load(saved.id)

    @work(exclusive=True, group="power", exit_on_error=False)
    async def action_delete_entry(self) -> None:
        entry = self._current_or_say()
        if entry is None or refuse_if_read_only(self, self.repo):
            return
        question = Text.assemble("Take ", (entry.name, "bold"), " off this power map?")
        if self.campaign.target_decision_maker_id == entry.id:
            question.append("\n\nThey are the campaign's target: the plan will have none.")
        sure = await self.app.push_screen_wait(
            ConfirmDialog("Delete this entry?", question, yes="Delete", no="Keep", dangerous=True)
        )
        if not sure:
            return
        try:
            campaign = self.repo.get(Campaign, self.campaign.id) or self.campaign
            changed = without_target(campaign, entry.id)
            saves: list[Record] = [changed] if changed is not campaign else []
            with undoable(self, f"Deleted {entry.name} from the power analysis"):
                self.repo.save_all(saves, deletes=[(PowerMapEntry, entry.id)])
        except Exception as error:
            report(self, error, "Not deleted")
            return
        self.notify(undo_hint(f"Deleted {entry.name}"), markup=False)
        self.load()

    def action_routes(self) -> None:
        """The shortest routes from our leaders and member institutions to each decision-maker."""
        self.app.push_screen(
            RoutesScreen(self.repo, self.clock, self.campaign),
            lambda changed: self.load() if changed else None,
        )

    def action_back(self) -> None:
        self.dismiss(None)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
