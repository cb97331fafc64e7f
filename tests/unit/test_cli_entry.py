"""Opening the app reads its few arguments without the subcommands' parser (what it then
imports is in test_layers); anything else goes to the full parser, which answers it as it
always has."""

from __future__ import annotations

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
