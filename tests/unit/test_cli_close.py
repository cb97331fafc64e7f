"""Closing from the command line: a large database's daily backup is announced first."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import cli.session
from organiser.clock import SystemClock
from organiser.models import Person
from store.backups import backup_path
from store.database import open_store


def test_the_days_backup_of_a_large_database_is_announced_at_a_terminal(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(cli.session, "SAY_BACKUP_FROM", 1)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    path = tmp_path / "organiser.json"
    opened = open_store(path, SystemClock())
    opened.repo.save(Person(name="Amina Khan"))
    cli.session.close(opened)
    assert "Making today's backup" in capsys.readouterr().err
    assert backup_path(path, SystemClock().today()).exists()
    again = open_store(path, SystemClock())
    cli.session.close(again)  # the day's backup is made: nothing to say
    assert capsys.readouterr().err == ""
