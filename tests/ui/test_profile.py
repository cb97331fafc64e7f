"""The Profile form: working pattern, leave, targets and stage names, by keyboard."""

from __future__ import annotations

from datetime import date

from organiser.clock import FixedClock
from organiser.models import LadderStage, Profile
from screens.app import OrganiserApp
from screens.profile_dialog import ProfileDialog
from screens.widgets.field_error import FieldError
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, has_id, screen_text, tab_to


async def test_edit_the_profile_with_the_keyboard(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, ProfileDialog)
        await tab_to(pilot, has_id("workday-4"))
        await pilot.press("space")  # no longer Fridays
        await tab_to(pilot, has_id("leave-days"))
        await pilot.press(*"24/12/2026 to 28/12/2026; 14 Feb 2027")
        await tab_to(pilot, has_id("fundraising-pence-per-year"))
        await pilot.press("end", "ctrl+u", *"£40,000")
        await tab_to(pilot, has_id("stage-leader"))
        await pilot.press("end", "ctrl+u", *"Leader [trained]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()

        assert not isinstance(app.screen, ProfileDialog), [
            e.message for e in app.screen.query(FieldError) if e.message
        ]
        profile = filled.profile()
        assert isinstance(profile, Profile)
        assert profile.working_days == [0, 1, 2, 3]
        assert profile.leave_days == [date(2026, 12, d) for d in range(24, 29)] + [
            date(2027, 2, 14)
        ]
        assert profile.fundraising_pence_per_year == 4_000_000
        assert profile.stage_name(LadderStage.LEADER) == "Leader [trained]"
        assert profile.organiser_name == "Jo Bloggs"


async def test_wrong_values_are_explained_next_to_their_fields_and_nothing_is_saved(
    filled: TinyRepository, clock: FixedClock
) -> None:
    before = filled.profile()
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        await tab_to(pilot, has_id("leave-days"))
        await pilot.press(*"sometime soon")
        await tab_to(pilot, has_id("one-to-ones-per-day"))
        await pilot.press("end", "ctrl+u", *"-2")
        await tab_to(pilot, has_id("fundraising-pence-per-year"))
        await pilot.press("end", "ctrl+u", *"12.345")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert isinstance(app.screen, ProfileDialog)
        errors = {e.id: e.message for e in app.screen.query(FieldError) if e.message}
        assert "is not a date I can read" in errors["leave-days-error"]
        assert errors["one-to-ones-per-day-error"] == "must be at least 0"
        assert "to the penny" in errors["fundraising-pence-per-year-error"]
        await pilot.press("escape")
        await pilot.pause()
        assert "Discard your changes?" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert filled.profile() == before
