"""Training sessions: the year's figures against targets, then every session, upcoming first."""

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
from organiser.models import Profile, TrainingSession
from organiser.repository import Repository
from organiser.training import training_targets
from organiser.trainings import in_list_order, is_upcoming
from screens.person_flows import report, report_failed_worker
from screens.training_detail import TrainingDetailScreen
from screens.training_flows import delete_training, edit_training
from screens.widgets.nav_bar import NavBar
from screens.widgets.read_only_banner import ReadOnlyBanner
from screens.widgets.training_figures import figures_text
from screens.widgets.training_table import TrainingTable


def count_line(sessions: list[TrainingSession], upcoming: int) -> str:
    if not sessions:
        return "No training sessions yet: n adds one"
    total = "1 session" if len(sessions) == 1 else f"{len(sessions):,} sessions"
    return f"{total}, {upcoming:,} coming up (listed first, soonest first; then the past)"


class TrainingScreen(Screen[None]):
    """Every session is loaded at once (tens a year); the figures are worked out afresh."""

    BINDINGS = [
        Binding("n", "new_training", "New", id="training.new"),
        Binding("e", "edit_training", "Edit", id="training.edit"),
        Binding("enter", "open_training", "Open", key_display="enter", id="training.open"),
        Binding("d", "delete_training", "Delete", id="training.delete"),
        Binding("N", "awaiting", "Not yet trained", id="training.awaiting"),
    ]

    def __init__(self, repo: Repository, clock: Clock) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self._sessions: list[TrainingSession] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("training")
        if self.repo.read_only:
            yield ReadOnlyBanner()
        yield Static(id="training-figures")
        yield Static(id="training-count")
        yield TrainingTable(id="training-table")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Training"
        self.load()
        self.table.focus()

    @property
    def table(self) -> TrainingTable:
        return self.query_one(TrainingTable)

    def load(self) -> None:
        """Read the sessions and the profile, and show the figures and the list."""
        try:
            sessions = self.repo.list(TrainingSession)
            profile = self.repo.profile() or Profile(organiser_name="Organiser")
        except OrganiserError as error:
            report(self, error, "Cannot load training sessions")
            sessions, profile = [], Profile(organiser_name="Organiser")
        today = self.clock.today()
        zone = self.clock.tz
        self.sub_title = profile.alliance_name
        self._sessions = in_list_order(sessions, today, zone)
        self.query_one("#training-figures", Static).update(
            figures_text(training_targets(sessions, profile, today), profile)
        )
        upcoming = sum(1 for s in sessions if is_upcoming(s, today, zone))
        self.query_one("#training-count", Static).update(Text(count_line(self._sessions, upcoming)))
        self.table.show(self._sessions, zone)

    @property
    def current(self) -> TrainingSession | None:
        chosen = self.table.current_id
        return next((s for s in self._sessions if s.id == chosen), None)

    def _current_or_say(self) -> TrainingSession | None:
        session = self.current
        if session is None:
            self.notify("No training session is selected.", severity="warning")
        return session

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.load()

    @on(DataTable.RowSelected, "#training-table")
    def _row_clicked(self) -> None:
        self.action_open_training()

    def action_open_training(self) -> None:
        session = self._current_or_say()
        if session is not None:
            self.app.push_screen(TrainingDetailScreen(self.repo, self.clock, session))

    @work(exclusive=True, group="training", exit_on_error=False)
    async def action_new_training(self) -> None:
        saved = await edit_training(self, self.repo, self.clock, None)
        if saved is not None:
            self._saved(saved)

    @work(exclusive=True, group="training", exit_on_error=False)
    async def action_edit_training(self) -> None:
        session = self._current_or_say()
        if session is None:
            return
        saved = await edit_training(self, self.repo, self.clock, session)
        if saved is not None:
            self._saved(saved)

    @work(exclusive=True, group="training", exit_on_error=False)
    async def action_delete_training(self) -> None:
        session = self._current_or_say()
        if session is None:
            return
        await delete_training(self, self.repo, session)
        self.load()
        self.table.focus()

    def action_awaiting(self) -> None:
        """Who is nominated and not yet trained (screens/awaiting_training.py)."""
        from screens.awaiting_training import AwaitingTrainingScreen

        self.app.push_screen(AwaitingTrainingScreen(self.repo, self.clock))

    def _saved(self, session: TrainingSession) -> None:
        self.load()
        self.table.go_to(session.id)
        self.table.focus()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
