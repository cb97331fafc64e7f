"""Whose records are whose in the team database, and how a record's document is laid out.

Most records belong to the alliance: every organiser reads and changes them, and each row
remembers the organiser who made it (`owner`) and who changed it last (`changed_by`). Some
kinds are an organiser's own: their 1-2-1 notes, their profile and supervision reviews, and
the tombstones of what they deleted; they are kept in `own_records` with the owner's role as
their `scope`, and row-level security shows them to nobody else. A person is shared but
their private notes are not: those go in `private_fields`, one row per person per
organiser, seen by its author only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from organiser.models import Profile, Record, RelationalMeeting, SupervisionReview, Tombstone

#: Kinds kept per organiser: nobody else can read them, even with hand-written SQL.
PRIVATE_KINDS: frozenset[str] = frozenset(
    kind.kind for kind in (Profile, RelationalMeeting, SupervisionReview, Tombstone)
)
#: Fields of shared kinds that are their author's only.
PRIVATE_FIELDS: Mapping[str, tuple[str, ...]] = {"people": ("private_notes",)}
#: The `scope` of a shared record.
SHARED = ""


def scope_of(kind: type[Record], role: str) -> str:
    return role if kind.kind in PRIVATE_KINDS else SHARED


def table_of(kind: type[Record]) -> str:
    """The table a kind's records are kept in (store.postgres.schema)."""
    return "own_records" if kind.kind in PRIVATE_KINDS else "records"


def person_of(doc: Mapping[str, Any]) -> str | None:
    """The person a record is about, copied into its own column for look-ups by person."""
    value = doc.get("person_id")
    return value if isinstance(value, str) else None


def facts_of(doc: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """A record's time (`at`) and status, copied into columns a supervisor may read where
    the document itself is closed to them."""
    at, status = doc.get("at"), doc.get("status")
    return (at if isinstance(at, str) else None, status if isinstance(status, str) else None)


def search_text(doc: Mapping[str, Any], fields: tuple[str, ...]) -> str:
    """The text a search looks in, prepared as the file store prepares it (store.search_index):
    the fields joined and casefolded, so both stores find the same records."""
    return " ".join(str(doc.get(field, "")) for field in fields).casefold()


def split(
    kind: type[Record], doc: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The shared part of a record's document, and its private part (None for a kind that
    has none; empty when the private fields are all blank)."""
    private_names = PRIVATE_FIELDS.get(kind.kind)
    if private_names is None:
        return dict(doc), None
    shared = {k: v for k, v in doc.items() if k not in private_names}
    private = {k: doc[k] for k in private_names if doc.get(k)}
    return shared, private


def searched(kind: type[Record]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The search fields kept in the shared row, and those kept in the private one."""
    private_names = PRIVATE_FIELDS.get(kind.kind, ())
    shared = tuple(f for f in kind.search_fields if f not in private_names)
    return shared, tuple(f for f in kind.search_fields if f in private_names)
