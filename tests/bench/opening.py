"""What a probe measures: a database file (worked on as a copy, never the cached file
itself) or a team database's postgresql://… address (a server the run started for itself,
on a copy of its cached data)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from organiser.clock import LONDON, SystemClock
from store.database import OpenedStore, open_store
from store.postgres.address import is_team_url
from store.postgres.opened import OpenedPostgres, open_postgres


def open_target(target: str) -> OpenedStore | OpenedPostgres:
    """The file store or the team store, as `organiser --db TARGET` would open it."""
    clock = SystemClock(LONDON)
    if is_team_url(target):
        return open_postgres(target, clock)
    return open_store(Path(target), clock)


@contextmanager
def working_copy(target: str) -> Iterator[str]:
    """`target` to work on: a team address as it is, a file as a throwaway copy."""
    if is_team_url(target):
        yield target
        return
    with tempfile.TemporaryDirectory(prefix="organiser-bench-") as folder:
        copy = Path(folder) / Path(target).name
        shutil.copyfile(target, copy)
        yield str(copy)
