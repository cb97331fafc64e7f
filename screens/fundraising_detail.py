"""One fundraising item: every field, and keys to move it on (ask, pledge, invoice, paid,
lost), edit it, delete it, or open the institution or person it comes from."""

from __future__ import annotations

from datetime import date

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
from organiser.fundraising import DUES_KIND_LABELS, SOURCE_LABELS, is_overdue
from organiser.models import FundingStatus, FundraisingItem
from organiser.models.base import optional_date
from organiser.money import format_pounds
from organiser.repository import Repository
from screens.fundraising_flows import Names, delete_item, edit_item, move_item
from screens.person_flows import report, report_failed_worker
from screens.widgets.read_only_banner import ReadOnlyBanner

NOT_RECORDED = Text("not recorded", style="dim")

#: The keys that move an item on, on this screen and the list: (key, status, label).
MOVES: tuple[tuple[str, FundingStatus, str], ...] = (
    ("A", FundingStatus.ASKED, "Mark asked"),
    ("G", FundingStatus.PLEDGED, "Mark pledged"),
    ("I", FundingStatus.INVOICED, "Invoice"),
    ("P", FundingStatus.PAID, "Mark paid"),
    ("X", FundingStatus.LOST, "Mark lost"),
)


def move_bindings(prefix: str, *, shown: frozenset[str] = frozenset("IP")) -> list[Binding]:
    """The move keys as bindings with ids under `prefix`; those in `shown` go in the footer."""
    return [
        Binding(key, f"move('{status.value}')", label, show=key in shown,
                id=f"{prefix}.{status.value}")
        for key, status, label in MOVES
    ]  # fmt: skip


def item_fields(item: FundraisingItem, names: Names, today: date) -> Table:
    """Every field as label and value; values are plain text, never markup."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(style="bold", width=20, no_wrap=True)
    table.add_column(ratio=1)

    def row(label: str, value: str | Text) -> None:
        shown = Text(value) if isinstance(value, str) else value
        table.add_row(Text(label), shown if shown.plain else NOT_RECORDED)

    institution = names.institutions.get(item.institution_id or "")
    person = names.people.get(item.person_id or "")
    status = Text(item.status.value)
    if is_overdue(item, today):
        status.append(f", overdue since {optional_date(item.due_on)}", style="bold red")
    row("Source", SOURCE_LABELS[item.source])
    row("From an institution", institution.name if institution else "")
    row("From a person", person.name if person else "")
    row("Money", "hard money" if item.hard_money else "soft money")
    row("Amount", format_pounds(item.amount_pence))
    row("Fundraising year", str(item.year))
    row("Status", status)
    if item.dues_kind is not None:
        row("Dues", DUES_KIND_LABELS[item.dues_kind])
    row("Expected on", optional_date(item.expected_on))
    row("Invoiced on", optional_date(item.invoiced_on))
    row("Due on", optional_date(item.due_on))
    row("Paid on", optional_date(item.paid_on))
    if item.status is FundingStatus.LOST or item.lost_reason:
        row("Why it was lost", item.lost_reason)
    row("Notes", item.notes)
    return table


class FundraisingItemScreen(Screen[bool]):
    """Dismisses with True when the item was changed or deleted, so the list reloads."""

    BINDINGS = [
        *move_bindings("fundraising-detail", shown=frozenset("AGIPX")),
        Binding("e", "edit_item", "Edit", id="fundraising-detail.edit"),
        Binding("d", "delete_item", "Delete", id="fundraising-detail.delete"),
        Binding("enter", "open_from", "Who from", key_display="enter",
                id="fundraising-detail.open-from"),
        Binding("escape", "back", "Back", id="fundraising-detail.back"),
    ]  # fmt: skip
    CSS_PATH = "fundraising.tcss"

    def __init__(self, repo: Repository, clock: Clock, item: FundraisingItem) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.item = item
        self.changed = False
        self.names = Names({}, {})

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with VerticalScroll(id="fundraising-detail"):
            yield Static(id="fundraising-heading")
            yield Static(id="fundraising-fields")
            yield Static(
                Text(
                    "A asked · G pledged · I invoiced (due in 30 days) · P paid today · "
                    "X lost (asks why) · e edits · enter opens who it is from"
                ),
                classes="hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Fundraising item"
        self.show_item()

    def show_item(self) -> None:
        try:
            self.names = Names.read(self.repo)
        except OrganiserError as error:
            report(self, error, "Cannot show everything")
        name = self.names.of(self.item)
        self.sub_title = name
        heading = Text(name, style="bold")
        if self.item.title and self.item.title != name:
            heading.append(f"  {self.item.title}", style="dim")
        self.query_one("#fundraising-heading", Static).update(heading)
        self.query_one("#fundraising-fields", Static).update(
            item_fields(self.item, self.names, self.clock.today())
        )

    def _replace(self, saved: FundraisingItem | None) -> None:
        if saved is not None:
            self.item = saved
            self.changed = True
            self.show_item()

    @work(exclusive=True, group="fundraising-item", exit_on_error=False)
    async def action_move(self, status: str) -> None:
        to = FundingStatus(status)
        self._replace(
            await move_item(self, self.repo, self.clock, self.item, to, self.names.of(self.item))
        )

    @work(exclusive=True, group="fundraising-item", exit_on_error=False)
    async def action_edit_item(self) -> None:
        self._replace(await edit_item(self, self.repo, self.clock, self.item, self.item.year))

    @work(exclusive=True, group="fundraising-item", exit_on_error=False)
    async def action_delete_item(self) -> None:
        if await delete_item(self, self.repo, self.item, self.names.of(self.item)):
            self.dismiss(True)

    def action_open_from(self) -> None:
        from screens.openers import open_record

        if self.item.institution_id in self.names.institutions:
            open_record(self, self.repo, self.clock, "institution", self.item.institution_id or "")
        elif self.item.person_id in self.names.people:
            open_record(self, self.repo, self.clock, "person", self.item.person_id or "")
        else:
            self.notify("It is not from an institution or person on record.", markup=False)

    def action_back(self) -> None:
        self.dismiss(self.changed)

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.show_item()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
