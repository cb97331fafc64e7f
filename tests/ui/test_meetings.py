"""Meetings by keyboard: create one with attendees and minutes, add an action point with an
owner and a due date, tick it done on the meeting's screen and another one from Today."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from organiser.clock import LONDON, FixedClock
from organiser.models import ActionPoint, Meeting, MeetingKind, Person
from screens.app import OrganiserApp
from screens.meeting_detail import MeetingDetailScreen
from screens.meeting_dialog import MeetingDialog
from screens.meeting_point import ActionPointDialog
from screens.meetings_screen import MeetingsScreen
from screens.today_screen import TodayScreen
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, has_id, screen_text, tab_to, wait_for_screen, wait_for_today

TODAY = date(2026, 11, 23)


def person_id(repo: TinyRepository, name: str) -> str:
    (found,) = [p.id for p in repo.list(Person) if p.name == name]
    return found


async def test_create_a_meeting_add_an_action_point_and_tick_it_done(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina = person_id(filled, "Amina Khan")
    bilal = person_id(filled, "Bilal Hussain")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(MeetingsScreen(filled, clock))
        await wait_for_screen(pilot, MeetingsScreen)
        assert "No meetings yet: n adds one" in screen_text(app)

        await pilot.press("n")
        await wait_for_screen(pilot, MeetingDialog)
        await pilot.press(*"Planning Group [i]housing[/i]")
        await tab_to(pilot, has_id("meeting-kind"))
        await pilot.press("enter", "down", "down", "enter")  # Planning Group
        await tab_to(pilot, has_id("meeting-at"))
        await pilot.press(*"today 18:00")
        await tab_to(pilot, has_id("meeting-place"))
        await pilot.press(*"Highfields Centre")
        await tab_to(pilot, has_id("meeting-attendees"))
        await pilot.press("space", "down", "space")  # Amina Khan, Bilal Hussain
        await tab_to(pilot, has_id("meeting-minutes"))
        await pilot.press(*"Agreed the ask for the assembly")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, MeetingsScreen)

        (meeting,) = filled.list(Meeting)
        assert meeting.title == "Planning Group [i]housing[/i]"
        assert meeting.meeting_kind is MeetingKind.PLANNING_GROUP
        assert meeting.at == datetime(2026, 11, 23, 18, tzinfo=LONDON)
        assert meeting.place == "Highfields Centre"
        assert meeting.attendee_ids == [amina, bilal]
        assert meeting.minutes == "Agreed the ask for the assembly"
        assert "Planning Group [i]housing[/i]" in screen_text(app)

        await pilot.press("enter")
        await wait_for_screen(pilot, MeetingDetailScreen)
        await pilot.press("a")
        await wait_for_screen(pilot, ActionPointDialog)
        await pilot.press(*"Book the hall", "enter")
        await pilot.press(*"bilal", "enter")
        await pilot.press(*"fri", "enter")
        await wait_for_screen(pilot, MeetingDetailScreen)

        stored = filled.get(Meeting, meeting.id)
        assert stored is not None
        (point,) = stored.action_points
        assert (point.text, point.owner_id, point.due, point.done_on) == (
            "Book the hall",
            bilal,
            date(2026, 11, 27),
            None,
        )
        assert "Bilal Hussain" in screen_text(app)

        await pilot.press("space")
        await pilot.pause()
        stored = filled.get(Meeting, meeting.id)
        assert stored is not None and stored.action_points[0].done_on == TODAY
        await pilot.press("x")  # and untick it
        await pilot.pause()
        stored = filled.get(Meeting, meeting.id)
        assert stored is not None and stored.action_points[0].done_on is None


async def test_an_unknown_owner_is_shown_next_to_the_field(
    filled: TinyRepository, clock: FixedClock
) -> None:
    meeting = filled.save(Meeting(title="Team", at=datetime(2026, 11, 20, 10, tzinfo=LONDON)))
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(MeetingDetailScreen(filled, clock, meeting))
        await wait_for_screen(pilot, MeetingDetailScreen)
        await pilot.press("a")
        await wait_for_screen(pilot, ActionPointDialog)
        await pilot.press(*"Ring the council", "enter", *"zed", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ActionPointDialog)
        assert 'No one on record matches "zed".' in screen_text(app)
        stored = filled.get(Meeting, meeting.id)
        assert stored is not None and stored.action_points == []


async def test_tick_an_action_point_from_today_and_open_its_meeting(
    filled: TinyRepository, clock: FixedClock
) -> None:
    carol = person_id(filled, "Carol Evans")
    overdue = ActionPoint(text="Send the minutes", owner_id=carol, due=TODAY - timedelta(days=2))
    due_today = ActionPoint(text="Ring the vicar", due=TODAY)
    later = ActionPoint(text="Not yet", due=TODAY + timedelta(days=3))
    meeting = filled.save(
        Meeting(
            title="Leadership team",
            at=datetime(2026, 11, 16, 18, tzinfo=LONDON),
            action_points=[due_today, overdue, later],
        )
    )
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_today(pilot)
        assert isinstance(app.screen, TodayScreen)
        text = screen_text(app)
        assert "2 action points" in text
        assert "21 Nov overdue  Action point (Carol Evans): Send the" in text
        assert "Not yet" not in text
        await tab_to(pilot, has_id("today-follow-ups"))
        await pilot.press("f")  # the first, oldest due: Send the minutes
        await pilot.pause()
        stored = filled.get(Meeting, meeting.id)
        assert stored is not None
        done = {p.text: p.done_on for p in stored.action_points}
        assert done == {"Send the minutes": TODAY, "Ring the vicar": None, "Not yet": None}
        await wait_for_today(pilot)
        assert "Send the minutes" not in screen_text(app)

        await pilot.press("enter")
        await wait_for_screen(pilot, MeetingDetailScreen)
        assert "Leadership team" in screen_text(app)
        screen = app.screen
        assert isinstance(screen, MeetingDetailScreen)
        assert screen.points.current_id == due_today.id
