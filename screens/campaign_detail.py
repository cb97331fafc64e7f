"""One campaign: where it stands round the cycle, what its stage still needs, its plan and
every move it has made."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import Worker

from organiser.clock import Clock
from organiser.cycle import Gate, days_in_stage, gate
from organiser.errors import OrganiserError
from organiser.models import (
    Campaign,
    Institution,
    ListeningCampaign,
    Person,
    PowerMapEntry,
    Profile,
)
from organiser.models.base import optional_date
from organiser.repository import Repository
from screens.campaign_flows import delete_campaign, edit_campaign, evidence_for, move_on, profile_of
from screens.person_flows import report, report_failed_worker
from screens.power_screen import PowerMapScreen
from screens.widgets.campaign_track import track_text
from screens.widgets.read_only_banner import ReadOnlyBanner

NOT_RECORDED = Text("not recorded", style="dim")
GONE = "(no longer on record)"


def _value(value: str) -> Text:
    return Text(value) if value.strip() else NOT_RECORDED


def needs_view(checked: Gate, profile: Profile) -> Text:
    stage = profile.cycle_name(checked.stage)
    if checked.ready:
        return Text(f"{stage} has everything it needs: m moves on.", style="green")
    text = Text(f"{stage} still needs:", style="bold")
    for item in checked.missing:
        text.append(f"\n  • {item}", style="")
    text.append("\n(m moves on anyway, with a reason)", style="dim")
    return text


def names(ids: list[str], known: Mapping[str, str]) -> str:
    return ", ".join(known.get(i, GONE) for i in ids)


def fields_table(
    campaign: Campaign,
    listening: Mapping[str, str],
    institutions: Mapping[str, str],
    people: Mapping[str, str],
    power_map: Mapping[str, str],
) -> Table:
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(style="bold", width=24, no_wrap=True)
    table.add_column(ratio=1)

    def row(label: str, value: str) -> None:
        table.add_row(Text(label), _value(value))

    target = campaign.target_decision_maker_id
    row("Broad problem", campaign.problem)
    row("Specific issue", campaign.issue)
    row("Listening campaigns", names(campaign.listening_campaign_ids, listening))
    row("Institutions", names(campaign.institution_ids, institutions))
    row("Leaders", names(campaign.leader_ids, people))
    row("Goal", campaign.goal)
    row("Target decision-maker", power_map.get(target, GONE) if target else "")
    row("Tactic", campaign.tactic)
    row("Action date", optional_date(campaign.action_date))
    row("Turnout target", f"{campaign.turnout_target:,}" if campaign.turnout_target else "")
    row("Lessons", campaign.lessons)
    return table


def history_table(campaign: Campaign, profile: Profile) -> Table | Text:
    if not campaign.stage_history:
        return Text("No moves yet: it started at the first stage.", style="dim")
    table = Table(expand=True, show_edge=False, pad_edge=False)
    table.add_column("Date", width=16, no_wrap=True)
    table.add_column("Move", width=28)
    table.add_column("Reason for moving on anyway", ratio=1)
    for move in reversed(campaign.stage_history):
        start = profile.cycle_name(move.from_stage) if move.from_stage else "start"
        table.add_row(
            Text(optional_date(move.on)),
            Text(f"{start} → {profile.cycle_name(move.to_stage)}"),
            Text(move.override_reason) if move.override_reason else Text("all needs met", "dim"),
        )
    return table


class CampaignDetailScreen(Screen[bool]):
    """Dismisses with True when the campaign was changed or deleted, so the list reloads."""

    BINDINGS = [
        Binding("m", "move_on", "Move on", id="campaign-detail.move-on"),
        Binding("p", "power_map", "Power map", id="campaign-detail.power-map"),
        Binding("e", "edit_campaign", "Edit", id="campaign-detail.edit"),
        Binding("d", "delete_campaign", "Delete", id="campaign-detail.delete"),
        Binding("escape", "back", "Back", id="campaign-detail.back"),
    ]

    def __init__(self, repo: Repository, clock: Clock, campaign: Campaign) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.campaign = campaign
        self.changed = False

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with VerticalScroll(id="campaign-detail"):
            yield Static(id="campaign-name")
            yield Static(id="campaign-track")
            yield Static(id="campaign-needs")
            yield Static(Text("The campaign"), classes="section-heading")
            yield Static(id="campaign-fields")
            yield Static(Text("Moves round the cycle"), classes="section-heading")
            yield Static(id="campaign-history")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Campaign"
        self.show_campaign()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            try:
                fresh = self.repo.get(Campaign, self.campaign.id)
            except OrganiserError as error:
                report(self, error, "Cannot reload the campaign")
                fresh = None
            if fresh is not None:
                self.campaign = fresh
            self.show_campaign()

    def show_campaign(self) -> None:
        campaign = self.campaign
        try:
            profile = profile_of(self.repo)
            checked = gate(campaign, evidence_for(self.repo, campaign, self.clock.now()))
            listening = {c.id: c.name for c in self.repo.list(ListeningCampaign)}
            institutions = {i.id: i.name for i in self.repo.list(Institution)}
            people = {p.id: p.name for p in self.repo.list(Person)}
            power_map = {
                e.id: e.name for e in self.repo.list(PowerMapEntry, {"campaign_id": campaign.id})
            }
        except OrganiserError as error:
            report(self, error, "Cannot show everything")
            return
        self.sub_title = campaign.name
        self.query_one("#campaign-name", Static).update(Text(campaign.name, style="bold"))
        self.query_one("#campaign-track", Static).update(
            track_text(campaign, profile, days_in_stage(campaign, self.clock.today()))
        )
        self.query_one("#campaign-needs", Static).update(needs_view(checked, profile))
        self.query_one("#campaign-fields", Static).update(
            fields_table(campaign, listening, institutions, people, power_map)
        )
        self.query_one("#campaign-history", Static).update(history_table(campaign, profile))

    @work(exclusive=True, group="campaign", exit_on_error=False)
    async def action_move_on(self) -> None:
        moved = await move_on(self, self.repo, self.clock, self.campaign)
        if moved is not None:
            self.campaign = moved
            self.changed = True
        self.show_campaign()

    def action_power_map(self) -> None:
        self.app.push_screen(PowerMapScreen(self.repo, self.clock, self.campaign))

    @work(exclusive=True, group="campaign", exit_on_error=False)
    async def action_edit_campaign(self) -> None:
        saved = await edit_campaign(self, self.repo, self.clock, self.campaign)
        if saved is not None:
            self.campaign = saved
            self.changed = True
            self.show_campaign()

    @work(exclusive=True, group="campaign", exit_on_error=False)
    async def action_delete_campaign(self) -> None:
        if await delete_campaign(self, self.repo, self.campaign):
            self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(self.changed)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
