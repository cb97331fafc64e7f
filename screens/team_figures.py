"""Team figures: every organiser's 1-2-1s side by side for a period, for a supervisor's login
on a team database, and below them their leaders trained, training days and money paid in
against one organiser's targets for the period. Counts only: a supervisor reads when each
1-2-1 was and how it went, never what was said, and of the trainings and money only the
numbers and days."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Profile
from organiser.models.supervision import Figure
from organiser.periods import Period, PeriodKind
from organiser.review_figures import on_target
from organiser.team_figures import (
    OrganiserFigures,
    TeamFigures,
    TeamRow,
    review_figures,
    team_rows,
    totals,
    whole_team_work,
)
from organiser.team_work import WORK_KEYS, SharedWork, target_text, value_text
from screens.feedback import report
from screens.team_review import OrganiserFiguresScreen
from screens.widgets.action_table import KeyedTable, cell

COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("Organiser", 24),
    ("Held", 6),
    ("Target", 7),
    ("A day", 6),
    ("On target", 10),
    ("Booked", 7),
    ("Cancelled", 10),
)
#: Leaders trained, training days, money paid in and hard money, each against its target.
WORK_COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("Organiser", 16),
    ("Trained", 7),
    ("Target", 6),
    ("Training days", 13),
    ("Days target", 11),
    ("Paid in", 11),
    ("Money target", 12),
    ("Hard money", 11),
    ("Hard target", 11),
)
WORK_HEADING = (
    "Leaders trained, training days and money paid in, by the organiser who recorded the "
    "session or the money, against one organiser's targets for the period:"
)
PRIVACY = (
    "Counts only: a supervisor's login reads when each 1-2-1 was and how it went, and the "
    "numbers and days of trainings and money: never a note, a name or a private note."
)


def figures_row(row: TeamRow) -> list[Text]:
    rate, counted = row.rate, row.figures
    on_target = cell("yes" if rate.on_target else "no")
    if not rate.on_target:
        on_target.stylize("bold yellow")
    return [
        cell(row.organiser),
        cell(f"{counted.held:,}", right=True),
        cell(f"{rate.target_total:,.0f}", right=True),
        cell(f"{rate.per_day:.1f}", right=True),
        on_target,
        cell(f"{counted.booked:,}", right=True),
        cell(f"{counted.cancelled:,}", right=True),
    ]


def work_row(name: str, work: dict[str, Figure], *, targets: bool = True) -> list[Text]:
    """A line of the work table: each figure (in yellow when under its target) and its target."""
    cells = [cell(name)]
    for key in WORK_KEYS:
        figure = work[key]
        value = cell(value_text(figure), right=True)
        if targets and on_target(figure) is False:
            value.stylize("bold yellow")
        cells += [value, cell(target_text(figure) if targets else "", right=True)]
    return cells


class TeamFiguresScreen(Screen[None]):
    """1 to 4 choose the period (week, 4 weeks, quarter, year); each reads the figures again."""

    DEFAULT_CSS = """
    TeamFiguresScreen #team-body { height: 1fr; }
    TeamFiguresScreen KeyedTable { height: auto; max-height: 44%; }
    TeamFiguresScreen #team-work-heading { margin-top: 1; }
    """
    BINDINGS = [
        Binding("1", "period('this_week')", "This week", id="team.week"),
        Binding("2", "period('last_4_weeks')", "Last 4 weeks", id="team.month"),
        Binding("3", "period('this_quarter')", "Quarter", id="team.quarter"),
        Binding("4", "period('this_year')", "Year", id="team.year"),
        Binding("r", "reload", "Read again", id="team.reload"),
        Binding("enter", "open_review", "Review", key_display="enter", id="team.review"),
        Binding("escape", "back", "Back", id="team.back"),
    ]

    def __init__(self, team: TeamFigures, clock: Clock, profile: Profile | None) -> None:
        super().__init__()
        self.team = team
        self.clock = clock
        self.profile = profile
        self.period = Period.named(PeriodKind.THIS_WEEK, clock.today())
        self.rows: list[TeamRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="team-period")
        with Vertical(id="team-body"):
            yield KeyedTable(COLUMNS, id="team-table")
            yield Static(WORK_HEADING, id="team-work-heading", markup=False)
            yield KeyedTable(WORK_COLUMNS, id="team-work")
        yield Static(PRIVACY, id="team-privacy", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Team figures"
        self.load()
        self.query_one("#team-table", KeyedTable).focus()

    def action_open_review(self) -> None:
        """The organiser under the cursor's figures, against target and the period before."""
        table = self.focused if isinstance(self.focused, KeyedTable) else None
        chosen = (table or self.query_one("#team-table", KeyedTable)).current_id
        row = next((r for r in self.rows if r.organiser == chosen), None)
        if row is None:
            self.notify("Choose an organiser's line first.", severity="warning", markup=False)
            return
        earlier = self.period.previous()
        try:
            before = self.team.one_to_ones(earlier)
        except OrganiserError as error:
            report(self, error, "Cannot read the team's figures")
            return
        theirs: SharedWork | None = None
        try:
            theirs = self.team.shared_work(Period(earlier.start, self.period.end))
        except OrganiserError as error:  # the review of the 1-2-1s alone, then
            report(self, error, "Cannot read the team's trainings and money")
        then = next(
            (f for f in before if f.organiser == row.organiser), OrganiserFigures(row.organiser)
        )
        mine = theirs.of(row.organiser) if theirs is not None else None
        figures = review_figures(row.figures, then, self.period, self.profile, mine)
        self.app.push_screen(OrganiserFiguresScreen(row.organiser, self.period, figures))

    @on(DataTable.RowSelected, "#team-table, #team-work")
    def _row_chosen(self) -> None:
        self.action_open_review()

    def action_back(self) -> None:
        self.dismiss()

    def action_period(self, kind: str) -> None:
        self.period = Period.named(PeriodKind(kind), self.clock.today())
        self.load()

    def action_reload(self) -> None:
        self.load()
        self.notify("Read the team's figures again.", markup=False)

    def load(self) -> None:
        try:
            found = self.team.one_to_ones(self.period)
        except OrganiserError as error:
            report(self, error, "Cannot read the team's figures")
            found = []
        work: SharedWork | None = None
        try:
            work = self.team.shared_work(self.period)
        except OrganiserError as error:  # the 1-2-1s are still worth showing; not zeros
            report(self, error, "Cannot read the team's trainings and money")
        self.rows = team_rows(found, self.period, self.profile, work)
        self._heading()
        whole = totals(self.rows)
        lines = [(r.organiser, figures_row(r)) for r in self.rows]
        work_lines = [
            (r.organiser, work_row(r.organiser, dict(r.work))) for r in self.rows if r.work
        ]
        if len(self.rows) > 1:
            team = [cell(whole.organiser), cell(f"{whole.held:,}", right=True)]
            team += [cell(""), cell(""), cell("")]
            team += [cell(f"{whole.booked:,}", right=True)]
            team += [cell(f"{whole.cancelled:,}", right=True)]
            lines.append(("whole-team", team))
            if work is not None:
                everyone = whole_team_work(work, self.period)
                whole_line = work_row(whole.organiser, everyone, targets=False)
                work_lines.append(("whole-team", whole_line))
        self.query_one("#team-table", KeyedTable).show(lines)
        self.query_one("#team-work", KeyedTable).show(work_lines)

    def _heading(self) -> None:
        days = self.rows[0].rate.working_days if self.rows else 0
        per_day = self.rows[0].rate.target_per_day if self.rows else 0.0
        start, end = self.period.start, self.period.end
        self.query_one("#team-period", Static).update(
            Text(
                f"{self.period.label}: 1-2-1s from {start:%a} {start.day} {start:%b} to "
                f"{end:%a} {end.day} {end:%b %Y}, {days} working day{'' if days == 1 else 's'}, "
                f"target {per_day:.1f} a day"
                if self.rows
                else "No organisers in the team database yet: "
                "organiser team add-organiser NAME adds one."
            )
        )
