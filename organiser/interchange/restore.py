"""Reading a full backup back in: every record checked first, then written as one change.

    backup = read_backup(path.read_bytes(), name=path.name)   # raises BackupError
    done = restore_backup(repo, backup)                      # an empty database only
    done = restore_backup(repo, backup, merge=True)          # by id, newer wins

A restore into an empty database puts every record back exactly as the backup holds it
(ids, times, revisions), so exporting again gives the same bytes. A merge matches records by
id: one the database lacks is created, one whose `updated` time in the backup is later is
replaced, the rest are skipped; `organiser migrate` uses the same merge between stores.

A backup made without private notes restores them blank; in a merge, a record it replaces
keeps the private notes it already had, so merging such a file never wipes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from organiser.errors import OrganiserError
from organiser.interchange.backup import (
    FORMAT_NAME,
    FORMAT_VERSION,
    PRIVATE_FIELDS,
    SCHEMA_VERSION,
    Progress,
    quiet,
    steps,
)
from organiser.models import RECORD_TYPE_BY_KIND, Record
from organiser.repository import Repository
from organiser.validation import field_messages

#: How many bad records a refusal names before it only counts the rest.
NAMED_PROBLEMS = 3


class BackupError(OrganiserError):
    """The backup cannot be restored; nothing was changed."""


class DatabaseNotEmpty(BackupError):
    """An exact restore needs an empty database."""


@dataclass(frozen=True)
class Backup:
    """A checked backup: its records in the file's order, and what the file says of itself."""

    records: tuple[Record, ...]
    private_notes_included: bool
    program_version: str
    schema_version: int


@dataclass(frozen=True)
class Restored:
    """What a restore or merge did, record by record."""

    created: int
    updated: int
    skipped: int
    merged: bool = False
    private_notes_missing: bool = False

    def summary(self) -> str:
        """ "Restored 1,204 records." or "Merged: 3 created, 1 updated, 1,200 skipped." """
        if not self.merged:
            text = f"Restored {self.created:,} record{'' if self.created == 1 else 's'}."
        else:
            text = (
                f"Merged: {self.created:,} created, {self.updated:,} updated, "
                f"{self.skipped:,} skipped (already up to date)."
            )
        if self.private_notes_missing:
            text += " " + (PRIVATE_KEPT if self.merged else PRIVATE_MISSING)
        return text


PRIVATE_MISSING = (
    "The backup was made without private notes: people's and supervision reviews' private "
    "notes came back blank."
)
PRIVATE_KEPT = (
    "The backup was made without private notes: records it updated kept the private notes "
    "they had here."
)


