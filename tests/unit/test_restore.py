"""A damaged database is refused untouched, and the newest good backup can take its place."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from cli.main import main
from organiser.clock import FixedClock
from organiser.errors import DatabaseCorrupt, StoreError
from organiser.models import Person
from screens.record_check import read_every_record
from store.backups import backup_path, list_backups
from store.database import open_store
from store.format import journal_path
from store.restore import newest_good_backup, restore_backup


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 10, 32, tzinfo=UTC))


@pytest.fixture
def db(tmp_path: Path, clock: FixedClock) -> Path:
    """A database holding Ann, with a good backup of it dated 22 November."""
    path = tmp_path / "data" / "organiser.json"
    clock.at = datetime(2026, 11, 22, 9, tzinfo=UTC)
    with open_store(path, clock) as opened:
        opened.repo.save(Person(name="Ann Example"))
    clock.at = datetime(2026, 11, 23, 10, 32, tzinfo=UTC)
    assert list_backups(path) == [backup_path(path, date(2026, 11, 22))]
    return path


DAMAGE = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "zero-filled": lambda raw: b"\x00" * len(raw),
    "invalid JSON": lambda raw: raw.replace(b"{", b"(", 1),
    "wrong shape": lambda raw: b"[1, 2, 3]",
    "bad UTF-8": lambda raw: raw[:10] + b"\xff\xfe" + raw[10:],
    "empty": lambda raw: b"",
}


@pytest.mark.parametrize("how", list(DAMAGE))
def test_damage_is_refused_untouched_and_named(db: Path, clock: FixedClock, how: str) -> None:
    damaged = DAMAGE[how](db.read_bytes())
    db.write_bytes(damaged)
    with pytest.raises(DatabaseCorrupt, match="cannot be read|not valid"):
        open_store(db, clock)
    assert db.read_bytes() == damaged


def test_restore_puts_the_newest_good_backup_in_place_and_keeps_the_damage(
    db: Path, clock: FixedClock
) -> None:
    newer = backup_path(db, date(2026, 11, 23))
    newer.write_bytes(b"{ not a backup")  # a newer backup that is itself damaged is skipped
    db.write_bytes(b"\x00" * 100)
    journal_path(db).write_bytes(b"garbage")
    assert newest_good_backup(db) == backup_path(db, date(2026, 11, 22))

    restored = restore_backup(db, clock)

    assert restored.backup == backup_path(db, date(2026, 11, 22))
    assert sorted(p.name for p in restored.set_aside) == [
        "organiser.json.damaged-20261123-103200",
        "organiser.json.journal.damaged-20261123-103200",
    ]
    assert (db.parent / "organiser.json.damaged-20261123-103200").read_bytes() == b"\x00" * 100
    with open_store(db, clock) as opened:
        assert [p.name for p in opened.repo.list(Person)] == ["Ann Example"]


def test_restore_refuses_while_the_database_is_open(db: Path, clock: FixedClock) -> None:
    with open_store(db, clock), pytest.raises(StoreError, match="already open"):
        restore_backup(db, clock)


def test_no_good_backup_is_said_plainly(tmp_path: Path, clock: FixedClock) -> None:
    with pytest.raises(StoreError, match="no good backup"):
        restore_backup(tmp_path / "organiser.json", clock)


def test_a_record_that_fails_validation_is_found(db: Path, clock: FixedClock) -> None:
    data = json.loads(db.read_bytes())
    person = next(iter(data["people"].values()))
    person["email"] = "not an email"
    db.write_text(json.dumps(data))
    with open_store(db, clock) as opened:
        error = read_every_record(opened.repo)
    assert isinstance(error, DatabaseCorrupt)
    assert "Person" in str(error)


def test_the_cli_says_what_is_wrong_and_how_to_restore(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.write_bytes(b"\x00" * 64)
    assert main(["today", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "cannot be read" in err and "organiser restore" in err
    assert db.read_bytes() == b"\x00" * 64


def test_organiser_restore_from_the_shell(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db.write_bytes(b"[]")
    assert main(["restore", "--yes", "--db", str(db)]) == 0
    assert "Restored the backup of" in capsys.readouterr().err
    assert main(["today", "--db", str(db)]) == 0
