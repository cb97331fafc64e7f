"""The app for a supervisor's login on a team database: the Team figures and nothing else,
since such a login reads when each organiser's 1-2-1s were and how they went, and the
numbers of the trainings and money they recorded, and no record.

Every key is in the footer, in Help (?) and in the command palette (ctrl+p), all read from
the same bindings (screens/commands.py), as in the organiser's own app."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from organiser.clock import Clock
from organiser.team_figures import TeamFigures
from screens.commands import BindingCommands, commands_for
from screens.team_figures import TeamFiguresScreen


class TeamFiguresApp(App[None]):
    TITLE = "Organiser"
    CSS_PATH = "organiser.tcss"
    COMMANDS = App.COMMANDS | {BindingCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", key_display="?", id="team.help"),
        Binding("q", "quit", "Quit", id="team.quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="team.quit-anywhere"),
    ]

    def __init__(self, team: TeamFigures, clock: Clock) -> None:
        super().__init__()
        self.team = team
        self.clock = clock

    def on_mount(self) -> None:
        self.push_screen(TeamFiguresScreen(self.team, self.clock, None), self._figures_closed)

    def _figures_closed(self, _: None) -> None:
        self.exit()

    def action_help(self) -> None:
        from screens.help_screen import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        place = f"On the {screen.title} screen" if screen.title else "Here"
        commands = commands_for(screen, include_focused=False)
        self.push_screen(HelpScreen(place, commands, undo=False))  # nothing here changes

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Quit, Help and the screen's keys come from the bindings; only the theme is left.
        yield SystemCommand("Theme", "Change the colours", self.action_change_theme)
