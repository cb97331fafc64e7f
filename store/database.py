"""Opening the database properly: folder, lock, crash-safe storage, schema, backups.

    with open_store(path, clock) as store:
        for message in store.warnings:
            show(message)
        store.repo.save(person)

`close()` folds the journal into the database file, makes the day's backup and releases
the lock; whatever it could not do is returned (and added to `warnings`), never raised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from tinydb import TinyDB

from organiser.clock import Clock
from organiser.errors import StoreError
from store.backups import copy_verified, daily_backup
from store.crypto import Cipher, NeedsPassphrase, is_encrypted
from store.durable import explain, make_private_dirs
from store.history import FileCopies
from store.journal import COMPACT_THRESHOLD, JournalStorage
from store.last_today import discard_last_today
from store.lock import StoreLock
from store.paths import sync_warning
from store.repository import TinyRepository
from store.schema import (
    SCHEMA,
    Schema,
    backup_name,
    effective_version,
    migrate,
    refuse_newer,
    stored_version,
    too_new,
    with_version,
)


@dataclass
class OpenedStore:
    """An open database: its repository, and messages the user should see."""

    repo: TinyRepository
    path: Path
    warnings: list[str]
    read_only: bool
    storage: JournalStorage
    _clock: Clock
    _lock: StoreLock | None
    _closed: bool = field(default=False)

    def close(self) -> list[str]:
        """Compact, back up (once a day), unlock. Returns the new warnings; never loses data."""
        if self._closed:
            return []
        self._closed = True
        before = len(self.storage.warnings)
        new: list[str] = []
        try:
            self.repo.close()
            new += self.storage.warnings[before:]
            if not self.read_only and self.storage.pending_bytes == 0:
                new += daily_backup(self.path, self._clock.today())
        finally:
            if self._lock is not None:
                self._lock.release()
        self.warnings += new
        return new

    def __enter__(self) -> OpenedStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_store(
    path: Path,
    clock: Clock,
    *,
    read_only: bool = False,
    schema: Schema = SCHEMA,
    compact_threshold: int = COMPACT_THRESHOLD,
    cipher: Cipher | None = None,
) -> OpenedStore:
    """Open (or create) the database at `path`.

    Raises DatabaseLocked when another Organiser has it open, DatabaseTooNew for a newer
    schema, DatabaseCorrupt for a damaged file (left untouched), StoreError otherwise.
    Read-only opens take no lock and never write. An encrypted database (store.crypto) needs
    its unlocked key as `cipher`; without it NeedsPassphrase is raised.
    """
    path = Path(path).expanduser().absolute()
    if path.is_symlink():  # replace the file it points to, not the link
        path = path.resolve()
    if cipher is None and is_encrypted(path):
        raise NeedsPassphrase(f"The database {path} is encrypted: it needs its passphrase.")
    warnings = [message for message in (sync_warning(path),) if message]
    if read_only:
        return _open_read_only(path, clock, schema, warnings, cipher)
    try:
        make_private_dirs(path.parent)
    except OSError as error:
        raise StoreError(f"Could not create the folder {path.parent}: {explain(error)}.") from error
    lock = StoreLock(path)
    lock.acquire(clock)
    discard_last_today(path)  # the database may change from now on (store.last_today)
    try:
        storage = JournalStorage(
            path,
            compact_threshold=compact_threshold,
            check_snapshot=refuse_newer(schema),
            cipher=cipher,
        )
        try:
            warnings += _settle_schema(storage, path, clock, schema)
        except BaseException:
            storage.close(tidy=False)
            raise
    except BaseException:
        lock.release()
        raise
    warnings += storage.warnings
    opened = _opened(storage, path, clock, warnings, lock)
    try:  # old deletions need no longer reach the diary; a failure here loses nothing
        opened.repo.prune_tombstones()
    except StoreError as error:
        opened.warnings.append(str(error))
    return opened


def _open_read_only(
    path: Path, clock: Clock, schema: Schema, warnings: list[str], cipher: Cipher | None
) -> OpenedStore:
    if not path.is_file():
        raise StoreError(f"There is no database at {path}.")
    storage = JournalStorage(
        path, read_only=True, check_snapshot=refuse_newer(schema), cipher=cipher
    )
    try:
        found = effective_version(storage.read(), schema)
        if found > schema.version:
            raise too_new(found, schema.version)
        if found < schema.version:
            raise StoreError(
                f"This database is in an older format (schema {found}) and must be upgraded "
                "before it can be opened read-only. Open it normally once: Organiser keeps a "
                "copy of the old file when it upgrades."
            )
    except BaseException:
        storage.close()
        raise
    return _opened(storage, path, clock, warnings + storage.warnings, None)


def _opened(
    storage: JournalStorage, path: Path, clock: Clock, warnings: list[str], lock: StoreLock | None
) -> OpenedStore:
    db = TinyDB(storage=lambda: storage)
    copies = None if storage.read_only else FileCopies(path, clock, cipher=storage.cipher)
    repo = TinyRepository(db, clock, read_only=storage.read_only, copies=copies)
    return OpenedStore(repo, path, warnings, storage.read_only, storage, clock, lock)


def _settle_schema(storage: JournalStorage, path: Path, clock: Clock, schema: Schema) -> list[str]:
    """Record the version in a new database; refuse a newer one; upgrade an older one."""
    tables = storage.read()
    found = effective_version(tables, schema)
    if found == schema.version and stored_version(tables) is None:
        storage.write(with_version(tables, found))
        return []
    if found > schema.version:
        raise too_new(found, schema.version)
    if found < schema.version:
        return _upgrade(storage, path, clock, schema, found)
    return []


def _upgrade(
    storage: JournalStorage, path: Path, clock: Clock, schema: Schema, found: int
) -> list[str]:
    """Keep a verified copy of the old file beside it, then migrate and compact."""
    storage.compact()
    copy = backup_name(path, found, clock.now().strftime("%Y%m%d-%H%M%S"))
    try:
        copy_verified(path, copy)
    except (OSError, ValueError, StoreError) as error:
        why = explain(error) if isinstance(error, OSError) else str(error)
        raise StoreError(
            f"Could not keep a copy of the database before upgrading it ({why}); "
            "nothing was changed."
        ) from error
    storage.write(migrate(storage.read(), found, schema))
    return [
        f"The database was upgraded to a newer format (schema {found} to {schema.version}). "
        f"A copy of the old file is kept at {copy}."
    ]
