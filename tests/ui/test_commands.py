"""Keys and the command palette never drift: the palette offers every binding of every screen."""

from __future__ import annotations

from typing import Any

import pytest
from textual.actions import parse
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widgets import Select

from organiser.clock import FixedClock
from organiser.models import Person
from screens.app import OrganiserApp
from screens.commands import BindingCommands, commands_for, declared_bindings
from screens.confirm import ConfirmDialog
from screens.help_screen import HelpScreen
from screens.people_screen import PeopleScreen
from screens.person_detail import PersonDetailScreen
from screens.person_dialog import PersonDialog
from screens.today_screen import TodayScreen
from screens.welcome import WelcomeScreen
from screens.widgets.membership_row import MembershipRow
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, go_to_people, inside, tab_to

SCREENS: list[type[Screen[Any]]] = [
    WelcomeScreen,
    TodayScreen,
    PeopleScreen,
    PersonDetailScreen,
    PersonDialog,
    ConfirmDialog,
    HelpScreen,
]


@pytest.mark.parametrize("screen", [*SCREENS, OrganiserApp, MembershipRow])
def test_every_binding_has_an_id_and_a_description(screen: type[Any]) -> None:
    for binding in vars(screen)["BINDINGS"]:
        assert isinstance(binding, Binding)
        assert binding.id, binding
        assert binding.description, binding


async def palette_offers(screen: Screen[Any]) -> dict[str, str]:
    """{description: help} of what the palette lists before anything is typed."""
    provider = BindingCommands(screen)
    return {hit.text or "": hit.help or "" async for hit in provider.discover()}


async def palette_finds(screen: Screen[Any], query: str) -> list[str]:
    provider = BindingCommands(screen)
    return [hit.text or "" async for hit in provider.search(query)]


def enabled(node: Any, binding: Binding) -> bool:
    """Whether the node lets the binding's action run, asked with its name and parameters."""
    _, name, parameters = parse(binding.action)
    return node.check_action(name, parameters) is not False


def expected(screen: Screen[Any], *, with_global: bool) -> set[str]:
    """The descriptions of the screen's bindings, the focused widgets' and maybe the app's."""
    focused = list(screen.focused.ancestors_with_self) if screen.focused else []
    nodes: list[Any] = [screen, *(n for n in focused if n is not screen and n is not screen.app)]
    if with_global:
        nodes.append(screen.app)
    return {
        b.description
        for node in nodes
        for b in declared_bindings(node)
        if enabled(node, b)  # a key not working here is not offered
    }


async def check_palette(screen: Screen[Any], *, with_global: bool = True) -> None:
    offered = await palette_offers(screen)
    wanted = expected(screen, with_global=with_global)
    assert wanted, "the screen has no bindings"
    assert wanted <= set(offered), wanted - set(offered)
    for binding in declared_bindings(screen):
        assert binding.description in await palette_finds(screen, binding.description)
    for description, help_text in offered.items():
        assert help_text.startswith("key: "), (description, help_text)
    if not with_global:
        assert not {b.description for b in declared_bindings(screen.app)} & set(offered)


async def test_the_palette_offers_every_binding_of_every_screen(
    filled: TinyRepository, clock: FixedClock
) -> None:
    covered: set[type[Screen[Any]]] = set()
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)  # where the app opens
        await check_palette(app.screen)
        covered.add(type(app.screen))
        assert "Open" in await palette_offers(app.screen)  # the focused section's key

        await go_to_people(pilot)
        await check_palette(app.screen)
        covered.add(type(app.screen))
        offered = await palette_offers(app.screen)
        assert offered["Open"] == "key: enter"
        assert offered["Quit"] == "key: q, ^q"

        await pilot.press("slash")  # focus in the search box changes nothing offered
        await check_palette(app.screen)
        await pilot.press("escape")

        await pilot.press("enter")
        await pilot.pause()
        await check_palette(app.screen)
        covered.add(type(app.screen))

        await pilot.press("question_mark")
        await pilot.pause()
        await check_palette(app.screen, with_global=False)
        covered.add(type(app.screen))
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("d")
        await pilot.pause()
        await check_palette(app.screen, with_global=False)
        covered.add(type(app.screen))
        await pilot.press("n")
        await pilot.pause()

        await pilot.press("e")
        await pilot.pause()
        await check_palette(app.screen, with_global=False)
        covered.add(type(app.screen))
        await tab_to(pilot, inside("memberships", Select))
        await check_palette(app.screen, with_global=False)  # with the row's own key
        assert "Remove institution" in await palette_offers(app.screen)

    assert covered | {WelcomeScreen} == set(SCREENS)  # the welcome has its own test


async def test_the_palette_on_the_welcome(repo: TinyRepository, clock: FixedClock) -> None:
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await check_palette(app.screen)
        offered = await palette_offers(app.screen)
        for area in ("Today", "People", "1-2-1s list", "Institutions", "Log a 1-2-1"):
            assert area not in offered, area  # not until there is a profile
        assert "Quit" in offered


async def test_a_palette_command_runs_its_action(filled: TinyRepository, clock: FixedClock) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"new")
        await pilot.pause(0.3)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        await pilot.press(*"Dev Patel", "ctrl+s")
        await pilot.pause()
        assert [p.name for p in filled.list(Person) if p.name == "Dev Patel"] == ["Dev Patel"]


async def test_help_shows_what_the_palette_offers(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        people = await go_to_people(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        listed = {c.description for c in commands_for(people, include_focused=False)}
        assert listed == set(await palette_offers(people))
