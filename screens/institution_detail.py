"""One institution: its fields, its people and core team, the 1-2-1s held with them, its dues."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from rich.console import RenderableType
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
from organiser.institutions import (
    Member,
    core_team,
    dues_history,
    one_to_ones_with,
    people_of,
    renewal_note,
)
from organiser.models import (
    FundraisingItem,
    Institution,
    LadderStage,
    Person,
    Profile,
    PublicAction,
    RelationalMeeting,
)
from organiser.models.base import optional_date
from organiser.models.people import DEFAULT_STAGE_NAMES
from organiser.money import format_pounds
from organiser.repository import Repository
from organiser.roll_call import delivery_record
from screens.delivery_record import delivery_heading, delivery_table
from screens.institution_flows import delete_institution, edit_institution
from screens.institution_health_line import health_text
from screens.person_detail import PersonDetailScreen
from screens.person_flows import report, report_failed_worker
from screens.widgets.institution_people import InstitutionPeople
from screens.widgets.read_only_banner import ReadOnlyBanner

NOT_RECORDED = Text("not recorded", style="dim")
#: The most 1-2-1s listed; an institution with hundreds shows the newest.
MEETINGS_SHOWN = 50


def _text(value: str | Text) -> Text:
    if isinstance(value, Text):
        return value
    return Text(value) if value else NOT_RECORDED


def describe_letter(institution: Institution) -> Text:
    if not institution.letter_signed:
        return Text("Not signed")
    if institution.letter_signed_on is None:
        return Text("Signed (date not recorded)")
    return Text(f"Signed on {optional_date(institution.letter_signed_on)}")


def describe_renewal(institution: Institution, today: date) -> Text:
    if institution.renewal_date is None:
        return NOT_RECORDED
    text = Text(optional_date(institution.renewal_date))
    note = renewal_note(institution, today)
    if note:
        text.append(f" ({note})", style="bold" if "overdue" in note else "")
    return text


def institution_table(
    institution: Institution, team: Sequence[Person], people_count: int, today: date
) -> Table:
    """Every field of `institution` as label and value; values are plain text, never markup."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(style="bold", width=26, no_wrap=True)
    table.add_column(ratio=1)

    def row(label: str, value: str | Text) -> None:
        table.add_row(Text(label), _text(value))

    row("Kind", institution.institution_kind.label)
    row("Membership status", institution.status.value.capitalize())
    row("Tag", f"#{institution.tag}" if institution.tag else "")
    row("Annual dues agreed", format_pounds(institution.annual_dues_pence))
    row("Letter of understanding", describe_letter(institution))
    row("Renewal date", describe_renewal(institution, today))
    row("People", f"{people_count:,}")
    row("Core team", ", ".join(p.name for p in team) if team else Text("none chosen", "dim"))
    row("Address", institution.address)
    row("Notes", institution.notes)
    if institution.is_saved:
        row("Added", optional_date(institution.created.date()))
        row("Last changed", optional_date(institution.updated.date()))
    return table


def meetings_table(
    meetings: Sequence[RelationalMeeting], people_by_id: Mapping[str, Person], clock: Clock
) -> RenderableType:
    """The 1-2-1s, newest first: date, person, potential, the follow-up and when it is due."""
    if not meetings:
        return Text("No 1-2-1s have been held with its people yet.", style="dim")
    table = Table(expand=True, box=None, padding=(0, 1), show_edge=False)
    table.add_column("Date", width=15, no_wrap=True)
    table.add_column("With", width=24, no_wrap=True, overflow="ellipsis")
    table.add_column("Potential", width=9, no_wrap=True)
    table.add_column("Follow-up", ratio=1, overflow="ellipsis", no_wrap=True)
    table.add_column("Follow-up due", width=15, no_wrap=True)
    for meeting in meetings[:MEETINGS_SHOWN]:
        person = people_by_id.get(meeting.person_id)
        if meeting.follow_up_done_on is not None:
            due = Text("done", style="dim")
        else:
            due = Text(optional_date(meeting.follow_up_due))
        table.add_row(
            Text(optional_date(meeting.at.astimezone(clock.tz).date())),
            Text(person.name if person else "(someone no longer on record)"),
            Text(f"{meeting.potential} of 5" if meeting.potential else "-"),
            Text(" ".join(meeting.follow_up.split())),
            due,
        )
    if len(meetings) > MEETINGS_SHOWN:
        table.add_row(Text(f"…and {len(meetings) - MEETINGS_SHOWN:,} earlier", style="dim"))
    return table


def dues_table(items: Sequence[FundraisingItem]) -> RenderableType:
    """Dues by year, newest first: amount, status, invoiced and paid dates."""
    if not items:
        return Text("No dues have been recorded for it yet.", style="dim")
    table = Table(expand=False, box=None, padding=(0, 1), show_edge=False)
    table.add_column("Year", width=6)
    table.add_column("Amount", width=14, justify="right")
    table.add_column("Status", width=10)
    table.add_column("Invoiced", width=16)
    table.add_column("Paid", width=16)
    for item in items:
        table.add_row(
            Text(str(item.year)),
            Text(format_pounds(item.amount_pence)),
            Text(item.status.value),
            Text(optional_date(item.invoiced_on)),
            Text(optional_date(item.paid_on)),
        )
    return table


