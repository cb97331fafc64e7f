"""Leaders: the leader pipeline as a board, one column per ladder stage.

Everything is read once; a move, a nomination or a change of filter updates the board in
memory. Coming back from a person (who may have been edited) reads it all again, as does `r`.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Select, Static
from textual.worker import Worker

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.ladder import move, next_stage
from organiser.models import (
    Campaign,
    Institution,
    LadderMove,
    LadderStage,
    Person,
    Profile,
    RelationalMeeting,
    TrainingSession,
)
from organiser.models.people import DEFAULT_STAGE_NAMES
from organiser.people import fold
from organiser.periods import Period, PeriodKind
from organiser.pipeline import cards_by_stage, narrow, nominate, progress, upcoming
from organiser.repository import Repository
from screens.ladder_dialog import LadderMoveDialog, NominateDialog, session_label
from screens.person_detail import PersonDetailScreen
from screens.person_flows import refuse_if_read_only, report, report_failed_worker
from screens.undo_keeper import undo_hint, undoable
from screens.widgets.ladder_board import LadderBoard
from screens.widgets.nav_bar import NavBar
from screens.widgets.read_only_banner import ReadOnlyBanner

#: The periods `w` steps through for the line under the board.
PERIODS = (PeriodKind.THIS_QUARTER, PeriodKind.THIS_YEAR, PeriodKind.LAST_4_WEEKS)


def progress_line(moves_up: int, new_leaders: int, label: str) -> str:
    """ "Moves up this quarter: 7 · New leaders this quarter: 2"."""
    when = label.lower()
    return f"Moves up {when}: {moves_up:,} · New leaders {when}: {new_leaders:,}"


class LadderScreen(Screen[None]):
    """The pipeline board, filtered by institution and campaign."""

    BINDINGS = [
        Binding(
            "right_square_bracket,shift+right",
            "move(1)",
            "Move up",
            key_display="]",
            id="ladder.up",
        ),
        Binding(
            "left_square_bracket,shift+left",
            "move(-1)",
            "Move down",
            key_display="[",
            id="ladder.down",
        ),
        Binding("enter", "open_person", "Open", id="ladder.open"),
        Binding("n", "nominate", "Nominate", id="ladder.nominate"),
        Binding(
            "f", "focus_filter('institution')", "Institution", show=False, id="ladder.institution"
        ),
        Binding("c", "focus_filter('campaign')", "Campaign", show=False, id="ladder.campaign"),
        Binding("w", "next_period", "Period", id="ladder.period"),
        Binding("r", "reload", "Refresh", show=False, id="ladder.refresh"),
        Binding("escape", "clear_filters", "Clear", id="ladder.clear"),
    ]

    def __init__(self, repo: Repository, clock: Clock) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.profile: Profile | None = None
        self._people: dict[str, Person] = {}
        self._institutions: dict[str, Institution] = {}
        self._campaigns: dict[str, Campaign] = {}
        self._meetings: list[RelationalMeeting] = []
        self._moves: list[LadderMove] = []
        self._period_index = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("leaders")
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with Horizontal(id="ladder-filters"):
            yield Select[str]([], prompt="Any institution  (f)", id="ladder-institution")
            yield Select[str]([], prompt="Any campaign  (c)", id="ladder-campaign")
            yield Static(id="ladder-count")
        yield LadderBoard(id="ladder-board")
        yield Static(id="ladder-progress")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Leaders"
        self.load()
        self.board.focus_board()

    @property
    def board(self) -> LadderBoard:
        return self.query_one(LadderBoard)

    def stage_name(self, stage: LadderStage) -> str:
        return self.profile.stage_name(stage) if self.profile else DEFAULT_STAGE_NAMES[stage]

    # Loading and drawing -------------------------------------------------------------------

    def load(self) -> None:
        """Read the people, their 1-2-1s and ladder moves, the institutions and campaigns."""
        try:
            self.profile = self.repo.profile()
            people = self.repo.list(Person)
            institutions = self.repo.list(Institution)
            campaigns = self.repo.list(Campaign)
            self._meetings = self.repo.list(RelationalMeeting)
            self._moves = self.repo.list(LadderMove)
        except OrganiserError as error:
            report(self, error, "Cannot load the leaders")
            people, institutions, campaigns = [], [], []
        self.sub_title = self.profile.alliance_name if self.profile else ""
        self._people = {p.id: p for p in people}
        self._institutions = {i.id: i for i in institutions}
        self._campaigns = {c.id: c for c in campaigns}
        with self.prevent(Select.Changed):
            self._fill_select(
                "#ladder-institution", sorted(institutions, key=lambda i: fold(i.name))
            )
            self._fill_select("#ladder-campaign", sorted(campaigns, key=lambda c: fold(c.name)))
        self.redraw()

    def _fill_select(self, selector: str, records: list[Institution] | list[Campaign]) -> None:
        select: Select[str] = self.query_one(selector, Select)
        chosen = select.value
        select.set_options((Text(r.name), r.id) for r in records)
        if isinstance(chosen, str) and any(r.id == chosen for r in records):
            select.value = chosen

    def _chosen(self, selector: str) -> str | None:
        value = self.query_one(selector, Select).value
        return value if isinstance(value, str) else None

    @property
    def shown_people(self) -> list[Person]:
        campaign_id = self._chosen("#ladder-campaign")
        return narrow(
            self._people.values(),
            institution_id=self._chosen("#ladder-institution"),
            campaign=self._campaigns.get(campaign_id) if campaign_id else None,
        )

    @property
    def filtering(self) -> bool:
        return bool(self._chosen("#ladder-institution") or self._chosen("#ladder-campaign"))

    def redraw(self) -> None:
        """Draw the board and the lines around it from what is held in memory."""
        shown = self.shown_people
        profile = self.profile or Profile(organiser_name="Organiser")
        cards = cards_by_stage(
            shown,
            self._institutions,
            self._meetings,
            self.clock.today(),
            profile.cadence,
            self._moves,
        )
        self.board.fill(cards, self.stage_name)
        total = len(self._people)
        if total == 0:
            line = "No people yet: add them under People (p)"
        elif self.filtering:
            line = f"{len(shown):,} of {total:,} people"
        else:
            line = "1 person" if total == 1 else f"{total:,} people"
        self.query_one("#ladder-count", Static).update(Text(line))
        self._show_progress({p.id for p in shown} if self.filtering else None)

    def _show_progress(self, person_ids: set[str] | None) -> None:
        kind = PERIODS[self._period_index]
        period = Period.named(kind, self.clock.today())
        counted = progress(self._moves, period, person_ids)
        line = progress_line(counted.moves_up, counted.new_leaders, kind.label)
        hint = "  (of those shown)" if person_ids is not None else ""
        self.query_one("#ladder-progress", Static).update(
            Text.assemble(line, (hint, "dim"), ("   w changes the period", "dim"))
        )

    @property
    def current(self) -> Person | None:
        person_id = self.board.current_id
        return self._people.get(person_id) if person_id else None

    def _current_or_say(self) -> Person | None:
        person = self.current
        if person is None:
            self.notify("Nobody is selected.", severity="warning")
        return person

    # Filters and period --------------------------------------------------------------------

    @on(Select.Changed)
    def _filter_changed(self) -> None:
        self.redraw()
        self.board.focus_board()  # back to the cards, to move or open someone

    def action_focus_filter(self, which: str) -> None:
        self.query_one(f"#ladder-{which}", Select).focus()

    def action_clear_filters(self) -> None:
        with self.prevent(Select.Changed):
            self.query_one("#ladder-institution", Select).clear()
            self.query_one("#ladder-campaign", Select).clear()
        self.redraw()
        self.board.focus_board()

    def action_next_period(self) -> None:
        self._period_index = (self._period_index + 1) % len(PERIODS)
        self.redraw()

    def action_reload(self) -> None:
        self.load()

    # Moving, opening, nominating -----------------------------------------------------------

    @work(exclusive=True, group="ladder", exit_on_error=False)
    async def action_move(self, step: int) -> None:
        """Ask why, then save the person at their new stage and the move, as one change."""
        person = self._current_or_say()
        if person is None:
            return
        to_stage = next_stage(person.ladder_stage, step)
        if to_stage is None:
            where = "top" if step > 0 else "bottom"
            self.notify(
                f"{person.name} is already on the {where} rung.", severity="warning", markup=False
            )
            return
        if refuse_if_read_only(self, self.repo):
            return
        question = Text.assemble(
            (person.name, "bold"),
            f": {self.stage_name(person.ladder_stage)} → {self.stage_name(to_stage)}",
        )
        reason = ""
        while True:
            typed = await self.app.push_screen_wait(
                LadderMoveDialog(question, up=step > 0, reason=reason)
            )
            if typed is None:
                return
            done = f"{person.name}: now {self.stage_name(to_stage)}"
            try:
                moved = move(person, to_stage, typed, self.clock.today())
                with undoable(self, f"Moved {person.name} to {self.stage_name(to_stage)}"):
                    saved = self.repo.save_all([moved.person, moved.record])
            except Exception as error:  # whatever went wrong, keep what was typed
                report(self, error)
                reason = typed
                continue
            break
        for record in saved:
            if isinstance(record, Person):
                self._people[record.id] = record
            elif isinstance(record, LadderMove):
                self._moves.append(record)
        self.redraw()
        self.board.go_to(person.id)
        self.notify(undo_hint(done), title="Saved", markup=False)

    def action_open_person(self) -> None:
        person = self._current_or_say()
        if person is not None:
            self.app.push_screen(
                PersonDetailScreen(self.repo, self.clock, person), self._back_from_person
            )

    def _back_from_person(self, changed: bool | None) -> None:
        # None: closed from elsewhere, so something may have changed.
        if changed is not False:
            self.load()

    @work(exclusive=True, group="ladder", exit_on_error=False)
    async def action_nominate(self) -> None:
        """Choose an upcoming session and add them to it as nominated today."""
        person = self._current_or_say()
        if person is None or refuse_if_read_only(self, self.repo):
            return
        try:
            sessions = upcoming(self.repo.list(TrainingSession), self.clock.now())
        except OrganiserError as error:
            report(self, error, "Cannot read the training sessions")
            return
        if not sessions:
            self.notify(
                "There are no upcoming training sessions to nominate them for.",
                title="Nothing to choose",
                severity="warning",
            )
            return
        zone = self.clock.tz
        labels = [session_label(s, person.id, s.starts.astimezone(zone)) for s in sessions]
        chosen = await self.app.push_screen_wait(
            NominateDialog(person.name, person.id, sessions, labels)
        )
        if chosen is None:
            return
        try:
            nominated = nominate(chosen, person, self.clock.today())
        except ValueError as error:
            self.notify(str(error), title="Already nominated", severity="warning", markup=False)
            return
        try:
            self.repo.save(nominated)
        except Exception as error:
            report(self, error)
            return
        self.notify(f"{person.name} nominated for {chosen.name}", title="Nominated", markup=False)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
