"""The diary export: read the records, make the entries, write one .ics (or one per kind).

    files = build_diary(repo, DiaryChoice(), today)
    written = write_diary(Path("~/organiser.ics").expanduser(), files)

The same database gives the same bytes: nothing depends on the time of the export except
whose consent has lapsed by `today`. An `EntryCache` kept between exports makes re-export
cost what changed (the records must still be read).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from organiser.calendar.build import MAKERS, Context, cancelled_entries, entries_of
from organiser.calendar.entries import Entry, Privacy
from organiser.calendar.record_memo import RecordMemo
from organiser.calendar.vtimezone import vtimezone
from organiser.calendar.writer import (
    CALENDAR_END,
    EntryCache,
    calendar_head,
    order_key,
    years_of,
)
from organiser.files import atomic_write
from organiser.models import (
    DiaryFile,
    DiaryKind,
    Institution,
    Person,
    Profile,
    Record,
    Tombstone,
)
from organiser.repository import Repository

#: Called now and then with the share done (0 to 1) and what is being done.
Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class DiaryChoice:
    """What to export: which kinds, which days (either end open), private notes or not,
    follow-ups and action points as to-dos or as all-day events, one file or one per kind."""

    kinds: frozenset[DiaryKind] = frozenset(DiaryKind)
    start: date | None = None
    end: date | None = None
    include_private: bool = False
    todo: bool = False
    split: bool = False

    @classmethod
    def kept(cls, diary: DiaryFile) -> DiaryChoice:
        """What the file kept up to date holds: everything, of the chosen kinds."""
        return cls(
            frozenset(diary.kinds), None, None, diary.include_private, diary.todo, diary.split
        )

    def wants(self, entry: Entry, zone: ZoneInfo) -> bool:
        if entry.kind not in self.kinds:
            return False
        if self.start is not None and entry.last_day(zone) < self.start:
            return False
        return self.end is None or entry.first_day(zone) <= self.end


@dataclass(frozen=True)
class DiaryText:
    """One calendar file's bytes: everything chosen, or one kind (`kind`) when split."""

    kind: DiaryKind | None
    data: bytes
    entries: int


@dataclass
class Sources:
    profile: Profile
    records: list[Record] = field(default_factory=list)
    people: dict[str, Person] = field(default_factory=dict)
    institutions: dict[str, Institution] = field(default_factory=dict)
    tombstones: list[Tombstone] = field(default_factory=list)


def gather(repo: Repository, choice: DiaryChoice, progress: Progress) -> Sources:
    """The records the chosen kinds need, read kind by kind."""
    sources = Sources(repo.profile() or Profile(organiser_name="Organiser"))
    types = [t for t, (_, kinds) in MAKERS.items() if kinds & choice.kinds]
    steps = len(types) + 3
    progress(0.0, "Reading people")
    sources.people = {p.id: p for p in repo.list(Person)}
    progress(1 / steps, "Reading institutions")
    sources.institutions = {i.id: i for i in repo.list(Institution)}
    for number, kind in enumerate(types, start=2):
        progress(number / steps * 0.6, f"Reading {kind.__name__}")
        sources.records.extend(repo.list(kind))
    sources.tombstones = repo.list(Tombstone)
    return sources


def diary_entries(
    sources: Sources, choice: DiaryChoice, today: date, memo: RecordMemo | None = None
) -> list[Entry]:
    """Every chosen entry in time order; deleted records' entries cancelled. With a `memo`
    kept from the last export, only records that changed (or whose people did) are made."""
    zone = sources.profile.zone
    ctx = Context(
        Privacy(choice.include_private, today), zone, sources.people, sources.institutions
    )
    if memo is None:
        found = [e for r in sources.records for e in entries_of(r, ctx) if choice.wants(e, zone)]
    else:
        memo.begin(ctx)
        found = [e for r in sources.records for e in memo.entries(r, ctx) if choice.wants(e, zone)]
        memo.settle()
    alive = {e.stem for e in found} | {r.id for r in sources.records}
    for tombstone in sources.tombstones:
        if tombstone.record_id in alive:
            continue  # brought back: the record itself speaks for its entries
        found += [
            e
            for e in cancelled_entries(tombstone, zone)
            if e.kind in choice.kinds and e.stem not in alive
        ]
    found.sort(key=lambda e: order_key(e, zone))
    return found


def calendar_name(profile: Profile, kind: DiaryKind | None) -> str:
    owner = profile.alliance_name or profile.organiser_name
    return f"{owner}: {kind.label}" if kind else f"{owner}: diary"


def render(
    entries: Sequence[Entry],
    profile: Profile,
    choice: DiaryChoice,
    today: date,
    cache: EntryCache,
    progress: Progress,
) -> list[DiaryText]:
    zone = profile.zone
    groups: list[tuple[DiaryKind | None, list[Entry]]]
    if choice.split:
        groups = [(k, [e for e in entries if e.kind is k]) for k in DiaryKind if k in choice.kinds]
    else:
        groups = [(None, list(entries))]
    texts: list[DiaryText] = []
    done = 0
    for kind, group in groups:
        years = years_of(group, zone) or (today.year, today.year)
        parts = [
            calendar_head(calendar_name(profile, kind)),
            vtimezone(zone, years[0] - 1, years[1]),
        ]
        for entry in group:
            parts.append(cache.render(entry, zone, as_todo=choice.todo and entry.kind.is_due))
            done += 1
            if done % 500 == 0:
                progress(0.6 + 0.4 * done / max(len(entries), 1), f"Writing {done:,} entries")
        parts.append(CALENDAR_END)
        texts.append(DiaryText(kind, b"".join(parts), len(group)))
    cache.settle()
    return texts


def _quiet(share: float, doing: str) -> None:
    """No one is watching."""


def build_diary(
    repo: Repository,
    choice: DiaryChoice,
    today: date,
    *,
    cache: EntryCache | None = None,
    progress: Progress = _quiet,
) -> list[DiaryText]:
    """The calendar file(s) for `choice`, from what `repo` holds. Raises what the
    repository raises (StoreError); writes nothing."""
    sources = gather(repo, choice, progress)
    entries = diary_entries(sources, choice, today, cache.memo if cache else None)
    once = EntryCache(keep=False)
    texts = render(entries, sources.profile, choice, today, cache or once, progress)
    progress(1.0, f"{len(entries):,} entries")
    return texts


def file_for(out: Path, kind: DiaryKind | None) -> Path:
    """Where one file goes: `out` itself, or beside it named for its kind when split."""
    if kind is None:
        return out
    return out.with_name(f"{out.stem}-{kind.value}{out.suffix or '.ics'}")


def write_diary(out: Path, texts: Sequence[DiaryText]) -> list[Path]:
    """Write each file atomically (temporary file, sync, rename), readable by its owner
    only. Returns the paths written; raises OSError."""
    written = []
    for diary in texts:
        path = file_for(out, diary.kind)
        atomic_write(path, diary.data)
        written.append(path)
    return written
