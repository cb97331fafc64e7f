"""One 1-2-1, everything about it, and what can be done with it from here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, tzinfo
from typing import Any

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
from organiser.errors import OrganiserError
from organiser.models import Institution, OneToOneStatus, Person, RelationalMeeting
from organiser.models.base import optional_date
from organiser.one_to_ones import (
    STATUS_LABELS,
    can_cancel,
    can_mark_held,
    follow_up_text,
    moment_text,
)
from organiser.people import institution_names
from organiser.repository import Repository
from screens.one_to_one_flows import (
    cancel_one_to_one,
    delete_one_to_one,
    edit_one_to_one,
    mark_held,
    tick_follow_up,
)
from screens.person_flows import report, report_failed_worker
from screens.widgets.read_only_banner import ReadOnlyBanner

NOT_RECORDED = Text("not recorded", style="dim")


def one_to_one_table(
    meeting: RelationalMeeting,
    person: Person | None,
    institutions_by_id: Mapping[str, Institution],
    today: date,
    zone: tzinfo,
) -> Table:
    """Every field of `meeting` as label and value; values are plain text, never markup."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(style="bold", width=28, no_wrap=True)
    table.add_column(ratio=1)

    def row(label: str, value: str | Text) -> None:
        shown = Text(value) if isinstance(value, str) else value
        table.add_row(Text(label), shown if shown.plain else NOT_RECORDED)

    held = meeting.status is OneToOneStatus.HELD
    row("With", person.name if person else "(someone no longer on record)")
    if person is not None:
        row("Institutions", ", ".join(institution_names(person, institutions_by_id)))
    row("When", moment_text(meeting.at, zone))
    row("Status", STATUS_LABELS[meeting.status])
    if meeting.contact_guard_overridden:
        row("Contact guard", "went ahead despite a recent contact with them")
    row("Length", f"{meeting.length_minutes} minutes" if meeting.length_minutes else "")
    row("Place", meeting.place)
    if held or meeting.interests or meeting.story:
        row("What they care about", meeting.interests)
        row("Their self-interest", meeting.self_interest)
        row("Their story", meeting.story)
        row("Tension that could move them", meeting.tension)
        row("Leadership potential", f"{meeting.potential} of 5" if meeting.potential else "")
        row("Follow-up agreed", meeting.follow_up)
        row("Follow-up", follow_up_text(meeting, today).partition(" · ")[0])
        row("Next 1-2-1", moment_text(meeting.next_meeting_at, zone) if meeting.next_meeting_at
            else "")  # fmt: skip
    if meeting.is_saved:
        row("Added", optional_date(meeting.created.date()))
        row("Last changed", optional_date(meeting.updated.date()))
    return table


class OneToOneDetailScreen(Screen[bool]):
    """Dismisses with True when the 1-2-1 was changed or deleted, so whoever opened it can
    show the change."""

    BINDINGS = [
        Binding("e", "edit_one_to_one", "Edit", id="one-to-one-detail.edit"),
        Binding("h", "mark_held", "Mark held", id="one-to-one-detail.held"),
        Binding("x", "cancel_one_to_one", "Cancel it", id="one-to-one-detail.cancel"),
        Binding("f", "tick_follow_up", "Tick follow-up", id="one-to-one-detail.follow-up"),
        Binding("d", "delete_one_to_one", "Delete", id="one-to-one-detail.delete"),
        Binding("escape", "back", "Back", id="one-to-one-detail.back"),
    ]

    def __init__(self, repo: Repository, clock: Clock, meeting: RelationalMeeting) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.meeting = meeting
        self.changed = False

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with VerticalScroll(id="one-to-one-detail"):
            yield Static(id="one-to-one-heading")
            yield Static(id="one-to-one-fields")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "1-2-1"
        self.show_meeting()
        self.query_one("#one-to-one-detail").focus()

    def show_meeting(self) -> None:
        try:
            person = self.repo.get(Person, self.meeting.person_id)
            institutions = {i.id: i for i in self.repo.list(Institution)}
        except OrganiserError as error:
            report(self, error, "Cannot show everything")
            person, institutions = None, {}
        name = person.name if person else "someone no longer on record"
        zone = self.clock.tz
        self.sub_title = name
        heading = Text.assemble(
            (f"{STATUS_LABELS[self.meeting.status]} 1-2-1 with ", "bold"),
            (name, "bold"),
            f"  {moment_text(self.meeting.at, zone)}",
        )
        self.query_one("#one-to-one-heading", Static).update(heading)
        table = one_to_one_table(self.meeting, person, institutions, self.clock.today(), zone)
        self.query_one("#one-to-one-fields", Static).update(table)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "mark_held":
            return can_mark_held(self.meeting)
        if action == "cancel_one_to_one":
            return can_cancel(self.meeting)
        if action == "tick_follow_up":
            return bool(self.meeting.follow_up or self.meeting.follow_up_due)
        return True

    def one_to_one_person(self) -> Person | None:
        """Logging a 1-2-1 from here (`l`) is with the same person."""
        try:
            return self.repo.get(Person, self.meeting.person_id)
        except OrganiserError:
            return None

    def one_to_ones_changed(self) -> None:
        """A 1-2-1 logged from here may have been this booking, now marked held: show it as
        it is stored."""
        try:
            stored = self.repo.get(RelationalMeeting, self.meeting.id)
        except OrganiserError as error:
            report(self, error, "Cannot show everything")
            return
        if stored is not None and stored.revision != self.meeting.revision:
            self._changed_to(stored)

    def _changed_to(self, saved: RelationalMeeting | None) -> None:
        if saved is not None:
            self.meeting = saved
            self.changed = True
            self.show_meeting()

    @work(exclusive=True, group="one-to-one", exit_on_error=False)
    async def action_edit_one_to_one(self) -> None:
        self._changed_to(await edit_one_to_one(self, self.repo, self.clock, self.meeting))

    @work(exclusive=True, group="one-to-one", exit_on_error=False)
    async def action_mark_held(self) -> None:
        self._changed_to(await mark_held(self, self.repo, self.clock, self.meeting))

    @work(exclusive=True, group="one-to-one", exit_on_error=False)
    async def action_cancel_one_to_one(self) -> None:
        self._changed_to(await cancel_one_to_one(self, self.repo, self.clock, self.meeting))

    def action_tick_follow_up(self) -> None:
        self._changed_to(tick_follow_up(self, self.repo, self.clock, self.meeting))

    @work(exclusive=True, group="one-to-one", exit_on_error=False)
    async def action_delete_one_to_one(self) -> None:
        if await delete_one_to_one(self, self.repo, self.clock, self.meeting):
            self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(self.changed)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)


def open_one_to_one(
    screen: Screen[Any],
    repo: Repository,
    clock: Clock,
    meeting: RelationalMeeting,
    closed: Callable[[bool | None], None] | None = None,
) -> None:
    """Show `meeting` on its own screen over `screen`; `closed(changed)` runs when it closes
    (changed is True when it was edited or deleted, None when closed from elsewhere)."""
    screen.app.push_screen(OneToOneDetailScreen(repo, clock, meeting), closed)
