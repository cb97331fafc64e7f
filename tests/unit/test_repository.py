"""The Repository protocol, on both storages: round trips, filters, search, conflicts, atomicity."""

from __future__ import annotations

import math
from typing import cast

import pytest

from organiser.clock import FixedClock
from organiser.errors import Conflict, StoreError
from organiser.models import (
    RECORD_TYPES,
    Institution,
    LadderStage,
    Membership,
    Person,
    Profile,
    Record,
    TrainingSession,
)
from organiser.repository import Repository
from store.repository import TinyRepository
from tests.samples import sample_records


def _without_stamps(record: Record) -> dict[str, object]:
    return record.model_dump(exclude={"created", "updated", "revision"})


def test_every_record_type_round_trips(repo: TinyRepository) -> None:
    records = sample_records()
    assert {type(r) for r in records} == set(RECORD_TYPES)
    saved = repo.save_all(records)
    for original, stored in zip(records, saved, strict=True):
        fetched = repo.get(type(original), original.id)
        assert fetched == stored
        assert _without_stamps(fetched) == _without_stamps(original)
        assert fetched.revision == 1


def test_the_repository_satisfies_the_protocol(repo: TinyRepository) -> None:
    port: Repository = repo
    assert port.is_empty()


def test_save_stamps_created_updated_and_revision(repo: TinyRepository, clock: FixedClock) -> None:
    first = repo.save(Person(name="Amina Khan"))
    assert first.created == clock.now() and first.revision == 1
    clock.advance(hours=2)
    second = repo.save(first.evolve(phone="07700 900123"))
    assert second.created == first.created
    assert second.updated == clock.now()
    assert second.revision == 2
    assert repo.get(Person, first.id) == second


def test_a_stale_edit_is_refused_and_nothing_changes(repo: TinyRepository) -> None:
    first = repo.save(Person(name="Amina Khan"))
    repo.save(first.evolve(name="Amina K."))
    with pytest.raises(Conflict, match="changed elsewhere"):
        repo.save(first.evolve(name="Someone else"))
    stored = repo.get(Person, first.id)
    assert stored is not None and stored.name == "Amina K."


def test_list_filters_by_field_and_by_list_membership(repo: TinyRepository) -> None:
    school = repo.save(Institution(name="St Mary's"))
    leader = Person(
        name="Amina",
        ladder_stage=LadderStage.LEADER,
        memberships=[Membership(institution_id=school.id)],
    )
    repo.save_all([leader, Person(name="Bilal")])
    assert [p.name for p in repo.list(Person, {"ladder_stage": LadderStage.LEADER})] == ["Amina"]
    assert repo.list(Person, {"name": "Nobody"}) == []
    assert len(repo.list(Person)) == 2


def test_search_matches_every_word_in_any_search_field(repo: TinyRepository) -> None:
    repo.save_all(
        [
            Person(name="Amina Khan", notes="Worried about damp"),
            Person(name="Bilal Ahmed", email="bilal@example.org"),
            Person(name="Zofia Wójcik"),
        ]
    )
    assert [p.name for p in repo.search(Person, "khan DAMP")] == ["Amina Khan"]
    assert [p.name for p in repo.search(Person, "example.org")] == ["Bilal Ahmed"]
    assert [p.name for p in repo.search(Person, "wójcik")] == ["Zofia Wójcik"]
    assert len(repo.search(Person, "", limit=2)) == 2


def test_search_sees_each_change_to_what_it_looks_in(repo: TinyRepository) -> None:
    """What search looks in is prepared once per record and made again when it changes."""
    amina = repo.save(Person(name="Amina Khan", notes="Cares about damp housing"))
    assert [p.id for p in repo.search(Person, "damp")] == [amina.id]
    moved = repo.save(amina.evolve(notes="Cares about bus fares"))
    assert repo.search(Person, "damp") == []
    assert [p.notes for p in repo.search(Person, "BUS fares")] == ["Cares about bus fares"]
    repo.delete(Person, moved.id)
    assert repo.search(Person, "bus") == []


def test_search_never_matches_across_two_records(repo: TinyRepository) -> None:
    repo.save_all([Person(name="Ann Lee", notes="damp"), Person(name="Ben Hill", notes="mould")])
    assert repo.search(Person, "damp mould") == []
    assert repo.search(Person, "dampben") == []
    assert repo.search(Person, "damp\x00ben") == []
    assert [p.name for p in repo.search(Person, "n")] == ["Ann Lee", "Ben Hill"]
    assert [p.name for p in repo.search(Person, "n", limit=1)] == ["Ann Lee"]
    assert [p.name for p in repo.search(Person, "HILL mould")] == ["Ben Hill"]


def test_delete(repo: TinyRepository) -> None:
    person = repo.save(Person(name="Amina"))
    assert repo.delete(Person, person.id) is True
    assert repo.get(Person, person.id) is None
    assert repo.delete(Person, person.id) is False
    assert repo.is_empty()


def test_save_all_is_all_or_nothing(repo: TinyRepository) -> None:
    existing = repo.save(Person(name="Amina"))
    stale = existing.evolve(name="Stale")
    repo.save(existing.evolve(name="Fresh"))
    with pytest.raises(Conflict):
        repo.save_all([Person(name="New person"), stale])
    assert [p.name for p in repo.list(Person)] == ["Fresh"]


def test_a_value_json_cannot_hold_is_refused_before_anything_is_written(
    repo: TinyRepository,
) -> None:
    session = sample_training().model_copy(update={"length_hours": math.nan})
    with pytest.raises(StoreError):
        repo.save(session)
    assert repo.count(TrainingSession) == 0


def test_profile_is_a_singleton(repo: TinyRepository) -> None:
    assert repo.profile() is None
    repo.save(Profile(organiser_name="Jo"))
    profile = cast(Profile, repo.profile())
    repo.save(profile.evolve(organiser_name="Jo Bloggs"))
    assert repo.count(Profile) == 1
    assert cast(Profile, repo.profile()).organiser_name == "Jo Bloggs"


def sample_training() -> TrainingSession:
    return next(r for r in sample_records() if isinstance(r, TrainingSession))


def test_save_all_can_delete_in_the_same_change(repo: TinyRepository) -> None:
    school = repo.save(Institution(name="St Mary's"))
    amina = repo.save(Person(name="Amina", memberships=[Membership(institution_id=school.id)]))
    [unlinked] = repo.save_all(
        [amina.evolve(memberships=[])], deletes=[(Institution, school.id)]
    )
    assert repo.get(Institution, school.id) is None
    assert repo.get(Person, amina.id) == unlinked and unlinked.memberships == []
    with pytest.raises(StoreError, match="both saved and deleted"):
        repo.save_all([unlinked], deletes=[(Person, unlinked.id)])
