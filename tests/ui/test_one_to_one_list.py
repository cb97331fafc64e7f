"""The 1-2-1s list and a 1-2-1's own screen: book, mark held, cancel, tick follow-ups, filter."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from textual.screen import Screen
from textual.widgets import Input, Select

from organiser.clock import LONDON, FixedClock
from organiser.models import (
    Institution,
    Membership,
    OneToOneStatus,
    Person,
    Profile,
    Record,
    RelationalMeeting,
)
from screens.app import OrganiserApp
from screens.commands import BindingCommands, declared_bindings
from screens.confirm import ConfirmDialog
from screens.one_to_one_detail import OneToOneDetailScreen
from screens.one_to_one_dialog import OneToOneDialog
from screens.one_to_one_list import OneToOnesScreen, count_line
from screens.people_screen import PeopleScreen
from screens.widgets.one_to_one_table import OneToOneTable
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, go_to_people, has_id, notices, screen_text, tab_to

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=LONDON)


def person_named(repo: TinyRepository, name: str) -> Person:
    (person,) = [p for p in repo.list(Person) if p.name == name]
    return person


def shown(app: OrganiserApp) -> list[RelationalMeeting]:
    screen = app.screen
    assert isinstance(screen, OneToOnesScreen)
    return screen.shown


async def open_list(pilot: Any, tries: int = 100) -> None:
    await pilot.pause()
    await pilot.press("o")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, OneToOnesScreen)
    for _ in range(tries):  # the first reading happens in a thread
        if screen.loaded:
            return
        await pilot.pause(0.02)
    raise AssertionError("the 1-2-1 list never loaded")


async def test_book_a_one_to_one_then_mark_it_held(
    filled: TinyRepository, clock: FixedClock
) -> None:
    bilal = person_named(filled, "Bilal Hussain")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        assert "No 1-2-1s yet: l logs one" in screen_text(app)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, OneToOneDialog)
        text = screen_text(app)
        assert "Book a 1-2-1" in text
        assert "What they care about" not in text  # nothing was said yet
        await pilot.press(*"huss", "enter")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#at")
        await pilot.press(*"tomorrow 10am", "enter", *"30", "enter", *"Mosque café", "ctrl+s")
        await pilot.pause()

        assert isinstance(app.screen, OneToOnesScreen)
        (booked,) = filled.list(RelationalMeeting)
        assert booked.person_id == bilal.id
        assert booked.status is OneToOneStatus.BOOKED
        assert booked.at == datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)
        assert (booked.length_minutes, booked.place) == (30, "Mosque café")
        row = next(line for line in screen_text(app).splitlines() if "Bilal Hussain" in line)
        assert "Tue 24 Nov 2026 10:00" in row and "Booked" in row and "Highfields" in row

        # The next day it was held: h opens the dialog to fill in what was said.
        clock.advance(days=1, hours=2)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, OneToOneDialog)
        assert "Held: the 1-2-1 with Bilal Hussain" in screen_text(app)
        assert app.focused is app.screen.query_one("#interests")
        await pilot.press(*"Youth provision")
        await tab_to(pilot, has_id("potential"))
        await pilot.press("3")
        await tab_to(pilot, has_id("follow-up"))
        await pilot.press(*"Send the youth survey")
        await tab_to(pilot, has_id("follow-up-due"))
        await pilot.press(*"thu", "ctrl+s")
        await pilot.pause()

        assert isinstance(app.screen, OneToOnesScreen)
        held = filled.get(RelationalMeeting, booked.id)
        assert held is not None
        assert held.status is OneToOneStatus.HELD
        assert held.at == booked.at  # the time it was booked for
        assert (held.length_minutes, held.place) == (30, "Mosque café")
        assert (held.interests, held.potential) == ("Youth provision", 3)
        assert held.follow_up_due == date(2026, 11, 26)
        assert filled.count(RelationalMeeting) == 1
        await pilot.press("h")  # already held: says so
        await pilot.pause()
        assert isinstance(app.screen, OneToOnesScreen)
        assert "This 1-2-1 is already marked held: e edits it." in notices(app)


async def test_cancel_a_booking_from_the_list_and_from_its_screen(
    filled: TinyRepository, clock: FixedClock
) -> None:
    carol = person_named(filled, "Carol Evans")
    amina = person_named(filled, "Amina Khan")
    first = RelationalMeeting(
        person_id=carol.id, at=NOW + timedelta(days=2), status=OneToOneStatus.BOOKED
    )
    second = RelationalMeeting(
        person_id=amina.id, at=NOW + timedelta(days=1), status=OneToOneStatus.BOOKED
    )
    filled.save_all([first, second])
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        assert [m.id for m in shown(app)] == [first.id, second.id]  # newest first
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Cancel the 1-2-1 with Carol Evans on Wed 25 Nov 2026 09:30?" in screen_text(app)
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert filled.get(RelationalMeeting, first.id).status is OneToOneStatus.BOOKED  # type: ignore[union-attr]
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        cancelled = filled.get(RelationalMeeting, first.id)
        assert cancelled is not None and cancelled.status is OneToOneStatus.CANCELLED
        assert "Cancelled" in screen_text(app)

        # From its own screen: x is offered only while it is booked.
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, OneToOneDetailScreen)
        assert "x Cancel it" in screen_text(app).splitlines()[-1]
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, OneToOneDetailScreen)
        assert filled.get(RelationalMeeting, second.id).status is OneToOneStatus.CANCELLED  # type: ignore[union-attr]
        footer = screen_text(app).splitlines()[-1]
        assert "Cancel it" not in footer and "h Mark held" in footer
        assert "Cancelled 1-2-1 with Amina Khan" in screen_text(app)


async def test_tick_a_follow_up_done_and_undo_it(filled: TinyRepository, clock: FixedClock) -> None:
    amina = person_named(filled, "Amina Khan")
    meeting = RelationalMeeting(
        person_id=amina.id,
        at=NOW - timedelta(days=5),
        follow_up="Invite to the taster",
        follow_up_due=date(2026, 11, 20),
    )
    filled.save(meeting)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        assert "OVERDUE Fri 20 Nov 2026 · Inv" in screen_text(app)
        await pilot.press("f")  # from the list
        await pilot.pause()
        ticked = filled.get(RelationalMeeting, meeting.id)
        assert ticked is not None and ticked.follow_up_done_on == clock.today()
        assert "done Mon 23 Nov 2026 · Invite" in screen_text(app)

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OneToOneDetailScreen)
        await pilot.press("f")  # un-tick it from its own screen
        await pilot.pause()
        unticked = filled.get(RelationalMeeting, meeting.id)
        assert unticked is not None and unticked.follow_up_done_on is None
        assert "OVERDUE Fri 20 Nov 2026" in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        again = filled.get(RelationalMeeting, meeting.id)
        assert again is not None and again.follow_up_done_on == date(2026, 11, 23)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OneToOnesScreen)
        assert "done Mon 23 Nov 2026" in screen_text(app)


async def test_delete_from_the_detail_screen(filled: TinyRepository, clock: FixedClock) -> None:
    amina = person_named(filled, "Amina Khan")
    meeting = filled.save(RelationalMeeting(person_id=amina.id, at=NOW - timedelta(days=1)))
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await pilot.press("enter", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "permanent" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, OneToOnesScreen)
        assert filled.get(RelationalMeeting, meeting.id) is None
        assert "No 1-2-1s yet" in screen_text(app)


def alliance_with_history(repo: TinyRepository) -> dict[str, RelationalMeeting]:
    """Eight 1-2-1s across the three people of the small alliance, named for the tests."""
    amina, bilal, carol = (
        person_named(repo, n) for n in ("Amina Khan", "Bilal Hussain", "Carol Evans")
    )
    day = timedelta(days=1)
    meetings = {
        "amina today": RelationalMeeting(person_id=amina.id, at=NOW - 2 * 3600 * day / 86400,
                                         potential=5, place="[b]Café[/b]"),
        "amina sep": RelationalMeeting(person_id=amina.id, at=NOW - 70 * day, potential=4),
        "amina last year": RelationalMeeting(person_id=amina.id, at=NOW - 400 * day, potential=2),
        "bilal last week": RelationalMeeting(person_id=bilal.id, at=NOW - 6 * day, potential=3),
        "bilal booked": RelationalMeeting(person_id=bilal.id, at=NOW + 3 * day,
                                          status=OneToOneStatus.BOOKED),
        "bilal cancelled": RelationalMeeting(person_id=bilal.id, at=NOW - 20 * day,
                                             status=OneToOneStatus.CANCELLED),
        "carol oct": RelationalMeeting(person_id=carol.id, at=NOW - 40 * day, potential=1),
        "carol nov": RelationalMeeting(person_id=carol.id, at=NOW - 10 * day, potential=4),
    }  # fmt: skip
    repo.save_all(list(meetings.values()))
    return meetings


async def test_filters_on_the_list(filled: TinyRepository, clock: FixedClock) -> None:
    named = alliance_with_history(filled)
    mosque = next(i for i in filled.list(Institution) if i.name == "Highfields Mosque")

    def names(app: OrganiserApp) -> set[str]:
        ids = {m.id for m in shown(app)}
        return {name for name, m in named.items() if m.id in ids}

    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        assert names(app) == set(named)
        assert "8 1-2-1s" in screen_text(app)
        assert "[b]Café[/b]" not in screen_text(app)  # the list has no place column…
        assert [m.at for m in shown(app)] == sorted((m.at for m in named.values()), reverse=True)

        # Person: part of a name, typed.
        await pilot.press("slash", *"amin")
        await pilot.pause()
        assert names(app) == {"amina today", "amina sep", "amina last year"}
        assert "3 of 8 1-2-1s" in screen_text(app)

        # Potential: at least 4, chosen with the keyboard.
        await tab_to(pilot, has_id("filter-potential"))
        await pilot.press("enter", "down", "down", "down", "down", "enter")  # "Potential 4+"
        await pilot.pause()
        assert app.screen.query_one("#filter-potential", Select).value == 4
        assert names(app) == {"amina today", "amina sep"}

        # Escape clears every filter.
        await pilot.press("escape")
        await pilot.pause()
        assert names(app) == set(named)
        assert app.screen.query_one(OneToOneTable).has_focus

        # Institution: a 1-2-1 matches when its person belongs there.
        await tab_to(pilot, has_id("filter-institution"))
        await pilot.press("enter", "down", "enter")  # the first by name: Highfields Mosque
        await pilot.pause()
        assert app.screen.query_one("#filter-institution", Select).value == mosque.id
        assert names(app) == {"bilal last week", "bilal booked", "bilal cancelled"}

        # Status.
        status = app.screen.query_one("#filter-status", Select)
        status.value = OneToOneStatus.HELD
        await pilot.pause()
        assert names(app) == {"bilal last week"}
        await pilot.press("escape")
        await pilot.pause()

        # Period: this week runs Monday to Sunday, so the booking on Thursday shows.
        period = app.screen.query_one("#filter-period", Select)
        period.value = "this_week"
        await pilot.pause()
        assert names(app) == {"amina today", "bilal booked"}
        period.value = "last_4_weeks"
        await pilot.pause()
        assert names(app) == {"amina today", "bilal last week", "bilal cancelled", "carol nov"}
        period.value = "this_year"
        await pilot.pause()
        assert names(app) == set(named) - {"amina last year"}
        period.value = "this_quarter"
        await pilot.pause()
        assert names(app) == set(named) - {"amina last year", "amina sep"}

        # Custom: from and to, typed as dates are typed everywhere.
        period.value = "custom"
        await pilot.pause()
        assert app.screen.query_one("#custom-period").display
        await tab_to(pilot, has_id("filter-from"))
        await pilot.press(*"1/10/2026")
        await tab_to(pilot, has_id("filter-to"))
        await pilot.press(*"31 oct")
        await pilot.pause()
        assert names(app) == {"carol oct"}
        assert "Your 1-2-1 rate 01 Oct to 31 Oct 2026: " in screen_text(app)
        assert " over 22 working days = " in screen_text(app)
        await pilot.press("ctrl+u", *"blursday")
        await pilot.pause()
        assert "To: “blursday” is not a date" in screen_text(app)
        assert names(app) == set(named) - {"amina last year", "amina sep"}  # from 1 Oct only

        # Combined, and nothing found.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("slash", *"carol")
        status.value = OneToOneStatus.BOOKED
        await pilot.pause()
        assert names(app) == set()
        assert "None of 8 match" in screen_text(app)


async def test_the_list_filters_thousands_of_one_to_ones(
    repo: TinyRepository, clock: FixedClock
) -> None:
    institutions = [Institution(name=f"Institution {n}") for n in range(20)]
    people = [
        Person(
            name=f"Person {n:03d} Surname{n % 37}",
            memberships=[Membership(institution_id=institutions[n % 20].id)],
        )
        for n in range(300)
    ]
    meetings = [
        RelationalMeeting(
            person_id=people[n % 300].id,
            at=NOW - timedelta(hours=7 * n),
            potential=1 + n % 5,
            follow_up="Call back" if n % 3 else "",
            follow_up_due=date(2026, 11, 1) if n % 3 else None,
        )
        for n in range(3000)
    ]
    records: list[Record] = [Profile(organiser_name="Jo"), *institutions, *people, *meetings]
    repo.save_all(records)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        assert "3,000 1-2-1s" in screen_text(app)
        screen = app.screen
        assert isinstance(screen, OneToOnesScreen)
        person = screen.query_one("#filter-person", Input)
        # Eight people are Surname12; twelve names hold "00" (000-009, 100, 200); ten 1-2-1s each.
        for text, count in (("surname12", 80), ("person 00", 120), ("", 3000)):
            person.value = text
            screen.apply_filters()
            assert len(screen.shown) == count, text
        screen.load()
        assert "3,000 1-2-1s" in screen_text(app)


async def palette_offers(screen: Screen[Any]) -> set[str]:
    return {hit.text or "" async for hit in BindingCommands(screen).discover()}


async def test_keys_are_in_the_footer_help_and_palette(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina = person_named(filled, "Amina Khan")
    filled.save(
        RelationalMeeting(
            person_id=amina.id, at=NOW + timedelta(days=1), status=OneToOneStatus.BOOKED
        )
    )
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        people = await go_to_people(pilot)
        assert isinstance(people, PeopleScreen)
        offered = await palette_offers(people)
        assert {"Log a 1-2-1", "1-2-1s list"} <= offered
        assert "l Log a 1-2-1" in screen_text(app).splitlines()[-1]

        await open_list(pilot)
        footer = screen_text(app).splitlines()[-1]
        for key in ("b Book", "Open", "e Edit", "h Held", "x Cancel", "f Follow-up",
                    "l Log a 1-2-1", "q Quit"):  # fmt: skip
            assert key in footer, key
        for screen_type in (OneToOnesScreen, OneToOneDetailScreen, OneToOneDialog):
            if screen_type is OneToOneDetailScreen:
                await pilot.press("enter")
            elif screen_type is OneToOneDialog:
                await pilot.press("e")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, screen_type)
            offered = await palette_offers(screen)
            enabled = {
                b.description
                for b in declared_bindings(screen)
                if screen.check_action(b.action, ()) is not False
            }
            assert enabled and enabled <= offered, enabled - offered
            for binding in vars(screen_type)["BINDINGS"]:
                assert binding.id and binding.description
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "Mark held" in text and "Cancel it" in text and "Log a 1-2-1" in text


def test_count_line() -> None:
    assert count_line(0, 0, False) == "No 1-2-1s yet: l logs one"
    assert count_line(1, 1, False) == "1 1-2-1"
    assert count_line(1234, 1234, False) == "1,234 1-2-1s"
    assert count_line(3, 124, True) == "3 of 124 1-2-1s"
    assert count_line(0, 124, True) == "None of 124 match"


async def test_read_only_refuses_changes(filled: TinyRepository, clock: FixedClock) -> None:
    amina = person_named(filled, "Amina Khan")
    filled.save(RelationalMeeting(person_id=amina.id, at=NOW, follow_up="x"))
    read_only = TinyRepository(filled.db, clock, read_only=True)
    app = OrganiserApp(read_only, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_list(pilot)
        for key in ("l", "b", "e", "f", "d"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, OneToOnesScreen), key
        assert len([n for n in notices(app) if "read-only" in n]) == 5
        assert filled.list(RelationalMeeting)[0].follow_up_done_on is None


async def test_the_list_shows_one_to_ones_logged_elsewhere(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        assert "No 1-2-1s yet" in screen_text(app)
        await go_to_people(pilot)
        await pilot.press("enter")  # Amina's screen, in the People mode
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert filled.count(RelationalMeeting) == 1
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OneToOnesScreen)
        for _ in range(100):  # something was saved: the list is read again, in a thread
            if not app.screen.reading:
                break
            await pilot.pause(0.02)
        await pilot.pause()
        assert "1 1-2-1" in screen_text(app)
        assert "Amina Khan" in screen_text(app)


async def test_a_long_list_shows_a_window_of_rows_and_more_at_the_end(
    repo: TinyRepository, clock: FixedClock
) -> None:
    from screens.widgets.windowed_table import WINDOW

    amina = Person(name="Amina Khan")
    many = WINDOW + 30
    meetings = [
        RelationalMeeting(person_id=amina.id, at=NOW - timedelta(hours=n), story=f"Talk {n}")
        for n in range(many)
    ]
    repo.save_all([Profile(organiser_name="Jo"), amina, *meetings])
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        table = app.screen.query_one(OneToOneTable)
        assert table.row_count == WINDOW
        assert f"{many:,} 1-2-1s · showing {WINDOW}: filter to narrow" in screen_text(app)
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.row_count == many
        assert "showing" not in screen_text(app)
        await pilot.press("ctrl+end", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OneToOneDetailScreen)
        stored = repo.get(RelationalMeeting, meetings[-1].id)
        assert stored is not None and screen.meeting.id == stored.id
