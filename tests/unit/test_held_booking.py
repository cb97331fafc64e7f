"""A 1-2-1 logged held beside a booking with the same person: which booking it is, and the
booking marked held with what was typed (organiser/held_booking.py), and in the shell."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from cli.main import main
from organiser.clock import LONDON, SystemClock
from organiser.held_booking import booking_for, left_as_now, matching_booking, take_over
from organiser.models import OneToOneStatus, Person, Profile, RelationalMeeting
from store.database import open_store
from store.repository import TinyRepository
from tests.unit.test_cli import stored

MONDAY = date(2026, 11, 23)
AMINA = Person(name="Amina Khan")
BILAL = Person(name="Bilal Hussain")
BOOKED = OneToOneStatus.BOOKED
HELD = OneToOneStatus.HELD


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), LONDON)


def booking(who: Person, when: datetime, **fields: object) -> RelationalMeeting:
    return RelationalMeeting.model_validate(
        {"person_id": who.id, "at": when, "status": BOOKED, **fields}
    )


def logged(who: Person, when: datetime, **fields: object) -> RelationalMeeting:
    return RelationalMeeting.model_validate({"person_id": who.id, "at": when, **fields})


def test_a_booking_that_day_or_within_the_guard_s_days_matches_the_nearest_first() -> None:
    today = booking(AMINA, at(MONDAY, 14))
    thursday = booking(AMINA, at(MONDAY + timedelta(days=3), 10))
    last_week = booking(AMINA, at(MONDAY - timedelta(days=7), 10))
    held = logged(AMINA, at(MONDAY, 15, 10))
    everyone = [thursday, last_week, today, booking(BILAL, at(MONDAY, 15))]

    assert matching_booking(held, everyone, 7, LONDON) == today
    assert matching_booking(held, [thursday, last_week], 7, LONDON) == thursday
    assert matching_booking(held, [last_week], 7, LONDON) is None  # 7 days is outside
    # With the guard off, only the same calendar day is the same meeting.
    assert matching_booking(held, [thursday], 0, LONDON) is None
    assert matching_booking(held, [today], 0, LONDON) == today
    # Of two the same day, the nearer in time.
    morning = booking(AMINA, at(MONDAY, 9))
    assert matching_booking(held, [morning, today], 7, LONDON) == today


def test_only_a_new_held_1_2_1_and_only_a_booking_still_booked_can_match() -> None:
    today = booking(AMINA, at(MONDAY, 14))
    assert (
        matching_booking(logged(AMINA, at(MONDAY, 15), status=BOOKED), [today], 7, LONDON) is None
    )
    cancelled = today.evolve(status=OneToOneStatus.CANCELLED)
    was_held = today.evolve(status=HELD)
    assert matching_booking(logged(AMINA, at(MONDAY, 15)), [cancelled, was_held], 7, LONDON) is None
    saved = logged(AMINA, at(MONDAY, 15)).evolve(revision=1)
    assert matching_booking(saved, [today], 7, LONDON) is None


def test_the_booking_taken_over_keeps_its_id_and_what_was_not_typed() -> None:
    planned = booking(AMINA, at(MONDAY, 14), length_minutes=45, place="Café Nero")
    typed = logged(
        AMINA,
        at(MONDAY, 15, 10),
        length_minutes=40,
        interests="Damp flats",
        follow_up="Invite to training",
        follow_up_due=MONDAY + timedelta(days=4),
        contact_guard_overridden=True,
    )

    held = take_over(planned, typed, keep_time=True)
    assert held.id == planned.id and held.status is HELD
    assert held.at == planned.at  # no time was given: the booked time is when they met
    assert (held.length_minutes, held.place) == (40, "Café Nero")
    assert held.interests == "Damp flats" and held.follow_up == "Invite to training"
    assert held.follow_up_due == MONDAY + timedelta(days=4)

    moved = take_over(planned, typed, keep_time=False)
    assert moved.at == typed.at and moved.id == planned.id


def test_left_as_now_is_within_the_minute_the_form_was_opened() -> None:
    now = at(MONDAY, 9, 30) + timedelta(seconds=42)
    assert left_as_now(at(MONDAY, 9, 30), now)
    assert not left_as_now(at(MONDAY, 9, 0), now)


def test_booking_for_reads_the_person_s_1_2_1s_by_the_profile_s_window(
    repo: TinyRepository,
) -> None:
    thursday = booking(AMINA, at(MONDAY + timedelta(days=3), 10))
    repo.save_all([AMINA, BILAL, thursday])
    held = logged(AMINA, at(MONDAY, 15))
    assert booking_for(repo, held, Profile(organiser_name="Jo")) == repo.get(
        RelationalMeeting, thursday.id
    )
    assert booking_for(repo, held, Profile(organiser_name="Jo", contact_guard_days=3)) is None
    assert booking_for(repo, logged(BILAL, at(MONDAY, 15)), None) is None


# In the shell ------------------------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, RelationalMeeting]:
    """Amina, booked for an hour ago today (a 45-minute 1-2-1 at the library)."""
    path = tmp_path / "organiser.json"
    now = SystemClock().now()
    planned = booking(AMINA, now - timedelta(hours=1), length_minutes=45, place="Library")
    with open_store(path, SystemClock()) as opened:
        opened.repo.save_all([Profile(organiser_name="Jo"), AMINA, planned])
    return path, planned


def test_organiser_log_beside_a_booking_refuses_names_it_and_marks_it_held_when_told(
    db: tuple[Path, RelationalMeeting], capsys: pytest.CaptureFixture[str]
) -> None:
    path, planned = db
    assert main(["log", "Amina", "--minutes", "30", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Amina Khan has a 1-2-1 booked for" in err and "45 min, at Library" in err
    assert "add --mark-held to mark that booking held" in err and "--anyway" in err
    (kept,) = stored(path)  # nothing saved
    assert kept.id == planned.id and kept.status is BOOKED and kept.length_minutes == 45

    assert main(["log", "Amina", "--minutes", "30", "--tension", "Rent", "--mark-held",
                 "--db", str(path)]) == 0  # fmt: skip
    assert "Marked the 1-2-1 with Amina Khan on" in capsys.readouterr().out
    (held,) = stored(path)
    assert held.id == planned.id and held.status is HELD
    assert held.at == planned.at  # no --at: the booked time
    assert (held.length_minutes, held.place, held.tension) == (30, "Library", "Rent")
    assert not held.contact_guard_overridden


def test_organiser_add_beside_a_booking_saves_a_second_only_with_anyway(
    db: tuple[Path, RelationalMeeting], capsys: pytest.CaptureFixture[str]
) -> None:
    path, planned = db
    assert main(["add", "--db", str(path), "121 @Amina 30m"]) == 1
    assert "Is this it? Nothing saved" in capsys.readouterr().err
    assert len(stored(path)) == 1

    assert main(["add", "--db", str(path), "--anyway", "121 @Amina 30m"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Note: Amina Khan has a 1-2-1 booked for")
    kept, new = sorted(stored(path), key=lambda m: m.id != planned.id)
    assert kept.id == planned.id and kept.status is BOOKED
    assert new.status is HELD and new.length_minutes == 30 and new.contact_guard_overridden


def test_organiser_add_mark_held_takes_the_booking_and_refuses_without_one(
    db: tuple[Path, RelationalMeeting], capsys: pytest.CaptureFixture[str]
) -> None:
    path, planned = db
    assert main(["add", "--db", str(path), "--mark-held", '121 @Amina 40m self:"Her kids"']) == 0
    assert "now marked held" in capsys.readouterr().out
    (held,) = stored(path)
    assert held.id == planned.id and held.status is HELD and held.at == planned.at
    assert (held.length_minutes, held.self_interest) == (40, "Her kids")

    # Nothing booked now: --mark-held is refused rather than silently adding a 1-2-1.
    assert main(["add", "--db", str(path), "--mark-held", "121 @Amina 20m"]) == 1
    assert "No 1-2-1 is booked with Amina Khan near then" in capsys.readouterr().err
    assert len(stored(path)) == 1
