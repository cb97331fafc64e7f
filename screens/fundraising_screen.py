"""Fundraising: the year's money against its target as figures and bars, then the year's
items, overdue invoices first. `[` and `]` change the year; `R` raises the year's dues from
every member institution; `T` sets the year's target."""

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
from organiser.fundraising import (
    SHOW_CHOICES,
    SHOW_LABELS,
    is_overdue,
    progress,
    target_for,
    year_items,
)
from organiser.models import FundingStatus, FundraisingItem, FundraisingTarget, Profile
from organiser.money import format_pounds
from organiser.repository import Repository
from screens.fundraising_detail import FundraisingItemScreen, move_bindings
from screens.fundraising_flows import (
    Names,
    delete_item,
    edit_item,
    move_item,
    raise_year_dues,
    set_year_target,
)
from screens.person_flows import report, report_failed_worker
from screens.widgets.fundraising_bars import FundraisingBars
from screens.widgets.fundraising_table import FundraisingTable, item_row
from screens.widgets.nav_bar import NavBar
from screens.widgets.read_only_banner import ReadOnlyBanner


def count_line(shown: list[FundraisingItem], of: int, year: int, show: str, overdue: int) -> str:
    if not of:
        return f"Nothing raised for {year} yet: n adds an item, R raises the members' dues"
    total = sum(i.amount_pence for i in shown)
    items = "1 item" if len(shown) == 1 else f"{len(shown):,} items"
    said = f"{year}: {items}, {format_pounds(total)}"
    if show != "all":
        said += f" (showing {SHOW_LABELS[show]}, {of:,} in all; f for more)"
    else:
        said += ", overdue first, then by status"
    if overdue:
        said += f" · {overdue:,} invoice{'' if overdue == 1 else 's'} overdue"
    return said + " · [ and ] other years"


class FundraisingScreen(Screen[None]):
    """Everything is read afresh on each change: a year holds tens of items, not thousands."""

    BINDINGS = [
        Binding("n", "new_item", "New", id="fundraising.new"),
        Binding("e", "edit_item", "Edit", id="fundraising.edit"),
        Binding("enter", "open_item", "Open", key_display="enter", show=False,
                id="fundraising.open"),
        Binding("d", "delete_item", "Delete", show=False, id="fundraising.delete"),
        *move_bindings("fundraising"),
        Binding("R", "raise_dues", "Raise dues", id="fundraising.raise-dues"),
        Binding("T", "set_target", "Set target", id="fundraising.target"),
        Binding("left_square_bracket", "year(-1)", "Previous year", key_display="[", show=False,
                id="fundraising.previous-year"),
        Binding("right_square_bracket", "year(1)", "Next year", key_display="]", show=False,
                id="fundraising.next-year"),
        Binding("f", "next_filter", "Filter by status", id="fundraising.filter"),
        Binding("escape", "show_all", "Show all", show=False, id="fundraising.show-all"),
    ]  # fmt: skip
    CSS_PATH = "fundraising.tcss"

    def __init__(self, repo: Repository, clock: Clock) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.year = clock.today().year
        self.showing = "all"
        self.names = Names({}, {})
        self._items: list[FundraisingItem] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("fundraising")
        if self.repo.read_only:
            yield ReadOnlyBanner()
        yield FundraisingBars(id="fundraising-bars")
        yield Static(id="fundraising-count")
        yield FundraisingTable(id="fundraising-table")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Fundraising"
        self.load()
        self.table.focus()

    @property
    def table(self) -> FundraisingTable:
        return self.query_one(FundraisingTable)

    def load(self) -> None:
        """Read the year's items, targets and names; show the progress and the list."""
        today = self.clock.today()
        try:
            every = self.repo.list(FundraisingItem)
            targets = self.repo.list(FundraisingTarget)
            profile = self.repo.profile() or Profile(organiser_name="Organiser")
            self.names = Names.read(self.repo)
        except OrganiserError as error:
            report(self, error, "Cannot load fundraising")
            every, targets, profile = [], [], Profile(organiser_name="Organiser")
        self.sub_title = f"{self.year}"
        target = target_for(self.year, targets, profile)
        self.query_one(FundraisingBars).show(progress(every, target), today)
        self._items = year_items(every, self.year, today, self.showing)
        year_count = sum(1 for i in every if i.year == self.year)
        overdue = sum(1 for i in every if i.year == self.year and is_overdue(i, today))
        self.query_one("#fundraising-count", Static).update(
            Text(count_line(self._items, year_count, self.year, self.showing, overdue))
        )
        self.table.show([(i.id, item_row(i, self.names.of(i), today)) for i in self._items])

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.load()

    def _current_or_say(self) -> FundraisingItem | None:
        chosen = self.table.current_id
        item = next((i for i in self._items if i.id == chosen), None)
        if item is None:
            self.notify("No item is selected.", severity="warning")
        return item

    def _saved(self, item: FundraisingItem | None) -> None:
        if item is None:
            return
        self.load()
        self.table.go_to(item.id)
        self.table.focus()

    # Keys ----------------------------------------------------------------------------------

    def action_year(self, step: int) -> None:
        self.year = min(2200, max(2000, self.year + step))
        self.load()

    def action_next_filter(self) -> None:
        self.showing = SHOW_CHOICES[(SHOW_CHOICES.index(self.showing) + 1) % len(SHOW_CHOICES)]
        self.load()

    def action_show_all(self) -> None:
        if self.showing != "all":
            self.showing = "all"
            self.load()

    @on(DataTable.RowSelected, "#fundraising-table")
    def _row_clicked(self) -> None:
        self.action_open_item()

    def action_open_item(self) -> None:
        item = self._current_or_say()
        if item is not None:
            self.app.push_screen(FundraisingItemScreen(self.repo, self.clock, item))

    @work(exclusive=True, group="fundraising", exit_on_error=False)
    async def action_new_item(self) -> None:
        self._saved(await edit_item(self, self.repo, self.clock, None, self.year))

    @work(exclusive=True, group="fundraising", exit_on_error=False)
    async def action_edit_item(self) -> None:
        item = self._current_or_say()
        if item is not None:
            self._saved(await edit_item(self, self.repo, self.clock, item, self.year))

    @work(exclusive=True, group="fundraising", exit_on_error=False)
    async def action_delete_item(self) -> None:
        item = self._current_or_say()
        if item is not None and await delete_item(self, self.repo, item, self.names.of(item)):
            self.load()
            self.table.focus()

    @work(exclusive=True, group="fundraising", exit_on_error=False)
    async def action_move(self, status: str) -> None:
        item = self._current_or_say()
        if item is None:
            return
        to = FundingStatus(status)
        self._saved(await move_item(self, self.repo, self.clock, item, to, self.names.of(item)))

    @work(exclusive=True, group="fundraising", exit_on_error=False)
    async def action_raise_dues(self) -> None:
        raised = await raise_year_dues(self, self.repo, self.year)
        if raised:
            self.showing = "all"
            self._saved(raised[0])

    @work(exclusive=True, group="fundraising", exit_on_error=False)
    async def action_set_target(self) -> None:
        if await set_year_target(self, self.repo, self.year) is not None:
            self.load()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
