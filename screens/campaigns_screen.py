"""Campaigns: every campaign's place round the cycle of action, at a glance."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker

from organiser.campaigns import needs_text
from organiser.clock import Clock
from organiser.cycle import ORDER, days_in_stage, gate
from organiser.errors import OrganiserError
from organiser.models import Campaign
from organiser.repository import Repository
from screens.campaign_detail import CampaignDetailScreen
from screens.campaign_flows import delete_campaign, edit_campaign, evidence_for, profile_of
from screens.person_flows import report, report_failed_worker
from screens.widgets.campaign_table import CampaignRow, CampaignTable
from screens.widgets.nav_bar import NavBar
from screens.widgets.read_only_banner import ReadOnlyBanner


class CampaignsScreen(Screen[None]):
    """Campaigns in cycle order (Listen first), then by name; the needs worked out afresh."""

    BINDINGS = [
        Binding("n", "new_campaign", "New", id="campaigns.new"),
        Binding("e", "edit_campaign", "Edit", id="campaigns.edit"),
        Binding("enter", "open_campaign", "Open", key_display="enter", id="campaigns.open"),
        Binding("d", "delete_campaign", "Delete", id="campaigns.delete"),
    ]

    def __init__(self, repo: Repository, clock: Clock) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self._campaigns: list[Campaign] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("campaigns")
        if self.repo.read_only:
            yield ReadOnlyBanner()
        yield Static(id="campaigns-count")
        yield CampaignTable(id="campaigns-table")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Campaigns"
        self.load()
        self.table.focus()

    @property
    def table(self) -> CampaignTable:
        return self.query_one(CampaignTable)

    def load(self) -> None:
        rows: list[CampaignRow] = []
        try:
            profile = profile_of(self.repo)
            campaigns = sorted(
                self.repo.list(Campaign),
                key=lambda c: (ORDER.index(c.stage), c.name.casefold()),
            )
            now, today = self.clock.now(), self.clock.today()
            for campaign in campaigns:
                checked = gate(campaign, evidence_for(self.repo, campaign, now))
                rows.append(
                    CampaignRow(
                        campaign.id,
                        campaign.name,
                        profile.cycle_name(campaign.stage),
                        campaign.cycle,
                        days_in_stage(campaign, today),
                        needs_text(checked),
                        checked.ready,
                    )
                )
        except OrganiserError as error:
            report(self, error, "Cannot load campaigns")
            campaigns = []
            rows = []
        self._campaigns = campaigns
        if not campaigns:
            count = "No campaigns yet: n starts one"
        else:
            total = "1 campaign" if len(campaigns) == 1 else f"{len(campaigns):,} campaigns"
            count = f"{total} round the cycle of action (enter opens one)"
        self.query_one("#campaigns-count", Static).update(Text(count))
        self.table.show(rows)

    @property
    def current(self) -> Campaign | None:
        chosen = self.table.current_id
        return next((c for c in self._campaigns if c.id == chosen), None)

    def _current_or_say(self) -> Campaign | None:
        campaign = self.current
        if campaign is None:
            self.notify("No campaign is selected.", severity="warning")
        return campaign

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.load()

    @on(DataTable.RowSelected, "#campaigns-table")
    def _row_clicked(self) -> None:
        self.action_open_campaign()

    def action_open_campaign(self) -> None:
        campaign = self._current_or_say()
        if campaign is not None:
            self.app.push_screen(CampaignDetailScreen(self.repo, self.clock, campaign))

    @work(exclusive=True, group="campaigns", exit_on_error=False)
    async def action_new_campaign(self) -> None:
        saved = await edit_campaign(self, self.repo, self.clock, None)
        if saved is not None:
            self._saved(saved)

    @work(exclusive=True, group="campaigns", exit_on_error=False)
    async def action_edit_campaign(self) -> None:
        campaign = self._current_or_say()
        if campaign is None:
            return
        saved = await edit_campaign(self, self.repo, self.clock, campaign)
        if saved is not None:
            self._saved(saved)

    @work(exclusive=True, group="campaigns", exit_on_error=False)
    async def action_delete_campaign(self) -> None:
        campaign = self._current_or_say()
        if campaign is None:
            return
        await delete_campaign(self, self.repo, campaign)
        self.load()
        self.table.focus()

    def _saved(self, campaign: Campaign) -> None:
        self.load()
        self.table.go_to(campaign.id)
        self.table.focus()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
