"""Logging a 1-2-1 with someone booked for that day asks whether it is the booking: marking
it held fills the booking in (no second record) and one `u` takes it back; saving
separately keeps both; going back keeps the form as typed."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from organiser.clock import LONDON, FixedClock
from organiser.models import OneToOneStatus, Person, Profile, RelationalMeeting
from screens.app import OrganiserApp
from screens.held_booking_dialog import HeldBookingDialog
from screens.one_to_one_dialog import OneToOneDialog
from screens.person_detail import PersonDetailScreen
from screens.quick_capture import QuickCapture
from store.repository import TinyRepository
from tests.ui.conftest import (
    SIZE,
    go_to_people,
    has_id,
    notices,
    screen_text,
    tab_to,
    wait_for_screen,
    wait_for_today,
)


def booked_this_morning(repo: TinyRepository, clock: FixedClock) -> RelationalMeeting:
    """Amina, booked for 9:00 today (the clock says 9:30): 45 minutes at the library."""
    amina = next(p for p in repo.list(Person) if p.name == "Amina Khan")
    return repo.save(
        RelationalMeeting(
            person_id=amina.id,
            at=datetime.combine(clock.today(), time(9), LONDON),
            status=OneToOneStatus.BOOKED,
            length_minutes=45,
            place="Library",
        )
    )


async def log_amina(pilot: Pilot[Any], minutes: str) -> None:
    """`l` on Today: Amina, `minutes` long, a tension, and save."""
    await pilot.press("l")
    await wait_for_screen(pilot, OneToOneDialog)
    await pilot.press(*"Amina Khan", "enter")
    await tab_to(pilot, has_id("length-minutes"))
    await pilot.press(*minutes)
    await tab_to(pilot, has_id("tension"))
    await pilot.press(*"Damp in the flats", "ctrl+s")
    await wait_for_screen(pilot, HeldBookingDialog)


async def test_mark_the_booking_held_then_undo_it(
    filled: TinyRepository, clock: FixedClock
) -> None:
    planned = booked_this_morning(filled, clock)
    count = filled.count(RelationalMeeting)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_today(pilot)
        await log_amina(pilot, "30")
        text = screen_text(app)
        assert "Is this the 1-2-1 you booked?" in text
        assert "Amina Khan has this 1-2-1 booked:" in text
        assert "• Mon 23 Nov 09:00, 45 min, at Library" in text
        assert "Mark booking held (h)" in text and "Save separately (s)" in text

        await pilot.press("escape")  # go back: the form as typed, nothing saved
        await wait_for_screen(pilot, OneToOneDialog)
        assert app.screen.query_one("#length-minutes", Input).value == "30"
        assert filled.get(RelationalMeeting, planned.id) == planned
        assert filled.count(RelationalMeeting) == count

        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, HeldBookingDialog)
        await pilot.press("h")
        await wait_for_today(pilot)

        held = filled.get(RelationalMeeting, planned.id)
        assert held is not None and held.status is OneToOneStatus.HELD
        assert held.at == planned.at  # the time was left at "now": the booked time stands
        assert (held.length_minutes, held.place) == (30, "Library")
        assert held.tension == "Damp in the flats"
        assert not held.contact_guard_overridden
        assert filled.count(RelationalMeeting) == count  # no second 1-2-1
        assert any("is now held" in n for n in notices(app))

        await pilot.press("u")  # one undo puts the booking back as it was
        await pilot.pause()
        assert any(n.startswith("Undid: The 1-2-1 with Amina Khan") for n in notices(app))
        again = filled.get(RelationalMeeting, planned.id)
        assert again is not None and again.status is OneToOneStatus.BOOKED
        assert (again.length_minutes, again.tension, again.at) == (45, "", planned.at)
        assert filled.count(RelationalMeeting) == count


async def test_save_separately_keeps_the_booking_and_marks_the_new_one(
    filled: TinyRepository, clock: FixedClock
) -> None:
    planned = booked_this_morning(filled, clock)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_today(pilot)
        await log_amina(pilot, "20")
        await pilot.press("s")
        await wait_for_today(pilot)

        theirs = filled.list(RelationalMeeting, {"person_id": planned.person_id})
        (new,) = [m for m in theirs if m.id != planned.id]
        assert new.status is OneToOneStatus.HELD and new.length_minutes == 20
        assert new.contact_guard_overridden  # saved despite the booking that day
        assert filled.get(RelationalMeeting, planned.id) == planned


async def test_quick_add_asks_too_and_marks_the_booking_held(
    filled: TinyRepository, clock: FixedClock
) -> None:
    planned = booked_this_morning(filled, clock)
    count = filled.count(RelationalMeeting)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_today(pilot)
        await pilot.press("plus")
        await wait_for_screen(pilot, QuickCapture)
        await pilot.press(*'121 @amina 40m self:"her children"', "enter")
        await wait_for_screen(pilot, HeldBookingDialog)
        assert "• Mon 23 Nov 09:00, 45 min, at Library" in screen_text(app)
        await pilot.press("enter")  # "Mark booking held" has the focus
        await wait_for_today(pilot)

        held = filled.get(RelationalMeeting, planned.id)
        assert held is not None and held.status is OneToOneStatus.HELD
        assert (held.at, held.length_minutes) == (planned.at, 40)
        assert held.self_interest == "her children"
        assert filled.count(RelationalMeeting) == count
        assert any("now marked held" in n for n in notices(app))


async def test_from_a_person_s_page_a_time_typed_replaces_the_booked_time(
    filled: TinyRepository, clock: FixedClock
) -> None:
    planned = booked_this_morning(filled, clock)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("enter")  # Amina Khan, first by name
        await wait_for_screen(pilot, PersonDetailScreen)
        await pilot.press("l")
        await wait_for_screen(pilot, OneToOneDialog)
        assert app.focused is app.screen.query_one("#at")
        await pilot.press("end", "ctrl+u", *"today 9:05", "ctrl+s")
        await wait_for_screen(pilot, HeldBookingDialog)
        await pilot.press("h")
        await wait_for_screen(pilot, PersonDetailScreen)

        held = filled.get(RelationalMeeting, planned.id)
        assert held is not None and held.status is OneToOneStatus.HELD
        assert held.at == datetime.combine(clock.today(), time(9, 5), LONDON)
        assert (held.length_minutes, held.place) == (45, "Library")  # none typed: kept
        assert len(filled.list(RelationalMeeting, {"person_id": planned.person_id})) == 1


async def test_logging_from_the_bookings_own_page_marks_it_held_and_shows_it(
    repo: TinyRepository, clock: FixedClock
) -> None:
    """`l` on a booked 1-2-1's page fills in its person; marking the booking held shows the
    page as it now is, held."""
    from screens.one_to_one_detail import OneToOneDetailScreen

    amina = Person(name="Amina Khan")
    booked = RelationalMeeting(
        person_id=amina.id,
        at=clock.now().replace(hour=14, minute=0),
        status=OneToOneStatus.BOOKED,
        place="Library",
    )
    repo.save_all([Profile(organiser_name="Sam"), amina, booked])
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(OneToOneDetailScreen(repo, clock, booked))
        await wait_for_screen(pilot, OneToOneDetailScreen)
        await pilot.press("l")
        await wait_for_screen(pilot, OneToOneDialog)
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, HeldBookingDialog)
        await pilot.press("h")
        await wait_for_screen(pilot, OneToOneDetailScreen)
        for _ in range(40):
            await pilot.pause(0.05)
            if "Held 1-2-1" in screen_text(app):
                break
        assert "Held 1-2-1 with Amina Khan" in screen_text(app)
    stored = repo.list(RelationalMeeting)
    assert [m.id for m in stored] == [booked.id]
    assert stored[0].status is OneToOneStatus.HELD
