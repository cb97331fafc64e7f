"""One listening campaign: its fields, progress against the target, the tally of concerns
(overall, or by institution with `b`) and its conversations, newest first."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.listening import Tally, newest_first, tally
from organiser.models import Conversation, Institution, ListeningCampaign, Person
from organiser.repository import Repository
from screens.listening_flows import (
    delete_conversation,
    edit_listening,
    log_conversations,
    take_concern_forward,
)
from screens.person_flows import report, report_failed_worker
from screens.widgets.listening_conversations import ConversationTable, who_text
from screens.widgets.listening_table import held_text, period_text
from screens.widgets.read_only_banner import ReadOnlyBanner
from screens.widgets.tally_chart import tally_chart

#: The tally shown for all institutions together.
OVERALL = "overall"


class ListeningDetailScreen(Screen[bool]):
    """Dismisses with True when anything was changed, so the list reloads."""

    BINDINGS = [
        Binding("c", "log_conversations", "Log conversations", id="listening-detail.log"),
        Binding(
            "enter", "open_conversation", "Open", key_display="enter", id="listening-detail.open"
        ),  # fmt: skip
        Binding("d", "delete_conversation", "Delete conversation", id="listening-detail.delete"),
        Binding("b", "cycle_tally", "By institution", id="listening-detail.by"),
        Binding("t", "take_forward", "Take forward", id="listening-detail.forward"),
        Binding("e", "edit_listening", "Edit", id="listening-detail.edit"),
        Binding("escape", "back", "Back", id="listening-detail.back"),
    ]

    def __init__(self, repo: Repository, clock: Clock, campaign: ListeningCampaign) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.campaign = campaign
        self.changed = False
        self._conversations: list[Conversation] = []
        self._institutions: dict[str, Institution] = {}
        self._people: dict[str, Person] = {}
        self._tally = tally([])
        #: Which tally is shown: OVERALL, or an institution's id ("" for none recorded).
        self._view = OVERALL

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with VerticalScroll(id="listening-detail"):
            yield Static(id="listening-name")
            yield Static(id="listening-fields")
            yield Static(id="listening-tally-heading", classes="section-heading")
            yield Static(id="listening-tally")
            yield Static(id="listening-conversations-heading", classes="section-heading")
            yield ConversationTable(id="listening-conversations")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Listening"
        self.load()
        self.table.focus()

    @property
    def table(self) -> ConversationTable:
        return self.query_one(ConversationTable)

    def load(self) -> None:
        try:
            self.campaign = self.repo.get(ListeningCampaign, self.campaign.id) or self.campaign
            self._conversations = newest_first(
                self.repo.list(Conversation, {"listening_campaign_id": self.campaign.id})
            )
            self._institutions = {i.id: i for i in self.repo.list(Institution)}
            self._people = {p.id: p for p in self.repo.list(Person)}
        except OrganiserError as error:
            report(self, error, "Cannot load the listening campaign")
        self._tally = tally(self._conversations)
        self.sub_title = self.campaign.name
        self.query_one("#listening-name", Static).update(Text(self.campaign.name, style="bold"))
        self.query_one("#listening-fields", Static).update(self._fields())
        self._show_tally()
        count = len(self._conversations)
        heading = "Conversations" if count else "Conversations: none yet, c logs them"
        self.query_one("#listening-conversations-heading", Static).update(
            Text(f"{heading} (newest first)" if count else heading)
        )
        self.table.show(self._conversations, self._institutions, self._people)

    def _fields(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", width=16, no_wrap=True)
        table.add_column()
        names = [self._institutions[i].name for i in self.campaign.institution_ids
                 if i in self._institutions]  # fmt: skip
        table.add_row(Text("Period"), Text(period_text(self.campaign)))
        table.add_row(Text("Institutions"), Text(", ".join(names) or "none chosen"))
        table.add_row(Text("Conversations"), held_text(self.campaign, len(self._conversations)))
        table.add_row(Text("Concerns raised"), Text(f"{len(self.campaign.concerns):,}"))
        return table

    def _views(self) -> list[str]:
        """OVERALL, then each institution with conversations, by name."""
        ids = [k or "" for k in self._tally.by_institution]
        ids.sort(key=lambda i: (i == "", self._institution_name(i).casefold()))
        return [OVERALL, *ids]

    def _institution_name(self, institution_id: str) -> str:
        found = self._institutions.get(institution_id)
        if found is not None:
            return found.name
        return "no institution recorded" if not institution_id else "(an institution deleted)"

    def _show_tally(self) -> None:
        if self._view not in self._views():
            self._view = OVERALL
        if self._view == OVERALL:
            ranked = self._tally.overall
            where = "all institutions"
        else:
            ranked = self._tally.by_institution.get(self._view or None, [])
            where = self._institution_name(self._view)
        heading = Text(f"Concerns, {where}", style="bold")
        heading.append(
            f"  ranked by how many of {self._count(self._view):,} conversations raised them"
            "  (b: by institution)",
            style="not bold dim",
        )
        self.query_one("#listening-tally-heading", Static).update(heading)
        self.query_one("#listening-tally", Static).update(tally_chart(ranked))

    def _count(self, view: str) -> int:
        if view == OVERALL:
            return self._tally.conversations
        return sum(1 for c in self._conversations if (c.institution_id or "") == view)

    @property
    def current(self) -> Conversation | None:
        chosen = self.table.current_id
        return next((c for c in self._conversations if c.id == chosen), None)

    @property
    def tally(self) -> Tally:
        return self._tally

    # Actions -------------------------------------------------------------------------------

    def action_cycle_tally(self) -> None:
        views = self._views()
        self._view = views[(views.index(self._view) + 1) % len(views)]
        self._show_tally()

    @on(DataTable.RowSelected, "#listening-conversations")
    def _row_clicked(self) -> None:
        self.action_open_conversation()

    @work(exclusive=True, group="listening-detail", exit_on_error=False)
    async def action_log_conversations(self) -> None:
        if await log_conversations(self, self.repo, self.clock, self.campaign):
            self.changed = True
        self.load()
        self.table.focus()

    @work(exclusive=True, group="listening-detail", exit_on_error=False)
    async def action_open_conversation(self) -> None:
        talk = self.current
        if talk is None:
            self.notify("No conversation is selected.", severity="warning")
            return
        if await log_conversations(self, self.repo, self.clock, self.campaign, talk):
            self.changed = True
        self.load()
        self.table.focus()

    @work(exclusive=True, group="listening-detail", exit_on_error=False)
    async def action_delete_conversation(self) -> None:
        talk = self.current
        if talk is None:
            self.notify("No conversation is selected.", severity="warning")
            return
        if await delete_conversation(self, self.repo, talk, who_text(talk, self._people)):
            self.changed = True
            self.load()
        self.table.focus()

    @work(exclusive=True, group="listening-detail", exit_on_error=False)
    async def action_edit_listening(self) -> None:
        if await edit_listening(self, self.repo, self.clock, self.campaign) is not None:
            self.changed = True
            self.load()

    @work(exclusive=True, group="listening-detail", exit_on_error=False)
    async def action_take_forward(self) -> None:
        await take_concern_forward(self, self.repo, self.campaign, self._tally.overall)

    def action_back(self) -> None:
        self.dismiss(self.changed)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
