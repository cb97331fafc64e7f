"""Quick capture in the app: one line, the same as `organiser add`, with what it will save
shown under it as it is typed.

    121 @Amina #stmarys 40m tension:"damp flats" next:"invite to training" due:fri

`person Sam Lee #stmarys phone:…` adds someone new. Enter saves and says what was saved;
a name that matches several people lists them and saves nothing; Escape closes the box and
keeps nothing. The grammar is in organiser/capture.py.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, Static

from organiser.capture import Problems
from organiser.capture_plan import Directory, NewPerson, Planned, plan_line
from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Institution, Person, Record, RelationalMeeting
from organiser.one_to_ones import moment_text
from organiser.repository import Repository
from screens.contact_guard_dialog import ask_then
from screens.one_to_one_flows import OneToOneHost
from screens.person_flows import refuse_if_read_only, report
from screens.undo_keeper import undoable

HINT = (
    "121 (held) or book · @name · #tag · 40m · at: place: interests: self: story: tension: "
    "potential: next: due: again: · other words are notes · or person Sam Lee #tag role: "
    "phone: email:   Enter saves, Esc cancels."
)
EXAMPLE = '121 @Amina #stmarys 40m tension:"damp flats" next:"invite to training" due:fri'


class QuickCapture(ModalScreen[str | None]):
    """Dismisses with the summary of what was saved, or None when given up."""

    DEFAULT_CSS = """
    QuickCapture {
        align: center bottom;
    }
    #quick-capture {
        width: 100;
        margin: 0 0 2 0;
    }
    #quick-capture-preview {
        padding: 1 0 0 0;
        height: auto;
    }
    #quick-capture-preview.problems {
        color: $text-error;
    }
    #quick-capture-preview.ready {
        color: $text-success;
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="quick-capture.cancel")]

    def __init__(
        self,
        repo: Repository,
        clock: Clock,
        directory: Directory,
    ) -> None:
        super().__init__(classes="dialog")
        self._repo = repo
        self._clock = clock
        self._directory = directory
        self._meetings: list[RelationalMeeting] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="quick-capture", classes="dialog-box"):
            yield Static(Text("Quick add: a 1-2-1 in one line"), classes="dialog-title")
            yield Input(placeholder=EXAMPLE, id="quick-capture-line")
            yield Static(Text(HINT), id="quick-capture-preview", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#quick-capture-line", Input).focus()

    def _meetings_once(self) -> list[RelationalMeeting]:
        """The 1-2-1s on record, read the first time a line books the next one."""
        if self._meetings is None:
            self._meetings = self._repo.list(RelationalMeeting)
        return self._meetings

    def _plan(self, line: str) -> Planned | NewPerson | Problems:
        return plan_line(line, self._directory, self._meetings_once, self._clock.now())

    def _show(self, text: str, kind: str) -> None:
        preview = self.query_one("#quick-capture-preview", Static)
        preview.update(Text(text))
        preview.set_class(kind == "problems", "problems")
        preview.set_class(kind == "ready", "ready")
        preview.set_class(kind == "hint", "hint")

    @on(Input.Changed, "#quick-capture-line")
    def _typed(self, event: Input.Changed) -> None:
        if not event.value.strip():
            self._show(HINT, "hint")
            return
        found = self._plan(event.value)
        if isinstance(found, Problems):
            self._show("\n".join(found.messages), "problems")
        else:
            self._show(f"Enter saves: {found.summary}", "ready")

    @on(Input.Submitted, "#quick-capture-line")
    def _submitted(self, event: Input.Submitted) -> None:
        found = self._plan(event.value)
        if isinstance(found, Problems):
            self._show("Not saved. " + "\n".join(found.messages), "problems")
            return
        if isinstance(found, Planned):
            try:
                opened = self._clock.now()
                ask_then(self, self._repo, found.meeting, lambda m: self._guarded(found, m), opened)
            except OrganiserError as error:
                report(self, error)
            return
        self._save(found.records, found.summary)

    def _guarded(self, found: Planned, meeting: RelationalMeeting | None) -> None:
        """Save the 1-2-1 as the contact guard left it, or keep the line when they went back."""
        if meeting is None:
            self._show("Not saved: you went back. Enter asks again; Esc closes.", "problems")
            return
        summary = found.summary
        if meeting.id != found.meeting.id:  # the booking it was, marked held
            when = moment_text(meeting.at, self._clock.tz)
            summary = f"the 1-2-1 booked with {found.person.name} on {when}, now marked held"
        self._save(replace(found, meeting=meeting).records, summary)

    def _save(self, records: list[Record], summary: str) -> None:
        try:
            with undoable(self, f"Quick add: {summary}"):
                self._repo.save_all(records)
        except Exception as error:  # keep the line, whatever went wrong
            report(self, error)
            return
        self.dismiss(summary)

    def action_cancel(self) -> None:
        self.dismiss(None)


def start_quick_capture(screen: Screen[Any], repo: Repository, clock: Clock) -> None:
    """Open the quick-capture box over `screen`; tell it when a 1-2-1 has been saved."""
    if refuse_if_read_only(screen, repo):
        return
    try:
        directory = Directory(repo.list(Person), repo.list(Institution))
    except OrganiserError as error:
        report(screen, error, "Cannot open quick capture")
        return

    def saved(summary: str | None) -> None:
        if summary is None:
            return
        screen.notify(f"Saved: {summary}", title="Quick add", markup=False)
        if isinstance(screen, OneToOneHost):
            screen.one_to_ones_changed()

    screen.app.push_screen(QuickCapture(repo, clock, directory), saved)
