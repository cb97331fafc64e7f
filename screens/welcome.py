"""The first run: load the demo alliance to look around, or set up your own."""

from __future__ import annotations

from pydantic import ValidationError
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Header, Input, Label, Static
from textual.worker import Worker, WorkerState

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Profile
from organiser.models.profile import WEEKDAY_NAMES
from organiser.repository import Repository
from organiser.validation import field_messages
from screens.feedback import refuse_if_read_only, report
from screens.widgets.field_error import FieldError
from screens.widgets.read_only_banner import ReadOnlyBanner

#: Where a file database keeps things; a team database says where it keeps them itself.
ON_THIS_COMPUTER = "on this computer, readable by you alone"
INTRO = (
    "Organiser keeps your 1-2-1s, leaders, institutions and campaigns {kept}. "
    "Set it up for your own alliance, or load a made-up one to look around. "
    "Moving from another computer? Restore your backup with ctrl+r."
)
DEMO = (
    "A made-up alliance of schools, congregations, union branches and community groups, "
    "with their people, 1-2-1s, leaders, campaigns and actions. Every name in it is invented. "
    "Good for trying things out; use a separate database for real work."
)
LABELS = {
    "organiser_name": "Your name",
    "alliance_name": "Alliance name",
    "working_days": "Working days:",
}


def load_demo_alliance(repo: Repository, clock: Clock) -> int:
    """Build the demo alliance and save it as one change; the number of records saved."""
    from organiser.demo import build_demo

    demo = build_demo(clock.today(), tz=clock.tz)
    repo.save_all(demo.records)
    return len(demo.records)


class WelcomeScreen(Screen[None]):
    """Dismissed once the database has a profile, either the demo's or the organiser's own."""

    BINDINGS = [
        Binding("ctrl+s", "start_fresh", "Start", id="welcome.start"),
        Binding("ctrl+l", "load_demo", "Load the demo", id="welcome.demo"),
        Binding("ctrl+r", "app.transfer", "Restore a backup", id="welcome.restore"),
    ]

    def __init__(self, repo: Repository, clock: Clock, kept: str = ON_THIS_COMPUTER) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.kept = kept

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with VerticalScroll(id="welcome"):
            yield Static(Text("Welcome to Organiser", style="bold"), classes="welcome-title")
            yield Static(INTRO.format(kept=self.kept), classes="welcome-intro", markup=False)
            with Horizontal(id="welcome-choices"):
                with Vertical(id="start-fresh", classes="card"):
                    yield Static("Start fresh", classes="card-title", markup=False)
                    yield Label("Your name", classes="field-label")
                    yield Input(id="organiser-name", placeholder="e.g. Jo Bloggs")
                    yield FieldError(id="organiser-name-error")
                    yield Label("Alliance name (optional)", classes="field-label")
                    yield Input(id="alliance-name", placeholder="e.g. Leicester Citizens")
                    yield FieldError(id="alliance-name-error")
                    yield Label("The days you work", classes="field-label")
                    with Horizontal(id="working-days"):
                        for number, name in enumerate(WEEKDAY_NAMES):
                            yield Checkbox(name[:3], number < 5, id=f"day-{number}", compact=True)
                    yield FieldError(id="working-days-error")
                    yield Button("Start (ctrl+s)", id="start", variant="primary")
                with Vertical(id="try-demo", classes="card"):
                    yield Static("Look around first", classes="card-title", markup=False)
                    yield Static(DEMO, markup=False)
                    yield Button("Load the demo alliance (ctrl+l)", id="load-demo")
                    yield Static("", id="demo-status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Welcome"
        self.query_one("#organiser-name", Input).focus()

    @property
    def working_days(self) -> list[int]:
        return [n for n in range(7) if self.query_one(f"#day-{n}", Checkbox).value]

    @on(Input.Submitted)
    @on(Button.Pressed, "#start")
    def action_start_fresh(self) -> None:
        if refuse_if_read_only(self, self.repo):
            return
        try:
            profile = Profile(
                organiser_name=self.query_one("#organiser-name", Input).value,
                alliance_name=self.query_one("#alliance-name", Input).value,
                working_days=self.working_days,
                timezone=self.clock.tz.key,
            )
        except ValidationError as error:
            self._show_errors(field_messages(error))
            return
        self._show_errors({})
        try:
            self.repo.save(profile)
        except OrganiserError as error:
            report(self, error)
            return
        self.dismiss(None)

    def _show_errors(self, messages: dict[str, str]) -> None:
        for field, label in LABELS.items():
            message = messages.get(field, "")
            error = self.query_one(f"#{field.replace('_', '-')}-error", FieldError)
            error.show(f"{label} {message}" if message else "")
        if "organiser_name" in messages:
            self.query_one("#organiser-name", Input).focus()

    @on(Button.Pressed, "#load-demo")
    def action_load_demo(self) -> None:
        if refuse_if_read_only(self, self.repo):
            return
        for button in self.query(Button):
            button.disabled = True
        status = self.query_one("#demo-status", Static)
        status.update("Making the demo alliance; this takes a few seconds…")
        self._load_demo()

    @work(thread=True, exclusive=True, group="demo", exit_on_error=False)
    def _load_demo(self) -> int:
        return load_demo_alliance(self.repo, self.clock)

    @on(Worker.StateChanged)
    def _demo_finished(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "demo":
            return
        event.stop()
        if event.state == WorkerState.SUCCESS:
            self.notify(f"Loaded the demo alliance: {event.worker.result:,} records.")
            self.dismiss(None)
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            for button in self.query(Button):
                button.disabled = False
            self.query_one("#demo-status", Static).update("")
            error = event.worker.error
            if isinstance(error, ImportError):
                self.notify(
                    "The demo alliance is not part of this version.",
                    severity="error",
                    markup=False,
                )
            elif error is not None:
                report(self, error, "The demo alliance was not loaded")
