"""Find anywhere (ctrl+f): people, 1-2-1 notes, concerns and minutes, searched as you type."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.widgets import OptionList

from organiser.clock import LONDON, FixedClock
from organiser.models import Person, RelationalMeeting
from screens.app import OrganiserApp
from screens.find_screen import FindScreen
from screens.one_to_one_detail import OneToOneDetailScreen
from screens.person_detail import PersonDetailScreen
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, screen_text, wait_for_screen, wait_for_today


async def found(pilot: Any, screen: FindScreen, query: str, tries: int = 300) -> None:
    """Wait until the results shown are those for `query` ("" for none)."""
    for _ in range(tries):
        await pilot.pause(0.02)
        shown = screen.found.query if screen.found else ""
        if not screen.searching and shown == query:
            await pilot.pause()  # and let the results be drawn
            await pilot.pause()
            return
    raise AssertionError(f"the search for {query!r} never finished")


async def search(pilot: Any, text: str) -> FindScreen:
    """From Today, open Find with ctrl+f and type `text`; the screen once its results show."""
    await wait_for_today(pilot)
    await pilot.press("ctrl+f")
    await wait_for_screen(pilot, FindScreen)
    screen = pilot.app.screen
    assert isinstance(screen, FindScreen)
    await pilot.press(*text)
    await found(pilot, screen, text)
    return screen


def amina(repo: TinyRepository) -> Person:
    (person,) = [p for p in repo.list(Person) if p.name == "Amina Khan"]
    return person


async def test_a_word_in_a_one_to_one_finds_it_and_enter_opens_it(
    filled: TinyRepository, clock: FixedClock
) -> None:
    meeting = filled.save(
        RelationalMeeting(
            person_id=amina(filled).id,
            at=datetime(2026, 11, 20, 10, tzinfo=LONDON),
            story="Her landlord ignores the damp in the back bedroom.",
        )
    )
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "landlord")
        text = screen_text(app)
        assert "1-2-1s (1)" in text and "Held 1-2-1 with Amina Khan" in text, text
        assert "story: Her landlord ignores the damp" in text
        await pilot.press("enter", "enter")  # to the results, then open the first
        await wait_for_screen(pilot, OneToOneDetailScreen)
        opened = app.screen
        assert isinstance(opened, OneToOneDetailScreen)
        assert opened.meeting == filled.get(RelationalMeeting, meeting.id)


async def test_people_are_found_by_name_but_never_by_private_notes(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await search(pilot, "visa")
        assert "Nothing found for “visa”" in screen_text(app)
        await pilot.press("end", "ctrl+u", *"amina")
        await found(pilot, screen, "amina")
        assert "People (1)" in screen_text(app)
        await pilot.press("down", "enter")
        await wait_for_screen(pilot, PersonDetailScreen)
        opened = app.screen
        assert isinstance(opened, PersonDetailScreen)
        assert opened.person == amina(filled)
        assert filled.get(Person, opened.person.id) == opened.person


async def test_escape_goes_back_and_an_empty_box_clears_the_results(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await search(pilot, "bilal")
        assert screen.query_one(OptionList).option_count == 2  # the heading and Bilal
        await pilot.press("end", "ctrl+u")
        await found(pilot, screen, "")
        assert screen.query_one(OptionList).option_count == 0
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, FindScreen)
