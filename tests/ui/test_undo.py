"""`u` from any screen takes back the last change: a delete comes back with the same id, a
ladder move goes back as one step, newer work is never overwritten; and the repository is
checked after each."""

from __future__ import annotations

from datetime import datetime

from organiser.clock import LONDON, FixedClock
from organiser.models import (
    Institution,
    LadderMove,
    LadderStage,
    OneToOneStatus,
    Person,
    RelationalMeeting,
)
from screens.app import OrganiserApp
from screens.confirm import ConfirmDialog
from screens.erasure_dialogs import ErasureDialog
from screens.help_screen import HelpScreen
from screens.ladder_dialog import LadderMoveDialog
from screens.ladder_screen import LadderScreen
from screens.people_screen import PeopleScreen
from screens.person_detail import PersonDetailScreen
from screens.person_dialog import PersonDialog
from screens.training_screen import TrainingScreen
from screens.widgets.read_only_banner import READ_ONLY_MESSAGE
from store.repository import TinyRepository
from tests.ui.conftest import (
    SIZE,
    go_to_people,
    has_id,
    notices,
    screen_text,
    tab_to,
    wait_for_screen,
)
from tests.ui.test_ladder import select_person


def named(repo: TinyRepository, name: str) -> Person:
    (found,) = [p for p in repo.list(Person) if p.name == name]
    return found


async def test_a_deleted_person_comes_back_with_the_same_id_and_links(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina = named(filled, "Amina Khan")
    school = next(i for i in filled.list(Institution) if i.name == "St Mary's Primary")
    filled.save(school.evolve(core_team_ids=[amina.id]))
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to_people(pilot)
        await pilot.press("d")  # Amina, first by name
        await wait_for_screen(pilot, ConfirmDialog)
        assert "Press u to undo it" in screen_text(app), screen_text(app)
        await pilot.press("y")
        await wait_for_screen(pilot, PeopleScreen)
        assert filled.get(Person, amina.id) is None
        stored = filled.get(Institution, school.id)
        assert stored is not None and stored.core_team_ids == []  # her link went with her
        assert "Deleted Amina Khan — u to undo" in notices(app)

        await pilot.press("u")
        await pilot.pause()
        back = filled.get(Person, amina.id)
        assert back is not None and back.name == "Amina Khan"
        assert back.private_notes == "Worried about her visa"
        assert back.memberships == amina.memberships
        stored = filled.get(Institution, school.id)
        assert stored is not None and stored.core_team_ids == [amina.id]  # and so did the link
        assert "Undid: Deleted Amina Khan" in notices(app)
        for _ in range(40):  # the list is read again
            await pilot.pause(0.02)
            if amina.id in screen.table.shown_ids:
                break
        assert amina.id in screen.table.shown_ids

        await pilot.press("u")  # the core team change made before the app opened is not ours
        await pilot.pause()
        assert "There is nothing to undo." in notices(app)
        stored = filled.get(Institution, school.id)
        assert stored is not None and stored.core_team_ids == [amina.id]


async def test_a_ladder_move_is_undone_from_another_screen(
    filled: TinyRepository, clock: FixedClock
) -> None:
    carol = named(filled, "Carol Evans")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await wait_for_screen(pilot, LadderScreen)
        await select_person(app, pilot, "Carol Evans")
        await pilot.press("right_square_bracket")
        await wait_for_screen(pilot, LadderMoveDialog)
        await pilot.press(*"Chaired the house meeting", "enter")
        await wait_for_screen(pilot, LadderScreen)
        assert len(filled.list(LadderMove)) == 1
        assert "Carol Evans: now Emerging leader — u to undo" in notices(app)

        await pilot.press("W")  # Training has its own key now that u is undo
        await wait_for_screen(pilot, TrainingScreen)
        await pilot.press("u")
        await pilot.pause()
        stored = filled.get(Person, carol.id)
        assert stored is not None and stored.ladder_stage is LadderStage.POTENTIAL_LEADER
        assert filled.list(LadderMove) == []
        assert "Undid: Moved Carol Evans to Emerging leader" in notices(app)


async def test_undo_never_overwrites_newer_work(filled: TinyRepository, clock: FixedClock) -> None:
    bilal = named(filled, "Bilal Hussain")
    at = datetime(2026, 11, 25, 10, 0, tzinfo=LONDON)
    meeting = filled.save(
        RelationalMeeting(person_id=bilal.id, at=at, status=OneToOneStatus.BOOKED)
    )
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.undo_history.save(meeting.evolve(place="Highfields Mosque"))  # as a form would
        stored = filled.get(RelationalMeeting, meeting.id)
        assert stored is not None
        filled.save(stored.evolve(place="The library"))  # changed elsewhere since
        await pilot.press("u")
        await pilot.pause()
        assert any("cannot be undone" in n and "changed since" in n for n in notices(app))
        kept = filled.get(RelationalMeeting, meeting.id)
        assert kept is not None and kept.place == "The library"


async def test_help_says_the_history_is_in_memory_only(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)
        text = screen_text(app)
        assert "Undo" in text
        assert "kept in memory only" in text


async def test_an_erasure_is_final_and_leaves_no_step_holding_them(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina, carol = named(filled, "Amina Khan"), named(filled, "Carol Evans")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to_people(pilot)
        await pilot.press("enter")  # Amina: change her phone, a step that holds her
        await wait_for_screen(pilot, PersonDetailScreen)
        await pilot.press("e")
        await wait_for_screen(pilot, PersonDialog)
        await tab_to(pilot, has_id("phone"))
        await pilot.press("end", "ctrl+u", *"07700 900999", "ctrl+s")
        await wait_for_screen(pilot, PersonDetailScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, PeopleScreen)
        screen.table.go_to(carol.id)
        await pilot.press("d")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")
        await wait_for_screen(pilot, PeopleScreen)
        assert app.undo_history.labels == ["Saved Amina Khan", "Deleted Carol Evans"]

        screen.table.go_to(amina.id)
        await pilot.press("enter")
        await wait_for_screen(pilot, PersonDetailScreen)
        await pilot.press("E")
        await wait_for_screen(pilot, ErasureDialog)
        assert "u (undo) cannot bring them back" in str(
            app.screen.query_one("#erasure-final").render()
        )
        await pilot.press("end", "ctrl+u", *"Asked to be forgotten", "ctrl+s")
        await wait_for_screen(pilot, ConfirmDialog)
        assert "not with u" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("y")
        await wait_for_screen(pilot, PeopleScreen)
        assert filled.get(Person, amina.id) is None
        assert app.undo_history.labels == ["Deleted Carol Evans"]  # nothing of hers is kept

        await pilot.press("u")
        await pilot.pause()
        assert filled.get(Person, carol.id) is not None
        await pilot.press("u")
        await pilot.pause()
        assert "There is nothing to undo." in notices(app)
        assert filled.get(Person, amina.id) is None


async def test_a_read_only_database_refuses_undo_politely(
    filled: TinyRepository, clock: FixedClock
) -> None:
    read_only = TinyRepository(filled.db, clock, read_only=True)
    app = OrganiserApp(read_only, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert READ_ONLY_MESSAGE in notices(app)
        assert len(filled.list(Person)) == 3
