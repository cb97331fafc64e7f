"""Deleting a diary record leaves a Tombstone in the same change, on both storages; old ones go
when the database is opened."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from organiser.clock import LONDON, FixedClock
from organiser.errors import ReadOnlyDatabase
from organiser.models import (
    ActionPoint,
    Institution,
    LadderMove,
    LadderStage,
    Meeting,
    Person,
    RelationalMeeting,
    Tombstone,
)
from organiser.models.tombstones import KEEP_DAYS
from organiser.removal import plan_removal, remove
from store.database import open_store
from store.format import journal_path
from store.repository import TinyRepository

AT = datetime(2026, 12, 1, 18, 0, tzinfo=LONDON)


def _one_to_one(repo: TinyRepository) -> tuple[Person, RelationalMeeting]:
    amina = repo.save(Person(name="Amina Khan", private_notes="Worried about her visa"))
    meeting = repo.save(
        RelationalMeeting(person_id=amina.id, at=AT, follow_up_due=date(2026, 12, 8))
    )
    return amina, repo.save(meeting.evolve(place="Library, Granby Street"))


def test_deleting_a_one_to_one_leaves_a_tombstone_without_personal_data(
    repo: TinyRepository, clock: FixedClock
) -> None:
    _, meeting = _one_to_one(repo)
    clock.advance(hours=1)
    assert repo.delete(RelationalMeeting, meeting.id)
    assert repo.get(RelationalMeeting, meeting.id) is None
    tombstone = repo.get(Tombstone, meeting.id)
    assert tombstone is not None
    assert tombstone.record_kind == "one_to_ones" and tombstone.record_id == meeting.id
    assert tombstone.last_revision == 2
    assert tombstone.removed_at == clock.now() == tombstone.updated
    assert tombstone.entries == [f"one-to-one-{meeting.id}", f"follow-up-{meeting.id}"]
    stored = json.dumps(tombstone.model_dump(mode="json"))
    for personal in ("Amina", "visa", "Granby", meeting.person_id):
        assert personal not in stored


def test_save_all_deletes_leave_tombstones_for_every_diary_record(repo: TinyRepository) -> None:
    point = ActionPoint(text="Book the hall", due=date(2026, 12, 3))
    meeting = repo.save(Meeting(title="Planning Group", at=AT, action_points=[point]))
    school = repo.save(Institution(name="St Mary's", renewal_date=date(2027, 9, 1)))
    repo.save_all([], deletes=[(Meeting, meeting.id), (Institution, school.id)])
    assert repo.count(Tombstone) == 2
    kept = repo.get(Tombstone, meeting.id)
    assert kept is not None
    assert kept.entries == [f"meeting-{meeting.id}", f"action-point-{meeting.id}-{point.id}"]


def test_records_never_in_the_diary_leave_nothing(repo: TinyRepository) -> None:
    person = repo.save(Person(name="Bilal"))
    move = repo.save(
        LadderMove(
            person_id=person.id,
            on=date(2026, 11, 1),
            from_stage=LadderStage.CONTACT,
            to_stage=LadderStage.LEADER,
        )
    )
    undated = repo.save(Institution(name="No renewal date"))
    repo.save_all([], deletes=[(LadderMove, move.id), (Institution, undated.id)])
    repo.delete(Person, person.id)
    assert repo.count(Tombstone) == 0
    assert repo.is_empty()


def test_a_database_holding_only_tombstones_counts_as_empty(repo: TinyRepository) -> None:
    _, meeting = _one_to_one(repo)
    repo.save_all([], deletes=[(RelationalMeeting, meeting.id), (Person, meeting.person_id)])
    assert repo.count(Tombstone) == 1
    assert repo.is_empty()


def test_erasing_a_person_cancels_their_one_to_ones_but_keeps_nothing_of_them(
    repo: TinyRepository,
) -> None:
    amina, meeting = _one_to_one(repo)
    remove(repo, plan_removal(repo, amina))
    tombstones = repo.list(Tombstone)
    assert [t.record_id for t in tombstones] == [meeting.id]
    assert amina.id not in json.dumps([t.model_dump(mode="json") for t in tombstones])


def test_deleting_again_after_a_restore_updates_the_same_tombstone(repo: TinyRepository) -> None:
    _, meeting = _one_to_one(repo)
    repo.delete(RelationalMeeting, meeting.id)
    restored = repo.save(meeting.model_copy(update={"revision": 0}))
    repo.delete(RelationalMeeting, restored.id)
    tombstone = repo.get(Tombstone, meeting.id)
    assert tombstone is not None and tombstone.revision == 2 and tombstone.last_revision == 1


def test_a_refused_delete_writes_no_tombstone(clock: FixedClock, tmp_path: Path) -> None:
    path = tmp_path / "organiser.json"
    with open_store(path, clock) as opened:
        _, meeting = _one_to_one(opened.repo)
    with open_store(path, clock, read_only=True) as opened, pytest.raises(ReadOnlyDatabase):
        opened.repo.delete(RelationalMeeting, meeting.id)
    with open_store(path, clock) as opened:
        assert opened.repo.get(RelationalMeeting, meeting.id) is not None
        assert opened.repo.count(Tombstone) == 0


def test_the_deletion_and_its_tombstone_are_one_journal_line(
    clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "organiser.json"
    with open_store(path, clock) as opened:
        _, meeting = _one_to_one(opened.repo)
        before = journal_path(path).read_bytes().count(b"\n")
        opened.repo.delete(RelationalMeeting, meeting.id)
        lines = journal_path(path).read_bytes().splitlines()
        assert len(lines) == before + 1
        assert b'"tombstones"' in lines[-1] and b'"one_to_ones"' in lines[-1]


def test_old_tombstones_go_when_the_database_is_opened(clock: FixedClock, tmp_path: Path) -> None:
    path = tmp_path / "organiser.json"
    with open_store(path, clock) as opened:
        _, old = _one_to_one(opened.repo)
        opened.repo.delete(RelationalMeeting, old.id)
        clock.advance(days=10)
        _, recent = _one_to_one(opened.repo)
        opened.repo.delete(RelationalMeeting, recent.id)
    clock.advance(days=KEEP_DAYS - 15)  # the first went 85 days ago, the second 75
    with open_store(path, clock) as opened:
        assert {t.record_id for t in opened.repo.list(Tombstone)} == {old.id, recent.id}
    clock.advance(days=6)  # 91 days and 81
    with open_store(path, clock) as opened:
        assert [t.record_id for t in opened.repo.list(Tombstone)] == [recent.id]


def test_pruning_keeps_tombstones_younger_than_the_limit(
    repo: TinyRepository, clock: FixedClock
) -> None:
    _, meeting = _one_to_one(repo)
    repo.delete(RelationalMeeting, meeting.id)
    clock.advance(days=KEEP_DAYS - 1)
    assert repo.prune_tombstones() == 0
    clock.advance(days=1, seconds=1)
    assert repo.prune_tombstones() == 1
    assert repo.count(Tombstone) == 0
