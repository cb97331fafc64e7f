"""The contact guard in the app: a 1-2-1 with someone seen in the last 7 days asks first,
going back keeps the form, going ahead saves it marked, and editing never trips it."""

from __future__ import annotations

from datetime import date, datetime, time

from textual.widgets import Input

from organiser.clock import LONDON, FixedClock
from organiser.models import Person, RelationalMeeting
from screens.app import OrganiserApp
from screens.confirm import ConfirmDialog
from screens.one_to_one_detail import OneToOneDetailScreen
from screens.one_to_one_dialog import OneToOneDialog
from screens.one_to_one_list import OneToOnesScreen
from screens.quick_capture import QuickCapture
from screens.today_screen import TodayScreen
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, has_id, screen_text, tab_to, wait_for_screen, wait_for_today

SATURDAY = date(2026, 11, 21)


def seen_on_saturday(repo: TinyRepository) -> tuple[Person, RelationalMeeting]:
    amina = next(p for p in repo.list(Person) if p.name == "Amina Khan")
    earlier = RelationalMeeting(
        person_id=amina.id,
        at=datetime.combine(SATURDAY, time(11), LONDON),
        length_minutes=40,
        place="Library",
    )
    repo.save(earlier)
    return amina, earlier


async def test_go_back_then_go_ahead_and_the_1_2_1_says_so(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina, earlier = seen_on_saturday(filled)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_today(pilot)
        await pilot.press("l")
        await wait_for_screen(pilot, OneToOneDialog)
        await pilot.press(*"Amina Khan", "enter")
        await tab_to(pilot, has_id("length-minutes"))
        await pilot.press(*"30", "ctrl+s")
        await wait_for_screen(pilot, ConfirmDialog)
        text = screen_text(app)
        assert "Seen them recently" in text
        assert "Amina Khan has had a contact within 7 days of this 1-2-1" in text
        assert "1-2-1 held Sat 21 Nov, 40 min" in text

        await pilot.press("n")  # go back: the form again, as typed, nothing saved
        await wait_for_screen(pilot, OneToOneDialog)
        assert app.screen.query_one("#length-minutes", Input).value == "30"
        assert filled.list(RelationalMeeting, {"person_id": amina.id}) == [
            filled.get(RelationalMeeting, earlier.id)
        ]

        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")  # go ahead
        await wait_for_today(pilot)
        new = next(
            m for m in filled.list(RelationalMeeting, {"person_id": amina.id}) if m.id != earlier.id
        )
        assert new.contact_guard_overridden and new.length_minutes == 30
        stored_earlier = filled.get(RelationalMeeting, earlier.id)
        assert stored_earlier is not None and not stored_earlier.contact_guard_overridden

        # The 1-2-1s list, newest first: Enter opens it, and its detail says so.
        await pilot.press("o")
        await wait_for_screen(pilot, OneToOnesScreen)
        for _ in range(40):
            await pilot.pause()
            if "Loading" not in screen_text(app):
                break
        await pilot.press("enter")
        await wait_for_screen(pilot, OneToOneDetailScreen)
        assert isinstance(app.screen, OneToOneDetailScreen) and app.screen.meeting.id == new.id
        assert "Contact guard" in screen_text(app)
        assert "went ahead despite a recent contact with them" in screen_text(app)

        # Editing it (the same person, the same day) does not ask again, nor warn of itself.
        await pilot.press("e")
        await wait_for_screen(pilot, OneToOneDialog)
        await tab_to(pilot, has_id("place"))
        await pilot.press(*"Community centre", "ctrl+s")
        await wait_for_screen(pilot, OneToOneDetailScreen)
        edited = filled.get(RelationalMeeting, new.id)
        assert edited is not None and edited.place == "Community centre"
        assert edited.revision == 2 and edited.contact_guard_overridden


async def test_quick_add_asks_too_and_going_back_keeps_the_line(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina, earlier = seen_on_saturday(filled)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, TodayScreen)
        await pilot.press("plus")
        await wait_for_screen(pilot, QuickCapture)
        await pilot.press(*"121 @amina 30m", "enter")
        await wait_for_screen(pilot, ConfirmDialog)
        assert "1-2-1 held Sat 21 Nov, 40 min" in screen_text(app)
        await pilot.press("escape")  # go back
        await wait_for_screen(pilot, QuickCapture)
        assert "Not saved: you went back" in screen_text(app)
        assert filled.count(RelationalMeeting) == 1

        await pilot.press("enter")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")
        await wait_for_screen(pilot, TodayScreen)
        (new,) = [m for m in filled.list(RelationalMeeting) if m.id != earlier.id]
        assert new.person_id == amina.id and new.length_minutes == 30
        assert new.contact_guard_overridden
