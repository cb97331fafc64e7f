"""The retention sweep: people with no activity for the retention period, longest quiet first,
to open, keep (reviewed today: off the sweep for another period) or erase; below, the audit
trail of erasures (when and why, never who)."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker

from organiser.clock import Clock
from organiser.consent import lapsed
from organiser.errors import OrganiserError
from organiser.models import AuditEntry, Person, Profile
from organiser.models.base import optional_date
from organiser.models.people import DEFAULT_STAGE_NAMES
from organiser.repository import Repository
from organiser.retention import Dormant, keep, months_before, read_sweep
from screens.erasure_flows import erase_person
from screens.person_detail import PersonDetailScreen
from screens.person_flows import refuse_if_read_only, report, report_failed_worker
from screens.retention_months import MonthsDialog
from screens.widgets.action_table import KeyedTable, cell
from screens.widgets.read_only_banner import ReadOnlyBanner

DEFAULT_MONTHS = Profile.model_fields["retention_months"].default


def intro(months: int, since: str, count: int) -> Text:
    """ "3 people with no activity for 24 months (since Sat 23 Nov 2024) …" """
    who = (
        "No one has" if count == 0 else ("1 person has" if count == 1 else f"{count:,} people have")
    )
    return Text(
        f"{who} had no activity for {months} months (since {since}): no 1-2-1, ladder move, "
        "training, meeting, conversation, action or change to their record. Longest quiet "
        "first. k keeps someone (reviewed today), E erases them, m changes the period."
    )


QUIET_COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("Name", 34),
    ("Last activity", 16),
    ("What it was", 28),
    ("Ladder stage", 18),
    ("Consent", 8),
)
AUDIT_COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("When", 21),
    ("What", 15),
    ("Why", 34),
    ("Records", 20),
    ("Mentions", 18),
)


def audit_row(entry: AuditEntry, zone: ZoneInfo) -> list[Text]:
    return [
        cell(f"{entry.at.astimezone(zone):%a %d %b %Y %H:%M}"),
        cell(entry.event.label),
        cell(entry.reason),
        cell(f"{entry.changed:,} changed, {entry.deleted:,} deleted"),
        cell(f"{entry.replaced:,} replaced, {entry.skipped:,} kept"),
    ]


class RetentionScreen(Screen[bool]):
    """Dismisses with True when anyone was kept or erased, so the People list reloads."""

    CSS_PATH = "data_protection.tcss"
    BINDINGS = [
        Binding("enter", "open_person", "Open", id="retention.open"),
        Binding("k", "keep", "Keep", id="retention.keep"),
        Binding("E", "erase", "Erase", id="retention.erase"),
        Binding("m", "months", "Change the period", id="retention.months"),
        Binding("escape", "back", "Back", id="retention.back"),
    ]

    def __init__(self, repo: Repository, clock: Clock) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.changed = False
        self._profile: Profile | None = None
        self._quiet: list[Dormant] = []

    @property
    def months(self) -> int:
        return self._profile.retention_months if self._profile else DEFAULT_MONTHS

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        yield Static(id="retention-intro")
        yield KeyedTable(QUIET_COLUMNS, id="retention-table")
        yield Static(Text("Erasures (the audit trail)", style="bold"), id="audit-title")
        yield KeyedTable(AUDIT_COLUMNS, id="audit-table")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Retention review"
        self.load()
        self.query_one("#retention-table", KeyedTable).focus()

    def load(self) -> None:
        today = self.clock.today()
        try:
            self._profile = self.repo.profile()
            self._quiet = read_sweep(self.repo, today, self.months, self.clock.tz)
            audit = sorted(self.repo.list(AuditEntry), key=lambda e: e.at, reverse=True)
        except OrganiserError as error:
            report(self, error, "Cannot read the records")
            self._quiet, audit = [], []
        since = optional_date(months_before(today, self.months))
        self.query_one("#retention-intro", Static).update(
            intro(self.months, since, len(self._quiet))
        )
        self.query_one("#retention-table", KeyedTable).show(
            [(d.person.id, self._row(d, today)) for d in self._quiet]
        )
        self.query_one("#audit-table", KeyedTable).show(
            [(e.id, audit_row(e, self.clock.tz)) for e in audit]
        )

    def _row(self, dormant: Dormant, today: date) -> list[Text]:
        person = dormant.person
        stage = person.ladder_stage
        return [
            cell(person.name),
            cell(optional_date(dormant.last.on)),
            cell(dormant.last.what),
            cell(self._profile.stage_name(stage) if self._profile else DEFAULT_STAGE_NAMES[stage]),
            Text("lapsed", "bold red") if lapsed(person, today) else cell(""),
        ]

    @property
    def current(self) -> Person | None:
        chosen = self.query_one("#retention-table", KeyedTable).current_id
        return next((d.person for d in self._quiet if d.person.id == chosen), None)

    def _current_or_say(self) -> Person | None:
        person = self.current
        if person is None:
            self.notify("No one is listed.", severity="warning")
        return person

    @on(DataTable.RowSelected, "#retention-table")
    def _row_chosen(self) -> None:
        self.action_open_person()

    def action_open_person(self) -> None:
        person = self._current_or_say()
        if person is not None:
            self.app.push_screen(PersonDetailScreen(self.repo, self.clock, person), self._back)

    def _back(self, changed: bool | None) -> None:
        if changed is not False:
            self.changed = True
            self.load()

    def action_keep(self) -> None:
        person = self._current_or_say()
        if person is None or refuse_if_read_only(self, self.repo):
            return
        today = self.clock.today()
        try:
            self.repo.save(keep(person, today))
        except OrganiserError as error:
            report(self, error, "Not kept")
            return
        self.changed = True
        self.notify(
            f"Kept {person.name}: reviewed today, off this list for {self.months} months.",
            markup=False,
        )
        self.load()

    @work(exclusive=True, group="erase", exit_on_error=False)
    async def action_erase(self) -> None:
        person = self._current_or_say()
        if person is None:
            return
        row = next(d for d in self._quiet if d.person.id == person.id)
        reason = f"Retention review: no activity since {row.last.on:%B %Y}"
        if await erase_person(self, self.repo, self.clock, person, reason):
            self.changed = True
            self.load()

    @work(exclusive=True, group="months", exit_on_error=False)
    async def action_months(self) -> None:
        if refuse_if_read_only(self, self.repo):
            return
        chosen = await self.app.push_screen_wait(MonthsDialog(self.months))
        if chosen is None or chosen == self.months:
            return
        try:
            profile = self.repo.profile()
            if profile is not None:
                self.repo.save(profile.evolve(retention_months=chosen))
        except OrganiserError as error:
            report(self, error, "Not saved")
            return
        self.load()

    def action_back(self) -> None:
        self.dismiss(self.changed)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
