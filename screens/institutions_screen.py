"""The member institutions, narrowed by kind, status, words typed, or renewals coming due."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Select, Static
from textual.worker import Worker

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.institution_health import institutions_at_risk
from organiser.institutions import (
    OVERDUE_SHOWN_DAYS,
    RENEWAL_WINDOW_DAYS,
    InstitutionFilter,
    filter_institutions,
    people_counts,
)
from organiser.models import (
    FundingSource,
    FundraisingItem,
    Institution,
    InstitutionKind,
    MembershipStatus,
    Person,
    Profile,
    RelationalMeeting,
)
from organiser.repository import Repository
from screens.institution_detail import InstitutionDetailScreen
from screens.institution_flows import delete_institution, edit_institution
from screens.person_flows import report, report_failed_worker
from screens.widgets.institution_table import AT_RISK_MARK, Counts, InstitutionTable
from screens.widgets.nav_bar import NavBar
from screens.widgets.read_only_banner import ReadOnlyBanner

RENEWALS_VIEW = (
    f"Renewals due in the next {RENEWAL_WINDOW_DAYS} days, and those up to "
    f"{OVERDUE_SHOWN_DAYS} days overdue, soonest first.  r shows them all again."
)


def count_line(shown: int, total: int, chosen: InstitutionFilter) -> str:
    """ "12 institutions", "3 of 12 match", "4 renewals due", "No institutions yet: n adds one"."""
    if total == 0:
        return "No institutions yet: n adds one"
    if chosen.renewals_only:
        if shown == 0:
            return "No renewals due"
        return "1 renewal due" if shown == 1 else f"{shown:,} renewals due"
    if not chosen.is_active:
        return "1 institution" if total == 1 else f"{total:,} institutions"
    if shown == 0:
        return f"None of {total:,} match"
    return f"{shown:,} of {total:,} match" + ("es" if shown == 1 else "")


class InstitutionsScreen(Screen[None]):
    """Every institution is loaded at once (an alliance has tens, not thousands); each change
    of filter narrows them in memory and redraws the rows."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", key_display="/", id="institutions.search"),
        Binding("n", "new_institution", "New", id="institutions.new"),
        Binding("e", "edit_institution", "Edit", id="institutions.edit"),
        Binding("enter", "open_institution", "Open", key_display="enter", id="institutions.open"),
        Binding("d", "delete_institution", "Delete", id="institutions.delete"),
        Binding("r", "toggle_renewals", "Renewals due", id="institutions.renewals"),
        Binding("escape", "clear_filters", "Clear", id="institutions.clear"),
    ]

    def __init__(self, repo: Repository, clock: Clock) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self._institutions: list[Institution] = []
        self._counts: dict[str, Counts] = {}
        self._renewals_only = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("institutions")
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with Horizontal(id="institutions-bar"):
            yield Input(placeholder="Search name, tag or notes  ( / )", id="institutions-search")
            yield Select(
                [(Text(kind.label), kind) for kind in InstitutionKind],
                prompt="Any kind",
                id="institutions-kind",
            )
            yield Select(
                [(Text(status.value.capitalize()), status) for status in MembershipStatus],
                prompt="Any status",
                id="institutions-status",
            )
            yield Static(id="institutions-count")
        yield Static(Text(RENEWALS_VIEW), id="institutions-view")
        yield InstitutionTable(id="institutions-table")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Institutions"
        self.load()
        self.table.focus()

    @property
    def table(self) -> InstitutionTable:
        return self.query_one(InstitutionTable)

    @property
    def chosen(self) -> InstitutionFilter:
        """The filter as the bar and the renewals key have set it."""
        kind = self.query_one("#institutions-kind", Select).value
        status = self.query_one("#institutions-status", Select).value
        return InstitutionFilter(
            kind=kind if isinstance(kind, InstitutionKind) else None,
            status=status if isinstance(status, MembershipStatus) else None,
            text=self.query_one("#institutions-search", Input).value,
            renewals_only=self._renewals_only,
        )

    def load(self) -> None:
        """Read the institutions and their people from the repository, and show them."""
        try:
            institutions = self.repo.list(Institution)
            people = self.repo.list(Person)
            profile = self.repo.profile()
            risks = institutions_at_risk(
                institutions,
                people,
                lambda: self.repo.list(RelationalMeeting),
                self.repo.list(FundraisingItem, {"source": FundingSource.MEMBER_DUES.value}),
                profile or Profile(organiser_name="Organiser"),
                self.clock.today(),
            )
        except OrganiserError as error:
            report(self, error, "Cannot load institutions")
            institutions, people, profile, risks = [], [], None, []
        self.sub_title = profile.alliance_name if profile else ""
        counts = people_counts(people)
        known = {p.id for p in people}
        reasons = {r.institution.id: r.reason for r in risks}
        self._institutions = institutions
        self._counts = {
            i.id: Counts(
                counts[i.id],
                sum(1 for p in i.core_team_ids if p in known),
                reasons.get(i.id, ""),
            )
            for i in institutions
        }
        self.refilter()

    def refilter(self) -> None:
        chosen = self.chosen
        shown = filter_institutions(self._institutions, chosen, self.clock.today())
        self.table.show(shown, self._counts, self.clock.today())
        line = count_line(len(shown), len(self._institutions), chosen)
        at_risk = sum(1 for c in self._counts.values() if c.at_risk)
        if at_risk:
            line += f"\n{AT_RISK_MARK}{at_risk:,} at risk"
        self.query_one("#institutions-count", Static).update(Text(line))
        self.query_one("#institutions-view").display = self._renewals_only

    @property
    def current(self) -> Institution | None:
        """The institution under the cursor."""
        chosen = self.table.current_id
        return next((i for i in self._institutions if i.id == chosen), None)

    def _current_or_say(self) -> Institution | None:
        institution = self.current
        if institution is None:
            self.notify("No institution is selected.", severity="warning")
        return institution

    # Filters -------------------------------------------------------------------------------

    @on(Input.Changed, "#institutions-search")
    @on(Select.Changed, "#institutions-kind")
    @on(Select.Changed, "#institutions-status")
    def _filter_changed(self) -> None:
        self.refilter()

    @on(Input.Submitted, "#institutions-search")
    def _search_done(self) -> None:
        self.table.focus()

    def action_focus_search(self) -> None:
        self.query_one("#institutions-search", Input).focus()

    def action_toggle_renewals(self) -> None:
        self._renewals_only = not self._renewals_only
        self.refilter()
        if self._renewals_only and self.table.shown_ids:
            self.table.move_cursor(row=0, animate=False)  # the soonest

    def action_clear_filters(self) -> None:
        """Back to every institution: no words, any kind, any status, not only renewals."""
        with self.prevent(Input.Changed, Select.Changed):
            self.query_one("#institutions-search", Input).value = ""
            self.query_one("#institutions-kind", Select).clear()
            self.query_one("#institutions-status", Select).clear()
        self._renewals_only = False
        self.refilter()
        self.table.focus()

    # Institutions --------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#institutions-table")
    def _row_clicked(self) -> None:
        self.action_open_institution()

    def action_open_institution(self) -> None:
        institution = self._current_or_say()
        if institution is not None:
            self.app.push_screen(InstitutionDetailScreen(self.repo, self.clock, institution))

    def on_screen_resume(self) -> None:
        """Back from an institution, a person or another part of the app, any of which may
        have changed who belongs where: read everything again (it is quick)."""
        if self.is_mounted:
            self.load()

    @work(exclusive=True, group="institution", exit_on_error=False)
    async def action_new_institution(self) -> None:
        saved = await edit_institution(self, self.repo, self.clock, None)
        if saved is not None:
            self._saved(saved)

    @work(exclusive=True, group="institution", exit_on_error=False)
    async def action_edit_institution(self) -> None:
        institution = self._current_or_say()
        if institution is None:
            return
        saved = await edit_institution(self, self.repo, self.clock, institution)
        if saved is not None:
            self._saved(saved)

    @work(exclusive=True, group="institution", exit_on_error=False)
    async def action_delete_institution(self) -> None:
        institution = self._current_or_say()
        if institution is None:
            return
        await delete_institution(self, self.repo, institution)
        self.load()  # its people's memberships may have changed even if it could not go
        self.table.focus()

    def _saved(self, institution: Institution) -> None:
        """Show an institution just saved, clearing the filters if they hide it."""
        self.load()
        if not self.table.go_to(institution.id):
            self.action_clear_filters()
            self.table.go_to(institution.id)
        self.table.focus()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
