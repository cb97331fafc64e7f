"""One meeting: its fields and minutes, and its action points to add, tick and remove.

Each key saves at once: a adds an action point, space or x ticks the chosen one done today
(or unticks it), delete removes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from zoneinfo import ZoneInfo

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
from organiser.meetings import KIND_LABELS, find_point, open_points, remove_point, toggle_done
from organiser.models import Campaign, Meeting, Person
from organiser.repository import Repository
from screens.meeting_flows import delete_meeting, edit_meeting
from screens.meeting_point import ActionPointDialog
from screens.person_flows import refuse_if_read_only, report, report_failed_worker
from screens.widgets.meeting_table import ActionPointTable, point_row
from screens.widgets.read_only_banner import ReadOnlyBanner

NOT_RECORDED = Text("not recorded", style="dim")


def meeting_fields(
    meeting: Meeting,
    people: Mapping[str, Person],
    campaigns: Mapping[str, Campaign],
    zone: ZoneInfo,
) -> Table:
    """Every field as label and value; values are plain text, never markup."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(style="bold", width=16, no_wrap=True)
    table.add_column(ratio=1)

    def row(label: str, value: str) -> None:
        table.add_row(Text(label), Text(value) if value else NOT_RECORDED)

    campaign = campaigns.get(meeting.campaign_id or "")
    length = f", {meeting.length_minutes} minutes" if meeting.length_minutes else ""
    row("Kind", KIND_LABELS[meeting.meeting_kind])
    row("When", f"{meeting.at.astimezone(zone):%A %d %B %Y, %H:%M}{length}")
    row("Place", meeting.place)
    row("Campaign", campaign.name if campaign else "")
    names = [people[i].name if i in people else "(no longer on record)"
             for i in meeting.attendee_ids]  # fmt: skip
    row(f"Attendees ({len(names)})" if names else "Attendees", ", ".join(names))
    row("Agenda", meeting.agenda)
    row("Minutes", meeting.minutes)
    return table


class MeetingDetailScreen(Screen[bool]):
    """Dismisses with True when the meeting was changed or deleted, so the list reloads."""

    BINDINGS = [
        Binding("a", "add_point", "Add action point", id="meeting-detail.add"),
        Binding(
            "space,x", "tick", "Done / not done", key_display="space/x", id="meeting-detail.tick"
        ),  # fmt: skip
        Binding("delete", "remove", "Remove", key_display="del", id="meeting-detail.remove"),
        Binding("e", "edit_meeting", "Edit", id="meeting-detail.edit"),
        Binding("d", "delete_meeting", "Delete", id="meeting-detail.delete"),
        Binding("escape", "back", "Back", id="meeting-detail.back"),
    ]

    def __init__(
        self, repo: Repository, clock: Clock, meeting: Meeting, *, point_id: str | None = None
    ) -> None:
        """Show `meeting`; with `point_id`, that action point's row is chosen."""
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.meeting = meeting
        self.changed = False
        self._start_point = point_id
        self._people: dict[str, Person] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with VerticalScroll(id="meeting-detail"):
            yield Static(id="meeting-heading")
            yield Static(id="meeting-fields")
            yield Static(id="meeting-points-heading", classes="section-heading")
            yield ActionPointTable(id="meeting-points")
            yield Static(
                Text(
                    "a adds an action point · space or x ticks the chosen one done today "
                    "(again: not done) · del removes it"
                ),
                classes="hint",
            )
        yield Footer()

    @property
    def points(self) -> ActionPointTable:
        return self.query_one(ActionPointTable)

    def on_mount(self) -> None:
        self.title = "Meeting"
        self.show_meeting()
        if self._start_point is not None:
            self.points.go_to(self._start_point)
        self.points.focus()

    def show_meeting(self) -> None:
        meeting = self.meeting
        try:
            self._people = {p.id: p for p in self.repo.list(Person)}
            campaigns = {c.id: c for c in self.repo.list(Campaign)}
        except OrganiserError as error:
            report(self, error, "Cannot show everything")
            campaigns = {}
        self.sub_title = meeting.title
        self.query_one("#meeting-heading", Static).update(Text(meeting.title, style="bold"))
        self.query_one("#meeting-fields", Static).update(
            meeting_fields(meeting, self._people, campaigns, self.clock.tz)
        )
        self._show_points()

    def _show_points(self) -> None:
        total = len(self.meeting.action_points)
        still_open = len(open_points(self.meeting))
        self.query_one("#meeting-points-heading", Static).update(
            Text(
                f"Action points: {total:,}, {still_open:,} open"
                if total
                else "Action points: none yet (a adds one)"
            )
        )
        today = self.clock.today()
        self.points.show(
            [(p.id, point_row(p, self._people, today)) for p in self.meeting.action_points]
        )

    def _save(self, changed: Meeting, said: str) -> bool:
        if changed == self.meeting:
            return False
        try:
            self.meeting = self.repo.save(changed)
        except Exception as error:
            report(self, error)
            return False
        self.changed = True
        self._show_points()
        self.notify(said, markup=False)
        return True

    @work(exclusive=True, group="meeting", exit_on_error=False)
    async def action_add_point(self) -> None:
        if refuse_if_read_only(self, self.repo):
            return
        point = await self.app.push_screen_wait(
            ActionPointDialog(list(self._people.values()), self.clock.today())
        )
        if point is None:
            return
        changed = self.meeting.evolve(action_points=[*self.meeting.action_points, point])
        if self._save(changed, f"Action point added: {point.text}"):
            self.points.go_to(point.id)
            self.points.focus()

    def _current_point_id(self) -> str | None:
        point_id = self.points.current_id
        if point_id is None:
            self.notify("No action points yet: a adds one.", severity="warning", markup=False)
        return point_id

    def action_tick(self) -> None:
        point_id = self._current_point_id()
        if point_id is None or refuse_if_read_only(self, self.repo):
            return
        changed = toggle_done(self.meeting, point_id, self.clock.today())
        point = find_point(changed, point_id)
        done = point is not None and point.done_on is not None
        text = point.text if point else ""
        self._save(changed, f"Done: {text}" if done else f"Not done after all: {text}")

    def action_remove(self) -> None:
        point_id = self._current_point_id()
        if point_id is None or refuse_if_read_only(self, self.repo):
            return
        point = find_point(self.meeting, point_id)
        self._save(
            remove_point(self.meeting, point_id),
            f"Action point removed: {point.text if point else ''}",
        )

    @on(DataTable.RowSelected, "#meeting-points")
    def _row_chosen(self) -> None:
        """Enter on a row does nothing harmful: the keys do the ticking."""

    @work(exclusive=True, group="meeting", exit_on_error=False)
    async def action_edit_meeting(self) -> None:
        saved = await edit_meeting(self, self.repo, self.clock, self.meeting)
        if saved is not None:
            self.meeting = saved
            self.changed = True
            self.show_meeting()

    @work(exclusive=True, group="meeting", exit_on_error=False)
    async def action_delete_meeting(self) -> None:
        if await delete_meeting(self, self.repo, self.meeting):
            self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(self.changed)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
