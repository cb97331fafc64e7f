"""The People and 1-2-1s lists are read in a thread, and read again on a later visit only
when something was saved since: a visit with nothing new shows the rows made last time."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from textual.pilot import Pilot

import screens.one_to_one_list as one_to_one_list
import screens.people_screen as people_screen
from organiser.clock import LONDON, FixedClock
from organiser.models import Person, Profile, RelationalMeeting
from organiser.repository import Repository
from screens.app import OrganiserApp
from screens.list_reads import OneToOnesRead, PeopleRead
from screens.one_to_one_list import OneToOnesScreen
from screens.people_screen import PeopleScreen
from screens.today_screen import TodayScreen
from screens.widgets.windowed_table import WINDOW
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, go_to_people, screen_text, wait_for_screen

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=LONDON)


async def settled(pilot: Pilot[object], screen: PeopleScreen | OneToOnesScreen) -> None:
    """Wait until the list's reading in a thread, if any, has been shown."""
    for _ in range(100):
        await pilot.pause()
        if screen.loaded and not screen.reading:
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError("the list never finished reading")


async def press_and_settle(
    pilot: Pilot[object], key: str, kind: type[PeopleScreen]
) -> PeopleScreen:
    await pilot.press(key)
    await wait_for_screen(pilot, kind)
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    await settled(pilot, screen)
    return screen


async def open_one_to_ones(pilot: Pilot[object]) -> OneToOnesScreen:
    """From Today, `o` for the 1-2-1 list, once its records are read and shown."""
    await pilot.pause()
    await pilot.press("o")
    await wait_for_screen(pilot, OneToOnesScreen)
    screen = pilot.app.screen
    assert isinstance(screen, OneToOnesScreen)
    await settled(pilot, screen)
    return screen


def count_reads(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often each list reads its records, counted as they are read."""
    counts = {"people": 0, "one_to_ones": 0}
    read_people, read_one_to_ones = people_screen.read_people, one_to_one_list.read_one_to_ones

    def people(repo: Repository, *args: object) -> PeopleRead:
        counts["people"] += 1
        return read_people(repo, *args)  # type: ignore[arg-type]

    def one_to_ones(repo: Repository, *args: object) -> OneToOnesRead:
        counts["one_to_ones"] += 1
        return read_one_to_ones(repo, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(people_screen, "read_people", people)
    monkeypatch.setattr(one_to_one_list, "read_one_to_ones", one_to_ones)
    return counts


async def test_people_saved_elsewhere_are_listed_on_the_next_visit(
    filled: TinyRepository, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = count_reads(monkeypatch)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to_people(pilot)
        assert "Zainab Okoro" not in screen_text(app)
        assert reads["people"] == 1

        # Back and forth with nothing saved: the rows made last time are shown again.
        await pilot.press("t")
        await wait_for_screen(pilot, TodayScreen)
        await press_and_settle(pilot, "p", PeopleScreen)
        assert reads["people"] == 1

        # Someone saved while the list is not on screen (as quick capture or an import would).
        await pilot.press("t")
        await wait_for_screen(pilot, TodayScreen)
        zainab = app.repo.save(Person(name="Zainab Okoro"))
        assert await press_and_settle(pilot, "p", PeopleScreen) is screen
        assert reads["people"] == 2
        assert "Zainab Okoro" in screen_text(app)
        assert zainab.id in screen.table.shown_ids
        assert filled.get(Person, zainab.id) is not None
        await pilot.press("slash", *"zainab", "enter", "enter")
        await pilot.pause()
        assert getattr(app.screen, "person", None) == zainab


async def test_a_visit_with_nothing_new_keeps_the_one_to_ones_list(
    filled: TinyRepository, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    amina = next(p for p in filled.list(Person) if p.name == "Amina Khan")
    filled.save(RelationalMeeting(person_id=amina.id, at=NOW - timedelta(days=1)))
    reads = count_reads(monkeypatch)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_one_to_ones(pilot)
        assert "1 1-2-1" in screen_text(app)
        await pilot.press("t")
        await wait_for_screen(pilot, TodayScreen)
        await pilot.press("o")
        await wait_for_screen(pilot, OneToOnesScreen)
        await settled(pilot, screen)
        assert reads["one_to_ones"] == 1
        assert "1 1-2-1" in screen_text(app)

        await pilot.press("t")
        await wait_for_screen(pilot, TodayScreen)
        later = app.repo.save(RelationalMeeting(person_id=amina.id, at=NOW - timedelta(hours=1)))
        await pilot.press("o")
        await wait_for_screen(pilot, OneToOnesScreen)
        await settled(pilot, screen)
        assert reads["one_to_ones"] == 2
        assert "2 1-2-1s" in screen_text(app)
        assert screen.table.shown_ids[0] == later.id  # newest first
        assert filled.count(RelationalMeeting) == 2


async def test_the_first_window_of_one_to_ones_is_newest_first_across_the_clock_change(
    repo: TinyRepository, clock: FixedClock
) -> None:
    """Moments kept with different offsets (summer time and winter time) sort by instant."""
    amina = Person(name="Amina Khan")
    start = datetime(2026, 10, 24, 12, 0, tzinfo=LONDON)  # the clocks go back on the 25th
    meetings = [
        RelationalMeeting(person_id=amina.id, at=start + timedelta(hours=7 * n))
        for n in range(WINDOW + 20)
    ]
    repo.save_all([Profile(organiser_name="Jo"), amina, *reversed(meetings)])
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_one_to_ones(pilot)
        stored = sorted(repo.list(RelationalMeeting), key=lambda m: m.at, reverse=True)
        assert {m.at.utcoffset() for m in stored} == {timedelta(0), timedelta(hours=1)}
        assert screen.table.row_count == WINDOW
        assert list(screen.table.shown_ids) == [m.id for m in stored]
        await pilot.press("enter")
        await pilot.pause()
        assert getattr(app.screen, "meeting", None) == stored[0]
