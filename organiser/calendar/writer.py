"""Diary entries as iCalendar text (RFC 5545): content lines ending in CRLF, folded at 75
octets without splitting a character, TEXT values escaped.

Events are written here rather than through icalendar's Component.to_ical, which costs about
0.8 ms an event against some 25 µs here: thousands of entries re-export in well under a
second. The tests read every file back with icalendar, vobject and recurring-ical-events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from organiser.calendar.entries import CATEGORIES, Entry
from organiser.calendar.record_memo import RecordMemo

CRLF = b"\r\n"
#: Octets a content line may hold before it is folded (RFC 5545 3.1).
FOLD_AT = 75
_TEXT = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""})


def text(value: str) -> str:
    """A TEXT value escaped: backslashes, semicolons, commas and line breaks."""
    if "," in value or ";" in value or "\\" in value or "\n" in value or "\r" in value:
        return value.translate(_TEXT)
    return value  # most values need nothing, and looking is quicker than translating


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded so no line is longer than 75 octets, with CRLF."""
    data = line.encode("utf-8")
    if len(data) <= FOLD_AT:
        return data + CRLF
    pieces: list[bytes] = []
    start, limit = 0, FOLD_AT
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # never cut inside a character's bytes
            end -= 1
        pieces.append(data[start:end])
        start, limit = end, FOLD_AT - 1  # a continuation line begins with a space
    pieces.append(data[start:])
    return b"\r\n ".join(pieces) + CRLF


def line(content: str) -> str:
    """`fold` as text, for a component built as one string and encoded once: a short ASCII
    line (nearly all of them) needs no encoding to know it fits."""
    if len(content) <= FOLD_AT and content.isascii():
        return f"{content}\r\n"
    return fold(content).decode("utf-8")


#: "00" to "99": months, days, hours, minutes and seconds, looked up rather than formatted.
_TWO = [f"{n:02d}" for n in range(100)]


def _date(day: date) -> str:
    return f"{day.year:04d}{_TWO[day.month]}{_TWO[day.day]}"


def _time(moment: datetime) -> str:
    """The wall-clock time as written (basic format, no offset): about three times as quick
    as isoformat, which asks the zone for its offset, and two edits."""
    return (
        f"{moment.year:04d}{_TWO[moment.month]}{_TWO[moment.day]}"
        f"T{_TWO[moment.hour]}{_TWO[moment.minute]}{_TWO[moment.second]}"
    )


def utc_stamp(moment: datetime) -> str:
    return f"{_time(moment.astimezone(UTC))}Z"


def _when(name: str, value: datetime | date, zone: ZoneInfo) -> str:
    if isinstance(value, datetime):
        return f"{name};TZID={zone.key}:{_time(value.astimezone(zone))}\r\n"
    return f"{name};VALUE=DATE:{_date(value)}\r\n"


def _stamps(entry: Entry) -> str:
    """UID aside, the lines every component starts with. None of these can reach 75 octets
    (the longest zone name is 32 characters), so they need no folding; UID can."""
    stamp = utc_stamp(entry.stamp)
    return f"DTSTAMP:{stamp}\r\nLAST-MODIFIED:{stamp}\r\nSEQUENCE:{entry.sequence}\r\n"


def event_text(entry: Entry, zone: ZoneInfo) -> bytes:
    """One VEVENT. DTEND is always there: Exchange refuses an event without an end."""
    title = f"Done: {entry.title}" if entry.done_on and not entry.cancelled else entry.title
    status = "CANCELLED" if entry.cancelled else "CONFIRMED"
    # Something due on a day marks the day; it does not make the organiser busy all day.
    busy = "TRANSPARENT" if entry.all_day else "OPAQUE"
    return (
        f"BEGIN:VEVENT\r\n{line(f'UID:{entry.uid}')}{_stamps(entry)}"
        f"{_when('DTSTART', entry.start, zone)}{_when('DTEND', entry.end, zone)}"
        f"{line(f'SUMMARY:{text(title)}')}{_details(entry)}"
        f"STATUS:{status}\r\nTRANSP:{busy}\r\nEND:VEVENT\r\n"
    ).encode()


