"""A filter that widens again keeps the cursor on the same person only when they are within
the first window of rows: otherwise the cursor goes to the top, rather than every row above
them being made on one keystroke."""

from __future__ import annotations

from textual.pilot import Pilot

from organiser.clock import FixedClock
from organiser.models import Person, Profile
from screens.app import OrganiserApp
from screens.people_screen import PeopleScreen
from screens.widgets.windowed_table import WINDOW
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, go_to_people


async def _settle(pilot: Pilot[object]) -> None:
    for _ in range(10):
        await pilot.pause(0.02)


async def _people(pilot: Pilot[object]) -> PeopleScreen:
    screen = await go_to_people(pilot)
    for _ in range(40):
        await pilot.pause(0.05)
        if screen.table.row_count:
            break
    await pilot.press("slash")
    return screen


async def test_widening_a_filter_goes_to_the_top_when_the_person_is_far_down(
    repo: TinyRepository, clock: FixedClock
) -> None:
    many = [Person(name=f"Abbott {n:03d}") for n in range(WINDOW + 50)]
    last = Person(name="Zebedee Abbott")  # after every "Abbott NNN" by name
    repo.save_all([Profile(organiser_name="Sam"), *many, last])
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _people(pilot)
        await pilot.press(*"abbott zebedee")
        await _settle(pilot)
        assert screen.table.current_id == last.id
        await pilot.press(*["backspace"] * len("zebedee"))  # "abbott ": all 251 again
        await _settle(pilot)
        assert len(screen.table.shown_ids) == WINDOW + 51
        assert screen.table.row_count == WINDOW  # not every row down to Zebedee's
        assert screen.table.current_id == many[0].id  # the top of the list


async def test_widening_a_filter_keeps_the_person_within_the_first_window(
    repo: TinyRepository, clock: FixedClock
) -> None:
    many = [Person(name=f"Abbott {n:03d}") for n in range(WINDOW + 50)]
    repo.save_all([Profile(organiser_name="Sam"), *many])
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _people(pilot)
        await pilot.press(*"abbott 050")
        await _settle(pilot)
        assert screen.table.current_id == many[50].id
        await pilot.press(*["backspace"] * 3)  # "abbott ": everyone, 050 the 51st
        await _settle(pilot)
        assert screen.current is not None and screen.current.id == many[50].id
