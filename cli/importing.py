"""`organiser import FORMAT FILE`: records from a file into the database.

    organiser import json backup.json            # a full backup, into an empty database
    organiser import json backup.json --merge    # or merged by id into this one

Each format is a subparser of `import` and an entry in `IMPORTS`. To add one (csv, vcard):
give it an `add_…` function that takes the `formats` subparsers and `common`, call it from
`add_import_parser`, and map its name to its command in `IMPORTS`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from cli.backup import add_json_import, import_json
from cli.people_io import add_people_imports, import_csv, import_vcard
from organiser.clock import Clock
from organiser.repository import Repository

ImportCommand = Callable[[Repository, Clock, argparse.Namespace], int]

#: The command for each format, by the name typed after `import`.
IMPORTS: dict[str, ImportCommand] = {
    "json": import_json,
    "csv": import_csv,
    "vcard": import_vcard,
}


def add_import_parser(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    parser = commands.add_parser(
        "import",
        parents=[common],
        help="bring records in from a file (json: a full backup; csv, vcard: people)",
    )
    formats = parser.add_subparsers(dest="format", metavar="FORMAT", required=True)
    add_json_import(formats, common)
    add_people_imports(formats, common)


def import_command(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    """`organiser import FORMAT …`: the format's own command."""
    return IMPORTS[args.format](repo, clock, args)