class InstitutionDetailScreen(Screen[bool]):
    """Dismisses with True when the institution (or one of its people) was changed or
    deleted, so the list reloads."""

    BINDINGS = [
        Binding(
            "enter",
            "open_person",
            "Open person",
            key_display="enter",
            id="institution-detail.open-person",
        ),
        Binding("e", "edit_institution", "Edit", id="institution-detail.edit"),
        Binding("d", "delete_institution", "Delete", id="institution-detail.delete"),
        Binding("escape", "back", "Back", id="institution-detail.back"),
    ]

    def __init__(self, repo: Repository, clock: Clock, institution: Institution) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.institution = institution
        self.changed = False
        self._members: list[Member] = []
        self._profile: Profile | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with VerticalScroll(id="institution-detail"):
            yield Static(id="institution-name")
            yield Static(id="institution-health")
            yield Static(id="institution-fields")
            yield Static(id="institution-people-heading", classes="section-heading")
            yield InstitutionPeople(id="institution-people")
            yield Static(id="institution-meetings-heading", classes="section-heading")
            yield Static(id="institution-meetings")
            yield Static(id="institution-delivery-heading", classes="section-heading")
            yield Static(id="institution-delivery")
            yield Static(Text("Dues history"), classes="section-heading")
            yield Static(id="institution-dues")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Institution"
        self.show_institution()
        if self._members:
            self.query_one(InstitutionPeople).focus()
        else:
            self.query_one("#institution-detail").focus()

    def _stage_name(self, stage: LadderStage) -> str:
        return self._profile.stage_name(stage) if self._profile else DEFAULT_STAGE_NAMES[stage]

    def show_institution(self) -> None:
        """Read its people, their 1-2-1s and its dues afresh, and show them."""
        institution = self.institution
        try:
            people = self.repo.list(Person)
            meetings = self.repo.list(RelationalMeeting)
            items = self.repo.list(FundraisingItem, {"institution_id": institution.id})
            self._profile = self.repo.profile()
        except OrganiserError as error:
            report(self, error, "Cannot show everything")
            people, meetings, items = [], [], []
        by_id = {p.id: p for p in people}
        self._members = people_of(institution.id, people)
        team = core_team(institution, by_id)
        held = one_to_ones_with((m.person.id for m in self._members), meetings)
        last_held: dict[str, date] = {}
        for meeting in reversed(held):  # oldest first, so the newest is kept
            last_held[meeting.person_id] = meeting.at.astimezone(self.clock.tz).date()
        today = self.clock.today()

        self.sub_title = institution.name
        self.query_one("#institution-name", Static).update(Text(institution.name, style="bold"))
        self.query_one("#institution-fields", Static).update(
            institution_table(institution, team, len(self._members), today)
        )
        risk = health_text(institution, people, meetings, items, self._profile, today)
        self.query_one("#institution-health", Static).update(risk)
        self.query_one("#institution-health", Static).display = bool(risk.plain)
        count = len(self._members)
        heading = f"People ({count:,})" if count else "People: no one is linked to it yet"
        self.query_one("#institution-people-heading", Static).update(Text(heading))
        self.query_one(InstitutionPeople).show(
            self._members,
            core_team={p.id for p in team},
            stage_name=self._stage_name,
            last_held=last_held,
        )
        self.query_one(InstitutionPeople).display = bool(self._members)
        self.query_one("#institution-meetings-heading", Static).update(
            Text(f"1-2-1s with its people ({len(held):,}), newest first")
        )
        self.query_one("#institution-meetings", Static).update(
            meetings_table(held, by_id, self.clock)
        )
        self.query_one("#institution-dues", Static).update(
            dues_table(dues_history(institution.id, items))
        )
        self.show_delivery()

    def show_delivery(self) -> None:
        """Its pledges and turnout at actions (see screens.delivery_record)."""
        try:
            actions = self.repo.list(PublicAction)
        except OrganiserError as error:
            report(self, error, "Cannot show its turnout at actions")
            actions = []
        record = delivery_record(self.institution.id, actions, self.clock.now())
        self.query_one("#institution-delivery-heading", Static).update(delivery_heading(record))
        self.query_one("#institution-delivery", Static).update(
            delivery_table(record, self.clock.tz)
        )

    # People ------------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#institution-people")
    def _row_clicked(self) -> None:
        self.action_open_person()

    def action_open_person(self) -> None:
        person_id = self.query_one(InstitutionPeople).current_id
        person = next((m.person for m in self._members if m.person.id == person_id), None)
        if person is None:
            self.notify("No one is linked to this institution yet.", severity="warning")
            return
        self.app.push_screen(
            PersonDetailScreen(self.repo, self.clock, person), self._back_from_person
        )

    def _back_from_person(self, changed: bool | None) -> None:
        # None: the screen was closed from elsewhere, so it may have changed something.
        if changed is not False:
            self.changed = True
        self.show_institution()  # a 1-2-1 logged with them changes its 1-2-1s and its health

    # The institution ---------------------------------------------------------------------

    @work(exclusive=True, group="institution", exit_on_error=False)
    async def action_edit_institution(self) -> None:
        saved = await edit_institution(self, self.repo, self.clock, self.institution)
        if saved is not None:
            self.institution = saved
            self.changed = True
            self.show_institution()

    @work(exclusive=True, group="institution", exit_on_error=False)
    async def action_delete_institution(self) -> None:
        if await delete_institution(self, self.repo, self.institution):
            self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(self.changed)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
