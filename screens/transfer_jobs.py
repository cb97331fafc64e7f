"""What the Import and export screen can do: each entry, and the work it runs in a thread.

An entry's `run` is given the repository, the file chosen, the `Choices` made (private notes
or not, and the time now) and a `(done, total)` progress callback; it does the whole job
(reading or writing the file) and returns the sentence the organiser is told when it is
done. It raises OSError for a file that cannot be read or written and OrganiserError for one
that cannot be used; both are shown beside the file's name in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from organiser.interchange import osdi
from organiser.interchange.backup import FILE_ENDING, Progress, backup_text, write_backup
from organiser.interchange.restore import read_backup, restore_backup
from organiser.models import RECORD_TYPES, Person
from organiser.repository import Repository


@dataclass(frozen=True)
class Choices:
    """What the organiser chose in the dialog, and when."""

    include_private: bool
    now: datetime


#: (repository, file, choices, progress) -> what was done, in a sentence.
Job = Callable[[Repository, Path, Choices, Progress], str]


class Direction(StrEnum):
    EXPORT = "export"
    IMPORT = "import"


@dataclass(frozen=True)
class Transfer:
    """One thing the screen offers: a format, which way, and the job that does it."""

    #: Stable, for widget ids and tests: "backup-export".
    key: str
    label: str
    direction: Direction
    #: What the file holds, or what the import does: shown above the file's name.
    about: str
    #: The default file, beside the database and named after it: organiser-backup.json.
    ending: str
    run: Job
    #: Offer the "put in private notes" switch (off by default).
    private_switch: bool = False
    #: Offered only while the database holds no records at all.
    needs_empty: bool = False


def export_backup(repo: Repository, path: Path, choices: Choices, progress: Progress) -> str:
    text = backup_text(repo, include_private=choices.include_private, progress=progress)
    written = write_backup(path, text)
    total = sum(repo.count(kind) for kind in RECORD_TYPES)
    private = "with private notes" if choices.include_private else "private notes left out"
    return f"Wrote a backup of {total:,} records to {written} ({private})."


def import_backup(repo: Repository, path: Path, choices: Choices, progress: Progress) -> str:
    backup = read_backup(path.read_bytes(), name=path.name, progress=progress)
    return restore_backup(repo, backup, progress=progress).summary()


def export_osdi(repo: Repository, path: Path, choices: Choices, progress: Progress) -> str:
    written = write_backup(path, osdi.osdi_text(repo, choices.now, progress=progress))
    people = repo.count(Person)
    return (
        f"Wrote {people:,} {'person' if people == 1 else 'people'} and their events to {written}."
    )


BACKUP_EXPORT = Transfer(
    key="backup-export",
    label="Full backup (JSON)",
    direction=Direction.EXPORT,
    about="Every record, to restore with `organiser import json` or from this screen. It "
    "holds personal data about everyone on record: keep it somewhere only you can read.",
    ending=FILE_ENDING,
    run=export_backup,
    private_switch=True,
)
BACKUP_IMPORT = Transfer(
    key="backup-import",
    label="Restore a full backup (JSON)",
    direction=Direction.IMPORT,
    about="Puts back every record of a backup made by Organiser, exactly as it was. Only "
    "into an empty database; to merge into one with records, use "
    "`organiser import json FILE --merge`.",
    ending=FILE_ENDING,
    run=import_backup,
    needs_empty=True,
)
OSDI_EXPORT = Transfer(
    key="osdi-export",
    label="People and events for Action Network or Action Builder (OSDI JSON)",
    direction=Direction.EXPORT,
    about="Everyone's name, email, phone, address and tags (ladder stage, institutions), and "
    "public actions, trainings and meetings with who attended. Private notes, 1-2-1s, "
    "minutes and evaluations never go in; email is marked unsubscribed for anyone who has "
    "not consented to be contacted.",
    ending=osdi.FILE_ENDING,
    run=export_osdi,
)
