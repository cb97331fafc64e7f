"""Opening the app reads its few arguments without the subcommands' parser, and loads
neither the subcommands nor the store before the app paints; anything else goes to the
full parser, which answers it as it always has."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cli.main import _app_only, main


@pytest.mark.parametrize(
    ("argv", "command", "db"),
    [
        ([], None, None),
        (["run"], "run", None),
        (["--db", "/tmp/o.json"], None, "/tmp/o.json"),
        (["--db=/tmp/o.json", "run"], "run", "/tmp/o.json"),
        (["run", "--db", "postgresql://team@host/alliance"], "run", "postgresql://team@host/alliance"),
    ],
)
def test_opening_the_app_is_read_without_the_full_parser(
    argv: list[str], command: str | None, db: str | None
) -> None:
    args = _app_only(argv)
    assert args is not None
    assert args.command == command
    assert getattr(args, "db", None) == db


@pytest.mark.parametrize(
    "argv",
    [
        ["today"],
        ["--help"],
        ["--version"],
        ["--db"],
        ["--db="],
        ["--db", "--help"],
        ["run", "run"],
        ["run", "today"],
        ["--dbx", "o.json"],
    ],
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert _app_only(argv) is None


def test_a_mistake_is_still_answered_by_the_full_parser(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--db"])
    assert exit_.value.code == 2
    assert "--db: expected one argument" in capsys.readouterr().err


def test_the_app_start_loads_neither_the_subcommands_nor_the_store_nor_the_models() -> None:
    """The store, the domain and its models are imported by the thread that opens the
    database once the kept Today is painted (screens/today_lines.py); the subcommands'
    modules (exports, imports, capture …) are never needed."""
    probe = (
        "import sys, argparse; from cli.main import _read; "
        "_read(['--db', 'o.json']); import screens.app; "
        "print(sorted(m for m in sys.modules if m.startswith(('cli.subcommands', 'store.database', "
        "'store.repository', 'cli.export', 'cli.capture', 'organiser.interchange', "
        "'organiser.models', 'organiser.today', 'pydantic.main', 'screens.calendar_keeper'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
