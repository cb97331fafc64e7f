"""A diary entry: what one event or to-do says, before it is written as iCalendar.

An entry is a plain value. Two entries that are equal are written as the same bytes, so the
writer caches the text by the entry itself: an unchanged record costs nothing on re-export.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from organiser.models import DiaryKind, Person, Record

#: The end of every UID: record ids are random, this says whose they are.
UID_DOMAIN = "organiser"

#: What each kind is filed under in a calendar (CATEGORIES), one word or two.
CATEGORIES: dict[DiaryKind, str] = {
    DiaryKind.ONE_TO_ONE: "1-2-1",
    DiaryKind.FOLLOW_UP: "Follow-up",
    DiaryKind.TRAINING: "Training",
    DiaryKind.ACTION: "Public action",
    DiaryKind.MEETING: "Meeting",
    DiaryKind.ACTION_POINT: "Action point",
    DiaryKind.SUPERVISION: "Supervision",
    DiaryKind.AGREED_ACTION: "Agreed action",
    DiaryKind.RENEWAL: "Renewal",
    DiaryKind.INVOICE: "Invoice",
}


def uid_stem(kind: DiaryKind, record_id: str, part_id: str | None = None) -> str:
    """ "follow-up-<record id>" or "action-point-<meeting id>-<point id>": never changes."""
    return f"{kind.value}-{record_id}" + (f"-{part_id}" if part_id else "")


_STEM = re.compile(r"^([a-z-]+?)-[0-9a-f]{32}(?:-[0-9a-f]{32})?$")


def kind_of_stem(stem: str) -> DiaryKind | None:
    """The kind a UID stem was made for, or None for one this program never makes."""
    match = _STEM.match(stem)
    if match is None:
        return None
    try:
        return DiaryKind(match[1])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Entry:
    """One diary entry. `start`/`end` are aware datetimes, or dates for an all-day entry
    (`end` is then the day after the last, as iCalendar counts)."""

    stem: str
    kind: DiaryKind
    sequence: int
    #: When the entry last changed, in UTC: DTSTAMP and LAST-MODIFIED.
    stamp: datetime
    title: str
    start: datetime | date
    end: datetime | date
    location: str = ""
    description: str = ""
    cancelled: bool = False
    done_on: date | None = None
    #: About a person's relationship or the organiser's supervision: CLASS:PRIVATE.
    private: bool = False

    @property
    def uid(self) -> str:
        return f"{self.stem}@{UID_DOMAIN}"

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    def first_day(self, zone: tzinfo) -> date:
        """The local day the entry starts on."""
        if isinstance(self.start, datetime):
            return self.start.astimezone(zone).date()
        return self.start

    def last_day(self, zone: tzinfo) -> date:
        """The local day the entry ends on (an all-day entry's last day, not the day after)."""
        if isinstance(self.end, datetime):
            return self.end.astimezone(zone).date()
        return self.end - timedelta(days=1)


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def stamp_of(record: Record, *others: Record | None) -> datetime:
    """The last change to anything the entry shows: the record, and the people it names."""
    latest = record.updated
    for other in others:
        if other is not None and other.updated > latest:
            latest = other.updated
    return utc(latest)


def all_day(day: date, days: int = 1) -> tuple[date, date]:
    return day, day + timedelta(days=days)


def lines(*parts: tuple[str, str] | str) -> str:
    """Description text: "Label: value" pairs and plain lines, empty ones left out."""
    kept: list[str] = []
    for part in parts:
        if isinstance(part, tuple):
            label, value = part
            if value.strip():
                kept.append(f"{label}: {value.strip()}")
        elif part.strip():
            kept.append(part.strip())
    return "\n".join(kept)


@dataclass(frozen=True)
class Privacy:
    """What may be shown: private notes only when asked; people who have not consented to
    be recorded by first name only, and their notes never."""

    include_private: bool
    today: date

    def may_record(self, person: Person | None) -> bool:
        return person is not None and person.consent_to_record.valid_on(self.today)

    def name(self, person: Person | None) -> str:
        if person is None:
            return "someone no longer on record"
        return person.name if self.may_record(person) else person.first_name

    def notes_about(self, person: Person | None) -> bool:
        """Whether a 1-2-1's notes (and the person's private notes) may go in."""
        return self.include_private and self.may_record(person)


def by_id(records: Iterable[Record]) -> Mapping[str, Record]:
    return {record.id: record for record in records}
