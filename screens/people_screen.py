"""Everyone in the database, found as you type: by name, institution, email, phone or notes."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.worker import Worker

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Institution, LadderStage, Person, Profile
from organiser.models.people import DEFAULT_STAGE_NAMES
from organiser.people import PeopleFinder
from organiser.repository import Repository
from screens.list_reads import Freshness, PeopleRead, read_people
from screens.people_import import import_people
from screens.person_detail import PersonDetailScreen
from screens.person_flows import delete_person, edit_person, report, report_failed_worker
from screens.retention_screen import RetentionScreen
from screens.widgets.nav_bar import NavBar
from screens.widgets.people_table import PeopleTable
from screens.widgets.read_only_banner import ReadOnlyBanner


def count_line(
    shown: int, total: int, searching: bool, lapsed_only: bool = False, lapsed: int = 0
) -> str:
    """ "124 people", "1 person", "3 of 124 match", "No one matches"; with the lapsed
    filter, "3 of 124 with lapsed consent"; and how many have lapsed consent, if any."""
    if lapsed_only:
        if shown == 0:
            return f"No one of {total:,} has lapsed consent (C: all)"
        return f"{shown:,} of {total:,} with lapsed consent (C: all)"
    line = _count(shown, total, searching)
    return f"{line} · {lapsed:,} lapsed consent (C)" if lapsed else line


def _count(shown: int, total: int, searching: bool) -> str:
    if not searching:
        if total == 0:
            return "No people yet: n adds one"
        return "1 person" if total == 1 else f"{total:,} people"
    if shown == 0:
        return f"No one of {total:,} matches"
    return f"{shown:,} of {total:,} match" + ("es" if shown == 1 else "")


class PeopleScreen(Screen[None]):
    """The list is loaded once; each keystroke filters it in memory and redraws the rows."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", key_display="/", id="people.search"),
        Binding("n", "new_person", "New", id="people.new"),
        Binding("e", "edit_person", "Edit", id="people.edit"),
        Binding("enter", "open_person", "Open", key_display="enter", id="people.open"),
        Binding("d", "delete_person", "Delete", id="people.delete"),
        # The count line above the list shows C when anyone's consent has lapsed.
        Binding("C", "toggle_lapsed", "Lapsed consent", show=False, id="people.lapsed"),
        Binding("R", "retention", "Retention", show=False, id="people.retention"),
        Binding("I", "import_people", "Import", id="people.import"),
        Binding("escape", "clear_search", "Clear search", id="people.clear-search"),
    ]

    def __init__(self, repo: Repository, clock: Clock) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self._finder = PeopleFinder([], {})
        self._by_id: dict[str, Person] = {}
        self._institutions: dict[str, Institution] = {}
        self._profile: Profile | None = None
        self._lapsed: frozenset[str] = frozenset()
        self._lapsed_only = False
        self._count_line = ""
        #: Whether the list has been filled once since the screen opened.
        self.loaded = False
        #: Whether a reading in a thread is on its way (the list shows the last one meanwhile).
        self.reading = False
        self._read_at: Freshness | None = None
        self._reads = 0  # which reading is the latest: an older one arriving late is dropped

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("people")
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with Horizontal(id="people-bar"):
            yield Input(
                placeholder="Search by name, institution, email, phone or notes  ( / )",
                id="people-search",
            )
            yield Static(id="people-count")
        yield PeopleTable(id="people-table")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "People"
        self.query_one("#people-count", Static).update(Text("Loading…", style="dim"))
        self._read_in_thread()
        self.query_one(PeopleTable).focus()
        self.app.mode_change_signal.subscribe(self, self._mode_changed)

    def _mode_changed(self, mode: str) -> None:
        """Back on this list from another mode: read it again if anything was saved since."""
        if self in self.app.screen_stack and not self._fresh().still(self._read_at):
            self._read_in_thread()

    def _fresh(self) -> Freshness:
        return Freshness.now(self.app, self.clock.today())

    def _read_in_thread(self) -> None:
        """Read everyone (checking each record, and their 1-2-1s for lapsed consent) off the
        main thread, so the screen paints and takes keys at once; the list is then made from
        what was read."""
        self._reads += 1
        self.reading = True
        self._read(self._reads, self._fresh())

    @work(thread=True, exclusive=True, group="people-read", exit_on_error=False)
    def _read(self, number: int, fresh: Freshness) -> None:
        try:
            read = read_people(self.repo, fresh.day)
        except OrganiserError as error:
            self.app.call_from_thread(self._read_failed, number, error)
            return
        self.app.call_from_thread(self._read_arrived, number, read, fresh)

    def _read_arrived(self, number: int, read: PeopleRead, fresh: Freshness) -> None:
        if number == self._reads:
            self._show_read(read, fresh)

    def _read_failed(self, number: int, error: OrganiserError) -> None:
        if number == self._reads:
            report(self, error, "Cannot load people")
            self._show_read(None, None)

    @property
    def search_text(self) -> str:
        return self.query_one("#people-search", Input).value

    @property
    def table(self) -> PeopleTable:
        return self.query_one(PeopleTable)

    def load(self) -> None:
        """Read everyone from the repository now and show those the search finds."""
        self._reads += 1  # a reading still in a thread is older than this one
        fresh = self._fresh()
        try:
            read: PeopleRead | None = read_people(self.repo, fresh.day)
        except OrganiserError as error:
            report(self, error, "Cannot load people")
            read = None
        self._show_read(read, fresh if read else None)

    def _show_read(self, read: PeopleRead | None, fresh: Freshness | None) -> None:
        """Show what was read (nothing if it could not be)."""
        self.reading = False
        self._read_at = fresh
        self._institutions = read.institutions if read else {}
        self._profile = read.profile if read else None
        self._lapsed = read.lapsed if read else frozenset()
        self.sub_title = self._profile.alliance_name if self._profile else ""
        self._set_finder(read.finder if read else PeopleFinder([], {}))
        self.loaded = True

    def _stage_name(self, stage: LadderStage) -> str:
        return self._profile.stage_name(stage) if self._profile else DEFAULT_STAGE_NAMES[stage]

    def _set_people(self, people: list[Person]) -> None:
        self._set_finder(PeopleFinder(people, self._institutions))

    def _set_finder(self, finder: PeopleFinder) -> None:
        self._finder = finder
        people = finder.people
        self._by_id = {person.id: person for person in people}
        self.table.load_people(
            self._finder.people, self._institutions, self._stage_name, self._lapsed
        )
        self.filter(self.search_text)

    def _saved(self, person: Person) -> None:
        """Show a person just saved here, without reading everyone again."""
        self._set_people([*(p for p in self._finder.people if p.id != person.id), person])
        self._go_to(person)

    def _deleted(self, person: Person) -> None:
        self._set_people([p for p in self._finder.people if p.id != person.id])

    def filter(self, text: str) -> None:
        matches = self._finder.matching_ids(text)
        if self._lapsed_only:
            matches = tuple(i for i in matches if i in self._lapsed)
        self.table.show_ids(matches)
        self._count_line = count_line(
            len(matches),
            len(self._finder),
            bool(text.strip()),
            self._lapsed_only,
            len(self._lapsed),
        )
        self._show_count()

    def _show_count(self) -> None:
        """The count line, and while only some rows are shown, how many and what to do."""
        line = self._count_line
        shown = self.table.rows_shown
        if shown < len(self.table.shown_ids):
            line += f" · showing {shown:,}: type to narrow"
        self.query_one("#people-count", Static).update(Text(line))

    @on(DataTable.RowHighlighted, "#people-table")
    def _row_highlighted(self) -> None:
        """Moving down the list adds rows as the end is reached: say how many there are."""
        self._show_count()

    @property
    def current(self) -> Person | None:
        """The person under the cursor."""
        person_id = self.table.current_id
        return None if person_id is None else self._by_id.get(person_id)

    def _current_or_say(self) -> Person | None:
        person = self.current
        if person is None:
            self.notify("Nobody is selected.", severity="warning")
        return person

    # Searching -----------------------------------------------------------------------------

    @on(Input.Changed, "#people-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.filter(event.value)

    @on(Input.Submitted, "#people-search")
    def _search_done(self) -> None:
        self.table.focus()

    def action_focus_search(self) -> None:
        self.query_one("#people-search", Input).focus()

    def action_toggle_lapsed(self) -> None:
        """Show only the people whose consent has lapsed, or everyone again."""
        self._lapsed_only = not self._lapsed_only
        self.filter(self.search_text)
        self.table.focus()

    def action_retention(self) -> None:
        self.app.push_screen(RetentionScreen(self.repo, self.clock), self._back_from_detail)

    def action_clear_search(self) -> None:
        self.query_one("#people-search", Input).value = ""
        self.table.focus()

    # People --------------------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _row_clicked(self) -> None:
        self.action_open_person()

    def action_open_person(self) -> None:
        person = self._current_or_say()
        if person is not None:
            self.app.push_screen(
                PersonDetailScreen(self.repo, self.clock, person), self._back_from_detail
            )

    def _back_from_detail(self, changed: bool | None) -> None:
        # None: the screen was closed from elsewhere (`p`), so it may have changed something.
        if changed is not False:
            self.load()

    @work(exclusive=True, group="person", exit_on_error=False)
    async def action_import_people(self) -> None:
        """People from a CSV or vCard file, previewed first (screens/people_import.py)."""
        if await import_people(self, self.repo):
            self.load()

    @work(exclusive=True, group="person", exit_on_error=False)
    async def action_new_person(self) -> None:
        saved = await edit_person(self, self.repo, self.clock, None)
        if saved is not None:
            self._saved(saved)

    @work(exclusive=True, group="person", exit_on_error=False)
    async def action_edit_person(self) -> None:
        person = self._current_or_say()
        if person is None:
            return
        saved = await edit_person(self, self.repo, self.clock, person)
        if saved is not None:
            self._saved(saved)

    @work(exclusive=True, group="person", exit_on_error=False)
    async def action_delete_person(self) -> None:
        person = self._current_or_say()
        if person is not None and await delete_person(self, self.repo, person):
            self._deleted(person)

    def _go_to(self, person: Person) -> None:
        """Put the cursor on `person`, clearing the search if it hides them."""
        if person.id not in self.table.shown_ids:
            self._lapsed_only = False
            self.query_one("#people-search", Input).value = ""
            self.filter("")
        self.table.move_to(person.id)
        self.table.focus()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)

    def one_to_one_person(self) -> Person | None:
        """Logging from the list asks who the 1-2-1 was with."""
        return None

    def one_to_ones_changed(self) -> None:
        """A person may have been added while logging: show them."""
        self.load()
