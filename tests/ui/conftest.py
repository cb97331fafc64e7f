"""Pilot tests build the app on an in-memory repository, a fixed clock and a 120x36 terminal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from organiser.clock import FixedClock
from organiser.models import (
    Consent,
    Institution,
    InstitutionKind,
    LadderStage,
    Membership,
    Person,
    Profile,
    Record,
)
from screens.people_screen import PeopleScreen
from screens.today_screen import TodayScreen
from store.repository import TinyRepository

SIZE = (120, 36)


@pytest.fixture
def repo(clock: FixedClock) -> Iterator[TinyRepository]:
    repository = TinyRepository(TinyDB(storage=MemoryStorage), clock)
    yield repository
    repository.close()


def alliance() -> list[Record]:
    """A small alliance: a profile with renamed stages, three institutions, three people."""
    school = Institution(name="St Mary's Primary", institution_kind=InstitutionKind.SCHOOL)
    mosque = Institution(
        name="Highfields Mosque", institution_kind=InstitutionKind.FAITH_CONGREGATION
    )
    branch = Institution(name="UNISON City Branch", institution_kind=InstitutionKind.UNION_BRANCH)
    profile = Profile(
        organiser_name="Jo Bloggs",
        alliance_name="Leicester Citizens",
        ladder_names={LadderStage.LEADER: "Leader (trained)"},
    )
    amina = Person(
        name="Amina Khan",
        phone="+44 7700 900123",
        email="amina@example.org",
        memberships=[Membership(institution_id=school.id, role="parent governor")],
        ladder_stage=LadderStage.LEADER,
        consent_to_contact=Consent(given=True, on=date(2026, 1, 5)),
        notes="Cares about damp housing",
        private_notes="Worried about her visa",
    )
    bilal = Person(
        name="Bilal Hussain",
        email="bilal@example.org",
        memberships=[Membership(institution_id=mosque.id, role="youth worker")],
    )
    carol = Person(
        name="Carol Evans",
        phone="0116 496 0000",
        memberships=[Membership(institution_id=branch.id, role="branch secretary")],
        ladder_stage=LadderStage.POTENTIAL_LEADER,
    )
    return [profile, school, mosque, branch, amina, bilal, carol]


@pytest.fixture
def filled(repo: TinyRepository) -> TinyRepository:
    repo.save_all(alliance())
    return repo


def screen_text(app: App[object]) -> str:
    """What the terminal shows, as lines of text (the top screen, dialogs over their screen)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def tab_to(pilot: Pilot[object], matches: Callable[[Widget], bool], limit: int = 60) -> None:
    """Press tab until the focused widget is the one wanted, as a person would."""
    for _ in range(limit):
        focused = pilot.app.focused
        if focused is not None and matches(focused):
            return
        await pilot.press("tab")
    raise AssertionError("tabbed all the way round without reaching the field")


def has_id(widget_id: str) -> Callable[[Widget], bool]:
    return lambda widget: widget.id == widget_id


def inside(widget_id: str, kind: type[Widget]) -> Callable[[Widget], bool]:
    """The first widget of `kind` inside the widget with `widget_id`."""
    return lambda widget: isinstance(widget, kind) and any(
        ancestor.id == widget_id for ancestor in widget.ancestors
    )


def notices(app: App[object]) -> list[str]:
    return [notification.message for notification in app._notifications]


async def wait_for_screen(pilot: Pilot[object], kind: type[Screen[Any]], tries: int = 40) -> None:
    """Wait until a `kind` is the screen on top: a busy machine can take more than one pause."""
    for _ in range(tries):
        await pilot.pause()
        if isinstance(pilot.app.screen, kind) and pilot.app.screen.is_current:
            await pilot.pause()  # and let whatever put it there finish its step
            return
        await pilot.pause(0.05)
    raise AssertionError(f"{type(pilot.app.screen).__name__} is on top, not {kind.__name__}")


async def wait_for_today(pilot: Pilot[object], tries: int = 80) -> TodayScreen:
    """Wait until Today is on top and shows its summary, which is built in a thread."""
    await wait_for_screen(pilot, TodayScreen)
    for _ in range(tries):
        screen = pilot.app.screen
        if isinstance(screen, TodayScreen) and screen.summary_ready:
            await pilot.pause()
            return screen
        await pilot.pause(0.05)
    raise AssertionError("the Today summary never arrived")


async def go_to_people(pilot: Pilot[object]) -> PeopleScreen:
    """The app opens on Today: press `p` for the People list, as a person would."""
    await pilot.pause()
    await pilot.press("p")
    await wait_for_screen(pilot, PeopleScreen)
    screen = pilot.app.screen
    assert isinstance(screen, PeopleScreen)
    for _ in range(100):  # the first reading happens in a thread
        if screen.loaded:
            await pilot.pause()
            return screen
        await pilot.pause(0.02)
    raise AssertionError("the People list never loaded")
