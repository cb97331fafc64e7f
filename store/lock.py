"""One Organiser at a time per database: an OS file lock, plus a note of who holds it.

The lock is a kernel lock (flock on Unix) on PATH.lock, so it disappears when its holder
exits or is killed: nobody ever has to delete a lock file by hand. PATH.owner records the
holder's process, computer and start time, only to word the refusal; a stale one is simply
overwritten.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from filelock import BaseFileLock, Timeout, UnixFileLock, WindowsFileLock

from organiser.clock import Clock
from organiser.errors import DatabaseLocked, StoreError
from store.durable import (
    PRIVATE_FILE,
    atomic_write,
    explain,
    remove_quietly,
    stale_temp_files,
    tighten,
)


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def owner_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".owner")


@dataclass(frozen=True)
class Owner:
    """Who holds the lock, as they recorded it."""

    pid: int
    host: str
    since: datetime | None

    def to_json(self) -> bytes:
        since = None if self.since is None else self.since.isoformat(timespec="seconds")
        return json.dumps({"pid": self.pid, "host": self.host, "since": since}).encode("utf-8")

    @classmethod
    def read(cls, path: Path) -> Owner | None:
        """The owner note at `path`, or None if it is missing or unreadable."""
        try:
            data = json.loads(path.read_bytes())
            since = data.get("since")
            return cls(
                pid=int(data["pid"]),
                host=str(data.get("host", "")),
                since=datetime.fromisoformat(since) if isinstance(since, str) else None,
            )
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def describe(self) -> str:
        """ "process 123, since Mon 23 Nov 10:32", naming the computer if it is another one."""
        where = f"process {self.pid}"
        if self.host and self.host != socket.gethostname():
            where += f" on {self.host}"
        if self.since is not None:
            where += f", since {self.since.strftime('%a %d %b %H:%M')}"
        return where


def _native_lock(path: Path) -> BaseFileLock:
    """A kernel lock that never silently becomes a lock-file-exists marker (which a killed
    process would leave behind)."""
    native = WindowsFileLock if sys.platform == "win32" else UnixFileLock
    try:
        return native(
            path, timeout=0, mode=PRIVATE_FILE, thread_local=False, fallback_to_soft=False
        )
    except TypeError:  # filelock 3 has no soft fallback to turn off
        return native(path, timeout=0, mode=PRIVATE_FILE, thread_local=False)


class StoreLock:
    """The lock on one database, held from `acquire` to `release`."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._lock = _native_lock(lock_path(db_path))
        self._owner_file = owner_path(db_path)

    def acquire(self, clock: Clock) -> None:
        """Take the lock or raise DatabaseLocked."""
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise self._refusal() from None
        except (OSError, NotImplementedError) as error:
            why = explain(error) if isinstance(error, OSError) else "locking is not available"
            raise StoreError(
                f"Could not lock the database {self.db_path}: {why}. Organiser "
                "needs a folder on this computer's own disk that supports file locking."
            ) from error
        tighten(lock_path(self.db_path))  # it holds no data: no need to tell anyone
        owner = Owner(os.getpid(), socket.gethostname(), clock.now())
        for temp in stale_temp_files(self._owner_file):
            remove_quietly(temp)
        # The note only words a refusal; the lock itself is what protects the data.
        with contextlib.suppress(OSError):
            atomic_write(self._owner_file, owner.to_json())

    def release(self) -> None:
        """Let go of the lock; the owner note is removed first so it never outlives it."""
        if not self._lock.is_locked:
            return
        remove_quietly(self._owner_file)
        self._lock.release()

    def _refusal(self) -> DatabaseLocked:
        owner = Owner.read(self._owner_file)
        detail = "" if owner is None else f" ({owner.describe()})"
        return DatabaseLocked(
            f"The database {self.db_path} is already open in another Organiser{detail}. "
            "Close it first."
        )
