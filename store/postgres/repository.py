"""The Repository protocol over PostgreSQL: records as JSONB rows (store.postgres.schema),
each change one transaction, each organiser seeing what row-level security lets them see."""

from __future__ import annotations

import builtins
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import TypeVar, cast

from organiser.calendar.build import in_diary
from organiser.clock import Clock
from organiser.errors import Conflict, ReadOnlyDatabase
from organiser.models import RECORD_TYPES, Profile, Record, Tombstone
from organiser.models.base import fixed_offset
from organiser.repository import Repository
from store.changes import checked_keys, expired, tombstone_for
from store.postgres.connection import Connection, LostConnection, translated
from store.postgres.history import fold_history
from store.postgres.privacy import PRIVATE_KINDS, scope_of
from store.postgres.queries import ORDER, has_private, search_clause, select, where_clause
from store.postgres.reading import Validated, collector_paused
from store.postgres.statements import (
    DELETE,
    DELETE_SOME,
    STORED,
    for_kind,
    moment,
    write,
)

R = TypeVar("R", bound=Record)
T = TypeVar("T")


class PostgresRepository:
    """Every call is one statement or one transaction on a single connection, taken in turn
    (the app reads in threads while it saves)."""

    def __init__(
        self,
        conn: Connection,
        clock: Clock,
        *,
        read_only: bool = False,
        reconnect: Callable[[], Connection] | None = None,
    ) -> None:
        self._conn = conn
        self._reconnect = reconnect
        self._changing = False
        self._clock = clock
        self._read_only = read_only
        self._lock = threading.RLock()
        # One read of a kind at a time: a second waits, then finds the first's records
        # validated, rather than validating them all again (the app reads in threads).
        self._kind_locks: dict[str, threading.Lock] = {}
        self._validated = Validated()
        row = conn.execute("SELECT current_user").fetchone()
        self._role = str(row[0]) if row else ""

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def role(self) -> str:
        """The organiser's database role: who owns what they make."""
        return self._role

    @property
    def connection(self) -> Connection:
        return self._conn

    @contextmanager
    def _using(self, action: str) -> Iterator[None]:
        """The connection, taken in turn, made again first if the last one was lost (a
        server restart, a dropped network); the driver's errors become StoreError."""
        with self._lock, translated(action):
            if self._conn.broken and self._reconnect is not None and not self._changing:
                self._conn = self._reconnect()
            yield

    def taking_turns(self, read: Callable[[Connection], T], action: str) -> T:
        """`read` done on the connection in turn with every other call (the team's figures,
        a role look-up), made again first if it was lost."""
        with self._using(action):
            return read(self._conn)

    @contextmanager
    def _change(self, action: str) -> Iterator[None]:
        """One transaction: all of it or none. A connection lost inside it is never made
        again until it ends, so no statement of it can run outside it."""
        with self._using(action), self._conn.transaction():
            self._changing = True
            try:
                yield
            finally:
                self._changing = False

    # Reading

    def _rows(self, query: str, arguments: Sequence[object]) -> builtins.list[tuple[str, ...]]:
        """The rows of a read (every column text). A read is safe to try once more, on a
        new connection, when the last one was lost (outside a change)."""
        for attempt in (1, 2):
            try:
                with self._using("read the records"):
                    rows = self._conn.execute(query.encode(), arguments).fetchall()
                return cast(builtins.list[tuple[str, ...]], rows)
            except LostConnection:
                if self._changing or attempt == 2:
                    raise
        raise AssertionError("unreachable")

    @contextmanager
    def _reading(self, kind: type[Record]) -> Iterator[None]:
        """`kind` read by one thread at a time; inside a change (which holds the connection
        all through) without waiting, so a reader waiting for the connection never
        waits on it in turn."""
        if self._changing:
            yield
            return
        with self._lock:
            lock = self._kind_locks.setdefault(kind.kind, threading.Lock())
        with lock:
            yield

    def _docs(
        self,
        kind: type[R],
        where: tuple[str, Sequence[object]],
        order: tuple[str, Sequence[object]] = (ORDER, ()),
    ) -> builtins.list[R]:
        """`kind`'s records that `where` picks, in `order`: first each row's id and stamp,
        then the documents of only those rows not validated already (all of them in one
        pass when most are new)."""
        sql, params = where
        arguments = [kind.kind, scope_of(kind, self._role), *params]
        ordered = [*arguments, *order[1]]
        known = self._validated
        with self._reading(kind), collector_paused():
            if not known.holds(kind):
                rows = self._rows(select(kind) + sql + order[0], ordered)
                loaded = known.load_all(kind, rows)
                return builtins.list(loaded.values())
            found = self._rows(select(kind, docs=False) + sql + order[0], ordered)
            picked, missing = known.pick(kind, found)
            if len(missing) * 2 > len(found):
                rows = self._rows(select(kind) + sql + order[0], ordered)
            elif missing:
                rows = self._rows(select(kind) + sql + " AND r.id = ANY(%s)", [*arguments, missing])
            else:
                return [record for record in picked if record is not None]
            loaded = known.load_all(kind, rows)
            # One changed since the first query is read as it is now; one removed is gone.
            records = [
                record if record is not None else loaded.get(row[0])
                for record, row in zip(picked, found, strict=True)
            ]
        return [record for record in records if record is not None]

    def get(self, kind: type[R], record_id: str) -> R | None:
        """One row, its document read with its stamp (one round trip)."""
        head = (kind.kind, scope_of(kind, self._role))
        rows = self._rows(select(kind) + " AND r.id = %s", [*head, record_id])
        for found_id, stamp, text in rows:
            return self._validated.load(kind, found_id, stamp, text)
        return None

    def list(self, kind: type[R], where: Mapping[str, object] | None = None) -> builtins.list[R]:
        return self._docs(kind, where_clause(where or {}))

    def search(self, kind: type[R], text: str, limit: int | None = None) -> builtins.list[R]:
        found = search_clause(text, private=has_private(kind))
        order, order_params = found.order, found.order_params
        if limit is not None:
            order, order_params = order + " LIMIT %s", [*order_params, max(limit, 0)]
        return self._docs(kind, (found.where, found.params), (order, order_params))

    def count(self, kind: type[Record]) -> int:
        with self._using("count the records"):
            row = self._conn.execute(
                for_kind("SELECT count(*) FROM {table} WHERE kind = %s AND scope = %s", kind),
                (kind.kind, scope_of(kind, self._role)),
            ).fetchone()
        return int(str(row[0])) if row else 0

    def profile(self) -> Profile | None:
        return self.get(Profile, Profile.SINGLETON_ID)

    def own_ids(self, kind: type[Record]) -> set[str] | None:
        """An organiser's own kinds are theirs whole; of the alliance's, those they made."""
        if kind.kind in PRIVATE_KINDS:
            return None
        with self._using("read the records"):
            rows = self._conn.execute(
                "SELECT id FROM records WHERE kind = %s AND owner = current_user",
                (kind.kind,),
            ).fetchall()
        return {str(row[0]) for row in rows}

    def is_empty(self) -> bool:
        """Tombstones are bookkeeping: a database holding only them holds no records."""
        kinds = [kind.kind for kind in RECORD_TYPES if kind is not Tombstone]
        with self._using("read the records"):
            row = self._conn.execute(
                "SELECT NOT EXISTS (SELECT 1 FROM records WHERE kind = ANY(%s))"
                " AND NOT EXISTS (SELECT 1 FROM own_records WHERE kind = ANY(%s))",
                (kinds, kinds),
            ).fetchone()
        return bool(row and row[0])

    # Writing

    def _writable(self) -> None:
        if self._read_only:
            raise ReadOnlyDatabase("The database is open read-only; nothing was saved.")

    def _stamp_all(self, records: Sequence[R]) -> builtins.list[R]:
        """`records` stamped for saving, each checked against its stored revision (the rows
        locked until the transaction ends, so two organisers' saves of one record take
        turns). One query per kind."""
        stored: dict[tuple[str, str], tuple[object, ...]] = {}
        for kind in {type(record) for record in records}:
            ids = sorted(r.id for r in records if type(r) is kind)
            rows = self._conn.execute(
                for_kind(STORED, kind), (kind.kind, scope_of(kind, self._role), ids)
            )
            stored.update(((kind.kind, str(row[0])), row[1:]) for row in rows)
        now = fixed_offset(self._clock.now())
        return [self._stamped(r, stored.get((r.kind, r.id)), now) for r in records]

    def _stamped(self, record: R, stored: tuple[object, ...] | None, now: datetime) -> R:
        stored_revision = 0 if stored is None else int(str(stored[0]))
        if record.revision != stored_revision:
            by = None if stored is None else str(stored[3])
            at = None if stored is None else moment(stored[2])
            where = "" if at is None else f" at {at.strftime('%H:%M on %a %d %b')}"
            if by is not None and by != self._role:
                where = f" by {by}{where}"
            raise Conflict(
                f"This {type(record).__name__.lower()} was changed elsewhere{where}; "
                "your edit was not saved. Reopen it to see the latest version.",
                by=by,
                at=at,
            )
        created = now if stored is None else datetime.fromisoformat(str(stored[1]))
        return record.model_copy(
            update={"created": created, "updated": now, "revision": stored_revision + 1}
        )

    def _write(self, records: Sequence[Record]) -> None:
        """Write `records` as they are (store.postgres.statements.write)."""
        for record in records:
            self._validated.forget(record.kind, record.id)
        write(self._conn, records, self._role)

    def _remove(self, kind: type[Record], record_id: str) -> bool:
        """Delete a record; a diary record leaves a Tombstone (store.changes)."""
        record = self.get(kind, record_id) if in_diary(kind) else None
        gone = self._conn.execute(
            for_kind(DELETE, kind), (kind.kind, scope_of(kind, self._role), record_id)
        ).fetchone()
        if gone is None:
            return False
        self._validated.forget(kind.kind, record_id)
        if record is not None:
            now = fixed_offset(self._clock.now())
            tombstone = tombstone_for(record, self.get(Tombstone, record_id), now)
            if tombstone is not None:
                self._write([tombstone])
        return True

    def save(self, record: R) -> R:
        self._writable()
        with self._change("save the record"):
            (stamped,) = self._stamp_all([record])
            self._write([stamped])
        return stamped

    def save_all(
        self,
        records: Sequence[Record],
        *,
        deletes: Sequence[tuple[type[Record], str]] = (),
    ) -> builtins.list[Record]:
        self._writable()
        checked_keys(records, deletes, "save")
        with self._change("save the records"):
            stamped = self._stamp_all(records)
            self._write(stamped)
            for kind, record_id in deletes:
                self._remove(kind, record_id)
        return stamped

    def put_exact(
        self,
        records: Sequence[Record],
        *,
        deletes: Sequence[tuple[type[Record], str]] = (),
    ) -> builtins.list[Record]:
        self._writable()
        seen = checked_keys(records, deletes, "change")
        back = [
            r.id for r in records if r.kind != Tombstone.kind and (Tombstone.kind, r.id) not in seen
        ]
        with self._change("bring the records back"):
            self._write(records)
            # A record brought back is no longer deleted: its tombstone goes in the same change.
            self._conn.execute(
                for_kind(DELETE_SOME, Tombstone),
                (Tombstone.kind, scope_of(Tombstone, self._role), back),
            )
            for kind, record_id in deletes:
                self._remove(kind, record_id)
        return builtins.list(records)

    def delete(self, kind: type[Record], record_id: str) -> bool:
        self._writable()
        with self._change("delete the record"):
            return self._remove(kind, record_id)

    def prune_tombstones(self) -> int:
        """Forget this organiser's deletions older than `KEEP_DAYS`. Returns how many went."""
        old = expired(self.list(Tombstone), self._clock.now())
        if old and not self._read_only:
            with self._using("tidy old deletions"):
                self._conn.execute(
                    for_kind(DELETE_SOME, Tombstone),
                    (Tombstone.kind, scope_of(Tombstone, self._role), old),
                )
        return len(old)

    def forget_history(self, amend: Callable[[Repository], None]) -> builtins.list[str]:
        if self._read_only:
            raise ReadOnlyDatabase("The database is open read-only; nothing was changed.")
        with self._using("fold away the deleted rows"):
            return fold_history(self._conn)

    def close(self) -> None:
        with self._lock:
            self._conn.close()
