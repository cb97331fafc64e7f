"""The schema version kept in `_meta`, and the migrations that bring old databases up to date.

A migration takes the raw tables of a database at version N and returns them at version
N + 1; `MIGRATIONS[N]` is that function. Migrations work on a deep copy, so a failure
leaves the data as it was.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from organiser.errors import DatabaseCorrupt, DatabaseTooNew, StoreError
from store.format import META_TABLE, SCHEMA_DOC, SnapshotCheck, Tables

#: The schema this program writes. Raise it, and add a migration, whenever stored data changes.
CURRENT_VERSION = 3
#: Files written before versions were recorded hold this schema.
FIRST_VERSION = 1
VERSION_KEY = "version"

Migration = Callable[[Tables], Tables]



def _to_two(tables: Tables) -> Tables:
    """Version 2 adds records (tombstones of deleted diary entries, the erasure audit trail)
    and fields with defaults (a person's retention review, the kept diary file, a review's
    suggestions and carried actions). Version 1 data is already valid version 2 data; the new
    number is there so that an older program refuses the file instead of misreading it."""
    return tables


def _to_three(tables: Tables) -> Tables:
    """Version 3 adds records (links between people) and fields with defaults (keep-in-touch
    cadences, the contact guard's days and institution health's thresholds in the Profile).
    Version 2 data is already valid version 3 data: as with version 2, the number
    is raised so that an older program refuses the file instead of calling the new fields
    damage."""
    return tables


#: From version N (the key) to N + 1.
MIGRATIONS: Mapping[int, Migration] = {1: _to_two, 2: _to_three}


@dataclass(frozen=True)
class Schema:
    """The version this program reads and writes, and how to get there from older ones."""

    version: int = CURRENT_VERSION
    migrations: Mapping[int, Migration] = field(default_factory=lambda: MIGRATIONS)


SCHEMA = Schema()


def stored_version(tables: Mapping[str, Mapping[str, Any]]) -> int | None:
    """The schema version recorded in the data; None for a new (or pre-versioning) file."""
    version = tables.get(META_TABLE, {}).get(SCHEMA_DOC, {}).get(VERSION_KEY)
    if version is None:
        return None
    if type(version) is not int or version < 1:
        raise DatabaseCorrupt(
            f"The database records its format version as {version!r}, which makes no sense. "
            "Organiser has left it untouched."
        )
    return version


def effective_version(tables: Mapping[str, Mapping[str, Any]], schema: Schema) -> int:
    """The version to treat the data as: a new, empty database is already current, and one
    with records but no version predates versioning."""
    found = stored_version(tables)
    if found is not None:
        return found
    holds_records = any(docs for name, docs in tables.items() if name != META_TABLE)
    return FIRST_VERSION if holds_records else schema.version


def with_version(tables: Mapping[str, dict[str, Any]], version: int) -> Tables:
    """A shallow copy of `tables` whose `_meta.schema.version` is `version`."""
    meta = dict(tables.get(META_TABLE, {}))
    meta[SCHEMA_DOC] = {**meta.get(SCHEMA_DOC, {}), VERSION_KEY: version}
    return {**tables, META_TABLE: meta}


def too_new(found: int, known: int) -> DatabaseTooNew:
    return DatabaseTooNew(
        f"This database was written by a newer version of Organiser (schema {found}; this "
        f"program reads up to {known}). Update Organiser; the file has been left untouched."
    )


def refuse_newer(schema: Schema) -> SnapshotCheck:
    """A snapshot check that raises DatabaseTooNew before anything else is read or written."""

    def check(tables: Tables) -> None:
        found = stored_version(tables)
        if found is not None and found > schema.version:
            raise too_new(found, schema.version)

    return check


def migrate(tables: Mapping[str, Mapping[str, Any]], found: int, schema: Schema) -> Tables:
    """`tables` brought from version `found` up to `schema.version`, one step at a time."""
    data: Tables = copy.deepcopy(dict(tables))  # type: ignore[arg-type]
    for version in range(found, schema.version):
        step = schema.migrations.get(version)
        if step is None:
            raise StoreError(
                f"Organiser does not know how to upgrade a database from schema {version}; "
                "the file has been left untouched."
            )
        try:
            data = with_version(step(data), version + 1)
        except Exception as error:  # a faulty migration must not reach the file
            raise StoreError(
                f"Upgrading the database from schema {version} failed ({error}); the file "
                "has been left untouched."
            ) from error
    return data


def backup_name(db_path: Path, version: int, stamp: str) -> Path:
    """Where the copy made before upgrading from `version` goes: beside the database."""
    return db_path.with_name(f"{db_path.stem}-schema-{version}-{stamp}{db_path.suffix}")
