"""What is left of a deleted diary record: enough to tell calendars to drop its entries.

A Tombstone holds no personal data: the kind and id of the record that went, the revision
it had reached, when it went, and the iCalendar UIDs of its diary entries. The export turns
each into a STATUS:CANCELLED entry, so a calendar that imported or subscribed to the file
drops the entry instead of keeping a ghost. The store writes one in the same change as the
deletion and prunes those older than `KEEP_DAYS` when the database is opened.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictInt

from organiser.models.base import Line, Moment, Record, RecordId

#: How long a deleted record's entries stay in the export as cancelled.
KEEP_DAYS = 90


class Tombstone(Record):
    """Keyed by the deleted record's own id, so deleting it again updates the same one."""

    kind = "tombstones"

    record_kind: Line
    record_id: RecordId
    last_revision: Annotated[StrictInt, Field(ge=1)]
    removed_at: Moment
    #: The UIDs (without "@organiser") of the diary entries the record had.
    entries: list[Line] = Field(default_factory=list, max_length=1000)
