"""The Organiser app: the shell that holds the screens, the global keys and the palette."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.repository import Repository
from screens.commands import BindingCommands, commands_for
from screens.help_screen import HelpScreen
from screens.people_screen import PeopleScreen
from screens.person_flows import report
from screens.welcome import WelcomeScreen


class OrganiserApp(App[None]):
    """Receives its repository and clock; knows nothing of how records are stored."""

    TITLE = "Organiser"
    CSS_PATH = "organiser.tcss"
    COMMANDS = App.COMMANDS | {BindingCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "show_people", "People", id="app.people"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit-anywhere"),
    ]

    def __init__(self, repo: Repository, clock: Clock, *, warnings: Sequence[str] = ()) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.warnings = tuple(warnings)
        self.has_profile = False
        self.add_mode("people", lambda: PeopleScreen(repo, clock))

    def on_mount(self) -> None:
        for warning in self.warnings:
            self.notify(warning, title="Warning", severity="warning", timeout=20, markup=False)
        try:
            self.has_profile = self.repo.profile() is not None
        except OrganiserError as error:
            report(self.screen, error, "Cannot read the database")
            self.has_profile = True  # show what can be shown rather than offer to start over
        if self.has_profile:
            self.switch_mode("people")
        else:
            self.push_screen(WelcomeScreen(self.repo, self.clock), self._welcomed)

    def _welcomed(self, _: None) -> None:
        self.has_profile = True
        self.switch_mode("people")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_people":
            return self.has_profile
        return True

    def action_show_people(self) -> None:
        """People, from anywhere: switch to them, then close anything opened over the list."""
        if self.current_mode != "people":
            self.switch_mode("people")
        else:
            self.screen_stack[0].pop_until_active()

    def action_help(self) -> None:
        screen = self.screen
        place = f"On the {screen.title} screen" if screen.title else "Here"
        self.push_screen(HelpScreen(place, commands_for(screen, include_focused=False)))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Quit, People and Help come from the bindings; only the theme is left to offer here.
        yield SystemCommand("Theme", "Change the colours", self.action_change_theme)
