"""Nominated, not yet trained: everyone nominated or confirmed for a training who has
completed none, those whose session passed without them first (to nominate again).

Opened from the Training screen (`N`); `enter` opens the session with them chosen.
The rule is organiser/training_ladder.py `nominated_not_trained`.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Person, Profile, TrainingSession
from organiser.models.base import optional_date
from organiser.repository import Repository
from organiser.training_ladder import Awaiting, nominated_not_trained
from organiser.trainings import STATUS_LABELS
from screens.feedback import report
from screens.training_detail import TrainingDetailScreen
from screens.training_moves import stage_name

#: Each column and its width: fits 120 columns.
COLUMNS = (
    ("Person", 20),
    ("Ladder stage", 16),
    ("Training", 22),
    ("Day", 15),
    ("Place", 17),
    ("Nominated on", 15),
)


class AwaitingTrainingScreen(Screen[None]):
    """The list, read afresh each time it is shown."""

    DEFAULT_CSS = """
    #awaiting-count { padding: 0 1; margin-bottom: 1; }
    """

    BINDINGS = [
        Binding("enter", "open_session", "Open the training", id="awaiting.open"),
        Binding("escape", "back", "Back", id="awaiting.back"),
    ]

    def __init__(self, repo: Repository, clock: Clock) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.waiting: list[Awaiting] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="awaiting-count")
        yield DataTable[Text](id="awaiting-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Nominated, not yet trained"
        table = self.query_one(DataTable)
        for label, width in COLUMNS:
            table.add_column(label, width=width, key=label)
        self.load()
        table.focus()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.load()

    def load(self) -> None:
        try:
            people = {p.id: p for p in self.repo.list(Person)}
            found = self.repo.list(TrainingSession)
            profile = self.repo.profile()
        except OrganiserError as error:
            report(self, error, "Cannot read the trainings")
            return
        self.waiting = nominated_not_trained(found, people, self.clock.today(), self.clock.tz)
        self._show(profile)

    def _show(self, profile: Profile | None) -> None:
        missed = sum(1 for a in self.waiting if a.missed)
        if not self.waiting:
            line = "Everyone nominated for training has been trained."
        else:
            who = "1 person" if len(self.waiting) == 1 else f"{len(self.waiting):,} people"
            line = f"{who} nominated and not yet trained"
            if missed:
                line += f"; {missed:,} whose training passed without them (nominate them again)"
        self.query_one("#awaiting-count", Static).update(Text(line))
        table = self.query_one(DataTable)
        table.clear()
        zone = self.clock.tz
        for waiting in self.waiting:
            late = "yellow" if waiting.missed else ""
            place = STATUS_LABELS[waiting.status] + (", missed" if waiting.missed else "")
            table.add_row(
                Text(waiting.person.name),
                Text(stage_name(profile, waiting.person.ladder_stage)),
                Text(waiting.session.name),
                Text(f"{waiting.session.starts.astimezone(zone):%a %d %b %Y}", style=late),
                Text(place, style=late),
                Text(optional_date(waiting.nominated_on)),
                key=waiting.person.id,
            )

    @property
    def current(self) -> Awaiting | None:
        table = self.query_one(DataTable)
        if not self.waiting or table.cursor_row >= len(self.waiting):
            return None
        return self.waiting[table.cursor_row]

    @on(DataTable.RowSelected, "#awaiting-table")
    def _row_chosen(self) -> None:
        self.action_open_session()

    def action_open_session(self) -> None:
        chosen = self.current
        if chosen is None:
            self.notify("No one is waiting for training.", severity="warning")
            return
        self.app.push_screen(
            TrainingDetailScreen(self.repo, self.clock, chosen.session, person_id=chosen.person.id)
        )

    def action_back(self) -> None:
        self.dismiss(None)
