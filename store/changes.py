"""What both stores (store.repository, store.postgres.repository) do alike with a change:
each record in it once and never both saved and deleted, the Tombstone a deleted diary
record leaves behind, and which Tombstones are old enough to forget."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from organiser.calendar.build import diary_stems, in_diary
from organiser.errors import StoreError
from organiser.models import Record, Tombstone
from organiser.models.tombstones import KEEP_DAYS


def checked_keys(
    records: Sequence[Record],
    deletes: Sequence[tuple[type[Record], str]],
    what: str,
) -> set[tuple[str, str]]:
    """The (kind, id) of each record in a change (`what`: "save" or "change"); refused
    when one appears twice, or is deleted in the same change."""
    seen: set[tuple[str, str]] = set()
    for record in records:
        key = (record.kind, record.id)
        if key in seen:
            raise StoreError(f"The same {type(record).__name__} appears twice in one {what}.")
        seen.add(key)
    verb = "saved" if what == "save" else "put"
    for kind, record_id in deletes:
        if (kind.kind, record_id) in seen:
            raise StoreError(f"The same {kind.__name__} is both {verb} and deleted.")
    return seen


def tombstone_for(record: Record, before: Tombstone | None, now: datetime) -> Tombstone | None:
    """The Tombstone `record` leaves when it is deleted at `now`, so the diary export can
    tell calendars its entries are cancelled; None for a record with no diary entries.
    `before` is the Tombstone an earlier deletion of the same id left, updated in place."""
    if not in_diary(type(record)):
        return None
    stems = diary_stems(record)
    if not stems:
        return None
    return Tombstone(
        id=record.id,
        record_kind=record.kind,
        record_id=record.id,
        last_revision=max(record.revision, 1),
        removed_at=now,
        entries=stems,
        created=now if before is None else before.created,
        updated=now,
        revision=1 if before is None else before.revision + 1,
    )


def expired(tombstones: Iterable[Tombstone], now: datetime) -> list[str]:
    """The ids of the Tombstones older than `KEEP_DAYS`: by then every calendar has dropped
    their entries."""
    cutoff = now - timedelta(days=KEEP_DAYS)
    return [t.id for t in tombstones if t.removed_at < cutoff]
