"""The full backup and the OSDI hand-off on the command line.

    organiser export json --out backup.json [--include-private]
    organiser import json backup.json [--merge]
    organiser export osdi --out osdi.json

Files are written atomically, readable by their owner alone. A refusal is one line on
standard error with exit code 1; progress is drawn on standard error when it is a terminal.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from cli.commands import Refused
from cli.progress import shell_progress
from organiser.clock import Clock
from organiser.files import explain
from organiser.interchange import osdi
from organiser.interchange.backup import FILE_ENDING, backup_text, write_backup
from organiser.interchange.paths import beside, in_problem, out_problem
from organiser.interchange.restore import read_backup, restore_backup
from organiser.models import RECORD_TYPES, Person
from organiser.repository import Repository
from organiser.text import terminal_safe
from store.crypto import is_encrypted
from store.paths import resolve_db_path

if TYPE_CHECKING:
    Formats = argparse._SubParsersAction[argparse.ArgumentParser]


def add_out_argument(parser: argparse.ArgumentParser, ending: str) -> None:
    """`--out PATH`, read by `out_path`: by default a file beside the database."""
    parser.add_argument(
        "--out",
        metavar="PATH",
        help=f"the file to write (default: beside the database, organiser{ending} "
        "for organiser.json)",
    )


def add_json_export(formats: Formats, common: argparse.ArgumentParser) -> None:
    parser = formats.add_parser(
        "json",
        parents=[common],
        help="everything, as a JSON backup that `organiser import json` restores",
        description="Write every record (the profile, people, 1-2-1s, campaigns, everything) "
        "to one JSON file, in a stable order that diff and version control can follow. "
        "Private notes are left out unless --include-private is given.",
    )
    add_out_argument(parser, FILE_ENDING)
    parser.add_argument(
        "--include-private",
        dest="include_private",
        action="store_true",
        help="put in people's and supervision reviews' private notes (left out by default)",
    )


def add_osdi_export(formats: Formats, common: argparse.ArgumentParser) -> None:
    parser = formats.add_parser(
        "osdi",
        parents=[common],
        help="people and events as OSDI JSON, for Action Network or Action Builder",
        description="Write people (names, email, phone, address, tags for their ladder stage "
        "and institutions) and public actions, trainings and meetings with who attended, in "
        "the OSDI shape. Private notes, 1-2-1s, minutes and evaluations never go in.",
    )
    add_out_argument(parser, osdi.FILE_ENDING)


def add_json_import(formats: Formats, common: argparse.ArgumentParser) -> None:
    parser = formats.add_parser(
        "json",
        parents=[common],
        help="restore a JSON backup into an empty database",
        description="Restore a backup made by `organiser export json`, exactly as it was, into "
        "an empty database. With --merge, records are matched by id instead: the missing are "
        "created, those changed later in the backup are updated, the rest are skipped.",
    )
    parser.add_argument("file", metavar="FILE", help="the backup to restore")
    parser.add_argument(
        "--merge", action="store_true", help="merge into a database that already has records"
    )


def out_path(args: argparse.Namespace, ending: str) -> Path:
    """`--out`, or a file beside the database; refused when it cannot be written."""
    if args.out:
        out = Path(args.out).expanduser().absolute()
    else:
        out = beside(resolve_db_path(getattr(args, "db", None), os.environ), ending)
    problem = out_problem(out)
    if problem:
        raise Refused(problem)
    return out


def unencrypted_note(args: argparse.Namespace) -> str:
    """A word that the file written is in clear, when the database itself is encrypted."""
    if not is_encrypted(resolve_db_path(getattr(args, "db", None), os.environ)):
        return ""
    return " The database is encrypted but this file is not: keep it somewhere only you can reach."


def write_text(out: Path, text: str) -> None:
    try:
        write_backup(out, text)
    except OSError as error:
        raise Refused(f"Could not write {out}: {explain(error)}.") from error


def export_json(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    out = out_path(args, FILE_ENDING)
    with shell_progress("Writing the backup") as progress:
        text = backup_text(repo, include_private=args.include_private, progress=progress)
    write_text(out, text)
    total = sum(repo.count(kind) for kind in RECORD_TYPES)
    private = (
        "private notes included"
        if args.include_private
        else "private notes left out; --include-private puts them in"
    )
    said = f"Wrote a backup of {total:,} records to {out} ({private}).{unencrypted_note(args)}"
    print(terminal_safe(said))
    return 0


def export_osdi(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    out = out_path(args, osdi.FILE_ENDING)
    with shell_progress("Writing the OSDI file") as progress:
        text = osdi.osdi_text(repo, clock.now(), progress=progress)
    write_text(out, text)
    people = repo.count(Person)
    who = f"{people:,} {'person' if people == 1 else 'people'}"
    print(terminal_safe(f"Wrote {who} and their events to {out}.{unencrypted_note(args)}"))
    return 0


def import_json(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    problem = in_problem(path)
    if problem:
        raise Refused(problem)
    if not args.merge and not repo.is_empty():
        raise Refused(
            "The database already holds records. Restore into a new one (--db NEW.json) "
            "or merge into this one by id (--merge)."
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise Refused(f"Could not read {path}: {explain(error)}.") from error
    with shell_progress("Checking the backup") as progress:
        backup = read_backup(data, name=path.name, progress=progress)
    with shell_progress("Restoring") as progress:
        done = restore_backup(repo, backup, merge=args.merge, progress=progress)
    print(terminal_safe(done.summary()))
    return 0
