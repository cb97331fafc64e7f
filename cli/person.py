"""`organiser person`: one person's data from the shell.

    organiser person export "Amina Khan"                 # everything held, as Markdown
    organiser person export 3f2a… --format json --out ~/amina.json
    organiser person contacts --out ~/mailing.csv        # those who consent to be contacted

`export` is a subject access export (UK GDPR's right of access): everything held about the
person, private notes included, and the file says why. `contacts` is the contact list for a
mailing: only people whose consent to be contacted holds today; it says how many it left out.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

from cli.commands import Refused
from organiser.clock import Clock
from organiser.consent import Purpose, consent_filter
from organiser.export_file import write_private
from organiser.files import explain
from organiser.lookup import find_person
from organiser.models import Institution, Person
from organiser.people import institution_names, sort_key
from organiser.repository import Repository
from organiser.subject_access import AccessFormat, gather, render
from organiser.text import terminal_safe

_ID = re.compile(r"^[0-9a-f]{32}$")


def add_person_parser(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    person = commands.add_parser(
        "person", parents=[common], help="one person's data: a subject access export"
    )
    jobs = person.add_subparsers(dest="job", metavar="JOB", required=True)
    export = jobs.add_parser(
        "export",
        parents=[common],
        help="everything held about one person (subject access), private notes included",
        description="Export everything held about one person as a file they can read "
        "(Markdown) or take elsewhere (JSON): their record, 1-2-1s, ladder moves, trainings, "
        "meetings, conversations and every mention of them in other records. Private notes "
        "are included: under UK GDPR they are the person's data too.",
    )
    export.add_argument("who", metavar="NAME|ID", help="their name (or part of it), or their id")
    export.add_argument(
        "--format", choices=[f.value for f in AccessFormat], default="md", help="md or json"
    )
    export.add_argument("--out", metavar="PATH", help="write to this file (private, 0600)")
    contacts = jobs.add_parser(
        "contacts",
        parents=[common],
        help="a CSV contact list of everyone who consents to be contacted",
    )
    contacts.add_argument("--out", metavar="PATH", help="write to this file (private, 0600)")


def _one(repo: Repository, who: str) -> Person:
    if _ID.match(who.strip()):
        found = repo.get(Person, who.strip())
        if found is not None:
            return found
    match = find_person(repo.list(Person), who)
    if match.person is None:
        raise Refused(match.problem())
    return match.person


def _write(text: str, out: str | None, what: str) -> None:
    if not out:
        print(terminal_safe(text), end="")
        return
    path = Path(out).expanduser()
    if path.is_dir():
        raise Refused(f"{path} is a folder; give a file name.")
    try:
        write_private(path, text)
    except OSError as error:
        raise Refused(f"Cannot write {path}: {explain(error)}.") from error
    print(terminal_safe(f"Wrote {what} to {path}"), file=sys.stderr)


def export(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    person = _one(repo, args.who)
    access = gather(repo, person, clock.now(), clock.tz)
    _write(
        render(access, AccessFormat(args.format)), args.out, f"everything held about {person.name}"
    )
    return 0


def contacts(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    everyone = sorted(repo.list(Person), key=sort_key)
    institutions = {i.id: i for i in repo.list(Institution)}
    kept = consent_filter(everyone, Purpose.CONTACT, clock.today())
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["name", "email", "phone", "institutions"])
    for person in kept:
        names = "; ".join(institution_names(person, institutions))
        writer.writerow([_cell(person.name), person.email, person.phone, _cell(names)])
    left_out = len(everyone) - len(kept)
    _write(buffer.getvalue(), args.out, f"{len(kept):,} contacts")
    print(
        terminal_safe(
            f"Left out {left_out:,} of {len(everyone):,} people: no consent to be contacted, "
            "or it has expired."
        ),
        file=sys.stderr,
    )
    return 0


def _cell(text: str) -> str:
    """A spreadsheet would run a cell starting with = + - @ as a formula: make it text."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def person(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    """`organiser person JOB`."""
    return export(repo, clock, args) if args.job == "export" else contacts(repo, clock, args)
