"""Each record's diary entries, kept between exports so re-export costs what changed.

A record's entries depend on the record and on the people and institutions its maker looks
up (a name in a title, whether someone's consent allows their notes). So the memo keeps,
for each record, its revision and last change and what each look-up found (the looked-up
record's last change, or nothing), and reuses the entries only while all of that is the
same. Look-ups are noted as the maker makes them, so no list of who depends on whom is
kept by hand. Everything is made again when the privacy choice, the day or the zone changes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TypeVar

from organiser.calendar.build import Context, entries_of
from organiser.calendar.entries import Entry
from organiser.models import Record

R = TypeVar("R", bound=Record)
#: What one look-up found: which map ("people" or "institutions"), the id, its last change.
Looked = tuple[str, str, datetime | None]


class _Watched(Mapping[str, R]):
    """A read-only map that notes every id asked for, and what was there."""

    def __init__(self, name: str, inner: Mapping[str, R]) -> None:
        self.name = name
        self.inner = inner
        self.looked: list[Looked] = []

    def get(self, key: str, default: object = None) -> R | None:  # type: ignore[override]
        found = self.inner.get(key)
        self.looked.append((self.name, key, None if found is None else found.updated))
        return found

    def __getitem__(self, key: str) -> R:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.inner)

    def __len__(self) -> int:
        return len(self.inner)


@dataclass
class RecordMemo:
    """Entries by record, for one privacy choice, day and zone at a time."""

    settings: object = None
    kept: dict[tuple[str, str], tuple[tuple[int, datetime], tuple[Looked, ...], list[Entry]]] = (
        field(default_factory=dict)
    )
    made: int = 0
    reused: int = 0
    _used: dict[tuple[str, str], tuple[tuple[int, datetime], tuple[Looked, ...], list[Entry]]] = (
        field(default_factory=dict)
    )

    def begin(self, ctx: Context) -> None:
        """Start an export: forget everything if it is made under other settings."""
        settings = (ctx.privacy, ctx.zone.key)
        if settings != self.settings:
            self.settings = settings
            self.kept = {}
        self._used = {}

    def entries(self, record: Record, ctx: Context) -> list[Entry]:
        key = (record.kind, record.id)
        found = self.kept.get(key)
        version = (record.revision, record.updated)
        if found is not None and found[0] == version and _still(found[1], ctx):
            self.reused += 1
            self._used[key] = found
            return found[2]
        people = _Watched("people", ctx.people)
        institutions = _Watched("institutions", ctx.institutions)
        made = entries_of(record, replace(ctx, people=people, institutions=institutions))
        self.made += 1
        self._used[key] = (version, (*people.looked, *institutions.looked), made)
        return made

    def settle(self) -> None:
        """Forget the records the export just finished did not have."""
        self.kept, self._used = self._used, {}


def _still(looked: tuple[Looked, ...], ctx: Context) -> bool:
    """Whether every look-up would find the same as when the entries were made."""
    for name, key, updated in looked:
        source: Mapping[str, Record] = ctx.people if name == "people" else ctx.institutions
        found = source.get(key)
        if (None if found is None else found.updated) != updated:
            return False
    return True
