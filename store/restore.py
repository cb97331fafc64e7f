"""Putting a damaged database right from its newest good daily backup.

Nothing is deleted: the damaged file (and its journal) are renamed aside with the time they
were set aside, so whoever helps the organiser later can still look at them. A backup is only
used after every record in it has been read back and validated.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from organiser.clock import Clock
from organiser.errors import DatabaseCorrupt, StoreError
from organiser.models import RECORD_TYPE_BY_KIND
from store.backups import copy_verified, list_backups
from store.crypto import Cipher
from store.durable import explain, sync_dir
from store.format import journal_path, parse_snapshot
from store.lock import StoreLock


@dataclass(frozen=True)
class Restored:
    backup: Path
    set_aside: list[Path]


def backup_problem(backup: Path, cipher: Cipher | None = None) -> str | None:
    """Why `backup` cannot be restored from, or None when every record in it is valid."""
    try:
        tables, _ = parse_snapshot(backup.read_bytes(), backup, cipher)
    except OSError as error:
        return explain(error)
    except StoreError as error:
        return str(error)
    for name, table in tables.items():
        kind = RECORD_TYPE_BY_KIND.get(name)
        if kind is None:
            continue
        for doc in table.values():
            try:
                kind.model_validate(doc)
            except ValidationError:
                return f"a stored {kind.__name__} in it is not valid"
    return None


def newest_good_backup(db_path: Path, cipher: Cipher | None = None) -> Path | None:
    """The newest daily backup of `db_path` that reads back whole, or None."""
    for backup in list_backups(db_path):
        if backup_problem(backup, cipher) is None:
            return backup
    return None


def _aside(path: Path, stamp: str) -> Path | None:
    if not path.exists():
        return None
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    os.replace(path, target)
    return target


def restore_backup(
    db_path: Path, clock: Clock, backup: Path | None = None, cipher: Cipher | None = None
) -> Restored:
    """Set the database at `db_path` aside and put `backup` (default: the newest good one)
    in its place. Takes the database's lock, so it refuses while Organiser has it open.

    Raises StoreError, saying why, when there is no good backup or a file cannot be moved.
    """
    chosen = backup or newest_good_backup(db_path, cipher)
    if chosen is None:
        raise StoreError(
            f"There is no good backup of {db_path} to restore from in {db_path.parent / 'backups'}."
        )
    problem = backup_problem(chosen, cipher)
    if problem is not None:
        raise DatabaseCorrupt(f"The backup {chosen} cannot be restored: {problem}.")
    lock = StoreLock(db_path)
    lock.acquire(clock)
    try:
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        moved = [p for p in (_aside(db_path, stamp), _aside(journal_path(db_path), stamp)) if p]
        sync_dir(db_path.parent)
        copy_verified(chosen, db_path)
    except OSError as error:
        raise StoreError(f"Could not restore {chosen}: {explain(error)}.") from error
    finally:
        lock.release()
    return Restored(chosen, moved)


def describe_backup(backup: Path) -> str:
    """ "the backup of Sat 21 Nov 2026 (…/backups/organiser-2026-11-21.json)"."""
    modified = datetime.fromtimestamp(backup.stat().st_mtime)
    return f"the backup of {modified:%a %d %b %Y %H:%M} ({backup})"
