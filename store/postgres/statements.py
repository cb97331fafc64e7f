"""The statements the team store writes with, and the small helpers around them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from organiser.models import Record
from store.postgres.connection import Connection
from store.postgres.privacy import (
    facts_of,
    person_of,
    scope_of,
    search_text,
    searched,
    split,
    table_of,
)
from store.repository import encode

# {table} is one of the schema's own table names (privacy.table_of), never anyone's input.
STORED = (
    "SELECT id, revision, doc->>'created', doc->>'updated', changed_by FROM {table}"
    " WHERE kind = %s AND scope = %s AND id = ANY(%s) ORDER BY id FOR UPDATE"
)
UPSERT = (
    "INSERT INTO {table} (kind, scope, id, revision, doc, search, person_id, moment, status)"
    " VALUES (%s, %s, %s, %s, %s::jsonb, %s, %s, %s::timestamptz, %s)"
    " ON CONFLICT (kind, scope, id) DO UPDATE SET doc = excluded.doc,"
    " revision = excluded.revision, search = excluded.search,"
    " person_id = excluded.person_id, moment = excluded.moment, status = excluded.status,"
    " changed_by = current_user"
)
UPSERT_PRIVATE = (
    "INSERT INTO private_fields (kind, scope, id, doc, search) VALUES (%s, %s, %s, %s::jsonb, %s)"
    " ON CONFLICT (kind, scope, id, owner) DO UPDATE SET doc = excluded.doc,"
    " search = excluded.search"
)
DROP_PRIVATE = (
    "DELETE FROM private_fields WHERE kind = %s AND scope = %s AND id = %s AND owner = current_user"
)
DELETE = "DELETE FROM {table} WHERE kind = %s AND scope = %s AND id = %s RETURNING 1"
DELETE_SOME = "DELETE FROM {table} WHERE kind = %s AND scope = %s AND id = ANY(%s)"


def for_kind(template: str, kind: type[Record]) -> bytes:
    """`template` for the table `kind` is kept in."""
    return template.format(table=table_of(kind)).encode()


def moment(stamp: object) -> datetime | None:
    """A stored time, or None when it cannot be read as one."""
    try:
        return datetime.fromisoformat(str(stamp))
    except ValueError:
        return None


def write(conn: Connection, records: Sequence[Record], role: str) -> None:
    """Write `records` as they are, as the organiser `role`, in as few round trips as the
    driver allows: each record's shared row, and its private fields' row (dropped when
    they are all blank)."""
    upserts: dict[str, list[tuple[object, ...]]] = {}
    private_upserts: list[tuple[object, ...]] = []
    private_drops: list[tuple[object, ...]] = []
    for record in records:
        kind = type(record)
        scope = scope_of(kind, role)
        shared, private = split(kind, record.model_dump(mode="json"))
        shared_fields, private_fields = searched(kind)
        upserts.setdefault(table_of(kind), []).append(
            (
                kind.kind,
                scope,
                record.id,
                record.revision,
                encode(shared).decode(),
                search_text(shared, shared_fields),
                person_of(shared),
                *facts_of(shared),
            )
        )
        if private:
            text = search_text(private, private_fields)
            private_upserts.append((kind.kind, scope, record.id, encode(private).decode(), text))
        elif private is not None:
            private_drops.append((kind.kind, scope, record.id))
    with conn.cursor() as cursor:
        for table, rows in upserts.items():
            cursor.executemany(UPSERT.format(table=table).encode(), rows)
        if private_upserts:
            cursor.executemany(UPSERT_PRIVATE, private_upserts)
        if private_drops:
            cursor.executemany(DROP_PRIVATE, private_drops)
