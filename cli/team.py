"""The team database on the command line: telling a postgresql:// address from a file,
opening it, and `organiser team add-organiser NAME` / `organiser team list`.

    organiser --db postgresql://admin@db.example.org/alliance team add-organiser ewa --password
"""

from __future__ import annotations

import argparse
import getpass
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cli.commands import Refused
from cli.session import url_of
from organiser.clock import SystemClock
from organiser.dates import parse_day
from organiser.periods import Period, PeriodKind, working_days
from store.paths import resolve_db_path

if TYPE_CHECKING:
    from store.postgres.opened import OpenedPostgres


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
    supervisor = actions.add_parser(
        "add-supervisor",
        parents=[common],
        help="give a supervisor a login that reads every organiser's figures, never their notes",
    )
    supervisor.add_argument("name", metavar="NAME", help="their own role name, such as sam_sup")
    supervisor.add_argument(
        "--password", action="store_true", help="ask for a password for them (typed twice)"
    )
    figures = actions.add_parser(
        "figures",
        parents=[common],
        help="every organiser's 1-2-1s, leaders trained, training days and money paid in "
        "side by side for a period (a supervisor's login)",
    )
    figures.add_argument("--from", dest="start", metavar="DAY", help="first day (default: Monday)")
    figures.add_argument("--to", dest="end", metavar="DAY", help="last day (default: today)")


def _password() -> str:
    first = getpass.getpass("Their password: ")
    if not first:
        raise Refused("No password given; nobody was added.")
    if getpass.getpass("The same again: ") != first:
        raise Refused("The two passwords differ; nobody was added.")
    return first


def team(args: argparse.Namespace) -> int:
    from store.postgres.team import add_organiser, add_supervisor, check_role_name, organisers

    url = url_of(args)
    if url is None:
        raise Refused(
            "organiser team works on a team database: give its address with "
            "--db postgresql://… (or ORGANISER_DB)."
        )
    if args.team_command == "figures":
        return figures(url, args)
    if args.team_command in ("add-organiser", "add-supervisor"):
        name = check_role_name(args.name)
        password = _password() if args.password else None
    with open_team(url) as opened:
        conn = opened.repo.connection
        if args.team_command == "list":
            for member in organisers(conn):
                print(member)
            return 0
        if args.team_command == "add-supervisor":
            add_supervisor(conn, name, password)
            print(
                f"{name} is now a supervisor: they connect as {name} and read every "
                "organiser's figures (organiser team figures), never their notes."
            )
        elif add_organiser(conn, name, password):
            print(f"Added {name} to the team: they connect as {name} and see the shared work.")
        else:
            print(f"{name} already had a login; they are now in the team.")
    return 0


def _period(args: argparse.Namespace, today: date) -> Period:
    try:
        start = parse_day(args.start, today) if args.start else None
        end = parse_day(args.end, today) if args.end else today
    except ValueError as error:
        raise Refused(f"--from/--to: {error}") from error
    if start is None:
        start = Period.named(PeriodKind.THIS_WEEK, end).start
    if end < start:
        raise Refused("--to is before --from: a period cannot end before it starts.")
    return Period(start, end)


def figures(url: str, args: argparse.Namespace) -> int:
    """`organiser team figures`: the 1-2-1s of every organiser side by side."""
    from cli.team_review import work_table
    from store.postgres.connection import connect, translated
    from store.postgres.figures import one_to_one_figures, shared_work
    from store.postgres.schema import settle
    from store.postgres.team import is_supervisor

    clock = SystemClock()
    period = _period(args, clock.today())
    conn = connect(url, read_only=True)
    try:
        with translated("open the team database"):
            settle(conn, read_only=True)
        rows = one_to_one_figures(conn, period, clock.tz.key)
        supervising = is_supervisor(conn)
        if not supervising:  # the others' rows are closed to an organiser: not zeros
            rows = [row for row in rows if row.organiser == conn.info.user]
        work = shared_work(conn, period) if supervising else None
    finally:
        conn.close()
    days = working_days(period, range(5))
    print(
        f"1-2-1s from {period.start:%a %d %b %Y} to {period.end:%a %d %b %Y} "
        f"({days} working day{'s' if days != 1 else ''}, Monday to Friday)"
    )
    width = max([len("Organiser"), *(len(row.organiser) for row in rows)])
    print(f"{'Organiser':<{width}}  {'Held':>5}  {'A day':>5}  {'Booked':>6}  {'Cancelled':>9}")
    for row in rows:
        per_day = row.held / days if days else 0.0
        print(
            f"{row.organiser:<{width}}  {row.held:>5}  {per_day:>5.1f}  {row.booked:>6}"
            f"  {row.cancelled:>9}"
        )
    if work is not None:
        print()
        print(work_table([row.organiser for row in rows], work, period))
    if not supervising:
        print(
            "These are your own figures only: a supervisor's login (organiser team "
            "add-supervisor) reads everyone's."
        )
    return 0
