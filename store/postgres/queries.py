"""The SQL the repository reads with: a kind's records in order, narrowed by equality filters
(`where`) or by every word of a search, each record's private fields merged in."""

from __future__ import annotations

import json
from collections.abc import Mapping

from store.repository import _json_value

#: A record's document as JSON text, with the reader's own private fields laid over it.
SELECT = (
    "SELECT (r.doc || coalesce(p.doc, '{}'::jsonb))::text FROM records r"
    " LEFT JOIN private_fields p ON p.kind = r.kind AND p.scope = r.scope AND p.id = r.id"
    " AND p.owner = current_user"
    " WHERE r.kind = %s AND r.scope = %s"
)
ORDER = " ORDER BY r.seq"


def where_clause(where: Mapping[str, object]) -> tuple[str, list[object]]:
    """Equality on each field, or, for a list field, the list holding the value: JSONB
    containment, which the GIN index over the documents answers."""
    sql: list[str] = []
    params: list[object] = []
    for field, wanted in where.items():
        value = _json_value(wanted)
        sql.append(" AND (r.doc @> %s::jsonb OR r.doc @> %s::jsonb)")
        params += [json.dumps({field: value}), json.dumps({field: [value]})]
    return "".join(sql), params


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_clause(text: str) -> tuple[str, list[object]]:
    """Every word of `text`, casefolded, somewhere in the record's prepared search text (its
    shared fields, and the reader's own private ones): the file store's rule exactly."""
    words = text.casefold().replace("\x00", " ").split()
    sql = " AND (r.search || ' ' || coalesce(p.search, '')) LIKE %s" * len(words)
    return sql, [_like(word) for word in words]
