"""Today kept beside the database for a quick start: trusted only while the files are those
it was made from, kept privately, and gone as soon as the database may change."""

from __future__ import annotations

import argparse
import json
import stat
from datetime import date
from pathlib import Path

import pytest

import store.last_today
from cli.app_run import quick_start
from organiser.clock import FixedClock, SystemClock
from organiser.models import Person, Profile
from store.database import open_store
from store.encryption import encrypt_database
from store.format import journal_path
from store.last_today import discard_last_today, keep_last_today, last_today, last_today_path
from tests.unit.test_encryption import PASSPHRASE

SHOWN = {"zone": "Europe/London", "rate": "This week", "sections": []}


@pytest.fixture
def db(tmp_path: Path, clock: FixedClock) -> Path:
    path = tmp_path / "organiser.json"
    with open_store(path, clock) as opened:
        opened.repo.save_all([Profile(organiser_name="Jo"), Person(name="Amina Khan")])
    return path


def test_kept_after_close_and_read_back_privately(db: Path) -> None:
    assert keep_last_today(db, date(2026, 11, 23), SHOWN) == []
    assert last_today(db) == (date(2026, 11, 23), SHOWN)
    mode = stat.S_IMODE(last_today_path(db).stat().st_mode)
    assert mode == 0o600


def test_opening_to_write_throws_it_away(db: Path, clock: FixedClock) -> None:
    keep_last_today(db, date(2026, 11, 23), SHOWN)
    with open_store(db, clock):
        assert not last_today_path(db).exists()  # an erasure now leaves no older copy
    with open_store(db, clock, read_only=True):
        pass
    keep_last_today(db, date(2026, 11, 23), SHOWN)
    with open_store(db, clock, read_only=True):
        assert last_today(db) is not None  # reading changes nothing


def test_a_change_by_another_program_makes_it_stale(db: Path) -> None:
    keep_last_today(db, date(2026, 11, 23), SHOWN)
    with journal_path(db).open("ab") as journal:
        journal.write(b"\n")
    assert last_today(db) is None


def test_another_version_or_shape_is_ignored(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keep_last_today(db, date(2026, 11, 23), SHOWN)
    monkeypatch.setattr(store.last_today, "__version__", "99.0")
    assert last_today(db) is None
    monkeypatch.undo()
    for damaged in (b"not json", b"[]", json.dumps({"day": "soon"}).encode()):
        last_today_path(db).write_bytes(damaged)
        assert last_today(db) is None


def test_never_kept_for_an_encrypted_database(db: Path, clock: FixedClock) -> None:
    keep_last_today(db, date(2026, 11, 23), SHOWN)
    encrypt_database(db, clock, PASSPHRASE)
    assert not last_today_path(db).exists()
    assert keep_last_today(db, date(2026, 11, 23), SHOWN) == []
    assert not last_today_path(db).exists()


def test_the_command_line_shows_the_kept_today_only_on_the_day_it_was_kept(db: Path) -> None:
    """On a later day the database is still opened behind the app (it is as the app left
    it), but Today shows itself loading rather than yesterday's lines."""
    args = argparse.Namespace(db=str(db))
    today = SystemClock().today()
    keep_last_today(db, today, SHOWN)
    quick = quick_start(args)
    assert quick is not None and quick[0] == db.absolute() and quick[2] == SHOWN
    keep_last_today(db, date(2020, 1, 1), SHOWN)
    quick = quick_start(args)
    assert quick is not None and quick[0] == db.absolute() and quick[2] is None
    assert str(quick[1].tz) == SHOWN["zone"]
    keep_last_today(db, today, {**SHOWN, "zone": "Not/AZone"})
    assert quick_start(args) is None
    discard_last_today(db)
    assert quick_start(args) is None
