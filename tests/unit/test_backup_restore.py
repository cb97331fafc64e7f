"""Restoring a backup: bad files refused with the reason, nothing half-restored, and the merge
by id that `organiser migrate` shares."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from organiser.clock import FixedClock
from organiser.interchange.backup import FORMAT_VERSION, SCHEMA_VERSION, backup_text
from organiser.interchange.restore import (
    BackupError,
    DatabaseNotEmpty,
    read_backup,
    restore_backup,
)
from organiser.models import Institution, Person, Profile
from organiser.repository import Repository
from tests.samples import sample_records


@pytest.fixture
def document(repo: Repository) -> dict[str, Any]:
    repo.save_all(sample_records())
    return json.loads(backup_text(repo, include_private=True))  # type: ignore[no-any-return]


def refusal(data: str | bytes) -> str:
    with pytest.raises(BackupError) as caught:
        read_backup(data, name="backup.json")
    return str(caught.value)


def test_not_json_is_refused_with_where() -> None:
    assert refusal('{"format": ') == (
        "backup.json is not JSON (line 1, column 12: Expecting value)."
    )
    assert "not text" in refusal(b"\xff\xfe\x00")


def test_another_kind_of_json_is_refused() -> None:
    assert "is not an Organiser backup" in refusal("[1, 2]")
    assert "is not an Organiser backup" in refusal('{"people": []}')


def test_a_newer_format_or_schema_is_refused(document: dict[str, Any]) -> None:
    document["format_version"] = FORMAT_VERSION + 1
    message = refusal(json.dumps(document))
    assert "newer Organiser" in message and "update Organiser" in message
    document["format_version"] = FORMAT_VERSION
    document["schema_version"] = SCHEMA_VERSION + 1
    assert "newer Organiser" in refusal(json.dumps(document))


def test_bad_records_are_named_by_kind_id_and_field(document: dict[str, Any]) -> None:
    person = document["records"]["people"][0]
    person["email"] = "not an address"
    document["records"]["institutions"][0]["annual_dues_pence"] = -5
    message = refusal(json.dumps(document))
    assert f"people {person['id']}: email is not an email address" in message
    assert "institutions " in message and "annual dues pence must be at least 0" in message
    assert message.startswith("backup.json has records that are not valid, so nothing")


def test_many_bad_records_are_counted_not_all_named(document: dict[str, Any]) -> None:
    document["records"]["people"] = [{"name": ""} for _ in range(10)]
    message = refusal(json.dumps(document))
    assert "people no. 1: name" in message
    assert "and 7 more" in message


def test_unknown_kinds_and_duplicates_are_refused(document: dict[str, Any]) -> None:
    people = document["records"]["people"]
    people.append(dict(people[0]))
    assert "appears twice" in refusal(json.dumps(document))
    people.pop()
    document["records"]["spaceships"] = []
    assert "a kind Organiser does not know: spaceships" in refusal(json.dumps(document))


def test_a_database_with_records_is_refused_and_left_alone(
    repo: Repository, document: dict[str, Any]
) -> None:
    before = backup_text(repo, include_private=True)
    with pytest.raises(DatabaseNotEmpty, match="already holds records"):
        restore_backup(repo, read_backup(json.dumps(document)))
    assert backup_text(repo, include_private=True) == before


def test_merge_creates_the_missing_updates_the_newer_and_skips_the_rest(
    memory: Repository, document: dict[str, Any], clock: FixedClock
) -> None:
    backup = read_backup(json.dumps(document))
    first = restore_backup(memory, backup, merge=True)
    assert (first.created, first.updated, first.skipped) == (len(backup.records), 0, 0)
    again = restore_backup(memory, backup, merge=True)
    assert (again.created, again.updated, again.skipped) == (0, 0, len(backup.records))
    assert "0 created, 0 updated" in again.summary()
    # One record changed later in the backup, one older in it, one new only in the backup.
    people = document["records"]["people"]
    later = (clock.now() + timedelta(days=1)).isoformat()
    people[0] = {**people[0], "name": "Amina Khan-Ali", "updated": later, "revision": 9}
    school = memory.list(Institution)[0]
    memory.save(school.evolve(name="St Mary's C of E Primary"))
    newcomer = Person(name="Dara Okafor", created=clock.now(), updated=clock.now(), revision=1)
    people.append(newcomer.model_dump(mode="json"))
    merged = restore_backup(memory, read_backup(json.dumps(document)), merge=True)
    assert (merged.created, merged.updated) == (1, 1)
    assert merged.skipped == len(backup.records) - 1
    assert memory.get(Person, people[0]["id"]).name == "Amina Khan-Ali"  # type: ignore[union-attr]
    assert memory.get(Person, newcomer.id) == newcomer
    assert memory.get(Institution, school.id).name == "St Mary's C of E Primary"  # type: ignore[union-attr]


def test_merging_a_backup_without_private_notes_keeps_those_held(
    repo: Repository, memory: Repository, clock: FixedClock
) -> None:
    repo.save_all(sample_records())
    restore_backup(memory, read_backup(backup_text(repo, include_private=True)))
    amina = next(p for p in repo.list(Person) if p.private_notes)
    clock.advance(hours=1)
    repo.save(amina.evolve(phone="0116 496 0999"))
    done = restore_backup(memory, read_backup(backup_text(repo)), merge=True)
    assert done.updated == 1 and done.private_notes_missing
    merged = memory.get(Person, amina.id)
    assert merged is not None
    assert merged.phone == "0116 496 0999"
    assert merged.private_notes == amina.private_notes


def test_a_backup_of_an_empty_database_restores_nothing(
    memory: Repository, clock: FixedClock
) -> None:
    backup = read_backup(backup_text(memory))
    assert backup.records == ()
    assert restore_backup(memory, backup).created == 0
    assert memory.profile() is None


def test_the_profile_comes_back(repo: Repository, memory: Repository) -> None:
    repo.save_all(sample_records())
    restore_backup(memory, read_backup(backup_text(repo)))
    assert memory.profile() == repo.profile()
    assert isinstance(memory.profile(), Profile)


def test_what_is_quoted_from_the_file_is_cut_short(document: dict[str, Any]) -> None:
    document["records"]["people"] = [{"id": "x" * 500, "name": "Amina"}]
    message = refusal(json.dumps(document))
    assert "people " + "x" * 39 + "…: id" in message
    assert len(message) < 200
