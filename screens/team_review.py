"""One organiser's supervision figures for the period, opened from the Team figures with
enter: what a supervisor's login may read, and a plain word on what it leaves out."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from organiser.models.supervision import Figure
from organiser.periods import Period
from organiser.review_figures import format_value
from organiser.team_figures import LEFT_OUT
from screens.widgets.action_table import KeyedTable, cell

COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("Figure", 26),
    ("This period", 12),
    ("Target", 12),
    ("Period before", 14),
)


def figure_row(figure: Figure) -> list[Text]:
    return [
        cell(figure.label),
        cell(format_value(figure.value, figure.unit), right=True),
        cell(format_value(figure.target, figure.unit) or "–", right=True),
        cell(format_value(figure.previous, figure.unit) or "–", right=True),
    ]


class OrganiserFiguresScreen(Screen[None]):
    """Read only: the figures were read when the Team figures were."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="team-review.back")]

    def __init__(self, organiser: str, period: Period, figures: list[Figure]) -> None:
        super().__init__()
        self.organiser = organiser
        self.period = period
        self.figures = figures

    def compose(self) -> ComposeResult:
        start, end = self.period.start, self.period.end
        yield Header()
        yield Static(
            Text(f"{self.organiser}: {start:%a %d %b %Y} to {end:%a %d %b %Y}", style="bold")
        )
        yield KeyedTable(COLUMNS, id="team-review-table")
        yield Static(LEFT_OUT, id="team-review-left-out", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Supervision figures"
        table = self.query_one(KeyedTable)
        table.show([(f.key, figure_row(f)) for f in self.figures])
        table.focus()
