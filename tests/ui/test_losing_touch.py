"""Losing touch on Today, against each stage's cadence, set in the Profile by keyboard."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from organiser.clock import LONDON, FixedClock
from organiser.models import LadderStage, Person, Profile, RelationalMeeting
from screens.app import OrganiserApp
from screens.profile_dialog import ProfileDialog
from screens.today_screen import TodayScreen
from screens.widgets.field_error import FieldError
from store.repository import TinyRepository
from tests.ui.conftest import (
    SIZE,
    has_id,
    screen_text,
    tab_to,
    wait_for_screen,
    wait_for_today,
)

TODAY = date(2026, 11, 23)


def person_named(repo: TinyRepository, name: str) -> Person:
    return next(p for p in repo.list(Person) if p.name == name)


def held_days_ago(who: Person, days: int) -> RelationalMeeting:
    day = TODAY - timedelta(days=days)
    return RelationalMeeting(person_id=who.id, at=datetime.combine(day, time(10), LONDON))


async def test_logging_a_1_2_1_takes_someone_off_losing_touch_at_once(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina = person_named(filled, "Amina Khan")  # a leader: every 14 days
    carol = person_named(filled, "Carol Evans")  # a potential leader: every 30 days
    filled.save_all([held_days_ago(amina, 20), held_days_ago(carol, 31)])
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_today(pilot)
        text = screen_text(app)
        assert "Losing touch (2): overdue a 1-2-1" in text
        assert "6 days overdue  Amina Khan  Leader (trained)" in text
        assert "1 day overdue  Carol Evans  Potential leader" in text
        assert text.index("Amina Khan  Leader") < text.index("Carol Evans  Potential")

        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"Amina Khan")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_for_today(pilot)

        held = filled.list(RelationalMeeting, {"person_id": amina.id})
        assert sorted(m.at.date() for m in held) == [TODAY - timedelta(days=20), TODAY]
        assert not any(m.contact_guard_overridden for m in held)
        text = screen_text(app)
        assert "Losing touch (1): overdue a 1-2-1" in text
        assert "Amina Khan  Leader" not in text
        assert "Carol Evans  Potential leader" in text


async def test_set_each_stage_s_cadence_in_the_profile(
    filled: TinyRepository, clock: FixedClock
) -> None:
    carol = person_named(filled, "Carol Evans")
    filled.save(held_days_ago(carol, 10))
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_today(pilot)
        assert "No one overdue a 1-2-1" in screen_text(app)
        await pilot.press("comma")
        await wait_for_screen(pilot, ProfileDialog)
        await tab_to(pilot, has_id("cadence-potential-leader"))
        await pilot.press("end", "ctrl+u", *"a week")
        await tab_to(pilot, has_id("cadence-contact"))
        await pilot.press("end", "ctrl+u", *"60")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # A cadence that is not a number is explained next to its box; nothing is saved.
        assert isinstance(app.screen, ProfileDialog)
        shown = app.screen.query_one("#cadence-potential-leader-error", FieldError)
        assert shown.message == "must be a whole number of days, or blank"
        assert app.focused is not None and app.focused.id == "cadence-potential-leader"
        before = filled.profile()
        assert before is not None and before.cadence(LadderStage.CONTACT) is None

        await pilot.press("end", "ctrl+u", *"7")
        await tab_to(pilot, has_id("cadence-leader"))
        await pilot.press("end", "ctrl+u")  # blank: leaders are no longer watched
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, TodayScreen)

        profile = filled.profile()
        assert isinstance(profile, Profile)
        assert profile.cadence(LadderStage.POTENTIAL_LEADER) == 7
        assert profile.cadence(LadderStage.CONTACT) == 60
        assert profile.cadence(LadderStage.LEADER) is None
        assert profile.cadence(LadderStage.CORE_TEAM_LEADER) == 14  # untouched
        await pilot.press("r")
        await wait_for_today(pilot)
        assert "3 days overdue  Carol Evans  Potential leader" in screen_text(app)
