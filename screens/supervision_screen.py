"""Supervision: the organiser's reviews with their supervisor, the newest first."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import ReviewStatus, SupervisionReview
from organiser.repository import Repository
from organiser.supervision import in_list_order
from screens.person_flows import report, report_failed_worker
from screens.supervision_flows import delete_review, start_review
from screens.supervision_review import SupervisionReviewScreen
from screens.widgets.action_table import KeyedTable, cell
from screens.widgets.nav_bar import NavBar
from screens.widgets.read_only_banner import ReadOnlyBanner

COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("Date", 18),
    ("Supervisor", 28),
    ("Period", 30),
    ("Status", 10),
    ("Actions open", 12),
)


def review_row(review: SupervisionReview) -> list[Text]:
    still_open = sum(1 for a in review.agreed_actions if a.done_on is None)
    status = cell("Finished" if review.status is ReviewStatus.FINISHED else "Draft")
    if review.status is ReviewStatus.DRAFT:
        status.stylize("bold yellow")
    return [
        cell(f"{review.at:%a %d %b %Y}"),
        cell(review.supervisor),
        cell(f"{review.period_start:%d %b} to {review.period_end:%d %b %Y}"),
        status,
        cell(f"{still_open:,}" if still_open else "–", right=True),
    ]


class SupervisionScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_name("supervision.tcss")
    BINDINGS = [
        Binding("n", "new_review", "New review", id="supervision.new"),
        Binding("enter", "open_review", "Open", key_display="enter", id="supervision.open"),
        Binding("d", "delete_review", "Delete", id="supervision.delete"),
        Binding("T", "team_figures", "Team figures", id="supervision.team"),
    ]

    def __init__(self, repo: Repository, clock: Clock) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self._reviews: list[SupervisionReview] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("supervision")
        if self.repo.read_only:
            yield ReadOnlyBanner()
        yield Static(id="supervision-count")
        yield KeyedTable(COLUMNS, id="supervision-table")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Supervision"
        self.load()
        self.table.focus()

    @property
    def table(self) -> KeyedTable:
        return self.query_one("#supervision-table", KeyedTable)

    def load(self) -> None:
        try:
            reviews = self.repo.list(SupervisionReview)
        except OrganiserError as error:
            report(self, error, "Cannot load the reviews")
            reviews = []
        self._reviews = in_list_order(reviews)
        count = len(self._reviews)
        still_open = sum(
            1
            for r in self._reviews
            if r.status is ReviewStatus.FINISHED
            for a in r.agreed_actions
            if a.done_on is None
        )
        self.query_one("#supervision-count", Static).update(
            Text(
                "No supervision reviews yet: n starts one, filled in from your records"
                if not count
                else f"{count:,} review{'' if count == 1 else 's'}, newest first; "
                f"{still_open:,} agreed action{'' if still_open == 1 else 's'} still open"
            )
        )
        self.table.show([(r.id, review_row(r)) for r in self._reviews])

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.load()

    def _current_or_say(self) -> SupervisionReview | None:
        chosen = self.table.current_id
        review = next((r for r in self._reviews if r.id == chosen), None)
        if review is None:
            self.notify("No review is chosen: n starts one.", severity="warning", markup=False)
        return review

    @on(DataTable.RowSelected, "#supervision-table")
    def _row_clicked(self) -> None:
        self.action_open_review()

    def action_open_review(self) -> None:
        review = self._current_or_say()
        if review is not None:
            self.app.push_screen(SupervisionReviewScreen(self.repo, self.clock, review))

    def action_team_figures(self) -> None:
        """Every organiser's figures side by side are a supervisor's view: say how to open it."""
        self.notify(
            "Team figures open when a supervisor's login opens the team database: "
            "organiser team add-supervisor NAME gives one, which reads every organiser's "
            "1-2-1 figures and no notes.",
            title="Team figures",
            markup=False,
        )

    @work(exclusive=True, group="supervision", exit_on_error=False)
    async def action_new_review(self) -> None:
        saved = await start_review(self, self.repo, self.clock)
        if saved is not None:
            self.load()
            self.table.go_to(saved.id)
            await self.app.push_screen(SupervisionReviewScreen(self.repo, self.clock, saved))

    @work(exclusive=True, group="supervision", exit_on_error=False)
    async def action_delete_review(self) -> None:
        review = self._current_or_say()
        if review is not None and await delete_review(self, self.repo, review):
            self.load()
            self.table.focus()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
