"""The subcommands of `organiser` (`today`, `log`, `export`, …) and their parser.

Imported only when a subcommand is asked for (cli/main.py): opening the app needs none of
this, and importing it all takes a tenth of a second.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

from cli import commands
from cli.app_run import run_app
from cli.capture import add as add_command
from cli.capture import add_capture_parser
from cli.commands import add_log_arguments
from cli.encryption import add_encrypt_parser, decrypt, encrypt
from cli.export import add_export_parser, keeping_the_diary
from cli.export import export as export_command
from cli.importing import add_import_parser, import_command
from cli.lists import add_list_parsers, campaigns, find, leaders, people
from cli.migrate import add_migrate_parser, migrate
from cli.person import add_person_parser
from cli.person import person as person_command
from cli.restore import add_restore_arguments, restore
from cli.review import add_review_arguments
from cli.review import review as review_command
from cli.rollcall import add_rollcall_parser, rollcall
from cli.session import db_path, session, url_of
from cli.team import add_team_parser, file_path, team
from cli.team import where as where_team
from organiser import __version__
from organiser.clock import Clock, SystemClock
from organiser.repository import Repository
from organiser.text import terminal_safe
from store.paths import backup_dir, config_dir


class _Parser(argparse.ArgumentParser):
    """argparse, but whatever it echoes back (a mistyped argument in an error) is made safe
    for the terminal first: an argument can hold escape sequences."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(terminal_safe(message), file)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        super().exit(status, None if message is None else terminal_safe(message))


def parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the database file, or a team database's postgresql://… address "
        "(default: $ORGANISER_DB, else your data folder)",
    )
    top = _Parser(
        prog="organiser",
        description="Organiser: 1-2-1s, leaders, campaigns and targets for community organisers.",
        parents=[common],
    )
    top.add_argument("--version", action="version", version=f"organiser {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
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
    return top










def _restore(args: argparse.Namespace) -> int:
    return restore(file_path(args, "restore"), args.backup, ask=not args.yes)


def _where(args: argparse.Namespace) -> int:
    url = url_of(args)
    if url is not None:
        return where_team(url)
    path = db_path(args)
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


















RepoCommand = Callable[[Repository, Clock, argparse.Namespace], int]


def _on_repo(command: RepoCommand) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        with session(args) as opened:
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
    None: run_app,
    "run": run_app,
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
