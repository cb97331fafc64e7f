"""The Today screen: the app opens on it, it answers "what do I do today", each line opens."""

from __future__ import annotations

import threading
from datetime import date, datetime, time, timedelta

import pytest

import organiser.today
from organiser.clock import LONDON, FixedClock
from organiser.models import (
    Institution,
    LadderMove,
    LadderStage,
    OneToOneStatus,
    Person,
    Profile,
    RelationalMeeting,
)
from organiser.repository import Repository
from organiser.today import TodaySummary, build_today
from screens.app import OrganiserApp
from screens.today_screen import LOADING, TodayList, TodayScreen
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, has_id, screen_text, tab_to, wait_for_today

TODAY = date(2026, 11, 23)


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), LONDON)


def seed(repo: TinyRepository) -> dict[str, str]:
    amina = Person(name="Amina [b]Khan[/b]", ladder_stage=LadderStage.LEADER)
    bilal = Person(name="Bilal Hussain", ladder_stage=LadderStage.EMERGING_LEADER)
    school = Institution(name="St Mary's Primary", renewal_date=TODAY + timedelta(days=20))
    booked = RelationalMeeting(
        person_id=amina.id, at=at(TODAY, 14), status=OneToOneStatus.BOOKED, place="Library"
    )
    due = RelationalMeeting(
        person_id=amina.id, at=at(TODAY - timedelta(days=7), 10),
        follow_up="Invite to the taster training", follow_up_due=TODAY,
    )
    held_this_week = RelationalMeeting(person_id=amina.id, at=at(TODAY, 8))
    promoted = LadderMove(  # an emerging leader for 60 days, never met: losing touch
        person_id=bilal.id, on=TODAY - timedelta(days=60),
        from_stage=LadderStage.CONTACT, to_stage=LadderStage.EMERGING_LEADER,
    )
    repo.save_all([
        Profile(organiser_name="Jo", working_days=[0, 1, 3]),
        amina, bilal, school, booked, due, held_this_week, promoted,
    ])
    return {"amina": amina.id, "bilal": bilal.id, "booked": booked.id, "due": due.id}


async def test_the_app_opens_on_today_with_every_section(
    repo: TinyRepository, clock: FixedClock
) -> None:
    seed(repo)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_today(pilot)
        assert isinstance(app.screen, TodayScreen)
        text = screen_text(app)
        assert "Today — Monday 23 November 2026" in text
        assert "This week: 1 1-2-1s held over 1 working day = 1.0 a day (target 3)" in text
        assert "14:00  Amina [b]Khan[/b]  at Library" in text
        assert "today  Amina [b]Khan[/b]: Invite to the taster training" in text
        assert "39 days overdue  Bilal Hussain  Emerging leader  never" in text  # had a 1-2-1
        assert "St Mary's Primary" in text
        assert "No trainings in the next week" in text
        assert "No one waiting to confirm a training" in text
        await pilot.press("w")
        await pilot.pause()
        assert "Last 4 weeks: 2 1-2-1s held over 12 working days" in screen_text(app)


async def test_today_paints_at_once_and_fills_in_when_the_summary_is_built(
    repo: TinyRepository, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing blocks the first frame: until the summary arrives each list says it is loading,
    and the keys still work."""
    seed(repo)
    release = threading.Event()

    def slow_build(repo: Repository, profile: Profile, today: date) -> TodaySummary:
        assert release.wait(10), "the test never let the summary be built"
        return build_today(repo, profile, today)

    monkeypatch.setattr(organiser.today, "build_today", slow_build)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen) and not screen.summary_ready
        text = screen_text(app)
        assert "Today — Monday 23 November 2026" in text
        assert text.count(LOADING) == 7  # the rate line and each of the six lists
        await pilot.press("tab")  # the screen answers keys while it waits
        await pilot.press("f")
        await pilot.pause()
        release.set()
        await wait_for_today(pilot)
        text = screen_text(app)
        assert LOADING not in text
        assert "14:00  Amina [b]Khan[/b]  at Library" in text
        assert "This week: 1 1-2-1s held" in text
        # The follow-up was not ticked while the list was loading.
        assert all(m.follow_up_done_on is None for m in repo.list(RelationalMeeting))


async def test_ticking_a_follow_up_saves_it_done_today(
    repo: TinyRepository, clock: FixedClock
) -> None:
    ids = seed(repo)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_today(pilot)
        await tab_to(pilot, has_id("today-follow-ups"))
        await pilot.press("f")
        await pilot.pause()
        stored = repo.get(RelationalMeeting, ids["due"])
        assert stored is not None and stored.follow_up_done_on == TODAY
        await wait_for_today(pilot)
        assert "No follow-ups due" in screen_text(app)


async def test_enter_opens_the_record_behind_a_line(
    repo: TinyRepository, clock: FixedClock
) -> None:
    ids = seed(repo)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_today(pilot)
        await tab_to(pilot, has_id("today-cold"))
        await pilot.press("enter")
        await pilot.pause()
        assert "Bilal Hussain" in screen_text(app)
        assert not isinstance(app.screen, TodayScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert isinstance(app.focused, TodayList)
        assert ids["bilal"]


async def test_log_a_1_2_1_from_today_with_a_new_person_and_see_it_counted(
    repo: TinyRepository, clock: FixedClock
) -> None:
    seed(repo)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_today(pilot)
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"Zofia Wójcik")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await tab_to(pilot, has_id("follow-up"))
        await pilot.press(*"Send the housing survey")
        await tab_to(pilot, has_id("follow-up-due"))
        await pilot.press(*"today")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await wait_for_today(pilot)

        assert isinstance(app.screen, TodayScreen)
        [zofia] = [p for p in repo.list(Person) if p.name == "Zofia Wójcik"]
        [meeting] = repo.list(RelationalMeeting, {"person_id": zofia.id})
        assert meeting.status is OneToOneStatus.HELD
        assert meeting.follow_up == "Send the housing survey"
        assert meeting.follow_up_due == TODAY
        text = screen_text(app)
        assert "This week: 2 1-2-1s held" in text
        assert "Zofia Wójcik: Send the housing survey" in text
