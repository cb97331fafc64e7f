"""Starting on Today as it was kept at the last close, while the database opens behind it.

The app paints the kept lines at once and says the database is opening; until it is open,
no key reaches the records. Then the same lines open and tick their records, and the live
summary replaces the kept one.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import cast

from textual.pilot import Pilot

from organiser.clock import LONDON, FixedClock
from organiser.models import LadderStage, OneToOneStatus, Person, Profile, RelationalMeeting
from organiser.repository import Repository
from screens.app import OrganiserApp
from screens.today_lines import preview_sections
from screens.today_preview import shown_today, today_as_it_is
from screens.today_screen import LOADING, OPENING, TodayList, TodayScreen
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, has_id, screen_text, tab_to, wait_for_screen

TODAY = date(2026, 11, 23)


def _seed(repo: TinyRepository) -> RelationalMeeting:
    amina = Person(name="Amina [b]Khan[/b]", ladder_stage=LadderStage.LEADER)
    held = RelationalMeeting(
        person_id=amina.id,
        at=datetime.combine(date(2026, 11, 16), time(10), LONDON),
        status=OneToOneStatus.HELD,
        follow_up="Send her the housing survey",
        follow_up_due=TODAY,
    )
    repo.save_all([Profile(organiser_name="Sam"), amina, held])
    return held


class _Held:
    """A repository whose every use waits until `release` (the database still opening)."""

    read_only = False

    def __init__(self, repo: Repository) -> None:
        self._repo = repo
        self.opened = threading.Event()

    def __getattr__(self, name: str) -> object:
        self.opened.wait()
        return getattr(self._repo, name)

    def until_open(self) -> Sequence[str]:
        self.opened.wait()
        return ["A warning from opening"]


async def _tick_first_follow_up(
    pilot: Pilot[object], repo: TinyRepository, held: RelationalMeeting
) -> None:
    """Tab to the follow-ups, tick the first done with `f`, and wait for it to be saved."""
    await tab_to(pilot, has_id("today-follow-ups"))
    pilot.app.screen.query_one("#today-follow-ups", TodayList).highlighted = 0
    await pilot.press("f")
    for _ in range(40):
        await pilot.pause(0.05)
        done = repo.get(RelationalMeeting, held.id)
        if done is not None and done.follow_up_done_on is not None:
            return


def test_what_is_kept_comes_back_line_for_line(repo: TinyRepository, clock: FixedClock) -> None:
    _seed(repo)
    shown = today_as_it_is(repo, clock)
    assert shown is not None and shown["zone"] == "Europe/London"
    found = preview_sections(shown)
    assert found is not None
    rate, sections = found
    assert "1-2-1s held over" in rate.plain
    follow_ups = next(s for s in sections if s.selector == "#today-follow-ups")
    line = follow_ups.options[0]
    assert "Amina [b]Khan[/b]" in str(cast("object", line.prompt))  # names are never markup
    assert line.id is not None and line.id.startswith("follow_up:")
    assert preview_sections({"rate": "text[/b]", "sections": []}) is None
    assert preview_sections({"sections": "no"}) is None


def test_no_profile_means_nothing_kept(repo: TinyRepository, clock: FixedClock) -> None:
    assert today_as_it_is(repo, clock) is None


async def test_kept_today_shows_at_once_and_acts_once_open(
    repo: TinyRepository, clock: FixedClock
) -> None:
    held = _seed(repo)
    profile = repo.profile()
    assert profile is not None
    from organiser.today import build_today

    shown = shown_today(build_today(repo, profile, TODAY), profile)
    waiting = _Held(repo)
    app = OrganiserApp(
        cast("Repository", waiting), clock, preview=shown, until_open=waiting.until_open
    )
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, TodayScreen)
        today = cast("TodayScreen", app.screen)
        text = screen_text(app)
        assert "Send her the housing survey" in text  # the kept lines, before any read
        assert OPENING in text
        assert app.opening
        await pilot.press("p")  # no key reaches the records meanwhile
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        waiting.opened.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if not app.opening:
                break
        assert today.summary is None  # the live summary waits a moment for the first keys
        await pilot.press("w")  # the rate's next period asks for it at once
        for _ in range(200):
            await pilot.pause(0.05)
            if today.summary_ready and today.summary is not None:
                break
        assert "Last 4 weeks" in screen_text(app)
        assert not app.opening
        assert OPENING not in screen_text(app)
        assert any("A warning from opening" in n.message for n in app._notifications)
        await _tick_first_follow_up(pilot, repo, held)
    done = repo.get(RelationalMeeting, held.id)
    assert done is not None and done.follow_up_done_on == TODAY


async def test_the_first_start_of_a_day_loads_today_while_the_database_opens(
    repo: TinyRepository, clock: FixedClock
) -> None:
    """Nothing kept is today's, but the database is as the app left it: Today paints at
    once saying it is loading, and fills in as soon as the database is open."""
    held = _seed(repo)
    waiting = _Held(repo)
    app = OrganiserApp(cast("Repository", waiting), clock, until_open=waiting.until_open)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, TodayScreen)
        today = cast("TodayScreen", app.screen)
        text = screen_text(app)
        assert LOADING in text and OPENING in text
        assert "Send her the housing survey" not in text
        assert app.opening
        waiting.opened.set()
        for _ in range(200):
            await pilot.pause(0.05)
            if today.summary is not None and today.summary_ready:
                break
        assert not app.opening
        text = screen_text(app)
        assert "Send her the housing survey" in text and OPENING not in text
        await _tick_first_follow_up(pilot, repo, held)
    done = repo.get(RelationalMeeting, held.id)
    assert done is not None and done.follow_up_done_on == TODAY


async def test_an_open_that_fails_closes_the_app(repo: TinyRepository, clock: FixedClock) -> None:
    _seed(repo)
    profile = repo.profile()
    assert profile is not None
    from organiser.today import build_today

    shown = shown_today(build_today(repo, profile, TODAY), profile)

    def fails() -> Sequence[str]:
        raise OSError("the disk went away")

    app = OrganiserApp(repo, clock, preview=shown, until_open=fails)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(40):
            await pilot.pause(0.05)
            if not app.is_running:
                break
    assert app.return_value is None
