"""The app for a supervisor's login on a team database: the Team figures and nothing else,
since such a login reads when each organiser's 1-2-1s were and how they went, and no record."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from organiser.clock import Clock
from organiser.team_figures import TeamFigures
from screens.team_figures import TeamFiguresScreen


class TeamFiguresApp(App[None]):
    TITLE = "Organiser"
    BINDINGS = [Binding("q", "quit", "Quit", id="team.quit")]

    def __init__(self, team: TeamFigures, clock: Clock) -> None:
        super().__init__()
        self.team = team
        self.clock = clock

    def on_mount(self) -> None:
        self.push_screen(TeamFiguresScreen(self.team, self.clock, None), self._figures_closed)

    def _figures_closed(self, _: None) -> None:
        self.exit()
