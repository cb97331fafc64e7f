"""One person, every field: contact details, institutions, ladder stage, consents, notes."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

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
from organiser.consent import describe_consent, describe_lapses, noted_in_one_to_ones
from organiser.errors import OrganiserError
from organiser.ladder import history
from organiser.models import (
    Institution,
    LadderMove,
    LadderStage,
    Person,
    Profile,
    RelationalMeeting,
)
from organiser.models.base import optional_date
from organiser.models.people import DEFAULT_STAGE_NAMES
from organiser.one_to_ones import timeline
from organiser.repository import Repository
from organiser.routes import links_of_person
from screens.erasure_flows import erase_person
from screens.one_to_one_detail import OneToOneDetailScreen
from screens.one_to_one_flows import log_one_to_one
from screens.person_flows import delete_person, edit_person, report, report_failed_worker
from screens.person_links import add_link, links_section, remove_link
from screens.subject_access_dialog import export_subject_access
from screens.widgets.one_to_one_table import TIMELINE_COLUMNS, OneToOneTable, timeline_row
from screens.widgets.read_only_banner import ReadOnlyBanner

NOT_RECORDED = Text("not recorded", style="dim")


def person_table(
    person: Person, institutions_by_id: Mapping[str, Institution], profile: Profile | None
) -> Table:
    """Every field of `person` as label and value; values are plain text, never markup."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(style="bold", width=28, no_wrap=True)
    table.add_column(ratio=1)

    def row(label: str, value: str | Text) -> None:
        shown = Text(value) if isinstance(value, str) else value
        table.add_row(Text(label), shown if shown.plain else NOT_RECORDED)

    stage = person.ladder_stage
    row("Phone", person.phone)
    row("Email", person.email)
    row("Address", person.address)
    row("Ladder stage", profile.stage_name(stage) if profile else DEFAULT_STAGE_NAMES[stage])
    memberships = Text()
    for index, membership in enumerate(person.memberships):
        institution = institutions_by_id.get(membership.institution_id)
        if index:
            memberships.append("\n")
        memberships.append(institution.name if institution else "(a deleted institution)")
        if membership.role:
            memberships.append(f": {membership.role}", style="italic")
    row("Institutions", memberships)
    row("Consent to be contacted", describe_consent(person.consent_to_contact))
    row("Consent to keep notes", describe_consent(person.consent_to_record))
    if person.reviewed_on is not None:
        row("Kept at a retention review", optional_date(person.reviewed_on))
    row("Notes", person.notes)
    row("Private notes (yours alone)", person.private_notes)
    if person.is_saved:
        row("Added", optional_date(person.created.date()))
        row("Last changed", optional_date(person.updated.date()))
    return table


def ladder_history(moves: list[LadderMove], profile: Profile | None) -> Text:
    """ "Ladder history" and each move, newest first: date, from → to, reason (all literal)."""

    def name(stage: LadderStage) -> str:
        return profile.stage_name(stage) if profile else DEFAULT_STAGE_NAMES[stage]

    text = Text("Ladder history", style="bold")
    if not moves:
        text.append("\nNo moves yet", style="dim")
    for move in moves:
        text.append(f"\n{optional_date(move.on)}  {name(move.from_stage)} → {name(move.to_stage)}")
        if move.reason:
            text.append(f"  {move.reason}", style="italic")
    return text


def timeline_title(count: int) -> Text:
    if count == 0:
        return Text("1-2-1s: none yet (l logs one, b books one)", style="bold")
    return Text(f"1-2-1s ({count:,}), newest first", style="bold")


