"""A TinyDB table keyed by our own record ids, and the change hook for durable storages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from tinydb.table import Table

#: One change to the data: (table name, record id, the new document or None to remove it).
Change = tuple[str, str, Mapping[str, Any] | None]


@runtime_checkable
class ChangeAwareStorage(Protocol):
    """A storage that can persist a few changed documents without rewriting everything.

    `apply_changes` must either make every change durable and visible to `read()`, or raise
    and leave both the in-memory data and the files as they were.
    """

    def apply_changes(self, changes: Sequence[Change]) -> None: ...


class RecordTable(Table):
    """Documents are keyed by the record's own id (a uuid hex), never by a counter."""

    document_id_class = str  # type: ignore[assignment]

    def put(self, doc_id: str, document: Mapping[str, Any]) -> None:
        """Insert or replace one whole document."""

        def updater(table: dict[str, Mapping[str, Any]]) -> None:
            table[doc_id] = dict(document)

        self._update_table(updater)  # type: ignore[arg-type]

    def drop(self, doc_id: str) -> bool:
        """Remove one document; False when there was none."""
        found = False

        def updater(table: dict[str, Mapping[str, Any]]) -> None:
            nonlocal found
            found = table.pop(doc_id, None) is not None

        self._update_table(updater)  # type: ignore[arg-type]
        return found
