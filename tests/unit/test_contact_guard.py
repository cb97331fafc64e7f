"""The contact guard: a 1-2-1 close to another contact with the same person asks first."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from cli.main import main
from organiser.clock import LONDON, SystemClock
from organiser.contact_guard import check, needs_check, recent_contacts, warning
from organiser.models import (
    Conversation,
    ListeningCampaign,
    OneToOneStatus,
    Person,
    Profile,
    RelationalMeeting,
)
from store.database import open_store
from store.repository import TinyRepository
from tests.unit.test_cli import stored

MONDAY = date(2026, 11, 23)
AMINA = Person(name="Amina Khan")
BILAL = Person(name="Bilal Hussain")


def one_to_one(
    who: Person, day: date, status: OneToOneStatus = OneToOneStatus.HELD, minutes: int | None = None
) -> RelationalMeeting:
    return RelationalMeeting(
        person_id=who.id,
        at=datetime.combine(day, time(10), LONDON),
        status=status,
        length_minutes=minutes,
    )


def test_contacts_fewer_than_n_days_either_side_are_found_nearest_first() -> None:
    new = one_to_one(AMINA, MONDAY)
    held = one_to_one(AMINA, MONDAY - timedelta(days=6), minutes=40)  # Tue 17 Nov
    booked = one_to_one(AMINA, MONDAY + timedelta(days=3), OneToOneStatus.BOOKED)
    week_ago = one_to_one(AMINA, MONDAY - timedelta(days=7))  # the same weekday: fine
    cancelled = one_to_one(AMINA, MONDAY - timedelta(days=1), OneToOneStatus.CANCELLED)
    someone_else = one_to_one(BILAL, MONDAY)
    campaign = ListeningCampaign(name="Housing", starts=date(2026, 11, 1))
    talk = Conversation(
        listening_campaign_id=campaign.id, on=MONDAY - timedelta(days=2), person_id=AMINA.id
    )
    anonymous = Conversation(listening_campaign_id=campaign.id, on=MONDAY, who="a parent")
    found = recent_contacts(
        new,
        [new, held, booked, week_ago, cancelled, someone_else],
        [talk, anonymous],
        7,
        LONDON,
        {campaign.id: "Housing"},
    )
    assert [c.describe() for c in found] == [
        "listening conversation Sat 21 Nov, Housing",
        "1-2-1 booked Thu 26 Nov",
        "1-2-1 held Tue 17 Nov, 40 min",
    ]
    assert warning("Amina Khan", found[2:], 7) == (
        "Amina Khan has had a contact within 7 days of this one: 1-2-1 held Tue 17 Nov, 40 min."
    )
    # 0 turns the guard off.
    assert recent_contacts(new, [held], [talk], 0, LONDON) == []


def test_editing_a_1_2_1_never_warns_of_itself_and_is_checked_only_when_it_moves() -> None:
    saved = one_to_one(AMINA, MONDAY).model_copy(update={"revision": 1})
    assert recent_contacts(saved, [saved], [], 7, LONDON) == []
    assert needs_check(None, saved, LONDON)  # a new one
    assert not needs_check(saved, saved.evolve(story="she spoke about damp"), LONDON)
    held_later = saved.evolve(status=OneToOneStatus.HELD, length_minutes=30)
    assert not needs_check(saved, held_later, LONDON)  # a booking marked held, same day
    assert needs_check(saved, saved.evolve(person_id=BILAL.id), LONDON)
    moved = saved.evolve(at=datetime.combine(MONDAY + timedelta(days=1), time(10), LONDON))
    assert needs_check(saved, moved, LONDON)
    cancelled = saved.evolve(person_id=BILAL.id, status=OneToOneStatus.CANCELLED)
    assert not needs_check(saved, cancelled, LONDON)


def test_check_reads_the_person_s_contacts_from_the_repository(repo: TinyRepository) -> None:
    earlier = one_to_one(AMINA, MONDAY - timedelta(days=2), minutes=45)
    repo.save_all([Profile(organiser_name="Jo"), AMINA, BILAL, earlier])
    profile = repo.profile()
    assert [c.record_id for c in check(repo, one_to_one(AMINA, MONDAY), None, profile)] == [
        earlier.id
    ]
    assert check(repo, one_to_one(BILAL, MONDAY), None, profile) == []
    three = Profile(organiser_name="Jo", contact_guard_days=2)
    assert check(repo, one_to_one(AMINA, MONDAY), None, three) == []
    # Editing the stored 1-2-1 itself, on the same day, is not checked at all.
    stored_one = repo.get(RelationalMeeting, earlier.id)
    assert stored_one is not None
    assert check(repo, stored_one.evolve(place="Library"), stored_one, profile) == []


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "organiser.json"
    now = SystemClock().now()
    with open_store(path, SystemClock()) as opened:
        opened.repo.save_all(
            [
                Profile(organiser_name="Jo"),
                AMINA,
                RelationalMeeting(
                    person_id=AMINA.id, at=now - timedelta(days=1), length_minutes=40
                ),
            ]
        )
    return path


def test_organiser_add_refuses_a_1_2_1_too_soon_unless_anyway(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", "--db", str(db), "121 @Amina 30m"]) == 1
    err = capsys.readouterr().err
    assert "Amina Khan has had a contact within 7 days of this one: 1-2-1 held" in err
    assert ", 40 min." in err and "add --anyway to save it all the same" in err
    assert len(stored(db)) == 1  # nothing saved

    assert main(["add", "--db", str(db), "--anyway", "121 @Amina 30m"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Note: Amina Khan has had a contact within 7 days")
    assert "Saved: 1-2-1 with Amina Khan" in out
    new = next(m for m in stored(db) if m.length_minutes == 30)
    assert new.contact_guard_overridden
    assert not any(m.contact_guard_overridden for m in stored(db) if m.id != new.id)
