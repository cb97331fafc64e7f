"""Every 1-2-1, newest first, narrowed by person, institution, period, potential and status."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Select, Static
from textual.worker import Worker

from organiser.clock import Clock
from organiser.dates import parse_day
from organiser.errors import OrganiserError
from organiser.lookup import fold
from organiser.metrics import one_to_one_rate
from organiser.models import Institution, OneToOneStatus, Person, Profile, RelationalMeeting
from organiser.one_to_ones import (
    STATUS_LABELS,
    OneToOneFilter,
    OneToOneFinder,
    listing_period,
)
from organiser.periods import Period, PeriodKind
from organiser.repository import Repository
from screens.list_reads import Freshness, OneToOnesRead, read_one_to_ones
from screens.one_to_one_detail import OneToOneDetailScreen
from screens.one_to_one_flows import (
    cancel_one_to_one,
    delete_one_to_one,
    edit_one_to_one,
    log_one_to_one,
    mark_held,
    tick_follow_up,
)
from screens.person_flows import report, report_failed_worker
from screens.widgets.field_error import FieldError
from screens.widgets.nav_bar import NavBar
from screens.widgets.one_to_one_table import LIST_COLUMNS, OneToOneTable, list_row
from screens.widgets.read_only_banner import ReadOnlyBanner
from screens.widgets.windowed_table import Row

ALL = "all"
PERIODS: list[tuple[Text, str]] = [
    (Text("All dates"), ALL),
    *((Text(kind.label), kind.value) for kind in PeriodKind if kind is not PeriodKind.CUSTOM),
    (Text("From … to …"), PeriodKind.CUSTOM.value),
]
POTENTIALS: list[tuple[Text, int]] = [
    (Text(f"Potential {n}" if n == 5 else f"Potential {n}+"), n) for n in range(1, 6)
]
STATUSES: list[tuple[Text, OneToOneStatus]] = [
    (Text(label), status) for status, label in STATUS_LABELS.items()
]


def count_line(shown: int, total: int, filtering: bool) -> str:
    """ "124 1-2-1s", "3 of 124 1-2-1s", "No 1-2-1s yet: l logs one"."""
    if total == 0:
        return "No 1-2-1s yet: l logs one"
    if not filtering:
        return "1 1-2-1" if total == 1 else f"{total:,} 1-2-1s"
    if shown == 0:
        return f"None of {total:,} match"
    return f"{shown:,} of {total:,} 1-2-1s"


class OneToOnesScreen(Screen[None]):
    """Loaded once; each change of a filter narrows the list in memory and redraws the rows."""

    BINDINGS = [
        Binding(
            "slash", "focus_filters", "Filter", key_display="/", show=False, id="one-to-ones.filter"
        ),
        Binding("b", "book_one_to_one", "Book", id="one-to-ones.book"),
        Binding("enter", "open_one_to_one", "Open", key_display="enter", id="one-to-ones.open"),
        Binding("e", "edit_one_to_one", "Edit", id="one-to-ones.edit"),
        Binding("h", "mark_held", "Held", id="one-to-ones.held"),
        Binding("x", "cancel_one_to_one", "Cancel", id="one-to-ones.cancel"),
        Binding("f", "tick_follow_up", "Follow-up", id="one-to-ones.follow-up"),
        # Shown by help and the palette; the footer has no room left for them.
        Binding("d", "delete_one_to_one", "Delete", show=False, id="one-to-ones.delete"),
        Binding(
            "escape", "clear_filters", "Clear filters", show=False, id="one-to-ones.clear-filters"
        ),
    ]

    def __init__(self, repo: Repository, clock: Clock) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self._finder = OneToOneFinder([], {}, clock.tz)
        self._by_id: dict[str, RelationalMeeting] = {}
        self._people: dict[str, Person] = {}
        self._institutions: list[Institution] = []
        self._filter = OneToOneFilter()
        self._profile: Profile | None = None
        self._count_line = ""
        #: Whether the list has been filled once since the screen opened.
        self.loaded = False
        #: Whether a reading in a thread is on its way (the list shows the last one meanwhile).
        self.reading = False
        self._read_at: Freshness | None = None
        self._reads = 0  # which reading is the latest: an older one arriving late is dropped

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("one_to_ones")
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with Horizontal(id="one-to-ones-filters"):
            yield Input(placeholder="Person: part of a name  ( / )", id="filter-person",
                        compact=True)  # fmt: skip
            yield Select[str]([], prompt="Any institution", id="filter-institution", compact=True)
            yield Select(PERIODS, value=ALL, allow_blank=False, id="filter-period", compact=True)
            yield Select(POTENTIALS, prompt="Any potential", id="filter-potential", compact=True)
            yield Select(STATUSES, prompt="Any status", id="filter-status", compact=True)
        with Horizontal(id="one-to-ones-bar"):
            with Horizontal(id="custom-period"):
                yield Label("From", classes="filter-label")
                yield Input(placeholder="e.g. 1/9/2026", id="filter-from", compact=True)
                yield Label("to", classes="filter-label")
                yield Input(placeholder="e.g. today", id="filter-to", compact=True)
            yield FieldError(id="filter-period-error")
            yield Static(id="one-to-ones-count")
        yield Static(id="one-to-ones-rate")
        yield OneToOneTable(LIST_COLUMNS, id="one-to-ones-table")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "1-2-1s"
        self.query_one("#custom-period").display = False
        self.query_one("#one-to-ones-count", Static).update(Text("Loading…", style="dim"))
        self._read_in_thread()
        self.table.focus()
        self.app.mode_change_signal.subscribe(self, self._mode_changed)

    def _mode_changed(self, mode: str) -> None:
        """Back on this list from another mode, where 1-2-1s may have been logged: read
        them again if anything was saved since."""
        if self in self.app.screen_stack and not self._fresh().still(self._read_at):
            self._read_in_thread()

    def _fresh(self) -> Freshness:
        return Freshness.now(self.app, self.clock.today())

    def _read_in_thread(self) -> None:
        """Read thousands of 1-2-1s (checking each, and sorting them) off the main thread,
        so the screen paints and takes keys at once; the list is then made from them."""
        self._reads += 1
        self.reading = True
        self._read(self._reads, self._fresh())

    @work(thread=True, exclusive=True, group="one-to-ones-read", exit_on_error=False)
    def _read(self, number: int, fresh: Freshness) -> None:
        try:
            read = read_one_to_ones(self.repo, self.clock.tz)
        except OrganiserError as error:
            self.app.call_from_thread(self._read_failed, number, error)
            return
        self.app.call_from_thread(self._read_arrived, number, read, fresh)

    def _read_arrived(self, number: int, read: OneToOnesRead, fresh: Freshness) -> None:
        if number == self._reads:
            self._show_read(read, fresh)

    def _read_failed(self, number: int, error: OrganiserError) -> None:
        if number == self._reads:
            report(self, error, "Cannot load the 1-2-1s")
            self._show_read(None, None)

    @property
    def table(self) -> OneToOneTable:
        return self.query_one(OneToOneTable)

    # Loading and filtering ------------------------------------------------------------------

    def load(self) -> None:
        """Read every 1-2-1 from the repository now and show those the filters pick."""
        self._reads += 1  # a reading still in a thread is older than this one
        fresh = self._fresh()
        try:
            read: OneToOnesRead | None = read_one_to_ones(self.repo, self.clock.tz)
        except OrganiserError as error:
            report(self, error, "Cannot load the 1-2-1s")
            read = None
        self._show_read(read, fresh if read else None)

    def _show_read(self, read: OneToOnesRead | None, fresh: Freshness | None) -> None:
        """Show what was read (nothing if it could not be)."""
        self.reading = False
        self._read_at = fresh
        profile = read.profile if read else None
        self.sub_title = profile.alliance_name if profile else ""
        self._profile = profile
        institutions = read.institutions if read else []
        self._set_institutions(institutions)
        self._people = read.people if read else {}
        self._finder = read.finder if read else OneToOneFinder([], {}, self.clock.tz)
        self._by_id = read.by_id if read else {}
        today, zone = self.clock.today(), self.clock.tz
        by_id = {i.id: i for i in institutions}
        meetings_by_id, people = self._by_id, self._people

        def row(meeting_id: str) -> Row:
            meeting = meetings_by_id[meeting_id]
            return list_row(meeting, people.get(meeting.person_id), by_id, today, zone)

        self.table.load(meetings_by_id.keys(), row)
        self.apply_filters()
        self.loaded = True

    def _set_institutions(self, institutions: list[Institution]) -> None:
        chosen = sorted(institutions, key=lambda i: fold(i.name))
        if [(i.id, i.name) for i in chosen] == [(i.id, i.name) for i in self._institutions]:
            return
        self._institutions = chosen
        select = self.query_one("#filter-institution", Select)
        keep = select.value
        with select.prevent(Select.Changed):
            select.set_options([(Text(i.name), i.id) for i in chosen])
            if isinstance(keep, str) and keep in {i.id for i in chosen}:
                select.value = keep

    def _read_filters(self) -> tuple[OneToOneFilter, str]:
        """The filter the controls ask for, and what is wrong with a custom period ("" if
        nothing is)."""
        today = self.clock.today()
        institution = self.query_one("#filter-institution", Select).value
        potential = self.query_one("#filter-potential", Select).value
        status = self.query_one("#filter-status", Select).value
        period = self.query_one("#filter-period", Select).value
        since: date | None = None
        until: date | None = None
        problem = ""
        if period == PeriodKind.CUSTOM.value:
            for name, box in (("From", "#filter-from"), ("To", "#filter-to")):
                text = self.query_one(box, Input).value
                if not text.strip():
                    continue
                try:
                    day = parse_day(text, today)
                except ValueError as error:
                    problem = problem or f"{name}: {error}"
                    continue
                if name == "From":
                    since = day
                else:
                    until = day
        elif isinstance(period, str) and period != ALL:
            named = listing_period(PeriodKind(period), today)
            since, until = named.start, named.end
        wanted = OneToOneFilter(
            person=self.query_one("#filter-person", Input).value,
            institution_id=institution if isinstance(institution, str) else None,
            since=since,
            until=until,
            min_potential=potential if isinstance(potential, int) else None,
            status=status if isinstance(status, OneToOneStatus) else None,
        )
        return wanted, problem

    def apply_filters(self) -> None:
        wanted, problem = self._read_filters()
        self._filter = wanted
        self.query_one("#filter-period-error", FieldError).show(problem)
        matches = self._finder.matching(wanted)
        self.table.show(tuple(m.id for m in matches))
        self._count_line = count_line(len(matches), len(self._finder), not wanted.is_blank)
        self._show_count()
        self._show_rate(wanted)

    def _show_count(self) -> None:
        """The count line, and while only some rows are shown, how many and what to do."""
        line = self._count_line
        shown = self.table.rows_shown
        if shown < len(self.table.shown_ids):
            line += f" · showing {shown:,}: filter to narrow"
        self.query_one("#one-to-ones-count", Static).update(Text(line))

    @on(DataTable.RowHighlighted, "#one-to-ones-table")
    def _row_highlighted(self) -> None:
        """Moving down the list adds rows as the end is reached: say how many there are."""
        self._show_count()

    def _show_rate(self, wanted: OneToOneFilter) -> None:
        """The organiser's 1-2-1 rate over the chosen period (up to today), all 1-2-1s counted."""
        today = self.clock.today()
        shown = ""
        profile = self._profile
        if profile is not None and wanted.since is not None and wanted.since <= today:
            until = min(wanted.until or today, today)
            rate = one_to_one_rate(self._by_id.values(), Period(wanted.since, until), profile)
            shown = (
                f"Your 1-2-1 rate {wanted.since:%d %b} to {until:%d %b %Y}: {rate.held} held over "
                f"{rate.working_days} working days = {rate.per_day:.1f} a day "
                f"(target {rate.target_per_day:g})"
            )
        self.query_one("#one-to-ones-rate", Static).update(Text(shown))

    @property
    def shown(self) -> list[RelationalMeeting]:
        return [self._by_id[i] for i in self.table.shown_ids]

    @on(Input.Changed, "#filter-person, #filter-from, #filter-to")
    @on(Select.Changed, "#filter-institution, #filter-potential, #filter-status")
    def _filter_changed(self) -> None:
        self.apply_filters()

    @on(Select.Changed, "#filter-period")
    def _period_changed(self, event: Select.Changed) -> None:
        custom = event.value == PeriodKind.CUSTOM.value
        self.query_one("#custom-period").display = custom
        self.apply_filters()

    @on(Input.Submitted, "#filter-person, #filter-from, #filter-to")
    def _filter_done(self) -> None:
        self.table.focus()

    def action_focus_filters(self) -> None:
        self.query_one("#filter-person", Input).focus()

    def action_clear_filters(self) -> None:
        for box in ("#filter-person", "#filter-from", "#filter-to"):
            self.query_one(box, Input).value = ""
        for select_id in ("#filter-institution", "#filter-potential", "#filter-status"):
            self.query_one(select_id, Select).clear()
        self.query_one("#filter-period", Select).value = ALL
        self.table.focus()

    # Host for the `l` key (see screens.one_to_one_flows.OneToOneHost) ------------------------

    def one_to_one_person(self) -> Person | None:
        return None

    def one_to_ones_changed(self) -> None:
        self.load()

    # 1-2-1s --------------------------------------------------------------------------------

    @property
    def current(self) -> RelationalMeeting | None:
        """The 1-2-1 under the cursor."""
        meeting_id = self.table.current_id
        return None if meeting_id is None else self._by_id.get(meeting_id)

    def _current_or_say(self) -> RelationalMeeting | None:
        meeting = self.current
        if meeting is None:
            self.notify("No 1-2-1 is selected.", severity="warning")
        return meeting

    def _saved(self, saved: RelationalMeeting | None) -> None:
        """Show what was saved, with the cursor on it (clearing filters that hide it)."""
        if saved is None:
            return
        self.load()
        if not self.table.go_to(saved.id):
            self.action_clear_filters()
            self.table.go_to(saved.id)
        self.table.focus()

    @on(DataTable.RowSelected)
    def _row_clicked(self) -> None:
        self.action_open_one_to_one()

    def action_open_one_to_one(self) -> None:
        meeting = self._current_or_say()
        if meeting is not None:
            self.app.push_screen(
                OneToOneDetailScreen(self.repo, self.clock, meeting), self._back_from_detail
            )

    def _back_from_detail(self, changed: bool | None) -> None:
        # None: the screen was closed from elsewhere (`o`), so it may have changed something.
        if changed is not False:
            self.load()

    @work(exclusive=True, group="one-to-one", exit_on_error=False)
    async def action_book_one_to_one(self) -> None:
        self._saved(await log_one_to_one(self, self.repo, self.clock, book=True))

    @work(exclusive=True, group="one-to-one", exit_on_error=False)
    async def action_edit_one_to_one(self) -> None:
        meeting = self._current_or_say()
        if meeting is not None:
            self._saved(await edit_one_to_one(self, self.repo, self.clock, meeting))

    @work(exclusive=True, group="one-to-one", exit_on_error=False)
    async def action_mark_held(self) -> None:
        meeting = self._current_or_say()
        if meeting is not None:
            self._saved(await mark_held(self, self.repo, self.clock, meeting))

    @work(exclusive=True, group="one-to-one", exit_on_error=False)
    async def action_cancel_one_to_one(self) -> None:
        meeting = self._current_or_say()
        if meeting is not None:
            self._saved(await cancel_one_to_one(self, self.repo, self.clock, meeting))

    def action_tick_follow_up(self) -> None:
        meeting = self._current_or_say()
        if meeting is not None:
            self._saved(tick_follow_up(self, self.repo, self.clock, meeting))

    @work(exclusive=True, group="one-to-one", exit_on_error=False)
    async def action_delete_one_to_one(self) -> None:
        meeting = self._current_or_say()
        if meeting is not None and await delete_one_to_one(self, self.repo, self.clock, meeting):
            self.load()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
