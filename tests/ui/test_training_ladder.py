"""Training feeds the ladder, by keyboard: a session's completers are moved up with `M` (and
back with `u`), and `N` lists who is nominated but not yet trained; the repository is
checked after each."""

from __future__ import annotations

from datetime import date, datetime, time

from organiser.clock import LONDON, FixedClock
from organiser.models import (
    LadderMove,
    LadderStage,
    Participation,
    ParticipationStatus,
    Person,
    TrainingSession,
)
from screens.app import OrganiserApp
from screens.awaiting_training import AwaitingTrainingScreen
from screens.confirm import ConfirmDialog
from screens.training_detail import TrainingDetailScreen
from screens.training_screen import TrainingScreen
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, notices, screen_text, wait_for_screen

S = ParticipationStatus


def named(repo: TinyRepository, name: str) -> Person:
    (found,) = [p for p in repo.list(Person) if p.name == name]
    return found


def held(repo: TinyRepository, name: str, day: date, *places: tuple[str, S]) -> TrainingSession:
    return repo.save(
        TrainingSession(
            name=name,
            starts=datetime.combine(day, time(10), LONDON),
            participations=[
                Participation(person_id=named(repo, who).id, status=status, nominated_on=day)
                for who, status in places
            ],
        )
    )


async def test_completers_are_moved_up_the_ladder_and_back(
    filled: TinyRepository, clock: FixedClock
) -> None:
    carol, bilal = named(filled, "Carol Evans"), named(filled, "Bilal Hussain")
    held(
        filled,
        "Power and relationships",
        date(2026, 11, 14),
        ("Carol Evans", S.COMPLETED),
        ("Bilal Hussain", S.COMPLETED),
        ("Amina Khan", S.ATTENDED),
    )
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("W")
        await wait_for_screen(pilot, TrainingScreen)
        await pilot.press("enter")
        await wait_for_screen(pilot, TrainingDetailScreen)
        text = screen_text(app)
        assert "Up the ladder (M makes these moves)" in text
        assert "Carol Evans → Emerging leader" in text
        assert "Bilal Hussain → Potential leader" in text
        assert "Amina Khan →" not in text  # attended, did not complete

        await pilot.press("M")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")
        await wait_for_screen(pilot, TrainingDetailScreen)
        stored = {p.name: p.ladder_stage for p in filled.list(Person)}
        assert stored["Carol Evans"] is LadderStage.EMERGING_LEADER
        assert stored["Bilal Hussain"] is LadderStage.POTENTIAL_LEADER
        moves = {m.person_id: m for m in filled.list(LadderMove)}
        assert moves.keys() == {carol.id, bilal.id}
        assert moves[carol.id].from_stage is LadderStage.POTENTIAL_LEADER
        assert moves[carol.id].reason == (
            "Completed the training “Power and relationships” (14 Nov 2026)"
        )
        assert moves[carol.id].on == date(2026, 11, 23)
        assert "Moved 2 people up the ladder after Power and relationships — u to undo" in (
            notices(app)
        )
        assert "nothing to suggest" in screen_text(app)  # moved up since: not again

        await pilot.press("M")  # nothing more to do: said, nothing saved
        await pilot.pause()
        assert len(filled.list(LadderMove)) == 2

        await pilot.press("u")  # both moves, one step
        await wait_for_screen(pilot, TrainingScreen)
        stored = {p.name: p.ladder_stage for p in filled.list(Person)}
        assert stored["Carol Evans"] is LadderStage.POTENTIAL_LEADER
        assert stored["Bilal Hussain"] is LadderStage.CONTACT
        assert filled.list(LadderMove) == []


async def test_nominated_but_not_yet_trained_from_the_training_screen(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina = named(filled, "Amina Khan")
    held(filled, "October taster", date(2026, 10, 10), ("Amina Khan", S.NOMINATED))
    held(
        filled,
        "December course",
        date(2026, 12, 5),
        ("Bilal Hussain", S.CONFIRMED),
        ("Carol Evans", S.NOMINATED),
    )
    held(filled, "Spring taster", date(2026, 9, 1), ("Carol Evans", S.COMPLETED))
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("W")
        await wait_for_screen(pilot, TrainingScreen)
        await pilot.press("N")
        await wait_for_screen(pilot, AwaitingTrainingScreen)
        text = screen_text(app)
        assert "2 people nominated and not yet trained; 1 whose training passed" in text
        assert "Amina Khan" in text and "Bilal Hussain" in text
        assert "Carol Evans" not in text  # trained in the spring
        screen = app.screen
        assert isinstance(screen, AwaitingTrainingScreen)
        assert [w.person.name for w in screen.waiting] == ["Amina Khan", "Bilal Hussain"]

        await pilot.press("enter")  # Amina's missed session, her row chosen
        await wait_for_screen(pilot, TrainingDetailScreen)
        await pilot.press("c")  # she did complete it after all
        await pilot.pause()
        (october,) = [s for s in filled.list(TrainingSession) if s.name == "October taster"]
        assert october.participations[0].person_id == amina.id
        assert october.participations[0].status is S.COMPLETED
        await pilot.press("escape")
        await wait_for_screen(pilot, AwaitingTrainingScreen)
        assert [w.person.name for w in screen.waiting] == ["Bilal Hussain"]
        assert "Amina Khan" not in screen_text(app)
