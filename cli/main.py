"""The `organiser` command: opens the app, or runs a subcommand, on the user's database.

This is the composition root, the one place that joins the screens to the store.
Exit codes: 0 success, 1 refused (a one-line reason on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from store.database import OpenedStore, open_store
from store.paths import backup_dir, config_dir, resolve_db_path

from organiser import __version__
from organiser.clock import SystemClock
from organiser.errors import OrganiserError
from organiser.text import terminal_safe


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the database file (default: $ORGANISER_DB, else your data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="organiser",
        description="Organiser: 1-2-1s, leaders, campaigns and targets for community organisers.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"organiser {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("run", parents=[common], help="open the app (the default)")
    commands.add_parser(
        "where", parents=[common], help="print where the database, backups and settings live"
    )
    demo = commands.add_parser(
        "demo", parents=[common], help="load the demo alliance into an empty database"
    )
    demo.add_argument("--force", action="store_true", help="load it even if the database has data")
    return parser


def _db_path(args: argparse.Namespace) -> Path:
    return resolve_db_path(getattr(args, "db", None), os.environ)


def _open(args: argparse.Namespace) -> OpenedStore:
    return open_store(_db_path(args), SystemClock())


def _where(args: argparse.Namespace) -> int:
    path = _db_path(args)
    print(f"database: {path}")
    print(f"backups:  {backup_dir(path)}")
    print(f"settings: {config_dir()}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from organiser.demo import build_demo

    with _open(args) as opened:
        repo = opened.repo
        if not repo.is_empty() and not args.force:
            _fail("The database already has records; use --force to add the demo alliance anyway.")
            return 1
        demo = build_demo(SystemClock().today())
        repo.save_all(demo.records)
        print(f"Loaded the demo alliance: {len(demo.records):,} records into {opened.path}")
    return 0


def _run_app(args: argparse.Namespace) -> int:
    from screens.app import OrganiserApp

    with _open(args) as opened:
        profile = opened.repo.profile()
        clock = SystemClock(profile.zone) if profile else SystemClock()
        # Everything loaded so far lives for the whole session: keep the collector off it,
        # so no collection pause ever walks the database while someone types.
        gc.collect()
        gc.freeze()
        OrganiserApp(opened.repo, clock, warnings=opened.warnings).run()
    return 0


def _fail(message: str) -> None:
    print(f"organiser: {terminal_safe(message)}", file=sys.stderr)


COMMANDS = {"run": _run_app, None: _run_app, "where": _where, "demo": _demo}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except OrganiserError as error:
        _fail(str(error))
        return 1
    except KeyboardInterrupt:
        _fail("Interrupted; everything saved before now is kept.")
        return 130


if __name__ == "__main__":
    sys.exit(main())
