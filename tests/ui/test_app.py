"""The shell: warnings at start, the read-only banner, the global keys, a large list."""

from __future__ import annotations

from datetime import date

import pytest

from organiser.clock import FixedClock
from organiser.models import Institution, Membership, Person, Profile, Record
from screens.app import OrganiserApp
from screens.people_screen import PeopleScreen, count_line
from screens.person_detail import PersonDetailScreen
from screens.person_dialog import PersonDialog
from screens.today_screen import TodayScreen
from screens.widgets.people_table import PeopleTable
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, go_to_people, notices, screen_text


async def test_warnings_are_shown_at_start(filled: TinyRepository, clock: FixedClock) -> None:
    warnings = [
        "File permissions were tightened to owner-only.",
        "This database is in a Dropbox folder: [b]others[/b] may be able to read it.",
    ]
    app = OrganiserApp(filled, clock, warnings=warnings)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert notices(app) == warnings
        assert all(n.severity == "warning" for n in app._notifications)
        assert "File permissions were tightened" in screen_text(app)
        assert "[b]others[/b]" in screen_text(app)


async def test_read_only_shows_a_banner_and_refuses_changes(
    filled: TinyRepository, clock: FixedClock
) -> None:
    read_only = TinyRepository(filled.db, clock, read_only=True)
    app = OrganiserApp(read_only, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        # Under the header and the areas' navigation bar (two lines when the areas need them).
        under_nav = screen_text(app).splitlines()[2:4]
        assert any("Read-only. The database is open read-only" in line for line in under_nav)
        await go_to_people(pilot)
        text = screen_text(app)
        under_nav = text.splitlines()[2:4]
        assert any("Read-only. The database is open read-only" in line for line in under_nav)
        for key in ("n", "e", "d"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, PeopleScreen), key
        assert len([n for n in notices(app) if "read-only" in n]) == 3
        assert "nothing can be saved" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonDetailScreen)
        assert "Read-only." in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PersonDetailScreen)
        assert filled.count(Person) == 3


async def test_p_goes_to_people_from_anywhere(filled: TinyRepository, clock: FixedClock) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonDetailScreen)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        assert len(app.screen_stack) == 1


async def test_q_quits(filled: TinyRepository, clock: FixedClock) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


async def test_ctrl_q_quits_even_from_a_dialog(filled: TinyRepository, clock: FixedClock) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        await pilot.press(*"q?p")  # letters are typing here, not keys
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_an_unexpected_failure_is_a_message_not_a_traceback(
    filled: TinyRepository, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)

        def broken(*args: object) -> None:
            raise RuntimeError("the disk went away")

        monkeypatch.setattr(filled, "profile", broken)
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, PeopleScreen)
        assert "Something went wrong: the disk went away" in notices(app)


def test_count_line() -> None:
    assert count_line(0, 0, False) == "No people yet: n adds one"
    assert count_line(1, 1, False) == "1 person"
    assert count_line(1234, 1234, False) == "1,234 people"
    assert count_line(3, 124, True) == "3 of 124 match"
    assert count_line(1, 124, True) == "1 of 124 matches"
    assert count_line(0, 124, True) == "No one of 124 matches"


def many_people(count: int) -> list[Record]:
    institutions = [Institution(name=f"Institution {n}") for n in range(40)]
    people: list[Record] = [
        Person(
            name=f"Person {n:04d} Surname{n % 97}",
            email=f"person{n}@example.org",
            phone=f"0116 496 {n:04d}",
            memberships=[Membership(institution_id=institutions[n % 40].id, role="member")],
            notes=f"Met on {date(2026, 1, 1 + n % 28)}",
        )
        for n in range(count)
    ]
    return [Profile(organiser_name="Jo"), *institutions, *people]


async def test_typing_a_search_over_two_thousand_people(
    repo: TinyRepository, clock: FixedClock
) -> None:
    repo.save_all(many_people(2000))
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        assert "2,000 people" in screen_text(app)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        table = screen.query_one(PeopleTable)
        for text in ("s", "su", "sur", "surn", "surname1", "surname1 institution 3"):
            screen.filter(text)
        for text in ("surname1 institution", "surname1", "", "0116 496 0042"):
            screen.filter(text)
        assert table.row_count == 1
        await pilot.press("slash", *"person 0042")
        await pilot.pause()
        assert table.row_count == 1
        assert "1 of 2,000 matches" in screen_text(app)


async def test_an_unexpected_failure_on_the_diary_keepers_timer_is_a_message(
    filled: TinyRepository, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The diary keeper checks the Profile on a timer, whatever the organiser is doing: a
    failure there is told, and the app carries on."""
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        def broken(*args: object) -> None:
            raise RuntimeError("the disk went away")

        monkeypatch.setattr(filled, "profile", broken)
        app.diary_keeper._dirty = True
        app.diary_keeper._due()
        await pilot.pause()
        assert app.is_running
        assert any("the disk went away" in notice for notice in notices(app))
