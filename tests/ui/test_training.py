"""Training sessions by keyboard: add one, nominate, mark attendance, see the year's figures,
and find them on Today. Each test checks what the repository holds afterwards.

Until the app has a Training area of its own, each test pushes the list screen onto the
running app, as the app's key for it will.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen

from organiser.clock import LONDON, FixedClock
from organiser.models import (
    Participation,
    ParticipationStatus,
    Person,
    TrainingKind,
    TrainingSession,
)
from screens.app import OrganiserApp
from screens.training_detail import TrainingDetailScreen
from screens.training_dialog import TrainingDialog
from screens.training_screen import TrainingScreen
from screens.widgets.field_error import FieldError
from screens.widgets.training_checklist import TrainingChecklist
from screens.widgets.training_table import TrainingTable
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, has_id, screen_text, tab_to, wait_for_today

MONDAY = date(2026, 11, 23)


def at(day: date, hour: int = 18) -> datetime:
    return datetime.combine(day, time(hour), LONDON)


def person(repo: TinyRepository, name: str) -> Person:
    (found,) = [p for p in repo.list(Person) if p.name == name]
    return found


def field_errors(app: OrganiserApp) -> dict[str, str]:
    return {e.id or "": e.message for e in app.screen.query(FieldError) if e.message}


async def screen_is(pilot: Pilot[None], kind: type[Screen[Any]], tries: int = 40) -> bool:
    for _ in range(tries):
        await pilot.pause()
        if isinstance(pilot.app.screen, kind) and pilot.app.screen.is_current:
            await pilot.pause()
            return True
        await pilot.pause(0.05)
    return False


async def open_training(app: OrganiserApp, pilot: Pilot[None]) -> TrainingScreen:
    await pilot.pause()
    screen = TrainingScreen(app.repo, app.clock)
    await app.push_screen(screen)
    assert await screen_is(pilot, TrainingScreen)
    return screen


async def test_add_a_training_session_with_the_keyboard(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina = person(filled, "Amina Khan")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_training(app, pilot)
        assert "No training sessions yet: n adds one" in screen_text(app)
        await pilot.press("n")
        assert await screen_is(pilot, TrainingDialog)
        await pilot.press(*"Power and [b]action[/b]")
        await tab_to(pilot, has_id("training-kind"))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"work", "enter")
        await pilot.pause()
        await tab_to(pilot, has_id("venue"))
        await pilot.press(*"Highfields Library")
        await tab_to(pilot, has_id("starts"))
        await pilot.press(*"1 Dec 2026 18:30")
        await tab_to(pilot, has_id("length"))
        await pilot.press("ctrl+u", *"2.5")
        await tab_to(pilot, has_id("organiser-is-trainer"))
        await pilot.press("space")
        await tab_to(pilot, has_id("trainers"))
        await pilot.press("space")  # the first listed: Amina Khan
        await tab_to(pilot, has_id("curriculum"))
        await pilot.press(*"Power analysis; the ask")
        await tab_to(pilot, has_id("preparing-days"))
        await pilot.press(*"0.5")
        await tab_to(pilot, has_id("delivering-days"))
        await pilot.press(*"1")
        await pilot.press("ctrl+s")

        assert await screen_is(pilot, TrainingScreen), field_errors(app)
        (session,) = filled.list(TrainingSession)
        assert session.name == "Power and [b]action[/b]"
        assert session.training_kind is TrainingKind.INSTITUTION_WORKSHOP
        assert session.venue == "Highfields Library"
        assert session.starts == at(date(2026, 12, 1)).replace(minute=30)
        assert session.length_hours == 2.5
        assert session.organiser_is_trainer
        assert session.trainer_ids == [amina.id]
        assert session.curriculum == "Power analysis; the ask"
        assert (session.preparing_days, session.delivering_days, session.evaluating_days) == (
            0.5,
            1.0,
            0.0,
        )
        text = screen_text(app)
        assert "Power and [b]action[/b]" in text  # shown literally
        assert "Tue 01 Dec 2026 18:30" in text
        assert "Training days 2026: 1.5 of 10 (full time)" in text
        assert app.screen.query_one(TrainingTable).current_id == session.id


async def test_a_bad_date_and_negative_days_are_refused_next_to_the_field(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_training(app, pilot)
        await pilot.press("n")
        assert await screen_is(pilot, TrainingDialog)
        await pilot.press(*"Taster")
        await tab_to(pilot, has_id("starts"))
        await pilot.press(*"31 Feb 2027")
        await tab_to(pilot, has_id("evaluating-days"))
        await pilot.press(*"-1")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert isinstance(app.screen, TrainingDialog)
        errors = field_errors(app)
        assert errors["starts-error"] == "Date and time: there is no 31 February 2027"
        assert errors["evaluating-days-error"] == "Days evaluating: cannot be negative"
        assert filled.count(TrainingSession) == 0
        assert app.focused is not None and app.focused.id == "starts"
        # Nothing typed is lost: put it right and save.
        await pilot.press("ctrl+u", *"28 Feb 2027 10am")
        await tab_to(pilot, has_id("evaluating-days"))
        await pilot.press("ctrl+u", *"0.5")
        await pilot.press("ctrl+s")
        assert await screen_is(pilot, TrainingScreen), field_errors(app)
        (session,) = filled.list(TrainingSession)
        assert session.name == "Taster"
        assert session.starts == at(date(2027, 2, 28), 10)
        assert session.evaluating_days == 0.5


async def nominate(pilot: Pilot[None], name_part: str) -> None:
    await pilot.press("plus")
    await pilot.pause()
    await pilot.press(*name_part)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


async def test_nominate_mark_attendance_and_see_the_year_figures(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina = person(filled, "Amina Khan")
    bilal = person(filled, "Bilal Hussain")
    session = TrainingSession(
        name="Local taster",
        starts=at(MONDAY - timedelta(days=3)),
        preparing_days=0.5,
        delivering_days=1,
        evaluating_days=0.5,
    )
    filled.save(session)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_training(app, pilot)
        await pilot.press("enter")
        assert await screen_is(pilot, TrainingDetailScreen)
        await nominate(pilot, "amin")
        assert isinstance(app.screen, TrainingDetailScreen)
        await nominate(pilot, "bil")
        stored = filled.get(TrainingSession, session.id)
        assert stored is not None
        assert [(p.person_id, p.status) for p in stored.participations] == [
            (amina.id, ParticipationStatus.NOMINATED),
            (bilal.id, ParticipationStatus.NOMINATED),
        ]
        assert stored.participations[0].nominated_on == MONDAY

        checklist = app.screen.query_one(TrainingChecklist)
        assert checklist.current_id == bilal.id  # the one just nominated
        await pilot.press("x")
        await pilot.press("up")
        await pilot.press("m")  # nominated → confirmed
        await pilot.pause()
        stored = filled.get(TrainingSession, session.id)
        assert stored is not None
        assert stored.participations[0].status is ParticipationStatus.CONFIRMED
        await pilot.press("a")
        await pilot.pause()
        stored = filled.get(TrainingSession, session.id)
        assert stored is not None
        assert stored.participations[0].status is ParticipationStatus.ATTENDED
        await pilot.press("c")
        await pilot.pause()

        stored = filled.get(TrainingSession, session.id)
        assert stored is not None
        statuses = {p.person_id: p.status for p in stored.participations}
        assert statuses == {
            amina.id: ParticipationStatus.COMPLETED,
            bilal.id: ParticipationStatus.DID_NOT_ATTEND,
        }
        text = screen_text(app)
        assert "Participants: 2 nominated, 1 attended, 1 completed" in text
        assert "Completed" in text and "Did not attend" in text

        await pilot.press("escape")
        assert await screen_is(pilot, TrainingScreen)
        text = screen_text(app)
        assert "Leaders trained 2026: 1 of 25" in text
        assert "Training days 2026: 2 of 10 (full time)" in text
        (row,) = [line for line in text.splitlines() if "Local taster" in line and "Fri" in line]
        assert row.split()[-3:] == ["2", "1", "1"]


async def test_remove_a_participant(filled: TinyRepository, clock: FixedClock) -> None:
    amina = person(filled, "Amina Khan")
    bilal = person(filled, "Bilal Hussain")
    session = TrainingSession(
        name="Taster",
        starts=at(MONDAY + timedelta(days=2)),
        participations=[Participation(person_id=amina.id), Participation(person_id=bilal.id)],
    )
    session = filled.save(session)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(TrainingDetailScreen(filled, clock, session))
        assert await screen_is(pilot, TrainingDetailScreen)
        assert app.screen.query_one(TrainingChecklist).current_id == amina.id
        await pilot.press("delete")
        await pilot.pause()
        stored = filled.get(TrainingSession, session.id)
        assert stored is not None
        assert [p.person_id for p in stored.participations] == [bilal.id]


async def test_a_leader_completing_two_sessions_counts_once_pro_rata_days(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina = person(filled, "Amina Khan")
    profile = filled.profile()
    assert profile is not None
    filled.save(profile.evolve(working_days=[0, 1, 2]))
    done = ParticipationStatus.COMPLETED
    filled.save_all(
        [
            TrainingSession(
                name=f"Session {n}",
                starts=at(date(2026, n * 3, 10)),
                delivering_days=1.5,
                participations=[Participation(person_id=amina.id, status=done)],
            )
            for n in (1, 2)
        ]
    )
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_training(app, pilot)
        text = screen_text(app)
        assert "Leaders trained 2026: 1 of 25" in text
        assert "Training days 2026: 3 of 6 (pro rata for a 3-day week)" in text


async def test_today_lists_an_upcoming_training_and_who_is_still_to_confirm(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina = person(filled, "Amina Khan")
    bilal = person(filled, "Bilal Hussain")
    session = TrainingSession(
        name="Power and action",
        starts=at(MONDAY + timedelta(days=3)),
        venue="Library",
        participations=[
            Participation(person_id=amina.id, status=ParticipationStatus.CONFIRMED),
            Participation(person_id=bilal.id),
        ],
    )
    far = TrainingSession(
        name="NCLT", starts=at(MONDAY + timedelta(days=30)),
        participations=[Participation(person_id=amina.id)],
    )  # fmt: skip
    filled.save_all([session, far])
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_today(pilot)
        text = screen_text(app)
        assert "Trainings in the next 7 days (1)" in text
        assert "Thu 26 Nov 18:00  Power and action  at Library" in text
        assert "Nominated, not yet confirmed (2)" in text
        assert "Bilal Hussain  for Power and action, Thu 26 Nov" in text
        assert "Amina Khan  for NCLT, Wed 23 Dec" in text
        # The four sections it had still show their titles.
        for title in ("1-2-1s booked today", "Follow-ups due", "Losing touch", "renewals ("):
            assert title in text, title

        await tab_to(pilot, has_id("today-nominated"))
        await pilot.press("enter")
        assert await screen_is(pilot, TrainingDetailScreen)
        assert app.screen.query_one(TrainingChecklist).current_id == bilal.id
        await pilot.press("m")
        await pilot.pause()
        stored = filled.get(TrainingSession, session.id)
        assert stored is not None
        assert stored.participations[1].status is ParticipationStatus.CONFIRMED
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "Nominated, not yet confirmed (1)" in text
        assert "Bilal Hussain  for" not in text
