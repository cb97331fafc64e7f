"""The SQL the repository reads with: a kind's records in order, narrowed by equality filters
(`where`) or by every word of a search, with the reader's own private fields merged in."""

from __future__ import annotations

import json
from collections.abc import Mapping

from organiser.models import Record
from store.postgres.privacy import PRIVATE_FIELDS, table_of
from store.repository import _json_value

#: A record's document as JSON text, with the reader's own private fields laid over it.
_WITH_PRIVATE = (
    "SELECT r.id, (r.doc || coalesce(p.doc, '{}'::jsonb))::text FROM records r"
    " LEFT JOIN private_fields p ON p.kind = r.kind AND p.scope = r.scope AND p.id = r.id"
    " AND p.owner = current_user"
    " WHERE r.kind = %s AND r.scope = %s"
)
ORDER = " ORDER BY r.seq"


def has_private(kind: type[Record]) -> bool:
    return kind.kind in PRIVATE_FIELDS


def select(kind: type[Record]) -> str:
    """The start of a query for `kind`'s ids and documents, taking (kind, scope) as
    parameters."""
    if has_private(kind):
        return _WITH_PRIVATE
    return f"SELECT r.id, r.doc::text FROM {table_of(kind)} r WHERE r.kind = %s AND r.scope = %s"


def where_clause(where: Mapping[str, object]) -> tuple[str, list[object]]:
    """Equality on each field, or, for a list field, the list holding the value: JSONB
    containment, which the GIN index over the documents answers. A person is looked up by
    the column copied out for it, which the indexes by person answer (also under row-level
    security: text equality is leakproof)."""
    sql: list[str] = []
    params: list[object] = []
    for field, wanted in where.items():
        value = _json_value(wanted)
        if field == "person_id" and isinstance(value, str):
            sql.append(" AND r.person_id = %s")
            params.append(value)
            continue
        sql.append(" AND (r.doc @> %s::jsonb OR r.doc @> %s::jsonb)")
        params += [json.dumps({field: value}), json.dumps({field: [value]})]
    return "".join(sql), params


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_clause(text: str, *, private: bool = False) -> tuple[str, list[object]]:
    """Every word of `text`, casefolded, somewhere in the record's prepared search text (its
    shared fields, and for a kind with `private` fields the reader's own): the file store's
    rule exactly, since no word holds a space. Each is a LIKE the trigram index answers."""
    words = text.casefold().replace("\x00", " ").split()
    if private:
        sql = " AND (r.search LIKE %s OR p.search LIKE %s)" * len(words)
        return sql, [like for word in words for like in (_like(word), _like(word))]
    return " AND r.search LIKE %s" * len(words), [_like(word) for word in words]
