"""Log a 1-2-1 with the keyboard alone, from anywhere; check what the repository holds."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import TypeVar

from textual.command import CommandPalette
from textual.widgets import Input

from organiser.clock import LONDON, FixedClock
from organiser.errors import StoreError
from organiser.models import OneToOneStatus, Person, Profile, Record, RelationalMeeting
from screens.app import OrganiserApp
from screens.confirm import ConfirmDialog
from screens.one_to_one_detail import OneToOneDetailScreen
from screens.one_to_one_dialog import OneToOneDialog
from screens.people_screen import PeopleScreen
from screens.person_detail import PersonDetailScreen
from screens.widgets.field_error import FieldError
from screens.widgets.one_to_one_table import OneToOneTable
from screens.widgets.person_picker import PersonPicker
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, go_to_people, has_id, notices, screen_text, tab_to

R = TypeVar("R", bound=Record)


def person_named(repo: TinyRepository, name: str) -> Person:
    found = [p for p in repo.list(Person) if p.name == name]
    assert len(found) == 1, f"expected one {name!r}, found {len(found)}"
    return found[0]


def field_errors(app: OrganiserApp) -> dict[str, str]:
    return {e.id or "": e.message for e in app.screen.query(FieldError) if e.message}


def one_to_ones(repo: TinyRepository) -> list[RelationalMeeting]:
    return sorted(repo.list(RelationalMeeting), key=lambda m: m.at)


async def test_log_a_one_to_one_from_the_people_list(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina = person_named(filled, "Amina Khan")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, OneToOneDialog)
        assert "Log a 1-2-1" in screen_text(app)
        assert app.screen.query_one("#at", Input).value == "Mon 23 Nov 2026 09:30"  # now

        await pilot.press(*"khan")  # part of the name: Amina is suggested first
        await pilot.pause()
        assert "Amina Khan  St Mary's Primary" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(PersonPicker).chosen == amina
        assert app.focused is app.screen.query_one("#at")  # on to the next field
        await pilot.press("ctrl+u", *"today 8:15")
        await pilot.pause()
        assert "→ Mon 23 Nov 2026 08:15" in screen_text(app)
        await pilot.press("enter", *"40", "tab", *"Café Rio")
        await tab_to(pilot, has_id("interests"))
        await pilot.press(*"Her children's school")
        await tab_to(pilot, has_id("self-interest"))
        await pilot.press(*"Wants her kids to be safe")
        await tab_to(pilot, has_id("story"))
        await pilot.press(*"Came from Kampala in 2015", "enter", *"Works nights")
        await tab_to(pilot, has_id("tension"))
        await pilot.press(*"Damp in the flat; the landlord ignores her")
        await tab_to(pilot, has_id("potential"))
        await pilot.press("4")
        await tab_to(pilot, has_id("follow-up"))
        await pilot.press(*"Invite to the leadership taster")
        await tab_to(pilot, has_id("follow-up-due"))
        await pilot.press(*"fri")
        await tab_to(pilot, has_id("next-meeting-at"))
        await pilot.press(*"next mon 10am")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert isinstance(app.screen, PeopleScreen), field_errors(app)
        held, booked = one_to_ones(filled)
        assert held.person_id == amina.id
        assert held.status is OneToOneStatus.HELD
        assert held.at == datetime(2026, 11, 23, 8, 15, tzinfo=LONDON)
        assert held.length_minutes == 40
        assert held.place == "Café Rio"
        assert held.interests == "Her children's school"
        assert held.self_interest == "Wants her kids to be safe"
        assert held.story == "Came from Kampala in 2015\nWorks nights"
        assert held.tension == "Damp in the flat; the landlord ignores her"
        assert held.potential == 4
        assert held.follow_up == "Invite to the leadership taster"
        assert held.follow_up_due == date(2026, 11, 27)
        assert held.follow_up_done_on is None
        assert held.next_meeting_at == datetime(2026, 11, 30, 10, 0, tzinfo=LONDON)
        # The next meeting is booked as a 1-2-1 of its own, so Today shows it that day.
        assert booked.person_id == amina.id
        assert booked.status is OneToOneStatus.BOOKED
        assert booked.at == held.next_meeting_at
        assert filled.count(Person) == 3
        assert any("next 1-2-1 booked for Mon 30 Nov 2026 10:00" in n for n in notices(app))


async def test_log_from_a_persons_screen_fills_them_in_and_shows_their_history(
    filled: TinyRepository, clock: FixedClock
) -> None:
    bilal = person_named(filled, "Bilal Hussain")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("down", "enter")  # Bilal, second by name
        await pilot.pause()
        assert isinstance(app.screen, PersonDetailScreen)
        assert "1-2-1s: none yet" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, OneToOneDialog)
        assert app.screen.query_one(PersonPicker).chosen == bilal
        assert app.focused is app.screen.query_one("#at")
        await pilot.press(*"yesterday 17:00")
        await tab_to(pilot, has_id("tension"))
        await pilot.press(*"[b]Youth club[/b] closing")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert isinstance(app.screen, PersonDetailScreen), field_errors(app)
        (meeting,) = one_to_ones(filled)
        assert meeting.person_id == bilal.id
        assert meeting.at == datetime(2026, 11, 22, 17, 0, tzinfo=LONDON)
        assert meeting.tension == "[b]Youth club[/b] closing"
        text = screen_text(app)
        assert "1-2-1s (1), newest first" in text
        assert "Sun 22 Nov 2026 17:00" in text
        assert "[b]Youth club[/b] closing" in text  # shown as typed, never as markup

        # Enter on an entry opens it; e edits it with the same dialog.
        timeline = app.screen.query_one("#timeline", OneToOneTable)
        assert timeline.has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OneToOneDetailScreen)
        assert "Held 1-2-1 with Bilal Hussain" in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, OneToOneDialog)
        assert "Edit the 1-2-1 with Bilal Hussain" in screen_text(app)
        await tab_to(pilot, has_id("potential"))
        await pilot.press("3", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OneToOneDetailScreen)
        edited = filled.get(RelationalMeeting, meeting.id)
        assert edited is not None
        assert (edited.potential, edited.revision) == (3, 2)
        assert edited.tension == meeting.tension
        assert filled.count(RelationalMeeting) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PersonDetailScreen)
        assert "3 of 5" in screen_text(app)


async def test_a_new_person_is_added_with_the_one_to_one(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"Zofia Wójcik")
        await pilot.pause()
        assert "+ New person: Zofia Wójcik" in screen_text(app)  # no one matches: the only one
        await pilot.press("enter")
        await pilot.pause()
        assert "added to People when you save" in screen_text(app)
        await tab_to(pilot, has_id("interests"))
        await pilot.press(*"Saturday school")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert isinstance(app.screen, PeopleScreen), field_errors(app)
        zofia = person_named(filled, "Zofia Wójcik")
        (meeting,) = one_to_ones(filled)
        assert meeting.person_id == zofia.id
        assert meeting.interests == "Saturday school"
        assert filled.count(Person) == 4

        # Someone new who shares a name with someone on record: arrow past the suggestion.
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"Carol")
        await pilot.pause()
        assert "Carol Evans" in screen_text(app)
        await pilot.press("down", "enter", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen), field_errors(app)
        carol = person_named(filled, "Carol")
        assert carol.id in {m.person_id for m in filled.list(RelationalMeeting)}
        assert filled.count(Person) == 5


async def test_a_bad_date_is_refused_next_to_the_date_and_nothing_is_saved(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("ctrl+s")  # no one chosen
        await pilot.pause()
        assert isinstance(app.screen, OneToOneDialog)
        assert field_errors(app) == {
            "person-id-error": "Choose who you met: type part of their name"
        }
        await pilot.press(*"a")  # several people
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert field_errors(app)["person-id-error"].startswith('"a" matches 3 people')

        await pilot.press("ctrl+u", *"amina", "enter")
        await pilot.press("ctrl+u", *"blursday 14:30")
        await tab_to(pilot, has_id("interests"))
        await pilot.press(*"Housing")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OneToOneDialog)
        errors = field_errors(app)
        assert list(errors) == ["at-error"]
        assert errors["at-error"].startswith("Date and time: “blursday” is not a date I can read")
        assert "Date and time: “blursday” is not" in screen_text(app)  # shown by the field
        assert app.focused is app.screen.query_one("#at")
        assert filled.count(RelationalMeeting) == 0

        # Potential 7 is refused next to the potential; what was typed is all still there.
        await pilot.press("ctrl+u", *"today 11am")
        await tab_to(pilot, has_id("potential"))
        await pilot.press("7", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OneToOneDialog)
        assert field_errors(app) == {"potential-error": "Leadership potential must be at most 5"}
        assert app.focused is app.screen.query_one("#potential")
        assert app.screen.query_one("#interests").text == "Housing"  # type: ignore[attr-defined]
        assert filled.count(RelationalMeeting) == 0

        # A follow-up due in February's 31st, and a next meeting before this one.
        await pilot.press("backspace", "5")
        await tab_to(pilot, has_id("follow-up-due"))
        await pilot.press(*"31/2")
        await tab_to(pilot, has_id("next-meeting-at"))
        await pilot.press(*"yesterday", "ctrl+s")
        await pilot.pause()
        assert field_errors(app) == {
            "follow-up-due-error": "Follow-up due: there is no 31 February 2026",
            "next-meeting-at-error": "Next 1-2-1 must come after this one",
        }
        assert filled.count(RelationalMeeting) == 0

        assert app.focused is app.screen.query_one("#follow-up-due")  # the first problem
        await pilot.press("ctrl+u")
        await tab_to(pilot, has_id("next-meeting-at"))
        await pilot.press("ctrl+u", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen), field_errors(app)
        (meeting,) = one_to_ones(filled)
        assert (meeting.potential, meeting.interests) == (5, "Housing")
        assert meeting.at == datetime(2026, 11, 23, 11, 0, tzinfo=LONDON)


async def test_a_future_time_cannot_be_logged_as_held_but_can_be_booked(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"carol", "enter", "ctrl+u", *"tomorrow 10am", "ctrl+s")
        await pilot.pause()
        assert "cannot have been held yet" in field_errors(app)["at-error"]
        await pilot.press("ctrl+b")  # book it instead: the conversation fields go
        await pilot.pause()
        assert "Book a 1-2-1" in screen_text(app)
        assert not app.screen.query_one("#interests").display or (
            "What they care about" not in screen_text(app)
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen), field_errors(app)
        (booked,) = one_to_ones(filled)
        assert booked.status is OneToOneStatus.BOOKED
        assert booked.at == datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)


async def test_escape_asks_before_throwing_typing_away(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)

        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"amina", "enter")
        await tab_to(pilot, has_id("interests"))
        await pilot.press(*"Housing", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, OneToOneDialog)
        assert app.screen.query_one("#interests").text == "Housing"  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        assert filled.count(RelationalMeeting) == 0


async def test_the_palette_logs_a_one_to_one_with_the_person_on_screen(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina = person_named(filled, "Amina Khan")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("enter")  # Amina
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"log a 1-2-1")
        await pilot.pause(0.3)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, OneToOneDialog)
        assert app.screen.query_one(PersonPicker).chosen == amina
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonDetailScreen)
        assert [m.person_id for m in filled.list(RelationalMeeting)] == [amina.id]


class FailingOnce:
    """A repository whose first `save_all` fails, as a full disk would."""

    def __init__(self, inner: TinyRepository) -> None:
        self.inner = inner
        self.failures = 1

    @property
    def read_only(self) -> bool:
        return False

    def get(self, kind: type[R], record_id: str) -> R | None:
        return self.inner.get(kind, record_id)

    def list(self, kind: type[R], where: Mapping[str, object] | None = None) -> builtins.list[R]:
        return self.inner.list(kind, where)

    def search(self, kind: type[R], text: str, limit: int | None = None) -> builtins.list[R]:
        return self.inner.search(kind, text, limit)

    def count(self, kind: type[Record]) -> int:
        return self.inner.count(kind)

    def save(self, record: R) -> R:
        return self.inner.save(record)

    def save_all(self, records: Sequence[Record]) -> builtins.list[Record]:
        if self.failures:
            self.failures -= 1
            raise StoreError("The disk is full; nothing was saved.")
        return self.inner.save_all(records)

    def delete(self, kind: type[Record], record_id: str) -> bool:
        return self.inner.delete(kind, record_id)

    def profile(self) -> Profile | None:
        return self.inner.profile()

    def is_empty(self) -> bool:
        return self.inner.is_empty()

    def close(self) -> None:
        self.inner.close()


async def test_a_failed_save_keeps_everything_typed(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(FailingOnce(filled), clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await go_to_people(pilot)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"Dev Patel", "enter")  # someone new
        await tab_to(pilot, has_id("story"))
        await pilot.press(*"Drives a night bus")
        await tab_to(pilot, has_id("next-meeting-at"))
        await pilot.press(*"fri 9am", "ctrl+s")
        await pilot.pause()
        assert "The disk is full; nothing was saved." in notices(app)
        assert isinstance(app.screen, OneToOneDialog)  # open again, as typed
        assert app.screen.query_one("#story").text == "Drives a night bus"  # type: ignore[attr-defined]
        assert app.screen.query_one(PersonPicker).new_name == "Dev Patel"
        assert filled.count(RelationalMeeting) == 0
        assert filled.count(Person) == 3  # all or nothing: no person without the 1-2-1

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen), field_errors(app)
        dev = person_named(filled, "Dev Patel")
        held, booked = one_to_ones(filled)
        assert held.person_id == booked.person_id == dev.id
        assert held.story == "Drives a night bus"
        assert booked.at == datetime(2026, 11, 27, 9, 0, tzinfo=LONDON)
