"""A long People list shows a window of rows, adds more at the end, and says so."""

from __future__ import annotations

from organiser.clock import FixedClock
from organiser.models import Person, Profile
from screens.app import OrganiserApp
from screens.person_detail import PersonDetailScreen
from screens.widgets.people_table import WINDOW
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, go_to_people, screen_text, wait_for_screen

MANY = 2 * WINDOW + 50


def crowd(repo: TinyRepository) -> list[Person]:
    people = [Person(name=f"Person {n:04d}") for n in range(MANY)]
    repo.save_all([Profile(organiser_name="Jo"), *people])
    return people


async def test_rows_come_a_window_at_a_time_as_the_cursor_reaches_the_end(
    repo: TinyRepository, clock: FixedClock
) -> None:
    people = crowd(repo)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to_people(pilot)
        assert screen.table.row_count == WINDOW
        assert f"{MANY:,} people · showing {WINDOW}: type to narrow" in screen_text(app)

        await pilot.press("ctrl+end")  # the last row shown: the next window comes
        await pilot.pause()
        assert screen.table.row_count == 2 * WINDOW
        assert f"{MANY:,} people · showing {2 * WINDOW}: type" in screen_text(app)
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert screen.table.row_count == MANY
        assert "showing" not in screen_text(app)

        await pilot.press("ctrl+end", "enter")  # the very last person opens
        await wait_for_screen(pilot, PersonDetailScreen)
        assert app.screen.person.id == people[-1].id
        stored = repo.get(Person, people[-1].id)
        assert stored is not None and stored.name == f"Person {MANY - 1:04d}"


async def test_typing_narrows_the_window_to_what_matches(
    repo: TinyRepository, clock: FixedClock
) -> None:
    crowd(repo)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to_people(pilot)
        await pilot.press("slash", *"Person 03")
        await pilot.pause()
        found = sum("03" in f"{n:04d}" for n in range(MANY))  # 0300 to 0399, 0030…
        assert screen.table.row_count == found < WINDOW
        text = screen_text(app)
        assert f"{found} of {MANY:,} match" in text and "showing" not in text
        await pilot.press("end", "ctrl+u")
        await pilot.pause()
        assert screen.table.row_count == WINDOW
        assert repo.count(Person) == MANY
