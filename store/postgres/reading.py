"""The team store's validated records: each stored row is validated once, and the same
frozen record serves every caller while the row is unchanged (the screens list often), as
the file store keeps its own.

A row is known by its `stamp` (store.postgres.queries: its revision and the versions of
the rows it was read from), so a read need fetch the documents only of rows it has not
seen in that state, never all of them again.
"""

from __future__ import annotations

from typing import TypeVar, cast

from pydantic import ValidationError

from organiser.errors import DatabaseCorrupt
from organiser.models import Record

R = TypeVar("R", bound=Record)


class Validated:
    """Validated records by (kind, id), each with the stamp of the row it was made from."""

    def __init__(self) -> None:
        self._records: dict[tuple[str, str], tuple[str, Record]] = {}

    def get(self, kind: type[R], record_id: str, stamp: str) -> R | None:
        """The record validated from the row with `stamp`; None if it was not, or the row
        has changed since."""
        found = self._records.get((kind.kind, record_id))
        return cast(R, found[1]) if found is not None and found[0] == stamp else None

    def has(self, kind: type[Record], record_id: str, stamp: str) -> bool:
        return self.get(kind, record_id, stamp) is not None

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
        return record

    def forget(self, kind: str, record_id: str) -> None:
        """A change wrote or removed the row: its record is read again next time."""
        self._records.pop((kind, record_id), None)
