"""`organiser export ical`: the diary as an iCalendar file, written atomically.

    organiser export ical                         # everything, beside the database
    organiser export ical --out ~/diary.ics --kinds one-to-one,meeting --from today
    organiser export ical --split                 # one file per kind: diary-meeting.ics …

`export` has formats below it (`ical` today) so that `json` and `csv` can join later.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from cli.backup import add_json_export, add_osdi_export, export_json, export_osdi
from cli.commands import Refused
from cli.people_io import add_people_exports, export_csv, export_vcard
from organiser.calendar.export import DiaryChoice, build_diary, file_for, write_diary
from organiser.calendar.form import out_problem
from organiser.clock import Clock
from organiser.dates import parse_day
from organiser.errors import OrganiserError
from organiser.files import explain
from organiser.models import DiaryKind
from organiser.repository import Repository
from organiser.text import terminal_safe
from organiser.watched import WatchedRepository
from store.paths import resolve_db_path

KIND_NAMES = ", ".join(kind.value for kind in DiaryKind)


def default_out(db_path: Path) -> Path:
    """The diary goes beside the database, under the same name: organiser.json, organiser.ics."""
    return db_path.with_suffix(".ics")


def _kinds(text: str) -> list[DiaryKind]:
    """One or more kinds, comma-separated ("one-to-one,meeting")."""
    found = []
    for word in filter(None, (w.strip().lower() for w in text.split(","))):
        try:
            found.append(DiaryKind(word))
        except ValueError:
            raise argparse.ArgumentTypeError(f"{word!r} is not a kind; use {KIND_NAMES}") from None
    return found


def add_export_parser(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    export = commands.add_parser(
        "export",
        parents=[common],
        help="export records to a file (ical: your diary; json: a full backup; osdi, csv, "
        "vcard: people)",
    )
    formats = export.add_subparsers(dest="format", metavar="FORMAT", required=True)
    ical = formats.add_parser(
        "ical",
        parents=[common],
        help="everything with a date, as an iCalendar (.ics) file for your calendar",
        description="Write the diary as an iCalendar file. Importing it again, or a calendar "
        "subscribed to it, updates the same events (their UIDs never change); a cancelled "
        "1-2-1 stays in marked cancelled, and so does a deleted record for 90 days.",
    )
    ical.add_argument(
        "--out", metavar="PATH", help="the file to write (default: beside the database, .ics)"
    )
    ical.add_argument(
        "--kinds",
        type=_kinds,
        nargs="+",
        metavar="KIND",
        help=f"only these kinds (default all): {KIND_NAMES}",
    )
    ical.add_argument("--from", dest="start", metavar="DATE", help="from this day (2026-12-01)")
    ical.add_argument("--to", dest="end", metavar="DATE", help="up to this day, included")
    ical.add_argument("--split", action="store_true", help="one file per kind, named after --out")
    ical.add_argument(
        "--include-private",
        dest="include_private",
        action="store_true",
        help="put in private notes and 1-2-1 notes (left out by default)",
    )
    ical.add_argument(
        "--todo",
        action="store_true",
        help="follow-ups, action points and agreed actions as to-dos (VTODO); Google "
        "Calendar ignores to-dos, so they are all-day events by default",
    )
    add_json_export(formats, common)
    add_osdi_export(formats, common)
    add_people_exports(formats, common)


def _day(text: str | None, today: date, option: str) -> date | None:
    if text is None:
        return None
    try:
        return parse_day(text, today)
    except ValueError as error:
        raise Refused(f"{option}: {error}") from error


def choice_from(args: argparse.Namespace, today: date) -> DiaryChoice:
    start = _day(args.start, today, "--from")
    end = _day(args.end, today, "--to")
    if start and end and end < start:
        raise Refused(f"--to ({end:%d %b %Y}) is before --from ({start:%d %b %Y}).")
    kinds = frozenset(k for group in args.kinds or [list(DiaryKind)] for k in group)
    if not kinds:
        raise Refused(f"--kinds: name at least one kind ({KIND_NAMES}).")
    return DiaryChoice(kinds, start, end, args.include_private, args.todo, args.split)


def check_out(out: Path) -> None:
    problem = out_problem(out)
    if problem:
        raise Refused(problem)


def ical(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    today = clock.today()
    choice = choice_from(args, today)
    if args.out:
        out = Path(args.out).expanduser().absolute()
    else:
        out = default_out(resolve_db_path(getattr(args, "db", None), os.environ))
    check_out(out)
    texts = build_diary(repo, choice, today)
    try:
        written = write_diary(out, texts)
    except OSError as error:
        raise Refused(f"Could not write {file_for(out, None)}: {explain(error)}.") from error
    for path, diary in zip(written, texts, strict=True):
        count = f"{diary.entries:,} diary entr{'y' if diary.entries == 1 else 'ies'}"
        print(terminal_safe(f"Wrote {count} to {path}"))
    return 0


def export(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    """`organiser export FORMAT`: the format's own command (see `EXPORTS`)."""
    return EXPORTS[args.format](repo, clock, args)


RepoCommand = Callable[[Repository, Clock, argparse.Namespace], int]

#: The command for each format, by the name typed after `export`.
EXPORTS: dict[str, RepoCommand] = {
    "ical": ical,
    "json": export_json,
    "osdi": export_osdi,
    "csv": export_csv,
    "vcard": export_vcard,
}


def keeping_the_diary(command: RepoCommand) -> RepoCommand:
    """`command`, and then, if it changed anything, the kept diary file rewritten (the
    Profile's "keep this file up to date"), as the app does after every change. A file that
    cannot be written is reported; the command's own work stands."""

    def run(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
        watched = WatchedRepository(repo)
        changes: list[frozenset[str]] = []
        watched.subscribe(changes.append)
        code = command(watched, clock, args)
        profile = repo.profile() if changes else None
        kept = profile.diary_file if profile else None
        if kept is not None:
            try:
                texts = build_diary(repo, DiaryChoice.kept(kept), clock.today())
                write_diary(Path(kept.path).expanduser(), texts)
            except (OSError, OrganiserError) as error:
                why = explain(error) if isinstance(error, OSError) else str(error)
                print(f"organiser: could not keep {kept.path} up to date: {why}", file=sys.stderr)
        return code

    return run
