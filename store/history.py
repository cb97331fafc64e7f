"""The copies a database file keeps of itself, and amending them all after an erasure.

Beside the database at PATH live its daily backups (backups/NAME-DATE.json), the copy kept
before a schema upgrade (NAME-schema-N-STAMP.json) and anything set aside as damaged
(NAME.json.damaged-STAMP, NAME.json.journal.damaged-STAMP). After an erasure each copy is
opened in memory as a repository of its own, amended, and written back in place, verified
and atomically, readable by its owner alone. A copy that cannot be read whole (a damaged
one, a journal) cannot be amended, so it is removed: erased data must not survive in it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from organiser.clock import Clock
from organiser.errors import StoreError
from organiser.repository import Repository
from store.backups import list_backups, write_verified
from store.crypto import Cipher, is_sealed
from store.durable import explain
from store.format import encode_snapshot, journal_path, parse_snapshot, seal_if
from store.repository import TinyRepository
from store.schema import SCHEMA, Schema, effective_version, migrate, too_new


class FileCopies:
    """The copies of the database at `db_path`, as the store's `Copies`."""

    def __init__(
        self, db_path: Path, clock: Clock, schema: Schema = SCHEMA, cipher: Cipher | None = None
    ) -> None:
        self.db_path = db_path
        self.cipher = cipher
        self._clock = clock
        self._schema = schema

    def paths(self) -> list[Path]:
        """Every copy there is now: backups newest first, then the others by name."""
        folder, name = self.db_path.parent, self.db_path.name
        patterns = (
            f"{self.db_path.stem}-schema-*{self.db_path.suffix}",
            f"{name}.damaged-*",
            f"{journal_path(self.db_path).name}.damaged-*",
        )
        others = sorted({p for pattern in patterns for p in folder.glob(pattern) if p.is_file()})
        return [*list_backups(self.db_path), *others]

    def amend_all(self, amend: Callable[[Repository], None]) -> list[str]:
        """Amend every copy; returns a message for each copy removed or left as it was."""
        messages: list[str] = []
        for path in self.paths():
            try:
                self._amend(path, amend)
            except (OSError, StoreError, ValueError) as error:
                why = explain(error) if isinstance(error, OSError) else str(error)
                messages.append(self._remove(path, why))
        return messages

    def _amend(self, path: Path, amend: Callable[[Repository], None]) -> None:
        tables, seq = parse_snapshot(path.read_bytes(), path, self.cipher)
        found = effective_version(tables, self._schema)
        if found > self._schema.version:
            raise too_new(found, self._schema.version)
        if found < self._schema.version:
            tables = migrate(tables, found, self._schema)
        before = encode_snapshot(tables, seq)
        db = TinyDB(storage=MemoryStorage)
        db.storage.write(tables)
        amend(TinyRepository(db, self._clock))
        after = encode_snapshot(db.storage.read() or {}, seq)
        if after != before:
            write_verified(path, seal_if(self.cipher, after))

    def unseal_all(self) -> list[str]:
        """Write every sealed copy back in clear (encryption being turned off); returns a
        message for each copy that could not be."""
        assert self.cipher is not None
        messages: list[str] = []
        for path in self.paths():
            try:
                raw = path.read_bytes()
                if is_sealed(raw):
                    write_verified(path, self.cipher.open(raw))
            except (OSError, StoreError, ValueError) as error:
                why = explain(error) if isinstance(error, OSError) else str(error)
                messages.append(f"Could not decrypt {path} ({why}); it is left encrypted.")
        return messages

    def seal_all(self) -> list[str]:
        """Seal every copy still in clear (after encryption is turned on); returns a message
        for each copy that could not be sealed."""
        assert self.cipher is not None
        messages: list[str] = []
        for path in self.paths():
            try:
                raw = path.read_bytes()
                if not is_sealed(raw):
                    write_verified(path, self.cipher.seal(raw))
            except (OSError, StoreError) as error:
                why = explain(error) if isinstance(error, OSError) else str(error)
                messages.append(
                    f"Could not encrypt {path} ({why}): it still holds people's details in "
                    "clear. Run “organiser encrypt” again, or delete it yourself."
                )
        return messages

    @staticmethod
    def _remove(path: Path, why: str) -> str:
        try:
            path.unlink()
        except FileNotFoundError:
            return f"{path} went while it was being amended."
        except OSError as error:
            return (
                f"Could not amend {path} ({why}) nor remove it ({explain(error)}): it may still "
                "hold what was erased. Delete it yourself."
            )
        return (
            f"Removed {path}: it could not be amended ({why}), and it may have held what "
            "was erased."
        )
