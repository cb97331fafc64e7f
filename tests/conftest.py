"""Shared fixtures: every repository test runs on TinyDB's MemoryStorage and on our file store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from organiser.clock import LONDON, FixedClock
from store.repository import TinyRepository


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 9, 30, tzinfo=LONDON))


@pytest.fixture(params=["memory", "file"])
def repo(
    request: pytest.FixtureRequest, tmp_path: Path, clock: FixedClock
) -> Iterator[TinyRepository]:
    if request.param == "memory":
        repository = TinyRepository(TinyDB(storage=MemoryStorage), clock)
        yield repository
        repository.close()
        return
    from store.database import open_store

    with open_store(tmp_path / "data" / "organiser.json", clock) as opened:
        yield opened.repo
