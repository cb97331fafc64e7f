"""Opening and closing the database for one run of the command, and what both say.

Shared by the app's start (cli/app_run.py) and the subcommands (cli/subcommands.py). The
store is imported only when a database is opened, so the app can paint first.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from organiser.clock import SystemClock
from organiser.text import terminal_safe
from store.paths import resolve_db_path
from store.postgres.address import team_url

if TYPE_CHECKING:
    from store.database import OpenedStore
    from store.postgres.opened import OpenedPostgres

#: A database this big takes seconds to copy and check for the day's backup at close.
SAY_BACKUP_FROM = 20_000_000


def fail(message: str) -> None:
    print(f"organiser: {terminal_safe(message)}", file=sys.stderr)


def url_of(args: argparse.Namespace) -> str | None:
    """The team database's address when --db or ORGANISER_DB gives one."""
    return team_url(getattr(args, "db", None), os.environ)


def db_path(args: argparse.Namespace) -> Path:
    return resolve_db_path(getattr(args, "db", None), os.environ)


def default_out(db_file: Path) -> Path:
    """The diary goes beside the database, under the same name: organiser.json, organiser.ics."""
    return db_file.with_suffix(".ics")


@contextmanager
def session(args: argparse.Namespace) -> Iterator[OpenedStore | OpenedPostgres]:
    """The open database for one command; what went wrong at close is reported, not lost."""
    from cli.encryption import cipher_for
    from store.database import open_store

    url = url_of(args)
    opened: OpenedStore | OpenedPostgres
    if url is not None:
        from cli.team import open_team

        opened = open_team(url)
    else:
        path = db_path(args)
        opened = open_store(path, SystemClock(), cipher=cipher_for(path))
    try:
        yield opened
    finally:
        close(opened)


def close(opened: OpenedStore | OpenedPostgres) -> None:
    """Close the database, saying so first at a terminal when the day's backup of a large
    one will take a while; what went wrong is reported, not lost."""
    from store.backups import backup_path
    from store.database import OpenedStore

    if isinstance(opened, OpenedStore) and not opened.read_only and sys.stderr.isatty():
        try:
            big = opened.path.stat().st_size >= SAY_BACKUP_FROM
        except OSError:
            big = False
        if big and not backup_path(opened.path, SystemClock().today()).exists():
            print("Making today's backup of the database…", file=sys.stderr, flush=True)
    for warning in opened.close():
        fail(warning)


def hang_up(opened: OpenedStore | OpenedPostgres) -> NoReturn:
    """The terminal has gone: close the database tidily (compact, back up, unlock) and
    leave now, without the terminal restored, as there is no terminal to restore."""
    code = 1
    try:
        opened.close()
        code = 0
    finally:
        os._exit(code)
