"""The Repository protocol implemented over a TinyDB database."""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, tzinfo
from enum import Enum
from typing import Any, Protocol, TypeVar, cast, runtime_checkable

from pydantic import ValidationError
from tinydb import TinyDB

from organiser.calendar.build import in_diary
from organiser.clock import Clock
from organiser.dates import format_when
from organiser.errors import Conflict, DatabaseCorrupt, ReadOnlyDatabase, StoreError
from organiser.models import RECORD_TYPES, Profile, Record, Tombstone
from organiser.models.base import fixed_offset
from organiser.repository import Repository
from store.changes import checked_keys, expired, tombstone_for
from store.search_index import SearchIndex
from store.table import Change, ChangeAwareStorage, RecordTable

R = TypeVar("R", bound=Record)

#: Tables that hold no records (schema version, audit trail): not counted as data.
META_TABLE = "_meta"


def _json_value(value: object) -> object:
    """A filter value as it is stored in a document."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _matches(doc: Mapping[str, Any], where: Mapping[str, object]) -> bool:
    for field, wanted in where.items():
        value = doc.get(field)
        if isinstance(value, list):
            if wanted not in value:
                return False
        elif value != wanted:
            return False
    return True


def encode(doc: Mapping[str, Any]) -> bytes:
    """Strict JSON for a document: no NaN, no lone surrogates, UTF-8."""
    try:
        return json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (ValueError, UnicodeEncodeError) as error:
        raise StoreError(f"This record contains a value that cannot be saved: {error}") from error


@runtime_checkable
class Compacting(Protocol):
    """A storage that keeps a history of changes (a journal) and can fold it away."""

    def compact(self) -> None: ...


class Copies(Protocol):
    """The copies a store keeps of itself (see store.history.FileCopies)."""

    def amend_all(self, amend: Callable[[Repository], None]) -> builtins.list[str]: ...


class TinyRepository:
    """Records kept in TinyDB tables named by each record type's `kind`.

    `copies` are the backups and other copies of the database's file, amended by
    `forget_history`; an in-memory database has none.
    """

    def __init__(
        self, db: TinyDB, clock: Clock, *, read_only: bool = False, copies: Copies | None = None
    ) -> None:
        db.table_class = RecordTable
        self._db = db
        self._clock = clock
        self._read_only = read_only
        self._copies = copies
        # Validated records by (kind, id), with the stored document each was made from.
        # Records are frozen, so one validated copy can be handed to every caller until
        # its document is replaced: listing 15,000 1-2-1s again costs a dict look-up each.
        self._validated: dict[tuple[str, str], tuple[Mapping[str, Any], Record]] = {}
        self._search = SearchIndex()

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def db(self) -> TinyDB:
        return self._db

    def _table(self, kind: type[Record] | str) -> RecordTable:
        name = kind if isinstance(kind, str) else kind.kind
        return cast(RecordTable, self._db.table(name))

    def _raw(self, kind: type[Record]) -> Mapping[str, Mapping[str, Any]]:
        data = self._db.storage.read() or {}
        return cast(Mapping[str, Mapping[str, Any]], data.get(kind.kind, {}))

    def _load(self, kind: type[R], doc: Mapping[str, Any]) -> R:
        key = (kind.kind, str(doc.get("id")))
        cached = self._validated.get(key)
        if cached is not None and cached[0] is doc and cached[1].revision == doc.get("revision"):
            return cast(R, cached[1])
        try:
            record = kind.model_validate(doc)
        except ValidationError as error:
            raise DatabaseCorrupt(
                f"A stored {kind.__name__} ({doc.get('id', '?')}) is not valid: {error}"
            ) from error
        self._validated[key] = (doc, record)
        return record

    def get(self, kind: type[R], record_id: str) -> R | None:
        doc = self._raw(kind).get(record_id)
        return None if doc is None else self._load(kind, doc)

    def list(self, kind: type[R], where: Mapping[str, object] | None = None) -> builtins.list[R]:
        wanted = {k: _json_value(v) for k, v in (where or {}).items()}
        # list() copies the documents in one step (a thread may be reading while the app saves).
        docs = list(self._raw(kind).values())
        return [self._load(kind, d) for d in docs if _matches(d, wanted)]

    def search(self, kind: type[R], text: str, limit: int | None = None) -> builtins.list[R]:
        words = text.casefold().split()
        found: builtins.list[R] = []
        name, validated = kind.kind, self._validated
        for doc in self._search.matching(name, kind.search_fields, self._raw(kind), words):
            # _load's cache look-up, inline: a common word can find thousands of records.
            cached = validated.get((name, str(doc.get("id"))))
            if cached and cached[0] is doc and cached[1].revision == doc.get("revision"):
                found.append(cast(R, cached[1]))
            else:
                found.append(self._load(kind, doc))
            if limit is not None and len(found) >= limit:
                break
        return found

    def own_ids(self, kind: type[Record]) -> set[str] | None:
        return None  # one organiser's own database

    def count(self, kind: type[Record]) -> int:
        return len(self._raw(kind))

    def _stamp(self, record: R) -> R:
        stored = self._raw(type(record)).get(record.id)
        stored_revision = 0 if stored is None else int(stored.get("revision", 0))
        if record.revision != stored_revision:
            at = _changed_at(stored, self._clock.now().tzinfo)
            when = "" if at is None else f" at {format_when(at)}"
            raise Conflict(
                f"This {type(record).__name__.lower()} was changed elsewhere{when}; "
                "your edit was not saved. Reopen it to see the latest version.",
                at=at,
            )
        now = fixed_offset(self._clock.now())
        created = now if stored is None else datetime.fromisoformat(str(stored["created"]))
        return record.model_copy(
            update={"created": created, "updated": now, "revision": stored_revision + 1}
        )

    def _commit(self, changes: Sequence[Change]) -> None:
        if self._read_only:
            raise ReadOnlyDatabase("The database is open read-only; nothing was saved.")
        for _, _, doc in changes:
            if doc is not None:
                encode(doc)
        for name, doc_id, _ in changes:
            self._validated.pop((name, doc_id), None)
            self._search.forget(name)
        storage = self._db.storage
        if isinstance(storage, ChangeAwareStorage):
            storage.apply_changes(changes)
            for name in {name for name, _, _ in changes}:
                self._table(name).clear_cache()
            return
        for name, doc_id, doc in changes:
            if doc is None:
                self._table(name).drop(doc_id)
            else:
                self._table(name).put(doc_id, doc)

    def save(self, record: R) -> R:
        stamped = self._stamp(record)
        self._commit([(stamped.kind, stamped.id, stamped.model_dump(mode="json"))])
        return stamped

    def save_all(
        self,
        records: Sequence[Record],
        *,
        deletes: Sequence[tuple[type[Record], str]] = (),
    ) -> builtins.list[Record]:
        checked_keys(records, deletes, "save")
        stamped: builtins.list[Record] = [self._stamp(record) for record in records]
        changes: builtins.list[Change] = [
            (r.kind, r.id, r.model_dump(mode="json")) for r in stamped
        ]
        for kind, record_id in deletes:
            if record_id in self._raw(kind):
                changes += self._removal(kind, record_id)
        self._commit(changes)
        return stamped

    def put_exact(
        self,
        records: Sequence[Record],
        *,
        deletes: Sequence[tuple[type[Record], str]] = (),
    ) -> builtins.list[Record]:
        seen = checked_keys(records, deletes, "change")
        changes: builtins.list[Change] = [
            (r.kind, r.id, r.model_dump(mode="json")) for r in records
        ]
        # A record brought back is no longer deleted: its tombstone goes in the same change.
        tombstones = self._raw(Tombstone)
        changes += [
            (Tombstone.kind, r.id, None)
            for r in records
            if r.kind != Tombstone.kind
            and r.id in tombstones
            and (Tombstone.kind, r.id) not in seen
        ]
        for kind, record_id in deletes:
            if record_id in self._raw(kind):
                changes += self._removal(kind, record_id)
        self._commit(changes)
        return builtins.list(records)

    def delete(self, kind: type[Record], record_id: str) -> bool:
        if record_id not in self._raw(kind):
            return False
        self._commit(self._removal(kind, record_id))
        return True

    def _removal(self, kind: type[Record], record_id: str) -> builtins.list[Change]:
        """Removing a record; a diary record also leaves a Tombstone in the same change
        (store.changes)."""
        changes: builtins.list[Change] = [(kind.kind, record_id, None)]
        if not in_diary(kind):
            return changes
        record = self._load(kind, self._raw(kind)[record_id])
        tombstone = tombstone_for(
            record, self.get(Tombstone, record_id), fixed_offset(self._clock.now())
        )
        if tombstone is None:
            return changes
        return [*changes, (Tombstone.kind, record_id, tombstone.model_dump(mode="json"))]

    def prune_tombstones(self) -> int:
        """Forget deletions older than `KEEP_DAYS`: by then every calendar has dropped their
        entries. Returns how many went. Done when the database is opened."""
        old = expired(self.list(Tombstone), self._clock.now())
        if old and not self._read_only:
            self._commit([(Tombstone.kind, record_id, None) for record_id in old])
        return len(old)

    def profile(self) -> Profile | None:
        return self.get(Profile, Profile.SINGLETON_ID)

    def is_empty(self) -> bool:
        """Tombstones are bookkeeping: a database holding only them holds no records."""
        return all(self.count(kind) == 0 for kind in RECORD_TYPES if kind is not Tombstone)

    def forget_history(self, amend: Callable[[Repository], None]) -> builtins.list[str]:
        """Amend every copy, then fold the journal into the snapshot (which empties it). An
        in-memory database keeps no history and no copies: nothing to do."""
        if self._read_only:
            raise ReadOnlyDatabase("The database is open read-only; nothing was changed.")
        messages = [] if self._copies is None else self._copies.amend_all(amend)
        storage = self._db.storage
        if isinstance(storage, Compacting):
            try:
                storage.compact()
            except StoreError as error:
                messages.append(
                    f"{error} Until then the database's journal still holds what was erased; "
                    "it is folded away when Organiser closes."
                )
        return messages

    def close(self) -> None:
        self._db.close()


def _changed_at(stored: Mapping[str, Any] | None, zone: tzinfo | None) -> datetime | None:
    """When a stored record was last changed, in the organiser's zone; None when unknown."""
    try:
        return datetime.fromisoformat(str(stored["updated"])).astimezone(zone) if stored else None
    except (KeyError, ValueError):
        return None
