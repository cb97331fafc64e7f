"""The `organiser` command: opens the app, or runs a subcommand, on the user's database.

This is the composition root, the one place that joins the screens to the store.
Exit codes: 0 success, 1 refused (a one-line reason on stderr), 2 usage error.

Opening the app (`organiser`, `organiser run`, either with `--db PATH`) imports only what
the app needs (cli/app_run.py); any other command line goes to the subcommands' parser
(cli/subcommands.py), which also answers `--help`, `--version` and every mistake.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from organiser.errors import DatabaseCorrupt, OrganiserError

Command = Callable[[argparse.Namespace], int]


def _app_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments when `argv` only opens the app (`run` and `--db PATH` at most, as the
    full parser would read them); None for anything else, which the full parser reads."""
    args = argparse.Namespace(command=None)
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word == "run" and args.command is None:
            args.command = "run"
        elif word == "--db" and rest and not rest[0].startswith("-"):
            args.db = rest.pop(0)
        elif word.startswith("--db=") and len(word) > len("--db="):
            args.db = word.removeprefix("--db=")
        else:
            return None
    return args


def _read(argv: Sequence[str]) -> tuple[argparse.Namespace, Command]:
    """What to run for `argv`, importing the subcommands only when one is asked for."""
    args = _app_only(argv)
    if args is not None:
        from cli.app_run import run_app

        return args, run_app
    from cli.subcommands import COMMANDS, parser

    args = parser().parse_args(argv)
    return args, COMMANDS[args.command]


def main(argv: Sequence[str] | None = None) -> int:
    args, command = _read(sys.argv[1:] if argv is None else argv)
    from cli.session import db_path, fail, url_of

    try:
        try:
            return command(args)
        except DatabaseCorrupt as error:
            from cli.restore import offer_restore

            if (
                args.command == "restore"
                or url_of(args) is not None
                or not offer_restore(db_path(args), error)
            ):
                return 1
            return command(args)
    except OrganiserError as error:
        fail(str(error))
        return 1
    except KeyboardInterrupt:
        fail("Interrupted; everything saved before now is kept.")
        return 130


if __name__ == "__main__":
    sys.exit(main())
