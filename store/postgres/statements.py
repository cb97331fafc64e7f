"""The statements the team store writes with, and the small helpers around them."""

from __future__ import annotations

from datetime import datetime

from organiser.models import Record
from store.postgres.privacy import table_of

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
