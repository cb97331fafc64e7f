"""Daily copies of the database in a private “backups” folder beside it; the newest seven kept.

A copy is written atomically, synced, read back and compared with the original before it
takes its final name, so a backup that exists is a good one.
"""

from __future__ import annotations

import hashlib
import os
import re
from datetime import date
from pathlib import Path

from organiser.errors import StoreError
from store.crypto import is_sealed
from store.durable import (
    BINARY,
    PRIVATE_DIR,
    PRIVATE_FILE,
    TEMP_MARK,
    explain,
    full_sync,
    make_private_dirs,
    remove_quietly,
    sync_dir,
    temp_path_for,
    tighten,
    write_all,
)
from store.format import loads
from store.paths import backup_dir

#: How many daily backups to keep.
KEEP = 7
_DAY = re.compile(r"-(\d{4}-\d{2}-\d{2})\.json$")


def backup_path(db_path: Path, day: date) -> Path:
    """The backup of `db_path` for `day`: backups/organiser-2026-11-23.json."""
    return backup_dir(db_path) / f"{db_path.stem}-{day.isoformat()}.json"


def _backup_day(db_path: Path, candidate: Path) -> date | None:
    match = _DAY.search(candidate.name)
    if match is None or candidate.name[: match.start()] != db_path.stem:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def list_backups(db_path: Path) -> list[Path]:
    """The daily backups of `db_path`, newest first."""
    try:
        candidates = list(backup_dir(db_path).iterdir())
    except OSError:
        return []
    dated = [(day, p) for p in candidates if (day := _backup_day(db_path, p)) is not None]
    return [p for _, p in sorted(dated, reverse=True)]


def copy_verified(source: Path, target: Path) -> None:
    """Copy `source` to `target` (0600) atomically, checking the copy before it is renamed.

    Raises OSError, or StoreError when the copy does not match or is not valid JSON.
    """
    write_verified(target, source.read_bytes())


def write_verified(target: Path, data: bytes) -> None:
    """Write `data` to `target` (0600) atomically, reading it back and checking it (same
    bytes; valid JSON unless it is sealed, see store.crypto) before it takes the name.
    Raises OSError or StoreError."""
    digest = hashlib.sha256(data).digest()
    temp = temp_path_for(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, PRIVATE_FILE)
    try:
        try:
            write_all(fd, data)
            full_sync(fd)
        finally:
            os.close(fd)
        copy = temp.read_bytes()
        if hashlib.sha256(copy).digest() != digest:
            raise StoreError("the copy does not match the original")
        if not is_sealed(copy):
            loads(copy)
        os.replace(temp, target)
    except BaseException:
        remove_quietly(temp)
        raise
    sync_dir(target.parent)


def rotate(db_path: Path, keep: int = KEEP) -> None:
    """Delete all but the newest `keep` backups, and any half-written copies."""
    for old in list_backups(db_path)[keep:]:
        remove_quietly(old)
    folder = backup_dir(db_path)
    for leftover in folder.glob(f".{db_path.stem}-*{TEMP_MARK}*"):
        remove_quietly(leftover)


def daily_backup(db_path: Path, today: date, *, keep: int = KEEP) -> list[str]:
    """Make today's backup unless there is one, and rotate. Never raises: a failure is
    returned as a message for the user (the database itself is untouched)."""
    folder = backup_dir(db_path)
    try:
        make_private_dirs(folder)
        warnings = [m for m in (tighten(folder, PRIVATE_DIR),) if m]
        target = backup_path(db_path, today)
        if not target.exists():
            copy_verified(db_path, target)
        rotate(db_path, keep)
    except (OSError, ValueError, StoreError) as error:
        why = explain(error) if isinstance(error, OSError) else str(error)
        return [
            f"Could not make today's backup of the database in {folder}: {why}. "
            "Your data itself is safe; Organiser will try again next time."
        ]
    return warnings