def _short(value: object) -> str:
    """Something quoted from the file, cut short: a message must stay one readable line."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else f"{text[:39]}…"


def _header(document: Any, name: str) -> dict[str, Any]:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise BackupError(f"{name} is not an Organiser backup (it does not say it is one).")
    for key, newest in (("format_version", FORMAT_VERSION), ("schema_version", SCHEMA_VERSION)):
        version = document.get(key)
        if type(version) is not int or version < 1:
            raise BackupError(f"{name} gives its {key.replace('_', ' ')} as {_short(version)}.")
        if version > newest:
            raise BackupError(
                f"{name} was written by a newer Organiser ({key.replace('_', ' ')} {version}; "
                f"this one reads up to {newest}): update Organiser to restore it."
            )
    if not isinstance(document.get("records"), dict):
        raise BackupError(f"{name} holds no records object.")
    unknown = sorted(set(document["records"]) - set(RECORD_TYPE_BY_KIND))
    if unknown:
        raise BackupError(
            f"{name} holds records of a kind Organiser does not know: {_short(unknown[0])}."
        )
    return document


def _problem(kind: str, position: int, doc: Any, error: ValidationError | str) -> str:
    ident = doc.get("id") if isinstance(doc, dict) else None
    named = isinstance(ident, str) and ident
    which = f"{kind} {_short(ident)}" if named else f"{kind} no. {position}"
    if isinstance(error, str):
        return f"{which}: {error}"
    field, message = next(iter(field_messages(error).items()), ("", "is not valid"))
    return f"{which}: {field.replace('_', ' ')} {message}".replace(":  ", ": ")


def _refusal(name: str, problems: Sequence[str]) -> BackupError:
    named = "; ".join(problems[:NAMED_PROBLEMS])
    more = len(problems) - NAMED_PROBLEMS
    tail = f"; and {more:,} more" if more > 0 else ""
    return BackupError(
        f"{name} has records that are not valid, so nothing was restored: {named}{tail}."
    )


def read_backup(data: bytes | str, *, name: str = "The file", progress: Progress = quiet) -> Backup:
    """Parse and check a whole backup; raises BackupError naming the first bad records."""
    try:
        document = json.loads(data)
    except UnicodeDecodeError:
        raise BackupError(f"{name} is not text (UTF-8), so it is not a backup.") from None
    except json.JSONDecodeError as error:
        raise BackupError(
            f"{name} is not JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None
    except RecursionError:
        raise BackupError(f"{name} is nested too deeply to be a backup.") from None
    header = _header(document, name)
    groups: dict[str, Any] = header["records"]
    total = sum(len(docs) if isinstance(docs, list) else 0 for docs in groups.values())
    every = steps(total)
    records: list[Record] = []
    problems: list[str] = []
    examined = 0
    for kind, docs in groups.items():
        if not isinstance(docs, list):
            problems.append(f"{_short(kind)}: not a list of records")
            continue
        seen: set[str] = set()
        for position, doc in enumerate(docs, start=1):
            try:
                record = RECORD_TYPE_BY_KIND[kind].model_validate(doc)
            except ValidationError as error:
                problems.append(_problem(kind, position, doc, error))
            else:
                if record.id in seen:
                    problems.append(_problem(kind, position, doc, "appears twice"))
                seen.add(record.id)
                records.append(record)
            examined += 1
            if examined % every == 0:
                progress(examined, total)
    if problems:
        raise _refusal(name, problems)
    progress(total, total)
    included = header.get("private_notes_included")
    return Backup(
        records=tuple(records),
        private_notes_included=included is True,
        program_version=str(header.get("program_version", "")),
        schema_version=header["schema_version"],
    )


def restore_backup(
    repo: Repository, backup: Backup, *, merge: bool = False, progress: Progress = quiet
) -> Restored:
    """Put the backup's records into `repo`: exactly, into an empty database; or, when
    `merge`, by id with the newer copy winning. One change: all of it or none."""
    missing = not backup.private_notes_included
    if merge:
        return merge_records(repo, backup.records, keep_private=missing, progress=progress)
    if not repo.is_empty():
        raise DatabaseNotEmpty(
            "The database already holds records: a backup is restored into an empty one "
            "(or merged into this one by id)."
        )
    total = len(backup.records)
    progress(0, total)
    repo.put_exact(backup.records)
    progress(total, total)
    return Restored(created=total, updated=0, skipped=0, private_notes_missing=missing)


def _keeping_private(incoming: Record, existing: Record) -> Record:
    fields = PRIVATE_FIELDS.get(type(incoming), ())
    kept = {name: getattr(existing, name) for name in fields if not getattr(incoming, name)}
    return incoming.model_copy(update=kept) if kept else incoming


def merge_records(
    repo: Repository,
    records: Iterable[Record],
    *,
    keep_private: bool = False,
    progress: Progress = quiet,
) -> Restored:
    """Match `records` to `repo`'s by kind and id: create the missing, replace those the
    incoming copy has changed later (a later `updated`), skip the rest; one change.

    With `keep_private`, a replaced record keeps private notes the incoming copy lacks."""
    incoming = list(records)
    total = len(incoming)
    held: dict[type[Record], dict[str, Record]] = {}
    writes: list[Record] = []
    created = updated = 0
    for done, record in enumerate(incoming, start=1):
        kind = type(record)
        if kind not in held:
            held[kind] = {r.id: r for r in repo.list(kind)}
        existing = held[kind].get(record.id)
        if existing is None:
            writes.append(record)
            created += 1
        elif record.updated > existing.updated:
            writes.append(_keeping_private(record, existing) if keep_private else record)
            updated += 1
        if done % steps(total) == 0:
            progress(done, total)
    if writes:
        repo.put_exact(writes)
    progress(total, total)
    return Restored(
        created=created,
        updated=updated,
        skipped=total - created - updated,
        merged=True,
        private_notes_missing=keep_private,
    )
