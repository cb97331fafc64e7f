"""The SQL the repository reads with: a kind's records in order, narrowed by equality filters
(`where`) or by a search, with the reader's own private fields merged in.

A read comes in two steps (store.postgres.repository): first each row's id and `stamp` (its
revision and the row versions it was read from), which is small; then the documents of only
those rows whose stamp the repository has not validated already.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from organiser.models import Record
from store.postgres.privacy import PRIVATE_FIELDS, table_of
from store.repository import _json_value

#: The text search configuration of the `words` columns (store.postgres.schema): English,
#: so a search for "houses" finds "housing".
TEXT_SEARCH = "english"
ORDER = " ORDER BY r.seq"

#: Which version of a row (and of the reader's private fields on it) a record was read
#: from: a row's xmin changes with every write of it, even one that keeps its revision.
_STAMP = "concat_ws(':', r.revision, r.xmin, p.xmin)"
_PLAIN_STAMP = "concat_ws(':', r.revision, r.xmin)"
_JOIN_PRIVATE = (
    " LEFT JOIN private_fields p ON p.kind = r.kind AND p.scope = r.scope AND p.id = r.id"
    " AND p.owner = current_user"
)
_KIND = " WHERE r.kind = %s AND r.scope = %s"


def has_private(kind: type[Record]) -> bool:
    return kind.kind in PRIVATE_FIELDS


def select(kind: type[Record], *, docs: bool = True) -> str:
    """The start of a query for `kind`'s ids, stamps and (with `docs`) documents as JSON
    text, the reader's own private fields laid over the shared ones. Takes (kind, scope)
    as parameters; the rows are `r` and, for a kind with private fields, `p`."""
    if has_private(kind):
        doc = ", (r.doc || coalesce(p.doc, '{}'::jsonb))::text" if docs else ""
        return f"SELECT r.id, {_STAMP}{doc} FROM records r{_JOIN_PRIVATE}{_KIND}"
    doc = ", r.doc::text" if docs else ""
    return f"SELECT r.id, {_PLAIN_STAMP}{doc} FROM {table_of(kind)} r{_KIND}"


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


@dataclass(frozen=True)
class Search:
    """A search's condition and its order, each with its parameters in turn."""

    where: str
    params: list[object]
    order: str
    order_params: list[object]


def search_clause(text: str, *, private: bool = False) -> Search:
    """What a search for `text` finds, best first.

    Found: the records PostgreSQL's text search matches (every word, stemmed: "houses"
    finds "housing"), and every record the file store finds, whose prepared search text
    holds each word of `text` casefolded (a LIKE the trigram index answers). Ordered by
    the text search's rank, then as stored, so the substring matches come after. For a
    kind with `private` fields the reader's own are searched with the shared ones."""
    words = text.casefold().replace("\x00", " ").split()
    if not words:
        return Search("", [], ORDER, [])
    query = " ".join(words)
    vector = "(r.words || coalesce(p.words, ''::tsvector))" if private else "r.words"
    matched = f"{vector} @@ plainto_tsquery('{TEXT_SEARCH}', %s)"
    if private:
        likes = " AND ".join(["(r.search LIKE %s OR p.search LIKE %s)"] * len(words))
        like_params: list[object] = [_like(word) for word in words for _ in (1, 2)]
    else:
        likes = " AND ".join(["r.search LIKE %s"] * len(words))
        like_params = [_like(word) for word in words]
    rank = f"ts_rank({vector}, plainto_tsquery('{TEXT_SEARCH}', %s))"
    return Search(
        f" AND ({matched} OR ({likes}))",
        [query, *like_params],
        f" ORDER BY ({matched}) DESC, {rank} DESC, r.seq",
        [query, query],
    )
