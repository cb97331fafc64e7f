"""The Leaders board by keyboard: move people up and down the ladder, nominate them for
training, filter by institution and campaign; then check what the repository holds.

Until the app has a Leaders area of its own, each test pushes the board onto the running
app, as the app's `g` key will.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from datetime import time as clock_time
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen

from organiser.clock import LONDON, FixedClock
from organiser.models import (
    Campaign,
    Institution,
    LadderMove,
    LadderStage,
    Membership,
    OneToOneStatus,
    Participation,
    ParticipationStatus,
    Person,
    RelationalMeeting,
    TrainingSession,
)
from organiser.repository import Repository
from screens.app import OrganiserApp
from screens.ladder_dialog import LadderMoveDialog, NominateDialog
from screens.ladder_screen import LadderScreen
from screens.person_detail import PersonDetailScreen
from screens.widgets.ladder_board import LadderBoard, LadderColumn
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, notices, screen_text

TODAY = date(2026, 11, 23)


def person(repo: Repository, name: str) -> Person:
    (found,) = [p for p in repo.list(Person) if p.name == name]
    return found


def institution(repo: TinyRepository, name: str) -> Institution:
    (found,) = [i for i in repo.list(Institution) if i.name == name]
    return found


async def screen_is(pilot: Pilot[None], kind: type[Screen[Any]], tries: int = 40) -> bool:
    """Whether the screen on top becomes a `kind`, waiting a little for workers."""
    for _ in range(tries):
        await pilot.pause()
        if isinstance(pilot.app.screen, kind) and pilot.app.screen.is_current:
            await pilot.pause()
            return True
        await pilot.pause(0.05)
    return False


async def open_board(app: OrganiserApp, pilot: Pilot[None]) -> LadderScreen:
    await pilot.pause()
    screen = LadderScreen(app.repo, app.clock)
    await app.push_screen(screen)
    assert await screen_is(pilot, LadderScreen)
    return screen


def board(app: OrganiserApp) -> LadderBoard:
    return app.screen.query_one(LadderBoard)


def column(app: OrganiserApp, stage: LadderStage) -> LadderColumn:
    return board(app).column(stage)


async def select_person(app: OrganiserApp, pilot: Pilot[None], name: str) -> None:
    """Put the cursor on `name` by keyboard: left to the first column, then right and down."""
    target = person(app.repo, name)
    await pilot.press(*["left"] * 5)
    for _ in range(5):
        here = board(app).current_column
        assert here is not None
        if target.id in here.person_ids:
            await pilot.press("home", *["j"] * here.person_ids.index(target.id))
            await pilot.pause()
            assert board(app).current_id == target.id
            return
        await pilot.press("right")
    raise AssertionError(f"{name} is not on the board")


def moves_of(repo: TinyRepository, who: Person) -> list[LadderMove]:
    return repo.list(LadderMove, where={"person_id": who.id})


async def test_the_board_shows_each_stage_with_its_people_and_counts(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina = person(filled, "Amina Khan")
    filled.save(
        RelationalMeeting(
            person_id=amina.id, at=datetime(2026, 10, 1, 10, tzinfo=LONDON), potential=4
        )
    )
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        text = screen_text(app)
        for title in (
            "Contact (1)",
            "Potential leader (1)",
            "Emerging leader (0)",
            "Leader (trained) (1)",  # the profile's name for the stage
            "Core team leader (0)",
        ):
            assert title in text, title
        assert "Amina Khan" in text and "St Mary's Primary" in text
        assert "1-2-1: 01 Oct 2026" in text
        # Amina (a leader, every 14 days) last had a 1-2-1 7 weeks ago; Bilal is a contact.
        assert "losing touch" in text
        assert column(app, LadderStage.CONTACT).person_ids == [person(filled, "Bilal Hussain").id]
        assert "Moves up this quarter: 0 · New leaders this quarter: 0" in text
        assert "3 people" in text


async def test_move_a_person_up_with_a_reason(filled: TinyRepository, clock: FixedClock) -> None:
    carol = person(filled, "Carol Evans")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await select_person(app, pilot, "Carol Evans")
        await pilot.press("right_square_bracket")
        assert await screen_is(pilot, LadderMoveDialog)
        assert "Potential leader → Emerging leader" in screen_text(app)
        await pilot.press(*"Chaired the [bold]house meeting[/]", "enter")
        assert await screen_is(pilot, LadderScreen)

        stored = filled.get(Person, carol.id)
        assert stored is not None
        assert stored.ladder_stage is LadderStage.EMERGING_LEADER
        assert stored.revision == carol.revision + 1
        (moved,) = moves_of(filled, carol)
        assert (moved.from_stage, moved.to_stage) == (
            LadderStage.POTENTIAL_LEADER,
            LadderStage.EMERGING_LEADER,
        )
        assert moved.reason == "Chaired the [bold]house meeting[/]"
        assert moved.on == TODAY
        # The card has moved column, and the cursor went with it.
        assert carol.id in column(app, LadderStage.EMERGING_LEADER).person_ids
        assert carol.id not in column(app, LadderStage.POTENTIAL_LEADER).person_ids
        assert board(app).current_id == carol.id
        text = screen_text(app)
        assert "Emerging leader (1)" in text and "Potential leader (0)" in text
        assert "Moves up this quarter: 1 · New leaders this quarter: 0" in text

        # Up again with shift+right: now a leader, so a new leader this quarter.
        await pilot.press("shift+right")
        assert await screen_is(pilot, LadderMoveDialog)
        await pilot.press(*"Led the action", "ctrl+s")
        assert await screen_is(pilot, LadderScreen)
        leader = filled.get(Person, carol.id)
        assert leader is not None and leader.ladder_stage is LadderStage.LEADER
        assert len(moves_of(filled, carol)) == 2
        assert "Moves up this quarter: 2 · New leaders this quarter: 1" in screen_text(app)
        await pilot.press("w")
        await pilot.pause()
        assert "Moves up this year: 2 · New leaders this year: 1" in screen_text(app)


async def test_a_move_without_a_reason_is_refused_and_nothing_saved(
    filled: TinyRepository, clock: FixedClock
) -> None:
    bilal = person(filled, "Bilal Hussain")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await select_person(app, pilot, "Bilal Hussain")
        await pilot.press("right_square_bracket")
        assert await screen_is(pilot, LadderMoveDialog)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"   ", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LadderMoveDialog)  # still asking
        assert "Say why: each move on the ladder records its reason." in screen_text(app)
        assert filled.get(Person, bilal.id) == bilal
        assert filled.count(LadderMove) == 0

        await pilot.press("escape")  # and cancelling saves nothing either
        assert await screen_is(pilot, LadderScreen)
        assert filled.get(Person, bilal.id) == bilal
        assert filled.count(LadderMove) == 0
        assert bilal.id in column(app, LadderStage.CONTACT).person_ids

        await pilot.press("left_square_bracket")  # already on the bottom rung
        await pilot.pause()
        assert any("already on the bottom rung" in n for n in notices(app))
        assert filled.count(LadderMove) == 0


async def test_move_a_person_down(filled: TinyRepository, clock: FixedClock) -> None:
    amina = person(filled, "Amina Khan")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await select_person(app, pilot, "Amina Khan")
        await pilot.press("left_square_bracket")
        assert await screen_is(pilot, LadderMoveDialog)
        assert "Leader (trained) → Emerging leader" in screen_text(app)
        await pilot.press(*"Stepping back for a term", "enter")
        assert await screen_is(pilot, LadderScreen)
        stored = filled.get(Person, amina.id)
        assert stored is not None and stored.ladder_stage is LadderStage.EMERGING_LEADER
        (moved,) = moves_of(filled, amina)
        assert not moved.is_up
        assert moved.reason == "Stepping back for a term"
        assert amina.id in column(app, LadderStage.EMERGING_LEADER).person_ids
        assert "Moves up this quarter: 0" in screen_text(app)


def session(name: str, starts: datetime, **fields: Any) -> TrainingSession:
    return TrainingSession(name=name, starts=starts, **fields)


async def test_nominate_a_person_for_an_upcoming_session(
    filled: TinyRepository, clock: FixedClock
) -> None:
    carol = person(filled, "Carol Evans")
    amina = person(filled, "Amina Khan")
    past = session("Last month's taster", datetime(2026, 10, 20, 18, tzinfo=LONDON))
    soon = session(
        "Power and self-interest",
        datetime(2026, 12, 1, 18, 30, tzinfo=LONDON),
        venue="Highfields Centre",
        participations=[Participation(person_id=amina.id)],
    )
    later = session("National Community Leadership Training", datetime(2027, 2, 8, tzinfo=LONDON))
    filled.save_all([past, soon, later])
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await select_person(app, pilot, "Carol Evans")
        await pilot.press("n")
        assert await screen_is(pilot, NominateDialog)
        text = screen_text(app)
        assert "Power and self-interest" in text and "Highfields Centre" in text
        assert "National Community Leadership Training" in text
        assert "Last month's taster" not in text  # only sessions still to come
        await pilot.press("down", "enter")  # the later one
        assert await screen_is(pilot, LadderScreen)
        stored = filled.get(TrainingSession, later.id)
        assert stored is not None
        (nominated,) = stored.participations
        assert nominated.person_id == carol.id
        assert nominated.status is ParticipationStatus.NOMINATED
        assert nominated.nominated_on == TODAY
        untouched = filled.get(TrainingSession, soon.id)
        assert untouched is not None and untouched.revision == 1

        # Amina is already on the sooner one: refused, politely, and nothing changes.
        await select_person(app, pilot, "Amina Khan")
        await pilot.press("n")
        assert await screen_is(pilot, NominateDialog)
        assert "already on it" in screen_text(app)
        await pilot.press("enter")
        assert await screen_is(pilot, LadderScreen)
        assert any("Amina Khan is already on Power and self-interest" in n for n in notices(app))
        kept = filled.get(TrainingSession, soon.id)
        assert kept is not None and len(kept.participations) == 1 and kept.revision == 1


async def test_nominating_with_no_upcoming_session_says_so(
    filled: TinyRepository, clock: FixedClock
) -> None:
    filled.save(session("Last month's taster", datetime(2026, 10, 20, 18, tzinfo=LONDON)))
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, LadderScreen)
        assert any("no upcoming training sessions" in n for n in notices(app))


async def choose(pilot: Pilot[None], key: str, label_start: str) -> None:
    """Reach a filter by its key, open it, type the start of an option and take it."""
    await pilot.press(key, "enter")
    await pilot.pause()
    await pilot.press(*label_start.lower())
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_filter_by_institution_and_by_campaign(
    filled: TinyRepository, clock: FixedClock
) -> None:
    school = institution(filled, "St Mary's Primary")
    mosque = institution(filled, "Highfields Mosque")
    amina, bilal, carol = (
        person(filled, n) for n in ("Amina Khan", "Bilal Hussain", "Carol Evans")
    )
    dev = Person(
        name="Dev Patel",
        memberships=[Membership(institution_id=mosque.id)],
        ladder_stage=LadderStage.EMERGING_LEADER,
    )
    housing = Campaign(name="Housing", institution_ids=[school.id], leader_ids=[carol.id])
    filled.save_all([dev, housing, Campaign(name="Employment", institution_ids=[mosque.id])])
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await choose(pilot, "f", "Highfields")
        shown = {pid for c in board(app).columns for pid in c.person_ids}
        assert shown == {bilal.id, dev.id}
        text = screen_text(app)
        assert "2 of 4 people" in text
        assert "Amina Khan" not in text and "Carol Evans" not in text
        assert (
            "Contact (1)" in text
            and "Emerging leader (1)" in text
            and "Leader (trained) (0)" in text
        )

        await pilot.press("escape", "escape")
        await pilot.pause()
        assert {pid for c in board(app).columns for pid in c.person_ids} == {
            amina.id,
            bilal.id,
            carol.id,
            dev.id,
        }
        await choose(pilot, "c", "Housing")  # its leader, and the school's people
        assert {pid for c in board(app).columns for pid in c.person_ids} == {amina.id, carol.id}
        assert "2 of 4 people" in screen_text(app)


async def test_enter_opens_the_person_with_their_ladder_history(
    filled: TinyRepository, clock: FixedClock
) -> None:
    carol = person(filled, "Carol Evans")
    filled.save(
        LadderMove(
            person_id=carol.id,
            on=date(2026, 3, 2),
            from_stage=LadderStage.CONTACT,
            to_stage=LadderStage.POTENTIAL_LEADER,
            reason="Spoke up at the [i]branch[/] meeting",
        )
    )
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await select_person(app, pilot, "Carol Evans")
        await pilot.press("right_square_bracket")
        assert await screen_is(pilot, LadderMoveDialog)
        await pilot.press(*"Ran the listening campaign", "enter")
        assert await screen_is(pilot, LadderScreen)
        await pilot.press("enter")
        assert await screen_is(pilot, PersonDetailScreen)
        text = screen_text(app)
        assert "Ladder history" in text
        newest = text.index("Mon 23 Nov 2026  Potential leader → Emerging leader")
        oldest = text.index("Mon 02 Mar 2026  Contact → Potential leader")
        assert newest < oldest
        assert "Ran the listening campaign" in text
        assert "Spoke up at the [i]branch[/] meeting" in text
        await pilot.press("escape")
        assert await screen_is(pilot, LadderScreen)
        assert board(app).current_id == carol.id


async def test_a_board_of_a_few_hundred_people(filled: TinyRepository, clock: FixedClock) -> None:
    school = institution(filled, "St Mary's Primary")
    stages = list(LadderStage)
    crowd = [
        Person(
            name=f"Person {n:03d}",
            memberships=[Membership(institution_id=school.id)],
            ladder_stage=stages[0] if n % 3 else stages[n % 5],
        )
        for n in range(400)
    ]
    meetings = [
        RelationalMeeting(
            person_id=p.id,
            at=datetime.combine(TODAY - timedelta(days=n % 60), clock_time(10), LONDON),
            status=OneToOneStatus.HELD,
        )
        for n, p in enumerate(crowd)
    ]
    filled.save_all([*crowd, *meetings])
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        contacts = column(app, LadderStage.CONTACT)
        assert len(contacts.person_ids) > 250
        await pilot.press("end")  # the long column scrolls to its last card
        await pilot.pause()
        assert contacts.current_id == contacts.person_ids[-1]
        assert contacts.scroll_y > 0
        last = contacts.current_id
        await pilot.press("right_square_bracket")
        assert await screen_is(pilot, LadderMoveDialog)
        await pilot.press(*"Brought ten")
        await pilot.press("enter")
        assert await screen_is(pilot, LadderScreen)
        assert last in column(app, LadderStage.POTENTIAL_LEADER).person_ids
        assert board(app).current_id == last
