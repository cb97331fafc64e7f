"""The team database on the command line: telling a postgresql:// address from a file,
opening it, and `organiser team add-organiser NAME` / `organiser team list`.

    organiser --db postgresql://admin@db.example.org/alliance team add-organiser ewa --password
"""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING

from cli.commands import Refused
from organiser.clock import SystemClock
from store.paths import resolve_db_path
from store.postgres.address import team_url

if TYPE_CHECKING:
    from store.postgres.opened import OpenedPostgres


def url_of(args: argparse.Namespace) -> str | None:
    """The team database's address when --db or ORGANISER_DB gives one."""
    return team_url(getattr(args, "db", None), os.environ)


def open_team(url: str) -> OpenedPostgres:
    """Open the team database (psycopg is imported only when one is asked for)."""
    from store.postgres.opened import open_postgres

    return open_postgres(url, SystemClock())


def file_path(args: argparse.Namespace, what: str) -> Path:
    """The database file for a command that works on one; refused when --db (or
    ORGANISER_DB) names a team database instead."""
    if url_of(args) is None:
        return resolve_db_path(getattr(args, "db", None), os.environ)
    raise Refused(
        f"{what} works on a database file; the team database is kept (and backed up) by "
        "its PostgreSQL server. Use --db with a file's path."
    )


def where(url: str) -> int:
    from store.postgres.address import redact

    print(f"database: {redact(url)} (the team database, on PostgreSQL)")
    print("backups:  kept by the team database's administrator")
    return 0


def add_team_parser(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    team = commands.add_parser(
        "team",
        parents=[common],
        help="the organisers of a team database (--db postgresql://…)",
    )
    actions = team.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add-organiser",
        parents=[common],
        help="give an organiser their own login to the team database (needs CREATEROLE)",
    )
    add.add_argument("name", metavar="NAME", help="their role name, such as ewa or tom_b")
    add.add_argument(
        "--password", action="store_true", help="ask for a password for them (typed twice)"
    )
    actions.add_parser("list", parents=[common], help="list the team's organisers")


def _password() -> str:
    first = getpass.getpass("Their password: ")
    if not first:
        raise Refused("No password given; nobody was added.")
    if getpass.getpass("The same again: ") != first:
        raise Refused("The two passwords differ; nobody was added.")
    return first


def team(args: argparse.Namespace) -> int:
    from store.postgres.team import add_organiser, check_role_name, organisers

    url = url_of(args)
    if url is None:
        raise Refused(
            "organiser team works on a team database: give its address with "
            "--db postgresql://… (or ORGANISER_DB)."
        )
    if args.team_command == "add-organiser":
        name = check_role_name(args.name)
        password = _password() if args.password else None
    with open_team(url) as opened:
        conn = opened.repo.connection
        if args.team_command == "list":
            for member in organisers(conn):
                print(member)
            return 0
        if add_organiser(conn, name, password):
            print(f"Added {name} to the team: they connect as {name} and see the shared work.")
        else:
            print(f"{name} already had a login; they are now in the team.")
    return 0
