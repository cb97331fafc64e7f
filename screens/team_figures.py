"""Team figures: every organiser's 1-2-1s side by side for a period, for a supervisor's login
on a team database. Counts only: a supervisor reads when each 1-2-1 was and how it went,
never what was said."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Profile
from organiser.periods import Period, PeriodKind
from organiser.team_figures import (
    OrganiserFigures,
    TeamFigures,
    TeamRow,
    review_figures,
    team_rows,
    totals,
)
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
PRIVACY = (
    "Counts only: a supervisor's login reads when each 1-2-1 was and how it went, "
    "never its notes or anyone's private notes."
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


class TeamFiguresScreen(Screen[None]):
    """1 to 4 choose the period (week, 4 weeks, quarter, year); each reads the figures again."""

    BINDINGS = [
        Binding("1", "period('this_week')", "This week", id="team.week"),
        Binding("2", "period('last_4_weeks')", "Last 4 weeks", id="team.month"),
        Binding("3", "period('this_quarter')", "Quarter", id="team.quarter"),
        Binding("4", "period('this_year')", "Year", id="team.year"),
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
        yield KeyedTable(COLUMNS, id="team-table")
        yield Static(PRIVACY, id="team-privacy", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Team figures"
        self.load()
        self.query_one(KeyedTable).focus()

    def action_open_review(self) -> None:
        """The organiser under the cursor's figures, against target and the period before."""
        chosen = self.query_one(KeyedTable).current_id
        row = next((r for r in self.rows if r.organiser == chosen), None)
        if row is None:
            self.notify("Choose an organiser's line first.", severity="warning", markup=False)
            return
        try:
            before = self.team.one_to_ones(self.period.previous())
        except OrganiserError as error:
            report(self, error, "Cannot read the team's figures")
            return
        earlier = next(
            (f for f in before if f.organiser == row.organiser), OrganiserFigures(row.organiser)
        )
        figures = review_figures(row.figures, earlier, self.period, self.profile)
        self.app.push_screen(OrganiserFiguresScreen(row.organiser, self.period, figures))

    @on(DataTable.RowSelected, "#team-table")
    def _row_chosen(self) -> None:
        self.action_open_review()

    def action_back(self) -> None:
        self.dismiss()

    def action_period(self, kind: str) -> None:
        self.period = Period.named(PeriodKind(kind), self.clock.today())
        self.load()

    def load(self) -> None:
        try:
            found = self.team.one_to_ones(self.period)
        except OrganiserError as error:
            report(self, error, "Cannot read the team's figures")
            found = []
        self.rows = team_rows(found, self.period, self.profile)
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
        whole = totals(self.rows)
        lines = [(r.organiser, figures_row(r)) for r in self.rows]
        if len(self.rows) > 1:
            team = [cell(whole.organiser), cell(f"{whole.held:,}", right=True)]
            team += [cell(""), cell(""), cell("")]
            team += [cell(f"{whole.booked:,}", right=True)]
            team += [cell(f"{whole.cancelled:,}", right=True)]
            lines.append(("whole-team", team))
        self.query_one(KeyedTable).show(lines)
