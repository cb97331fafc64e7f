"""Find anywhere: people, 1-2-1 notes, listening concerns and meeting minutes, as you type.

The search runs in a thread a moment after the last keystroke, so typing never waits for
it however big the database; only the newest search's results are shown. Private notes are
never searched nor shown (see organiser/finding.py). Enter on a result opens its record.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from organiser.clock import Clock
from organiser.dates import format_day
from organiser.errors import OrganiserError
from organiser.finding import HEADINGS, Found, find_everything
from organiser.repository import Repository
from screens.openers import open_record
from screens.person_flows import report

#: How long typing must pause before a search starts (seconds).
PAUSE = 0.15
#: The kind each group of hits opens as (screens/openers.py).
OPENS_AS = {
    "people": "person",
    "one_to_ones": "one_to_one",
    "conversations": "conversation",
    "meetings": "meeting",
}


def result_options(found: Found) -> list[Option]:
    """A heading per kind with hits, then one line per hit: its title and where it matched."""
    options: list[Option] = []
    for kind, rows in found.kinds.items():
        total = found.totals.get(kind, 0)
        if not total:
            continue
        shown = f"{len(rows)} of {total:,}" if total > len(rows) else f"{total:,}"
        options.append(Option(Text(f"{HEADINGS[kind]} ({shown})", style="bold"), disabled=True))
        for row in rows:
            line = Text("  ", no_wrap=True, overflow="ellipsis")
            when = row.get("at") or row.get("on")
            if isinstance(when, str):
                line.append(f"{format_day(date.fromisoformat(when[:10]))}  ")
            line.append(str(row["title"]))
            if row.get("matched"):
                line.append(f"  {row['matched']}", style="dim")
            options.append(Option(line, id=f"{OPENS_AS[kind]}:{row['id']}"))
    return options


class FindScreen(Screen[None]):
    """One box; what it finds underneath, grouped by kind."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="find.back"),
        Binding("down", "to_results", "Results", show=False, id="find.results"),
    ]

    def __init__(self, repo: Repository, clock: Clock) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self._asked = 0  # searches started, and the one shown
        self._shown = 0
        self._timer: Timer | None = None
        self.found: Found | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder="Find people, 1-2-1 notes, listening concerns, minutes…", id="find-text"
        )
        yield Static("Type a word or two; Enter opens what is under the cursor.", id="find-status")
        yield OptionList(id="find-results")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Find"
        self.query_one("#find-text", Input).focus()

    @property
    def searching(self) -> bool:
        """Whether a search is waiting or running (the results are not yet the newest)."""
        return self._timer is not None or self._shown != self._asked

    @on(Input.Changed, "#find-text")
    def _typed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        text = event.value
        self._timer = self.set_timer(PAUSE, lambda: self._start(text))

    def _start(self, text: str) -> None:
        self._timer = None
        self._asked += 1
        if not text.strip():
            self._show(self._asked, None)
            return
        self.query_one("#find-status", Static).update(Text("Searching…", style="dim"))
        self._search(self._asked, text)

    @work(thread=True, exclusive=True, group="find", exit_on_error=False)
    def _search(self, request: int, text: str) -> None:
        try:
            found = find_everything(self.repo, text)
        except OrganiserError as error:
            self.app.call_from_thread(self._failed, request, error)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, request, found)

    def _failed(self, request: int, error: OrganiserError) -> None:
        if request == self._asked:
            self._shown = request
        report(self, error, "Cannot search")

    def _show(self, request: int, found: Found | None) -> None:
        if request != self._asked:
            return  # a newer search is on its way
        self._shown = request
        self.found = found
        results = self.query_one("#find-results", OptionList)
        results.clear_options()
        status = self.query_one("#find-status", Static)
        if found is None:
            status.update("Type a word or two; Enter opens what is under the cursor.")
            return
        if found.empty:
            status.update(Text(f"Nothing found for “{found.query}”."))
            return
        results.add_options(result_options(found))
        total = sum(found.totals.values())
        status.update(Text(f"{total:,} found for “{found.query}” · ↓ to the results"))

    @on(Input.Submitted, "#find-text")
    def _submitted(self) -> None:
        self.action_to_results()

    def action_to_results(self) -> None:
        results = self.query_one("#find-results", OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.action_first()

    @on(OptionList.OptionSelected, "#find-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        kind, _, record_id = (event.option.id or "").partition(":")
        if record_id:
            open_record(self, self.repo, self.clock, kind, record_id)
