"""People in and out on the command line: CSV and vCard.

    organiser import csv people.csv [--dry-run] [--yes]
    organiser import vcard contacts.vcf [--dry-run] [--yes]
    organiser export csv --what people|institutions [--out FILE] [--include-notes]
    organiser export vcard [--out FILE] [--version 4.0] [--person NAME]… [--include-notes]

An import prints its plan (the columns and what they became, how many people will be
created, updated and skipped, and each invalid line with the reason), then saves it as one
change only after --yes or a "y" typed at the prompt. With no terminal to ask on and no
--yes it saves nothing and exits 1. Exports are written atomically, readable by their owner
alone. Progress is drawn on standard error when it is a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from cli.backup import out_path
from cli.commands import Refused
from cli.progress import shell_progress
from organiser.clock import Clock
from organiser.export_file import write_private
from organiser.files import explain
from organiser.interchange.csv_export import institutions_csv, people_csv
from organiser.interchange.csv_people import read_people_csv
from organiser.interchange.people_plan import PeopleSource, apply_plan, plan_import
from organiser.interchange.plan_text import outcome, plan_lines
from organiser.interchange.source import read_source
from organiser.interchange.vcard_people import VERSIONS, people_vcards, read_vcards
from organiser.lookup import find_person
from organiser.models import Institution, Person
from organiser.repository import Repository
from organiser.text import terminal_safe

if TYPE_CHECKING:
    Formats = argparse._SubParsersAction[argparse.ArgumentParser]

Reader = Callable[[bytes, str], PeopleSource]
#: How many lines of each kind (creates, updates, skips, invalid) the plan lists.
SHOWN = 20


def _add_import(formats: Formats, common: argparse.ArgumentParser, name: str, what: str) -> None:
    parser = formats.add_parser(
        name,
        parents=[common],
        help=f"people from {what}, previewed before anything is saved",
        description=f"Read people from {what} and show what importing them would do: who "
        "is created, who is updated (matched by email, then phone, then name) and which "
        "lines are skipped or invalid, and why. Saved as one change after you agree; "
        "importing the same file again changes nothing.",
    )
    parser.add_argument("file", metavar="FILE", help="the file to read")
    parser.add_argument(
        "--dry-run", dest="dry_run", action="store_true", help="show the plan, save nothing"
    )
    parser.add_argument("--yes", action="store_true", help="save without asking")


def add_people_imports(formats: Formats, common: argparse.ArgumentParser) -> None:
    _add_import(formats, common, "csv", "a CSV file (CiviCRM, Action Network, NationBuilder…)")
    _add_import(formats, common, "vcard", "a vCard (.vcf) file of contacts")


def add_people_exports(formats: Formats, common: argparse.ArgumentParser) -> None:
    csv = formats.add_parser(
        "csv",
        parents=[common],
        help="people or institutions as CSV, laid out for CiviCRM's contact import",
        description="Write everyone (or every institution) as a CSV file whose headings are "
        "CiviCRM's own field names. Consent to be contacted becomes CiviCRM's Do Not Email "
        "and Do Not Phone flags. Private notes never go in; notes only with --include-notes.",
    )
    csv.add_argument(
        "--what",
        choices=("people", "institutions"),
        default="people",
        help="what to write (default: people)",
    )
    csv.add_argument(
        "--out", metavar="PATH", help="the file to write (default: beside the database)"
    )
    csv.add_argument(
        "--include-notes", dest="include_notes", action="store_true", help="put in notes"
    )
    vcard = formats.add_parser(
        "vcard",
        parents=[common],
        help="people as one vCard (.vcf) file for phones, mail clients and khard",
        description="Write everyone, or the people named, as vCards. Each card keeps the same "
        "UID in every export, so an address book updates the contact instead of adding another. "
        "Private notes never go in; notes only with --include-notes.",
    )
    vcard.add_argument(
        "--out", metavar="PATH", help="the file to write (default: beside the database)"
    )
    vcard.add_argument(
        "--version",
        dest="vcard_version",
        choices=VERSIONS,
        default="3.0",
        help="3.0 (default) or 4.0",
    )
    vcard.add_argument(
        "--person",
        dest="people",
        action="append",
        metavar="NAME",
        help="only this person (part of the name; give it again for more)",
    )
    vcard.add_argument(
        "--include-notes", dest="include_notes", action="store_true", help="put in notes"
    )


def _ask(question: str) -> bool:
    if not sys.stdin.isatty():
        raise Refused(
            "Nothing imported: there is no terminal to ask on; add --yes to import without asking."
        )
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().casefold() in ("y", "yes")


def _import(reader: Reader, repo: Repository, args: argparse.Namespace) -> int:
    path = Path(args.file)
    source = reader(read_source(path), path.name)
    with shell_progress("Planning the import") as progress:
        plan = plan_import(source, repo.list(Person), repo.list(Institution), progress=progress)
    for line in plan_lines(plan, SHOWN):
        print(terminal_safe(line))
    if plan.is_empty:
        print("Nothing to import: no one to create or update.")
        return 0
    if args.dry_run:
        print("Nothing saved (--dry-run).")
        return 0
    if not args.yes and not _ask(f"Import ({plan.counts})? [y/N] "):
        print("Nothing imported.")
        return 0
    apply_plan(repo, plan)
    print(terminal_safe(outcome(plan)))
    return 0


def import_csv(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    return _import(read_people_csv, repo, args)


def import_vcard(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    return _import(read_vcards, repo, args)


def _write(out: Path, text: str, count: int, what: str) -> int:
    try:
        write_private(out, text)
    except OSError as error:
        raise Refused(f"Could not write {out}: {explain(error)}.") from error
    print(terminal_safe(f"Wrote {count:,} {what} to {out}."))
    return 0


def _people_word(count: int) -> str:
    return "person" if count == 1 else "people"


def export_csv(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    notes = args.include_notes
    if args.what == "institutions":
        out = out_path(args, "-institutions.csv")
        institutions = repo.list(Institution)
        text = institutions_csv(institutions, include_notes=notes)
        word = "institution" if len(institutions) == 1 else "institutions"
        return _write(out, text, len(institutions), word)
    out = out_path(args, "-people.csv")
    people = repo.list(Person)
    with shell_progress("Writing people") as progress:
        text = people_csv(
            people,
            repo.list(Institution),
            clock.today(),
            profile=repo.profile(),
            include_notes=notes,
            progress=progress,
        )
    return _write(out, text, len(people), _people_word(len(people)))


def _chosen(repo: Repository, names: list[str] | None) -> list[Person]:
    everyone = repo.list(Person)
    if not names:
        return everyone
    chosen: dict[str, Person] = {}
    for name in names:
        match = find_person(everyone, name)
        if match.person is None:
            raise Refused(match.problem())
        chosen[match.person.id] = match.person
    return list(chosen.values())


def export_vcard(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    out = out_path(args, "-people.vcf")
    people = _chosen(repo, args.people)
    with shell_progress("Writing vCards") as progress:
        text = people_vcards(
            people,
            repo.list(Institution),
            version=args.vcard_version,
            include_notes=args.include_notes,
            progress=progress,
        )
    return _write(out, text, len(people), _people_word(len(people)))
