"""Team meetings, Planning Groups, assemblies and working groups: the newest first."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.meetings import in_list_order, open_points
from organiser.models import Meeting
from organiser.repository import Repository
from screens.meeting_detail import MeetingDetailScreen
from screens.meeting_flows import delete_meeting, edit_meeting
from screens.person_flows import report, report_failed_worker
from screens.widgets.meeting_table import MeetingTable, meeting_row
from screens.widgets.nav_bar import NavBar
from screens.widgets.read_only_banner import ReadOnlyBanner


class MeetingsScreen(Screen[None]):
    BINDINGS = [
        Binding("n", "new_meeting", "New", id="meetings.new"),
        Binding("e", "edit_meeting", "Edit", id="meetings.edit"),
        Binding("enter", "open_meeting", "Open", key_display="enter", id="meetings.open"),
        Binding("d", "delete_meeting", "Delete", id="meetings.delete"),
    ]

    def __init__(self, repo: Repository, clock: Clock) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self._meetings: list[Meeting] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("meetings")
        if self.repo.read_only:
            yield ReadOnlyBanner()
        yield Static(id="meetings-count")
        yield MeetingTable(id="meetings-table")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Meetings"
        self.load()
        self.table.focus()

    @property
    def table(self) -> MeetingTable:
        return self.query_one(MeetingTable)

    def load(self) -> None:
        try:
            meetings = self.repo.list(Meeting)
        except OrganiserError as error:
            report(self, error, "Cannot load meetings")
            meetings = []
        self._meetings = in_list_order(meetings)
        count = len(self._meetings)
        still_open = sum(len(open_points(m)) for m in self._meetings)
        self.query_one("#meetings-count", Static).update(
            Text(
                "No meetings yet: n adds one"
                if not count
                else f"{count:,} meeting{'' if count == 1 else 's'}, newest first; "
                f"{still_open:,} action point{'' if still_open == 1 else 's'} open"
            )
        )
        zone = self.clock.tz
        self.table.show([(m.id, meeting_row(m, zone)) for m in self._meetings])

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.load()

    def _current_or_say(self) -> Meeting | None:
        chosen = self.table.current_id
        meeting = next((m for m in self._meetings if m.id == chosen), None)
        if meeting is None:
            self.notify("No meeting is selected.", severity="warning")
        return meeting

    @on(DataTable.RowSelected, "#meetings-table")
    def _row_clicked(self) -> None:
        self.action_open_meeting()

    def action_open_meeting(self) -> None:
        meeting = self._current_or_say()
        if meeting is not None:
            self.app.push_screen(MeetingDetailScreen(self.repo, self.clock, meeting))

    @work(exclusive=True, group="meetings", exit_on_error=False)
    async def action_new_meeting(self) -> None:
        saved = await edit_meeting(self, self.repo, self.clock, None)
        if saved is not None:
            self._saved(saved)

    @work(exclusive=True, group="meetings", exit_on_error=False)
    async def action_edit_meeting(self) -> None:
        meeting = self._current_or_say()
        if meeting is None:
            return
        saved = await edit_meeting(self, self.repo, self.clock, meeting)
        if saved is not None:
            self._saved(saved)

    @work(exclusive=True, group="meetings", exit_on_error=False)
    async def action_delete_meeting(self) -> None:
        meeting = self._current_or_say()
        if meeting is None:
            return
        await delete_meeting(self, self.repo, meeting)
        self.load()
        self.table.focus()

    def _saved(self, meeting: Meeting) -> None:
        self.load()
        self.table.go_to(meeting.id)
        self.table.focus()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
