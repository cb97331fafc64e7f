"""The `organiser` command: opens the app, or runs a subcommand, on the user's database.

This is the composition root, the one place that joins the screens to the store.
Exit codes: 0 success, 1 refused (a one-line reason on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from store.postgres.opened import OpenedPostgres

from cli import commands
from cli.capture import add as add_command
from cli.capture import add_capture_parser
from cli.commands import add_log_arguments
from cli.encryption import add_encrypt_parser, cipher_for, decrypt, encrypt
from cli.export import add_export_parser, default_out, keeping_the_diary
from cli.export import export as export_command
from cli.importing import add_import_parser, import_command
from cli.lists import add_list_parsers, campaigns, find, leaders, people
from cli.migrate import add_migrate_parser, migrate
from cli.opening import Opening
from cli.person import add_person_parser
from cli.person import person as person_command
from cli.restore import add_restore_arguments, offer_restore, restore
from cli.review import add_review_arguments
from cli.review import review as review_command
from cli.rollcall import add_rollcall_parser, rollcall
from cli.team import add_team_parser, file_path, open_team, team, url_of
from cli.team import where as where_team
from organiser import __version__
from organiser.clock import Clock, SystemClock
from organiser.errors import DatabaseCorrupt, OrganiserError
from organiser.repository import Repository
from organiser.text import terminal_safe
from store.backups import backup_path
from store.database import OpenedStore, open_store
from store.last_today import keep_last_today, last_today
from store.paths import backup_dir, config_dir, resolve_db_path


class _Parser(argparse.ArgumentParser):
    """argparse, but whatever it echoes back (a mistyped argument in an error) is made safe
    for the terminal first: an argument can hold escape sequences."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(terminal_safe(message), file)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        super().exit(status, None if message is None else terminal_safe(message))


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the database file, or a team database's postgresql://… address "
        "(default: $ORGANISER_DB, else your data folder)",
    )
    parser = _Parser(
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
    today = commands.add_parser("today", parents=[common], help="print what to do today")
    today.add_argument("--json", action="store_true", help="print JSON for scripts")
    log = commands.add_parser("log", parents=[common], help="log a 1-2-1 without opening the app")
    add_log_arguments(log)
    restore_parser = commands.add_parser(
        "restore", parents=[common], help="replace a damaged database with its newest good backup"
    )
    add_restore_arguments(restore_parser)
    review = commands.add_parser(
        "review", parents=[common], help="print or write a supervision review (md or html)"
    )
    add_review_arguments(review)
    add_export_parser(commands, common)
    add_import_parser(commands, common)
    add_capture_parser(commands, common)
    add_list_parsers(commands, common)
    add_person_parser(commands, common)
    add_rollcall_parser(commands, common)
    add_encrypt_parser(commands, common)
    add_migrate_parser(commands, common)
    add_team_parser(commands, common)
    return parser


def _db_path(args: argparse.Namespace) -> Path:
    return resolve_db_path(getattr(args, "db", None), os.environ)


@contextmanager
def _session(args: argparse.Namespace) -> Iterator[OpenedStore | OpenedPostgres]:
    """The open database for one command; what went wrong at close is reported, not lost."""
    url = url_of(args)
    opened: OpenedStore | OpenedPostgres
    if url is not None:
        opened = open_team(url)
    else:
        path = _db_path(args)
        opened = open_store(path, SystemClock(), cipher=cipher_for(path))
    try:
        yield opened
    finally:
        _close(opened)


#: A database this big takes seconds to copy and check for the day's backup at close.
_SAY_BACKUP_FROM = 20_000_000


def _close(opened: OpenedStore | OpenedPostgres) -> None:
    """Close the database, saying so first at a terminal when the day's backup of a large
    one will take a while; what went wrong is reported, not lost."""
    if isinstance(opened, OpenedStore) and not opened.read_only and sys.stderr.isatty():
        try:
            big = opened.path.stat().st_size >= _SAY_BACKUP_FROM
        except OSError:
            big = False
        if big and not backup_path(opened.path, SystemClock().today()).exists():
            print("Making today's backup of the database…", file=sys.stderr, flush=True)
    for warning in opened.close():
        _fail(warning)


def _restore(args: argparse.Namespace) -> int:
    return restore(file_path(args, "restore"), args.backup, ask=not args.yes)


def _where(args: argparse.Namespace) -> int:
    url = url_of(args)
    if url is not None:
        return where_team(url)
    path = _db_path(args)
    print(f"database: {path}")
    print(f"backups:  {backup_dir(path)}")
    print(f"settings: {config_dir()}")
    return 0


def _demo(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    from organiser.demo import build_demo

    if not repo.is_empty() and not args.force:
        raise commands.Refused(
            "The database already has records; use --force to add the demo alliance anyway."
        )
    demo = build_demo(clock.today())
    repo.save_all(demo.records)
    print(f"Loaded the demo alliance: {len(demo.records):,} records.")
    return 0


def _run_app(args: argparse.Namespace) -> int:
    from screens.record_check import RESTORE

    quick = _quick_start(args)
    result = _run_on_kept_today(*quick) if quick else _run_opened(args)
    if result == RESTORE:
        if restore(_db_path(args), None, ask=False) != 0:
            return 1
        return _run_app(args)
    return 0


def _quick_start(args: argparse.Namespace) -> tuple[Path, SystemClock, Mapping[str, Any]] | None:
    """The database file, its organiser's clock and what Today showed when the app last
    closed, when that still holds (store/last_today.py): the app can paint it at once."""
    if url_of(args) is not None:
        return None
    path = _db_path(args).absolute()
    if path.is_symlink():
        path = path.resolve()
    kept = last_today(path)
    if kept is None:
        return None
    day, shown = kept
    try:
        clock = SystemClock(ZoneInfo(str(shown.get("zone"))))
    except (ValueError, KeyError):
        return None
    return (path, clock, shown) if clock.today() == day else None


def _run_on_kept_today(path: Path, clock: SystemClock, shown: Mapping[str, Any]) -> str | None:
    """The app on Today as last kept, with the database opened meanwhile (cli/opening.py).
    Whatever opening it raises is raised here once the app has closed, as if it had been
    opened first."""
    from screens.app import OrganiserApp

    opening = Opening(lambda: open_store(path, clock))
    app = OrganiserApp(
        opening.repository(),
        clock,
        diary_path=default_out(path),
        on_hangup=lambda: _hang_up(opening.opened()),
        preview=shown,
        until_open=opening.warnings,
    )
    result = app.run()
    opened = opening.opened()
    try:
        keep = app.today_to_keep(clock.today()) or _today_to_keep(opened, clock, result)
    finally:
        _close(opened)
    _keep(opened, clock, keep)
    return result


def _run_opened(args: argparse.Namespace) -> str | None:
    from screens.app import OrganiserApp

    with _session(args) as opened:
        team_figures = getattr(opened, "team_figures", None)  # a team database's, for a supervisor
        team = team_figures(SystemClock().tz.key) if team_figures else None
        if team is not None:  # a supervisor's login reads the figures and no record
            from screens.team_app import TeamFiguresApp

            TeamFiguresApp(team, SystemClock()).run()
            return None
        profile = opened.repo.profile()
        clock = SystemClock(profile.zone) if profile else SystemClock()
        # Everything loaded so far lives for the whole session: keep the collector off it,
        # so no collection pause ever walks the database while someone types. (No collect
        # first: walking the whole database once costs more than the little garbage kept.)
        gc.freeze()
        app = OrganiserApp(
            opened.repo,
            clock,
            warnings=opened.warnings,
            diary_path=default_out(opened.path),
            on_hangup=lambda: _hang_up(opened),
            kept=getattr(opened, "kept", None),  # a team database says where it keeps things
        )
        result = app.run()
        keep = (
            (app.today_to_keep(clock.today()) or _today_to_keep(opened, clock, result))
            if isinstance(opened, OpenedStore)
            else None
        )
    if isinstance(opened, OpenedStore):
        _keep(opened, clock, keep)
    return result


def _today_to_keep(
    opened: OpenedStore, clock: Clock, result: str | None
) -> Mapping[str, Any] | None:
    """What Today shows as the app closes, to paint at once at the next start."""
    from screens.record_check import RESTORE
    from screens.today_preview import today_as_it_is

    if result == RESTORE or opened.read_only:
        return None
    try:
        return today_as_it_is(opened.repo, clock)
    except OrganiserError:
        return None  # the next start is the usual one


def _keep(opened: OpenedStore, clock: Clock, shown: Mapping[str, Any] | None) -> None:
    """Keep Today beside the database, now that it is closed (so as its files now are)."""
    if shown is not None and opened.storage.pending_bytes == 0:
        for warning in keep_last_today(opened.path, clock.today(), shown):
            _fail(warning)


def _hang_up(opened: OpenedStore | OpenedPostgres) -> NoReturn:
    """The terminal has gone: close the database tidily (compact, back up, unlock) and
    leave now, without the terminal restored, as there is no terminal to restore."""
    code = 1
    try:
        opened.close()
        code = 0
    finally:
        os._exit(code)


def _fail(message: str) -> None:
    print(f"organiser: {terminal_safe(message)}", file=sys.stderr)


RepoCommand = Callable[[Repository, Clock, argparse.Namespace], int]


def _on_repo(command: RepoCommand) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        with _session(args) as opened:
            profile = opened.repo.profile()
            clock = SystemClock(profile.zone) if profile else SystemClock()
            return keeping_the_diary(command)(opened.repo, clock, args)

    return run


def _review(args: argparse.Namespace) -> int:
    """`review`; with --organiser NAME a supervisor's login reads the figures, no records."""
    if not args.organiser:
        return _on_repo(review_command)(args)
    from cli.team_review import organiser_review

    return organiser_review(url_of(args), args)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: _run_app,
    "run": _run_app,
    "where": _where,
    "restore": _restore,
    "demo": _on_repo(_demo),
    "today": _on_repo(commands.today),
    "log": _on_repo(commands.log),
    "review": _review,
    "export": _on_repo(export_command),
    "import": _on_repo(import_command),
    "person": _on_repo(person_command),
    "rollcall": _on_repo(rollcall),
    "add": _on_repo(add_command),
    "find": _on_repo(find),
    "people": _on_repo(people),
    "campaigns": _on_repo(campaigns),
    "leaders": _on_repo(leaders),
    "encrypt": lambda args: encrypt(file_path(args, "encrypt")),
    "decrypt": lambda args: decrypt(file_path(args, "decrypt")),
    "migrate": migrate,
    "team": team,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        try:
            return COMMANDS[args.command](args)
        except DatabaseCorrupt as error:
            if (
                args.command == "restore"
                or url_of(args) is not None
                or not offer_restore(_db_path(args), error)
            ):
                return 1
            return COMMANDS[args.command](args)
    except OrganiserError as error:
        _fail(str(error))
        return 1
    except KeyboardInterrupt:
        _fail("Interrupted; everything saved before now is kept.")
        return 130


if __name__ == "__main__":
    sys.exit(main())