class PersonDetailScreen(Screen[bool]):
    """Dismisses with True when the person was changed or deleted, so the list reloads.

    Under their details, their relational history: every 1-2-1 with them, newest first.
    The app's `l` key logs a 1-2-1 with them filled in (see `one_to_one_person`).
    """

    BINDINGS = [
        Binding("e", "edit_person", "Edit", id="detail.edit"),
        Binding("b", "book_one_to_one", "Book 1-2-1", id="detail.book"),
        Binding("enter", "open_one_to_one", "Open", id="detail.open-one-to-one"),
        Binding("d", "delete_person", "Delete", id="detail.delete"),
        Binding("E", "erase_person", "Erase", id="detail.erase"),
        Binding("x", "export_data", "Export", id="detail.export"),
        Binding("k", "add_link", "Link", id="detail.add-link"),
        # Named in the Links section ("K removes one"), the palette and help: the footer is full.
        Binding("K", "remove_link", "Remove a link", show=False, id="detail.remove-link"),
        Binding("escape", "back", "Back", id="detail.back"),
    ]

    def __init__(self, repo: Repository, clock: Clock, person: Person) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.person = person
        self.changed = False
        self._meetings: dict[str, RelationalMeeting] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with VerticalScroll(id="person-detail"):
            yield Static(id="person-name")
            yield Static(id="person-consent-flag")
            yield Static(id="person-fields")
            yield Static(id="person-links")
            yield Static(id="person-ladder-history")
        yield Static(id="timeline-title")
        yield OneToOneTable(TIMELINE_COLUMNS, id="timeline")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Person"
        self.show_person()
        self.show_timeline()
        timeline_table = self.query_one("#timeline", OneToOneTable)
        if timeline_table.row_count:
            timeline_table.focus()
        else:
            self.query_one("#person-detail").focus()

    def show_person(self) -> None:
        try:
            institutions = {i.id: i for i in self.repo.list(Institution)}
            profile = self.repo.profile()
            moves = self.repo.list(LadderMove, where={"person_id": self.person.id})
        except OrganiserError as error:
            report(self, error, "Cannot show everything")
            institutions, profile, moves = {}, None, []
        self.sub_title = self.person.name
        self.query_one("#person-name", Static).update(Text(self.person.name, style="bold"))
        self.show_consent_flag()
        self.query_one("#person-fields", Static).update(
            person_table(self.person, institutions, profile)
        )
        self.query_one("#person-ladder-history", Static).update(
            ladder_history(history(moves, self.person.id), profile)
        )
        self.show_links()

    def show_links(self) -> None:
        """Who they know (see screens.person_links)."""
        try:
            links = links_of_person(self.repo, self.person.id)
            people = {
                p.id: p
                for p in (self.repo.get(Person, link.other_end(self.person.id)) for link in links)
                if p is not None
            }
        except OrganiserError as error:
            report(self, error, "Cannot show their links")
            links, people = [], {}
        self.query_one("#person-links", Static).update(links_section(self.person, links, people))

    def show_consent_flag(self) -> None:
        """A warning line when their consent has lapsed (see organiser.consent)."""
        noted = bool(noted_in_one_to_ones(self._meetings.values()))
        flag = describe_lapses(self.person, self.clock.today(), notes_elsewhere=noted)
        widget = self.query_one("#person-consent-flag", Static)
        widget.update(Text(flag, style="bold red"))
        widget.display = bool(flag)

    def show_timeline(self) -> None:
        """Their 1-2-1s, newest first, the cursor kept on the same one."""
        try:
            meetings = self.repo.list(RelationalMeeting, where={"person_id": self.person.id})
        except OrganiserError as error:
            report(self, error, "Cannot show their 1-2-1s")
            meetings = []
        history = timeline(meetings, self.person.id)
        self._meetings = {m.id: m for m in history}
        today, zone = self.clock.today(), self.clock.tz
        table = self.query_one("#timeline", OneToOneTable)
        table.load_rows({m.id: timeline_row(m, today, zone) for m in history})
        table.show([m.id for m in history])
        self.query_one("#timeline-title", Static).update(timeline_title(len(history)))
        self.show_consent_flag()

    # Host for the `l` key (see screens.one_to_one_flows.OneToOneHost) ------------------------

    def one_to_one_person(self) -> Person | None:
        return self.person

    def one_to_ones_changed(self) -> None:
        self.show_timeline()
        self.query_one("#timeline", OneToOneTable).focus()

    def action_open_one_to_one(self) -> None:
        table = self.query_one("#timeline", OneToOneTable)
        meeting = self._meetings.get(table.current_id or "")
        if meeting is None:
            self.notify("No 1-2-1 with them yet: l logs one.", severity="warning")
        else:
            self.app.push_screen(
                OneToOneDetailScreen(self.repo, self.clock, meeting), self._back_from_one_to_one
            )

    @on(DataTable.RowSelected, "#timeline")
    def _entry_clicked(self) -> None:
        self.action_open_one_to_one()

    def _back_from_one_to_one(self, changed: bool | None) -> None:
        if changed is not False:
            self.show_timeline()

    @work(exclusive=True, group="one-to-one", exit_on_error=False)
    async def action_book_one_to_one(self) -> None:
        saved = await log_one_to_one(self, self.repo, self.clock, person=self.person, book=True)
        if saved is not None:
            self.one_to_ones_changed()

    @work(exclusive=True, group="person", exit_on_error=False)
    async def action_edit_person(self) -> None:
        saved = await edit_person(self, self.repo, self.clock, self.person)
        if saved is not None:
            self.person = saved
            self.changed = True
            self.show_person()

    @work(exclusive=True, group="person", exit_on_error=False)
    async def action_delete_person(self) -> None:
        if await delete_person(self, self.repo, self.person):
            self.dismiss(True)

    @work(exclusive=True, group="person", exit_on_error=False)
    async def action_erase_person(self) -> None:
        if await erase_person(self, self.repo, self.clock, self.person):
            self.dismiss(True)

    @work(exclusive=True, group="person", exit_on_error=False)
    async def action_add_link(self) -> None:
        if await add_link(self, self.repo, self.person) is not None:
            self.show_links()
            self.query_one("#person-links").scroll_visible(animate=False)

    @work(exclusive=True, group="person", exit_on_error=False)
    async def action_remove_link(self) -> None:
        if await remove_link(self, self.repo, self.person):
            self.show_links()

    @work(exclusive=True, group="export", exit_on_error=False)
    async def action_export_data(self) -> None:
        await export_subject_access(self, self.repo, self.clock, self.person, Path.home())

    def action_back(self) -> None:
        self.dismiss(self.changed)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
