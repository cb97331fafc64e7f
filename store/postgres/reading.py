"""The team store's validated records: each stored row is validated once, and the same
frozen record serves every caller while the row is unchanged (the screens list often), as
the file store keeps its own.

A row is known by its `stamp` (store.postgres.queries: its revision and the versions of
the rows it was read from), so a read need fetch the documents only of rows it has not
seen in that state, never all of them again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar, cast

from pydantic import ValidationError

from organiser.errors import DatabaseCorrupt
from organiser.models import Record

R = TypeVar("R", bound=Record)


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for a big read, as the file store pauses it while
    it parses: the many objects the rows and their records make would otherwise set off pass
    after pass over them (a third of a first read of the 10x 1-2-1s)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Validated:
    """Validated records by (kind, id), each with the stamp of the row it was made from."""

    def __init__(self) -> None:
        self._records: dict[tuple[str, str], tuple[str, Record]] = {}
        self._kinds: set[str] = set()

    def holds(self, kind: type[Record]) -> bool:
        """Whether any record of `kind` has been validated: if none has, a read fetches
        the documents at once rather than asking which rows it needs first."""
        return kind.kind in self._kinds

    def get(self, kind: type[R], record_id: str, stamp: str) -> R | None:
        """The record validated from the row with `stamp`; None if it was not, or the row
        has changed since."""
        found = self._records.get((kind.kind, record_id))
        return cast(R, found[1]) if found is not None and found[0] == stamp else None

    def pick(
        self, kind: type[R], found: Iterable[tuple[str, ...]]
    ) -> tuple[list[R | None], list[str]]:
        """For each (id, stamp) `found`, the record validated from that very row or None;
        and the ids of those that are None, whose documents are to be fetched."""
        records, name = self._records, kind.kind
        picked: list[R | None] = []
        missing: list[str] = []
        for record_id, stamp in found:
            entry = records.get((name, record_id))
            if entry is not None and entry[0] == stamp:
                picked.append(cast(R, entry[1]))
            else:
                picked.append(None)
                missing.append(record_id)
        return picked, missing

    def load(self, kind: type[R], record_id: str, stamp: str, text: str) -> R:
        """The record the stored JSON `text` holds, validated unless it already was."""
        known = self.get(kind, record_id, stamp)
        if known is not None:
            return known
        try:
            record = kind.model_validate_json(text)
        except ValidationError as error:
            raise DatabaseCorrupt(
                f"A stored {kind.__name__} ({record_id}) is not valid: {error}"
            ) from error
        self._records[(kind.kind, record_id)] = (stamp, record)
        self._kinds.add(kind.kind)
        return record

    def load_all(self, kind: type[R], rows: Iterable[tuple[str, ...]]) -> dict[str, R]:
        """Each row's record by id, from its (id, stamp, JSON text)."""
        return {
            record_id: self.load(kind, record_id, stamp, text) for record_id, stamp, text in rows
        }

    def forget(self, kind: str, record_id: str) -> None:
        """A change wrote or removed the row: its record is read again next time."""
        self._records.pop((kind, record_id), None)
