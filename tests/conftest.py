"""Shared fixtures: every repository test runs on TinyDB's MemoryStorage, on our file store
and on the PostgreSQL team store (a throwaway server per worker: tests/pg_server.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from organiser.clock import LONDON, FixedClock
from store.repository import TinyRepository
from tests.pg_server import Server, opened_for_test, pg_server  # noqa: F401 (a fixture)

#: A hung test fails, with what its event loop was waiting for (tests/hangs.py).
pytest_plugins = ["tests.hangs"]


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 9, 30, tzinfo=LONDON))


@pytest.fixture(params=["memory", "file", "postgres"])
def repo(
    request: pytest.FixtureRequest, tmp_path: Path, clock: FixedClock
) -> Iterator[TinyRepository]:
    if request.param == "postgres":
        server: Server = request.getfixturevalue("pg_server")
        with opened_for_test(server, clock) as team:
            yield team.repo  # type: ignore[misc]  # another adapter of the same protocol
        return
    if request.param == "memory":
        repository = TinyRepository(TinyDB(storage=MemoryStorage), clock)
        yield repository
        repository.close()
        return
    from store.database import open_store

    with open_store(tmp_path / "data" / "organiser.json", clock) as opened:
        yield opened.repo
