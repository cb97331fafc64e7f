"""Deleting a person leaves nothing in the database pointing at them."""

from __future__ import annotations

import json

from organiser.models import (
    RECORD_TYPES,
    LadderMove,
    Person,
    PublicAction,
    RelationalMeeting,
    Tombstone,
)
from organiser.removal import plan_removal, remove
from store.repository import TinyRepository
from tests.samples import sample_records


def test_removing_a_person_leaves_no_trace_of_their_id(repo: TinyRepository) -> None:
    records = sample_records()
    repo.save_all(records)
    amina = next(r for r in records if isinstance(r, Person))
    action = next(r for r in records if isinstance(r, PublicAction))

    removal = plan_removal(repo, amina)
    assert removal.summary() == (
        "Their 1 1-2-1, 1 ladder move and 1 link to other people go too. "
        "5 other records will no longer name them."
    )
    remove(repo, removal)

    everything = [r.model_dump(mode="json") for kind in RECORD_TYPES for r in repo.list(kind)]
    assert amina.id not in json.dumps(everything)
    assert repo.get(Person, amina.id) is None
    assert repo.count(RelationalMeeting) == 0 and repo.count(LadderMove) == 0
    kept = repo.get(PublicAction, action.id)
    assert kept is not None and kept.turnout_actual == action.turnout_actual
    # Her 1-2-1 leaves a Tombstone (ids only) so the diary export can cancel it.
    assert repo.count(Tombstone) == 2
    assert len(everything) == len(records) - 4 + 1


def test_removing_someone_nothing_mentions_deletes_only_them(repo: TinyRepository) -> None:
    repo.save_all(sample_records())
    loner = repo.save(Person(name="Loner"))
    removal = plan_removal(repo, loner)
    assert removal.saves == [] and removal.summary() == ""
    remove(repo, removal)
    assert repo.get(Person, loner.id) is None
    assert repo.count(Person) == 1
