"""The full backup: every record in one JSON file, the same bytes for the same database.

    text = backup_text(repo)                       # private notes left out
    text = backup_text(repo, include_private=True)
    write_backup(Path("~/organiser-backup.json"), text)

What goes in is everything a restore needs: every kind in `RECORD_TYPES`, the Profile
included, and with them the tombstones (so a calendar is still told which entries were
deleted) and the audit trail of erasures (which names no one). The layout is made for `diff`
and version control: a header (format, format version, program, schema, whether private
notes are in), then the records grouped by kind in `RECORD_TYPES` order, each kind sorted by
id, each record's keys sorted, two-space indent, UTF-8 as written, one newline at the end.

Private notes are the fields listed in `PRIVATE_FIELDS`: a person's and a supervision
review's private notes. A backup made without them holds those fields blank and says so;
restoring it brings the records back with the notes blank.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from organiser import __version__
from organiser.export_file import write_private
from organiser.models import RECORD_TYPES, Person, Record, SupervisionReview
from organiser.repository import Repository

#: What the file says it is; a restore refuses anything else.
FORMAT_NAME = "organiser-backup"
#: Raised when the layout of the file changes; a program refuses a newer one.
FORMAT_VERSION = 1
#: The shape of the records themselves: the store's schema version (kept equal by a test).
SCHEMA_VERSION = 3
#: The backup's default name, beside the database: organiser-backup.json.
FILE_ENDING = "-backup.json"
#: The kinds in the order the file lists them.
KIND_ORDER: tuple[str, ...] = tuple(t.kind for t in RECORD_TYPES)
#: The fields left blank unless private notes are asked for.
PRIVATE_FIELDS: Mapping[type[Record], tuple[str, ...]] = {
    Person: ("private_notes",),
    SupervisionReview: ("private_notes",),
}

#: Called with (done, total) as records are written or read.
Progress = Callable[[int, int], None]


def quiet(done: int, total: int) -> None:
    """A progress callback that shows nothing."""


def steps(total: int) -> int:
    """How often to report progress: about a hundred times over the whole run."""
    return max(1, total // 100)


def without_private(record: Record) -> Record:
    """`record` with its private notes blank (the same record when it has none)."""
    fields = PRIVATE_FIELDS.get(type(record), ())
    if not any(getattr(record, name) for name in fields):
        return record
    return record.model_copy(update=dict.fromkeys(fields, ""))


def _sorted(value: Any) -> Any:
    """`value` with the keys of every object in it in sorted order."""
    if isinstance(value, dict):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted(item) for item in value]
    return value


def record_document(record: Record) -> dict[str, Any]:
    """A record as the backup holds it: its JSON form, keys sorted."""
    return _sorted(record.model_dump(mode="json"))  # type: ignore[no-any-return]


def backup_document(
    records: Mapping[str, list[Record]],
    *,
    include_private: bool,
    program_version: str = __version__,
    progress: Progress = quiet,
) -> dict[str, Any]:
    """The whole backup as one JSON object, from the records of each kind."""
    total = sum(len(found) for found in records.values())
    every = steps(total)
    done = 0
    grouped: dict[str, list[dict[str, Any]]] = {}
    for kind in KIND_ORDER:
        documents = []
        for record in sorted(records.get(kind, ()), key=lambda r: r.id):
            kept = record if include_private else without_private(record)
            documents.append(record_document(kept))
            done += 1
            if done % every == 0:
                progress(done, total)
        grouped[kind] = documents
    progress(total, total)
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "program_version": program_version,
        "schema_version": SCHEMA_VERSION,
        "private_notes_included": include_private,
        "records": grouped,
    }


def read_everything(repo: Repository) -> dict[str, list[Record]]:
    """Every record of every kind, by kind."""
    return {kind.kind: list(repo.list(kind)) for kind in RECORD_TYPES}


def backup_text(
    repo: Repository, *, include_private: bool = False, progress: Progress = quiet
) -> str:
    """The backup of everything in `repo` as text, ready to write."""
    document = backup_document(
        read_everything(repo), include_private=include_private, progress=progress
    )
    return dump(document)


def dump(document: Mapping[str, Any]) -> str:
    """JSON with a two-space indent, characters as they are, one newline at the end."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_backup(path: Path, text: str) -> Path:
    """Write the backup atomically, readable by its owner alone; raises OSError."""
    return write_private(path, text)


def count_records(document: Mapping[str, Any]) -> int:
    """How many records a backup document holds."""
    return sum(len(found) for found in document["records"].values())
