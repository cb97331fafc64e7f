"""Listening campaigns: each with its period, institutions and conversations against target."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Conversation, ListeningCampaign
from organiser.repository import Repository
from screens.listening_detail import ListeningDetailScreen
from screens.listening_flows import delete_listening, edit_listening
from screens.person_flows import report, report_failed_worker
from screens.widgets.listening_table import ListeningTable
from screens.widgets.nav_bar import NavBar
from screens.widgets.read_only_banner import ReadOnlyBanner


def count_line(campaigns: list[ListeningCampaign], conversations: int) -> str:
    if not campaigns:
        return "No listening campaigns yet: n starts one"
    total = (
        "1 listening campaign" if len(campaigns) == 1 else f"{len(campaigns):,} listening campaigns"
    )
    talks = "1 conversation" if conversations == 1 else f"{conversations:,} conversations"
    return f"{total}, {talks} logged (latest start first)"


class ListeningScreen(Screen[None]):
    """Every listening campaign, the latest to start first."""

    BINDINGS = [
        Binding("n", "new_listening", "New", id="listening.new"),
        Binding("e", "edit_listening", "Edit", id="listening.edit"),
        Binding("enter", "open_listening", "Open", key_display="enter", id="listening.open"),
        Binding("d", "delete_listening", "Delete", id="listening.delete"),
    ]

    def __init__(self, repo: Repository, clock: Clock) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self._campaigns: list[ListeningCampaign] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("listening")
        if self.repo.read_only:
            yield ReadOnlyBanner()
        yield Static(id="listening-count")
        yield ListeningTable(id="listening-table")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Listening"
        self.load()
        self.table.focus()

    @property
    def table(self) -> ListeningTable:
        return self.query_one(ListeningTable)

    def load(self) -> None:
        try:
            campaigns = self.repo.list(ListeningCampaign)
            held = Counter(c.listening_campaign_id for c in self.repo.list(Conversation))
        except OrganiserError as error:
            report(self, error, "Cannot load listening campaigns")
            campaigns, held = [], Counter()
        self._campaigns = sorted(campaigns, key=lambda c: (c.starts, c.name), reverse=True)
        self.query_one("#listening-count", Static).update(
            Text(count_line(self._campaigns, sum(held[c.id] for c in self._campaigns)))
        )
        self.table.show(self._campaigns, held)

    @property
    def current(self) -> ListeningCampaign | None:
        chosen = self.table.current_id
        return next((c for c in self._campaigns if c.id == chosen), None)

    def _current_or_say(self) -> ListeningCampaign | None:
        campaign = self.current
        if campaign is None:
            self.notify("No listening campaign is selected.", severity="warning")
        return campaign

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.load()

    @on(DataTable.RowSelected, "#listening-table")
    def _row_clicked(self) -> None:
        self.action_open_listening()

    def action_open_listening(self) -> None:
        campaign = self._current_or_say()
        if campaign is not None:
            self.app.push_screen(ListeningDetailScreen(self.repo, self.clock, campaign))

    @work(exclusive=True, group="listening", exit_on_error=False)
    async def action_new_listening(self) -> None:
        saved = await edit_listening(self, self.repo, self.clock, None)
        if saved is not None:
            self._saved(saved)

    @work(exclusive=True, group="listening", exit_on_error=False)
    async def action_edit_listening(self) -> None:
        campaign = self._current_or_say()
        if campaign is None:
            return
        saved = await edit_listening(self, self.repo, self.clock, campaign)
        if saved is not None:
            self._saved(saved)

    @work(exclusive=True, group="listening", exit_on_error=False)
    async def action_delete_listening(self) -> None:
        campaign = self._current_or_say()
        if campaign is None:
            return
        await delete_listening(self, self.repo, campaign)
        self.load()
        self.table.focus()

    def _saved(self, campaign: ListeningCampaign) -> None:
        self.load()
        self.table.go_to(campaign.id)
        self.table.focus()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
