"""`organiser migrate --to postgresql://…`: move a personal database into the team database.

Records are matched by kind and id (as `organiser import json --merge` matches them): the
missing are created, those the file has changed later replace the team's copy, the rest are
skipped. Private notes come too, kept as the migrating organiser's own. The file is only
read. `organiser --db postgresql://… export json` takes the records back out.
"""

from __future__ import annotations

import argparse
import os

from cli.commands import Refused
from cli.encryption import cipher_for
from cli.progress import shell_progress
from cli.session import url_of
from cli.team import open_team
from organiser.clock import SystemClock
from organiser.interchange.backup import read_everything
from organiser.interchange.restore import Restored, merge_records
from organiser.text import terminal_safe
from store.database import open_store
from store.paths import resolve_db_path
from store.postgres.address import is_team_url


def add_migrate_parser(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    migrate = commands.add_parser(
        "migrate",
        parents=[common],
        help="move this database file into a team database (--to postgresql://…)",
    )
    migrate.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help="the team database's address, such as postgresql://ewa@db.example.org/alliance",
    )


def migrate(args: argparse.Namespace) -> int:
    from store.postgres.connection import translated
    from store.postgres.schema import refresh_statistics

    if url_of(args) is not None:
        raise Refused(
            "migrate moves a database file into a team database: give the file with --db "
            "(or leave --db out for your own) and the team database with --to."
        )
    if not is_team_url(args.to):
        raise Refused(f"--to should be a team database's address (postgresql://…), not {args.to}")
    path = resolve_db_path(getattr(args, "db", None), os.environ)
    if not path.is_file():
        raise Refused(f"There is no database at {path} to move.")
    with open_store(path, SystemClock(), read_only=True, cipher=cipher_for(path)) as source:
        records = [r for kind in read_everything(source.repo).values() for r in kind]
    with open_team(args.to) as team, shell_progress("Moving") as progress:
        done = merge_records(team.repo, records, progress=progress)
        if done.created or done.updated:
            with translated("refresh the team database's statistics"):
                refresh_statistics(team.repo.connection)
        where = team.where
    print(terminal_safe(f"Moved {path} into the team database {where}: {_counts(done)}."))
    return 0


def _counts(done: Restored) -> str:
    return (
        f"{done.created:,} created, {done.updated:,} updated, {done.skipped:,} skipped "
        "(the team's copy was as new or newer)"
    )
