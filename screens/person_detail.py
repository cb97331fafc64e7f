"""One person, every field: contact details, institutions, ladder stage, consents, notes."""

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
from organiser.errors import OrganiserError
from organiser.models import Consent, Institution, Person, Profile
from organiser.models.base import optional_date
from organiser.models.people import DEFAULT_STAGE_NAMES
from organiser.repository import Repository
from screens.person_flows import delete_person, edit_person, report, report_failed_worker
from screens.widgets.read_only_banner import ReadOnlyBanner

NOT_RECORDED = Text("not recorded", style="dim")


def describe_consent(consent: Consent) -> Text:
    """ "Given on Mon 05 Jan 2026 (consent), expires …", or "Not given"."""
    if not consent.given:
        return Text("Not given")
    text = Text("Given")
    text.append(f" on {optional_date(consent.on)}" if consent.on else " (date not recorded)")
    if consent.basis is not None:
        text.append(f"; basis: {consent.basis.value.replace('_', ' ')}")
    if consent.source:
        text.append(f"; source: {consent.source}")
    if consent.expires is not None:
        text.append(f"; expires {optional_date(consent.expires)}")
    return text


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
    row("Notes", person.notes)
    row("Private notes (yours alone)", person.private_notes)
    if person.is_saved:
        row("Added", optional_date(person.created.date()))
        row("Last changed", optional_date(person.updated.date()))
    return table


class PersonDetailScreen(Screen[bool]):
    """Dismisses with True when the person was changed or deleted, so the list reloads."""

    BINDINGS = [
        Binding("e", "edit_person", "Edit", id="detail.edit"),
        Binding("d", "delete_person", "Delete", id="detail.delete"),
        Binding("escape", "back", "Back", id="detail.back"),
    ]

    def __init__(self, repo: Repository, clock: Clock, person: Person) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.person = person
        self.changed = False

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with VerticalScroll(id="person-detail"):
            yield Static(id="person-name")
            yield Static(id="person-fields")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Person"
        self.show_person()
        self.query_one("#person-detail").focus()

    def show_person(self) -> None:
        try:
            institutions = {i.id: i for i in self.repo.list(Institution)}
            profile = self.repo.profile()
        except OrganiserError as error:
            report(self, error, "Cannot show everything")
            institutions, profile = {}, None
        self.sub_title = self.person.name
        self.query_one("#person-name", Static).update(Text(self.person.name, style="bold"))
        self.query_one("#person-fields", Static).update(
            person_table(self.person, institutions, profile)
        )

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

    def action_back(self) -> None:
        self.dismiss(self.changed)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
