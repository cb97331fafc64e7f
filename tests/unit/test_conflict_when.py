"""A stale save names when the record was changed the way the app shows moments."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from organiser.clock import LONDON, FixedClock
from organiser.dates import format_when
from organiser.errors import Conflict
from organiser.models import Person
from store.repository import TinyRepository


def test_format_when_reads_as_the_app_shows_moments() -> None:
    at = datetime(2026, 11, 23, 14, 2, tzinfo=LONDON)
    assert format_when(at) == "Mon 23 Nov 14:02"
    assert format_when(datetime(2026, 6, 1, 13, 5, tzinfo=LONDON) - timedelta(hours=1)) == (
        "Mon 1 Jun 12:05"
    )


def test_a_file_store_conflict_says_when_in_words(clock: FixedClock) -> None:
    repo = TinyRepository(TinyDB(storage=MemoryStorage), clock)
    first = repo.save(Person(name="Amina Khan"))
    clock.at = datetime(2026, 11, 23, 14, 2, tzinfo=LONDON)
    repo.save(first.evolve(name="Amina K."))
    with pytest.raises(Conflict, match=r"changed elsewhere at Mon 23 Nov 14:02; ") as raised:
        repo.save(first.evolve(name="Someone else"))
    assert raised.value.at == datetime(2026, 11, 23, 14, 2, tzinfo=LONDON)
    assert "T14:02" not in str(raised.value)
    stored = repo.get(Person, first.id)
    assert stored is not None and stored.name == "Amina K."
