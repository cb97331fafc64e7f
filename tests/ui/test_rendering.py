"""What the main screens show at 120x36 with a fixed clock, read as text, not pixels."""

from __future__ import annotations

from organiser.clock import FixedClock
from screens.app import OrganiserApp
from screens.help_screen import HelpScreen
from screens.person_detail import PersonDetailScreen
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, go_to_people, screen_text


def lines_with(text: str, *words: str) -> list[str]:
    return [line for line in text.splitlines() if all(word in line for word in words)]


async def test_welcome_screen(repo: TinyRepository, clock: FixedClock) -> None:
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert len(text.splitlines()) == 36
        for expected in (
            "Welcome to Organiser",
            "Start fresh",
            "Your name",
            "Alliance name (optional)",
            "The days you work",
            "Start (ctrl+s)",
            "Look around first",
            "Load the demo alliance (ctrl+l)",
        ):
            assert expected in text, expected
        (days,) = lines_with(text, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        assert days.index("Mon") < days.index("Sun")
        footer = text.splitlines()[-1]
        assert "^s Start" in footer and "^l Load the demo" in footer
        assert "read-only" not in text


async def test_people_list(filled: TinyRepository, clock: FixedClock) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        text = screen_text(app)
        assert "People — Leicester Citizens" in text
        # Under the header, the areas and their keys, in order (more areas may follow).
        nav = text.splitlines()[1]
        areas = ("t Today", "p People", "o 1-2-1s", "i Institutions", "L Listening")
        for area in areas:
            assert area in nav, area
        assert [nav.index(area) for area in areas] == sorted(nav.index(area) for area in areas)
        assert "3 people" in text
        assert lines_with(text, "Name", "Institutions", "Ladder stage", "Phone", "Email")
        (amina,) = lines_with(text, "Amina Khan")
        cells = ("St Mary's Primary", "Leader (trained)", "+44 7700 900123", "amina@example.org")
        for cell in cells:
            assert cell in amina  # the stage as the profile names it
        (carol,) = lines_with(text, "Carol Evans")
        assert "UNISON City Branch" in carol and "Potential leader" in carol
        positions = [text.index(n) for n in ("Amina Khan", "Bilal Hussain", "Carol Evans")]
        assert positions == sorted(positions)  # sorted by name
        footer = text.splitlines()[-1]
        for key in ("/ Search", "n New", "e Edit", "enter Open", "d Delete", "esc Clear search",
                    "l Log a 1-2-1", "? Help", "q Quit"):
            assert key in footer, key
        assert "p People" not in footer  # the areas' keys are in the navigation bar instead

        await pilot.press("slash", *"mosque")
        await pilot.pause()
        text = screen_text(app)
        assert "1 of 3 matches" in text
        assert "Bilal Hussain" in text and "Amina Khan" not in text


async def test_person_detail(filled: TinyRepository, clock: FixedClock) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonDetailScreen)
        text = screen_text(app)
        assert "Person — Amina Khan" in text
        for label, value in (
            ("Phone", "+44 7700 900123"),
            ("Email", "amina@example.org"),
            ("Ladder stage", "Leader (trained)"),
            ("Institutions", "St Mary's Primary: parent governor"),
            ("Consent to be contacted", "Given on Mon 05 Jan 2026"),
            ("Consent to keep notes", "Not given"),
            ("Notes", "Cares about damp housing"),
            ("Private notes (yours alone)", "Worried about her visa"),
            ("Added", "Mon 23 Nov 2026"),
        ):
            assert lines_with(text, label, value), (label, value)
        assert lines_with(text, "Address", "not recorded")
        footer = text.splitlines()[-1]
        for key in ("e Edit", "d Delete", "esc Back", "l Log a 1-2-1", "? Help", "q Quit"):
            assert key in footer, key
        assert "p People" not in footer  # listed by help and the palette, not the footer


async def test_help_lists_the_keys_of_the_screen_it_was_opened_on(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "On the People screen" in text
        for key, description in (
            ("/", "Search"),
            ("n", "New"),
            ("e", "Edit"),
            ("enter", "Open"),
            ("d", "Delete"),
            ("esc", "Clear search"),
            ("t", "Today"),
            ("p", "People"),
            ("o", "1-2-1s list"),
            ("i", "Institutions"),
            ("l", "Log a 1-2-1"),
            ("?", "Help"),
            ("q, ^q", "Quit"),
            ("ctrl+p", "Command palette"),
        ):
            assert [
                line for line in lines_with(text, description) if f" {key} " in line
            ], (key, description)
        assert text.index("Clear search") < text.index("Everywhere") < text.index("Quit")
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("enter", "question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "On the Person screen" in text
        assert lines_with(text, "esc", "Back")
        assert not lines_with(text, "Clear search")
