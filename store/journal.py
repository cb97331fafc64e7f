"""Crash-safe storage for TinyDB: all data in memory, each save one synced journal line.

A save is acknowledged only after its line (see store.format) is written with one `os.write`
to the journal, opened O_APPEND, and synced; only then does memory change. A crash can at
worst leave a torn final line, which the next open drops. The journal is folded into the
snapshot (written atomically: temporary file, sync, rename, sync the folder) when the
database is opened with a big journal, when it is closed, and when asked, never on a save.
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from organiser.errors import ReadOnlyDatabase, StoreError
from store.crypto import Cipher
from store.durable import (
    BINARY,
    PRIVATE_FILE,
    atomic_write,
    data_sync,
    explain,
    full_sync,
    loose_mode,
    remove_quietly,
    stale_temp_files,
    sync_dir,
    tighten,
)
from store.format import (
    COMPACT_THRESHOLD,
    META_TABLE,
    SCHEMA_DOC,
    SEQ_KEY,
    Loaded,
    SnapshotCheck,
    Tables,
    apply_ops,
    encode_entry,
    encode_snapshot,
    journal_path,
    load,
    loads,
    seal_if,
    shape_problem,
)
from store.table import Change

__all__ = ["COMPACT_THRESHOLD", "JournalStorage", "Tables", "journal_path"]


class JournalStorage(Storage):
    """TinyDB storage: data in memory, each save one synced journal line, compaction at open,
    close and on request. Implements store.table.ChangeAwareStorage.

    `warnings` collects messages for the user (file permissions tightened, tidy-up failures).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        compact_threshold: int = COMPACT_THRESHOLD,
        check_snapshot: SnapshotCheck | None = None,
        cipher: Cipher | None = None,
    ) -> None:
        self.path = Path(path)
        self.journal_path = journal_path(self.path)
        self.read_only = read_only
        self.warnings: list[str] = []
        self._threshold = compact_threshold
        self._check = check_snapshot
        #: With a key, every line and snapshot written is sealed (see store.crypto).
        self.cipher = cipher
        self._mutex = threading.RLock()
        self._fd: int | None = None
        self._closed = False
        self._broken: str | None = None
        loaded = load(self.path, check_snapshot, cipher)
        self._tables = loaded.tables
        self._seq = loaded.seq
        self._journal_size = loaded.good_end
        if read_only:
            self._note_loose_modes()
            return
        try:
            self._settle(loaded)
        except BaseException:
            self._release_fd()
            raise

    # Opening

    def _note_loose_modes(self) -> None:
        for file in (self.path, self.journal_path):
            mode = loose_mode(file, PRIVATE_FILE)
            if mode is not None:
                self.warnings.append(
                    f"The file {file} can be read by other people using this computer "
                    f"(permissions {mode:o}). Open the database normally to make it private."
                )

    def _settle(self, loaded: Loaded) -> None:
        """Make the files private, drop a torn tail, remove leftovers, compact if due."""
        for file in (self.path, self.journal_path):
            message = tighten(file)
            if message:
                self.warnings.append(message)
        for temp in stale_temp_files(self.path):
            remove_quietly(temp)
        self._open_journal(loaded)
        if not loaded.snapshot_exists:
            self.compact()  # a journal must never exist without its snapshot
        elif loaded.stale or self._journal_size > self._threshold:
            try:
                self.compact()
            except StoreError as error:  # not needed for safety: stale lines are skipped
                self.warnings.append(str(error))

    def _open_journal(self, loaded: Loaded) -> None:
        created = not self.journal_path.exists()
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | BINARY
        try:
            self._fd = os.open(self.journal_path, flags, PRIVATE_FILE)
            if loaded.journal_size > loaded.good_end:
                os.ftruncate(self._fd, loaded.good_end)
                full_sync(self._fd)
            if created:
                sync_dir(self.path.parent)
        except OSError as error:
            self._release_fd()
            raise StoreError(
                f"Could not open the database journal {self.journal_path}: {explain(error)}."
            ) from error

    # TinyDB's Storage API

    def read(self) -> Tables:
        """The live tables (not a copy): a reader must not change them."""
        if self._closed:
            raise StoreError("The database has been closed.")
        return self._tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Replace everything (TinyDB's own API and schema migrations) and compact at once.

        TinyDB changes the live tables before calling this, so on failure the data is read
        back from disk to match what is saved.
        """
        with self._mutex:
            try:
                self._check_writable()
                self._replace_all(data)
            except StoreError:
                if data is self._tables:
                    self._reload()
                raise

    def close(self, *, tidy: bool = True) -> None:
        """Fold the journal into the snapshot (unless `tidy` is False) and release the files.

        A failure to tidy up loses nothing (the journal is replayed next time); it is
        recorded in `warnings`.
        """
        with self._mutex:
            if self._closed:
                return
            try:
                if tidy and self._fd is not None and self._journal_size and not self._broken:
                    try:
                        self.compact()
                    except StoreError as error:
                        self.warnings.append(str(error))
            finally:
                self._release_fd()
                self._closed = True

    # ChangeAwareStorage

    def apply_changes(self, changes: Sequence[Change]) -> None:
        """Make `changes` durable as one journal line, then visible; or raise, changing nothing."""
        with self._mutex:
            self._check_writable()
            if not changes:
                return
            line, ops = encode_entry(self._seq + 1, changes, self.cipher)
            self._append(line)
            self._seq += 1
            apply_ops(self._tables, ops)

    # Compaction

    @property
    def pending_bytes(self) -> int:
        """The size of the journal: changes not yet folded into the snapshot."""
        return self._journal_size

    def compact(self) -> None:
        """Write the whole state as a new snapshot, then empty the journal. Crash-safe: the
        snapshot records the last entry it holds, and older journal lines are skipped."""
        with self._mutex:
            self._check_writable()
            encoded = encode_snapshot(self._tables, self._seq)
            try:
                atomic_write(self.path, seal_if(self.cipher, encoded))
            except OSError as error:
                raise StoreError(
                    f"Could not tidy up the database file {self.path}: {explain(error)}. "
                    "Everything you saved is safe and will be tidied up next time."
                ) from error
            self._empty_journal()

    # Internals

    def _check_writable(self) -> None:
        if self._closed:
            raise StoreError("The database has been closed; nothing was saved.")
        if self.read_only:
            raise ReadOnlyDatabase("The database is open read-only; nothing was saved.")
        if self._broken:
            raise StoreError(self._broken)

    def _append(self, line: bytes) -> None:
        assert self._fd is not None
        before = self._journal_size
        try:
            written = os.write(self._fd, line)
            if written != len(line):
                raise OSError(errno.ENOSPC, "only part of the change could be written")
            data_sync(self._fd)
        except OSError as error:
            raise StoreError(self._roll_back(before, error)) from error
        self._journal_size = before + len(line)

    def _roll_back(self, length: int, error: OSError) -> str:
        """Cut the journal back to `length` after a failed save; the message to show."""
        assert self._fd is not None
        try:
            os.ftruncate(self._fd, length)
            data_sync(self._fd)
        except OSError:
            self._broken = (
                "Organiser has stopped saving after a disk error. Close Organiser and open it "
                "again; nothing you saved before the error is lost."
            )
            return (
                f"Could not save: {explain(error)}. This change may or may not have been "
                "kept; close Organiser and open it again to check."
            )
        return f"Could not save: {explain(error)}. Nothing was changed."

    def _empty_journal(self) -> None:
        assert self._fd is not None
        try:
            os.ftruncate(self._fd, 0)
            full_sync(self._fd)
            self._journal_size = 0
        except OSError as error:
            # Harmless: every line left is older than the new snapshot and will be skipped.
            self.warnings.append(
                f"Could not empty the database journal {self.journal_path}: {explain(error)}. "
                "Nothing is lost."
            )
            with contextlib.suppress(OSError):
                self._journal_size = os.fstat(self._fd).st_size

    def _replace_all(self, data: Mapping[str, Any]) -> None:
        problem = shape_problem(data)
        if problem is not None:
            raise StoreError(f"Could not save: {problem}. Nothing was changed.")
        if META_TABLE not in data and META_TABLE in self._tables:
            data = {**data, META_TABLE: self._tables[META_TABLE]}
        encoded = encode_snapshot(data, self._seq)
        fresh: Tables = loads(encoded)
        fresh[META_TABLE][SCHEMA_DOC].pop(SEQ_KEY, None)
        try:
            atomic_write(self.path, seal_if(self.cipher, encoded))
        except OSError as error:
            raise StoreError(f"Could not save: {explain(error)}. Nothing was changed.") from error
        self._tables.clear()
        self._tables.update(fresh)
        self._empty_journal()

    def _reload(self) -> None:
        """Make memory match the disk again after a failed whole-data write."""
        try:
            loaded = load(self.path, self._check, self.cipher)
        except StoreError:
            self._broken = (
                "Organiser could not read the database back after a failed save. Close "
                "Organiser and open it again; nothing you saved before is lost."
            )
            return
        self._tables.clear()
        self._tables.update(loaded.tables)
        self._seq = loaded.seq

    def _release_fd(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
