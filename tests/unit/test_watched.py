"""WatchedRepository: listeners hear of every change that was made, and of nothing else."""

from __future__ import annotations

from datetime import datetime

import pytest

from organiser.clock import LONDON
from organiser.errors import Conflict
from organiser.models import Person, RelationalMeeting
from organiser.repository import Repository
from organiser.watched import WatchedRepository
from store.repository import TinyRepository


def test_every_change_is_heard_with_its_kinds(repo: TinyRepository) -> None:
    watched = WatchedRepository(repo)
    port: Repository = watched
    heard: list[frozenset[str]] = []
    watched.subscribe(heard.append)
    amina = port.save(Person(name="Amina"))
    meeting = RelationalMeeting(person_id=amina.id, at=datetime(2026, 12, 1, 18, tzinfo=LONDON))
    port.save_all([meeting])
    assert port.delete(RelationalMeeting, meeting.id)
    port.save_all([], deletes=[(Person, amina.id)])
    assert heard == [
        frozenset({"people"}),
        frozenset({"one_to_ones"}),
        frozenset({"one_to_ones"}),
        frozenset({"people"}),
    ]
    assert repo.get(Person, amina.id) is None  # the changes reached the real repository


def test_reads_refusals_and_no_ops_are_not_changes(repo: TinyRepository) -> None:
    watched = WatchedRepository(repo)
    heard: list[frozenset[str]] = []
    watched.subscribe(heard.append)
    amina = watched.save(Person(name="Amina"))
    heard.clear()
    watched.list(Person)
    watched.search(Person, "ami")
    watched.get(Person, amina.id)
    assert watched.count(Person) == 1 and not watched.is_empty()
    assert watched.delete(Person, "0" * 32) is False
    watched.save_all([])
    with pytest.raises(Conflict):
        watched.save(amina.evolve(revision=0))
    assert heard == []


def test_a_failing_listener_neither_undoes_nor_hides_the_change(repo: TinyRepository) -> None:
    watched = WatchedRepository(repo)
    heard: list[frozenset[str]] = []

    def broken(kinds: frozenset[str]) -> None:
        raise RuntimeError("listener broke")

    watched.subscribe(broken)
    watched.subscribe(heard.append)
    saved = watched.save(Person(name="Amina"))
    assert repo.get(Person, saved.id) == saved
    assert heard == [frozenset({"people"})]


def test_unsubscribing_stops_the_calls(repo: TinyRepository) -> None:
    watched = WatchedRepository(repo)
    heard: list[frozenset[str]] = []
    stop = watched.subscribe(heard.append)
    stop()
    stop()
    watched.save(Person(name="Amina"))
    assert heard == []
