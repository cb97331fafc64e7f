"""Fixtures for the diary export's tests: an in-memory repository holding the sample diary."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from organiser.clock import FixedClock
from store.repository import TinyRepository
from tests.calendar_samples import Diary, fill_diary


@pytest.fixture
def memory(clock: FixedClock) -> Iterator[TinyRepository]:
    repository = TinyRepository(TinyDB(storage=MemoryStorage), clock)
    yield repository
    repository.close()


@pytest.fixture
def diary(memory: TinyRepository, clock: FixedClock) -> Diary:
    return fill_diary(memory, clock)
