"""The first run: start fresh with a profile, or load the demo alliance."""

from __future__ import annotations

import importlib.util

import pytest
from textual.widgets import Checkbox

from organiser.clock import FixedClock
from organiser.models import Institution, Person, Profile
from screens.app import OrganiserApp
from screens.people_screen import PeopleScreen
from screens.today_screen import TodayScreen
from screens.welcome import WelcomeScreen
from screens.widgets.field_error import FieldError
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, go_to_people, has_id, screen_text, tab_to


async def test_a_new_database_opens_on_the_welcome(
    repo: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.focused is app.screen.query_one("#organiser-name")
        # The areas do not exist until there is a profile: their keys are not offered.
        for area in ("today", "people", "one_to_ones", "institutions"):
            assert app.check_action("show", (area,)) is False, area


async def test_start_fresh_saves_a_profile_with_the_working_days(
    repo: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Jo Bloggs")
        await tab_to(pilot, has_id("alliance-name"))
        await pilot.press(*"Leicester Citizens")
        await tab_to(pilot, has_id("day-0"))
        await pilot.press("space")  # not Mondays
        await tab_to(pilot, has_id("day-5"))
        await pilot.press("space")  # Saturdays instead
        await pilot.press("ctrl+s")
        await pilot.pause()

        profile = repo.profile()
        assert profile is not None
        assert profile.organiser_name == "Jo Bloggs"
        assert profile.alliance_name == "Leicester Citizens"
        assert profile.working_days == [1, 2, 3, 4, 5]
        assert profile.timezone == "Europe/London"
        assert isinstance(app.screen, TodayScreen)
        assert isinstance(await go_to_people(pilot), PeopleScreen)
        assert "Leicester Citizens" in screen_text(app)
        assert "No people yet" in screen_text(app)


async def test_start_fresh_needs_a_name_and_a_working_day(
    repo: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for day in range(5):
            app.screen.query_one(f"#day-{day}", Checkbox).value = False
        await pilot.press("enter")  # enter in the name field starts, as ctrl+s does
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        name_error = app.screen.query_one("#organiser-name-error", FieldError).message
        days_error = app.screen.query_one("#working-days-error", FieldError).message
        assert name_error == "Your name cannot be empty"
        assert days_error == "Working days: choose at least one working day"
        assert "Your name cannot be empty" in screen_text(app)
        assert repo.profile() is None

        await pilot.press(*"Jo", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)  # still no working day
        assert app.screen.query_one("#organiser-name-error", FieldError).message == ""
        assert repo.profile() is None


DEMO_READY = importlib.util.find_spec("organiser.demo") is not None


@pytest.mark.skipif(not DEMO_READY, reason="organiser.demo is not written yet")
async def test_load_the_demo_alliance(repo: TinyRepository, clock: FixedClock) -> None:
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(repo.profile(), Profile)
        people = repo.count(Person)
        assert people > 50
        assert repo.count(Institution) > 5
        assert isinstance(app.screen, TodayScreen)
        assert isinstance(await go_to_people(pilot), PeopleScreen)
        assert f"{people:,} people" in screen_text(app)


async def test_a_read_only_database_cannot_be_set_up(
    repo: TinyRepository, clock: FixedClock
) -> None:
    read_only = TinyRepository(repo.db, clock, read_only=True)
    app = OrganiserApp(read_only, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "open read-only" in screen_text(app)
        await pilot.press(*"Jo", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert any("read-only" in n.message for n in app._notifications)
        assert repo.profile() is None
