"""Quick capture in the app: + opens one line, what it will save shows as it is typed, Enter
saves, an ambiguous name saves nothing, Escape keeps nothing."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import Static

from organiser.clock import LONDON, FixedClock
from organiser.models import Institution, OneToOneStatus, Person, RelationalMeeting
from screens.app import OrganiserApp
from screens.commands import commands_for
from screens.people_screen import PeopleScreen
from screens.quick_capture import QuickCapture
from screens.today_screen import TodayScreen
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, notices, screen_text, wait_for_screen


def tag_school(repo: TinyRepository) -> Institution:
    school = next(i for i in repo.list(Institution) if i.name == "St Mary's Primary")
    return repo.save(school.evolve(tag="stmarys"))


def preview(app: OrganiserApp) -> str:
    return str(app.screen.query_one("#quick-capture-preview", Static).render())


async def test_capture_a_1_2_1_in_one_line_from_today(
    filled: TinyRepository, clock: FixedClock
) -> None:
    tag_school(filled)
    amina = next(p for p in filled.list(Person) if p.name == "Amina Khan")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, TodayScreen)
        assert "+ Quick add" in screen_text(app)
        await pilot.press("plus")
        await wait_for_screen(pilot, QuickCapture)
        await pilot.press(*'121 @amina #stmarys 40m tension:"damp flats" next:"invite to training"')
        await pilot.press(*" due:fri")
        await pilot.pause()
        assert preview(app) == (
            "Enter saves: 1-2-1 with Amina Khan (St Mary's Primary), now, 40 min, "
            "tension “damp flats”, follow-up “invite to training” due Fri 27 Nov"
        )
        assert filled.list(RelationalMeeting) == []  # nothing saved while typing
        await pilot.press("enter")
        await wait_for_screen(pilot, TodayScreen)
        (meeting,) = filled.list(RelationalMeeting)
        assert meeting.person_id == amina.id
        assert meeting.status is OneToOneStatus.HELD
        assert meeting.at == datetime(2026, 11, 23, 9, 30, tzinfo=LONDON)
        assert (meeting.length_minutes, meeting.tension) == (40, "damp flats")
        assert (meeting.follow_up, meeting.follow_up_due) == (
            "invite to training",
            date(2026, 11, 27),
        )
        assert any(n.startswith("Saved: 1-2-1 with Amina Khan") for n in notices(app))


async def test_an_ambiguous_name_lists_the_candidates_and_saves_nothing(
    filled: TinyRepository, clock: FixedClock
) -> None:
    filled.save(Person(name="Amina Begum"))
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, TodayScreen)
        await pilot.press("plus")
        await wait_for_screen(pilot, QuickCapture)
        await pilot.press(*"121 @amina 30m", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuickCapture)  # still open, the line kept
        assert preview(app) == (
            'Not saved. "amina" matches 2 people: Amina Begum, Amina Khan (St Mary\'s Primary). '
            'Be more specific. Write more of the name, e.g. @"Amina Begum".'
        )
        assert filled.list(RelationalMeeting) == []
        await pilot.press("escape")
        await wait_for_screen(pilot, TodayScreen)
        assert filled.list(RelationalMeeting) == []


async def test_problems_show_as_typed_escape_keeps_nothing_and_it_works_from_anywhere(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, TodayScreen)
        await pilot.press("plus")
        await wait_for_screen(pilot, QuickCapture)
        await pilot.press(*"121 @carol due:frii")
        await pilot.pause()
        assert preview(app).startswith("due: “frii” is not a date I can read")
        await pilot.press("backspace", "backspace", "end", "ctrl+u")
        await pilot.press(*"121 @carol 1h")
        await pilot.pause()
        assert (
            preview(app) == "Enter saves: 1-2-1 with Carol Evans (UNISON City Branch), now, 60 min"
        )
        await pilot.press("escape")
        await wait_for_screen(pilot, TodayScreen)
        assert filled.list(RelationalMeeting) == []
        offered = [c.description for c in commands_for(app.screen)]
        assert offered.count("Quick add") == 1  # Today's own key; the app's stands aside

        await pilot.press("p")  # anywhere else, the app's + key
        await wait_for_screen(pilot, PeopleScreen)
        assert [c.description for c in commands_for(app.screen)].count("Quick add") == 1
        await pilot.press("plus")
        await wait_for_screen(pilot, QuickCapture)
        await pilot.press(*"121 @bilal", "enter")
        await wait_for_screen(pilot, PeopleScreen)
        (meeting,) = filled.list(RelationalMeeting)
        assert meeting.person_id == next(
            p.id for p in filled.list(Person) if p.name == "Bilal Hussain"
        )


async def test_someone_new_in_one_line(filled: TinyRepository, clock: FixedClock) -> None:
    tag_school(filled)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, TodayScreen)
        await pilot.press("plus")
        await wait_for_screen(pilot, QuickCapture)
        await pilot.press(*'person Dev Patel #stmarys role:"dinner lady" email:dev@example.org')
        await pilot.pause()
        assert preview(app) == (
            "Enter saves: new person Dev Patel (St Mary's Primary, dinner lady), "
            "email dev@example.org"
        )
        await pilot.press("enter")
        await wait_for_screen(pilot, TodayScreen)
        (dev,) = [p for p in filled.list(Person) if p.name == "Dev Patel"]
        assert dev.email == "dev@example.org"
        assert [m.role for m in dev.memberships] == ["dinner lady"]
        assert filled.list(RelationalMeeting) == []