def todo_text(entry: Entry, zone: ZoneInfo) -> bytes:
    """One VTODO, due on its day (no DTSTART: DUE alone is what to-do lists show)."""
    if entry.cancelled:
        status = "STATUS:CANCELLED\r\n"
    elif entry.done_on is not None:
        done = utc_stamp(
            datetime(entry.done_on.year, entry.done_on.month, entry.done_on.day, tzinfo=zone)
        )
        status = f"STATUS:COMPLETED\r\nCOMPLETED:{done}\r\n"
    else:
        status = "STATUS:NEEDS-ACTION\r\n"
    return (
        f"BEGIN:VTODO\r\n{line(f'UID:{entry.uid}')}{_stamps(entry)}"
        f"{_when('DUE', entry.start, zone)}{line(f'SUMMARY:{text(entry.title)}')}"
        f"{_details(entry)}{status}END:VTODO\r\n"
    ).encode()


def _details(entry: Entry) -> str:
    found = ""
    if entry.location:
        found = line(f"LOCATION:{text(entry.location)}")
    if entry.description:
        found += line(f"DESCRIPTION:{text(entry.description)}")
    found += _CATEGORY_LINES[entry.kind]
    return f"{found}CLASS:PRIVATE\r\n" if entry.private else found


#: Each kind's CATEGORIES line, written once.
_CATEGORY_LINES = {kind: line(f"CATEGORIES:{text(name)}") for kind, name in CATEGORIES.items()}


@dataclass
class EntryCache:
    """Entry text by the entry itself (and how it is written): a record that has not changed,
    nor anyone it names, is not written again. Keeps only what the last export used."""

    texts: dict[tuple[Entry, bool, str], bytes] = field(default_factory=dict)
    #: False for a one-off export (the command line): nothing is kept, nor looked up.
    keep: bool = True
    #: Each record's entries, so an unchanged record is not even made into entries again.
    memo: RecordMemo = field(default_factory=RecordMemo)
    written: int = 0
    reused: int = 0
    _used: dict[tuple[Entry, bool, str], bytes] = field(default_factory=dict)

    def render(self, entry: Entry, zone: ZoneInfo, *, as_todo: bool) -> bytes:
        if self.keep is False:
            self.written += 1
            return todo_text(entry, zone) if as_todo else event_text(entry, zone)
        key = (entry, as_todo, zone.key)
        found = self.texts.get(key)
        if found is None:
            found = todo_text(entry, zone) if as_todo else event_text(entry, zone)
            self.written += 1
        else:
            self.reused += 1
        self._used[key] = found
        return found

    def settle(self) -> None:
        """Forget the texts the export just finished did not use."""
        self.texts, self._used = self._used, {}


def calendar_head(name: str) -> bytes:
    """The calendar's own lines: no METHOD (a published file, not an invitation)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Organiser//Organiser diary export//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{text(name)}",
        # Subscribed calendars: look for changes every hour.
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
    ]
    return b"".join(fold(line) for line in lines)


CALENDAR_END = fold("END:VCALENDAR")


def years_of(entries: Sequence[Entry], zone: ZoneInfo) -> tuple[int, int] | None:
    """The first and last year any entry touches (in `zone`), or None when there are none.

    A local day is within a day of the stored one, so its year is within one of the stored
    year: only the entries of the earliest (latest) stored year, and rarely the year after
    (before), need their local days worked out."""
    if not entries:
        return None
    low = min(e.start.year for e in entries)
    first = min(e.first_day(zone).year for e in entries if e.start.year == low)
    if first > low:  # the earliest all start on New Year's Eve, late: the next year may too
        first = min([first, *(e.first_day(zone).year for e in entries if e.start.year == first)])
    high = max(e.end.year for e in entries)
    last = max(e.last_day(zone).year for e in entries if e.end.year == high)
    if last < high:  # the latest all end on New Year's Day: the year before may reach as far
        last = max([last, *(e.last_day(zone).year for e in entries if e.end.year == last)])
    return first, last


def order_key(entry: Entry, zone: ZoneInfo) -> tuple[float, str]:
    """Entries in time order (an all-day entry from its local midnight), then by UID.
    The instant as a number: sorting tens of thousands of aware datetimes would ask each
    pair for their offsets at every comparison."""
    start = entry.start
    if not isinstance(start, datetime):
        start = datetime(start.year, start.month, start.day, tzinfo=zone)
    return start.timestamp(), entry.stem
