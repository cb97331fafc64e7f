"""Encryption at rest: with it on, no file beside the database holds a name in clear, and
everything still reads back, survives a torn save, and opens with the standard age tools."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pyrage  # type: ignore[import-untyped]
import pytest
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from cli import encryption as cli_encryption
from cli.main import main
from organiser.clock import LONDON, FixedClock
from organiser.models import Person, Profile
from store.backups import list_backups
from store.crypto import (
    PASSPHRASE_ENV,
    Cipher,
    NeedsPassphrase,
    WrongPassphrase,
    is_sealed,
    key_path,
    new_key,
    public_path,
    unlock,
)
from store.database import open_store
from store.encryption import encrypt_database, finish_encrypting
from store.format import journal_path
from store.history import FileCopies
from store.restore import restore_backup

PASSPHRASE = "correct horse battery"
NAMES = ("Xanthe Quillfeather", "Bartholomew Okonkwo-Reyes")


@pytest.fixture(scope="module")
def made_key(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Cipher]:
    """A key made once for the module (scrypt costs about a second), for copying."""
    folder = tmp_path_factory.mktemp("key")
    return folder / "organiser.json", new_key(folder / "organiser.json", PASSPHRASE)


@pytest.fixture
def keyed(tmp_path: Path, made_key: tuple[Path, Cipher]) -> tuple[Path, Cipher]:
    """A database path with encryption on (its key files beside it), and the unlocked key."""
    source, cipher = made_key
    db = tmp_path / "data" / "organiser.json"
    db.parent.mkdir()
    for file in (key_path(source), public_path(source)):
        shutil.copy2(file, db.parent / file.name)
    return db, cipher


@pytest.fixture(autouse=True)
def _forget_unlocked_keys() -> None:
    cli_encryption._unlocked.clear()


def every_file(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def names_in(folder: Path) -> list[tuple[Path, str]]:
    """Every (file, name) where a name appears in clear, as UTF-8 or JSON-escaped."""
    found = []
    for file in every_file(folder):
        raw = file.read_bytes()
        for name in NAMES:
            forms = (name.encode(), json.dumps(name).encode(), name.split()[0].encode())
            if any(form in raw for form in forms):
                found.append((file, name))
    return found


def plain_database(db: Path, clock: FixedClock) -> None:
    """A database in clear with people in it, a backup, a copy kept before an upgrade and a
    file set aside as damaged: every kind of file that can hold their names."""
    with open_store(db, clock) as opened:
        opened.repo.save_all([Profile(organiser_name="Jo"), *(Person(name=n) for n in NAMES)])
    shutil.copy2(db, db.with_name("organiser-schema-1-20261101-090000.json"))
    shutil.copy2(db, db.with_name("organiser.json.damaged-20261102-090000"))
    assert list_backups(db) and names_in(db.parent)


@pytest.fixture(scope="module")
def encrypted_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Cipher]:
    """A database with copies of every kind, encrypted once for the module."""
    folder = tmp_path_factory.mktemp("encrypted")
    clock = FixedClock(datetime(2026, 11, 23, 9, 30, tzinfo=LONDON))
    plain_database(folder / "organiser.json", clock)
    encrypt_database(folder / "organiser.json", clock, PASSPHRASE)
    return folder, unlock(folder / "organiser.json", PASSPHRASE)


@pytest.fixture
def encrypted(tmp_path: Path, encrypted_template: tuple[Path, Cipher]) -> tuple[Path, Cipher]:
    folder, cipher = encrypted_template
    shutil.copytree(folder, tmp_path / "db")
    return tmp_path / "db" / "organiser.json", cipher


def test_round_trip_with_the_key(keyed: tuple[Path, Cipher], clock: FixedClock) -> None:
    db, cipher = keyed
    with open_store(db, clock, cipher=cipher) as opened:
        saved = opened.repo.save(Person(name=NAMES[0]))
        line = journal_path(db).read_bytes()
        assert line and NAMES[0].encode() not in line
    assert is_sealed(db.read_bytes())
    with open_store(db, clock, cipher=cipher) as opened:
        found = opened.repo.get(Person, saved.id)
        assert found is not None and found.name == NAMES[0]
    with pytest.raises(NeedsPassphrase):
        open_store(db, clock)


def test_no_file_holds_a_name_after_encrypting(tmp_path: Path, clock: FixedClock) -> None:
    db = tmp_path / "organiser.json"
    plain_database(db, clock)
    done = encrypt_database(db, clock, PASSPHRASE)
    assert done.new_key and done.warnings == [] and done.copies == 3
    cipher = unlock(db, PASSPHRASE)
    with open_store(db, clock, cipher=cipher) as opened:  # a save left in the journal
        opened.repo.save(Person(name=NAMES[1] + " Junior"))
        assert journal_path(db).stat().st_size > 0
        assert names_in(tmp_path) == []
        assert sorted(p.name for p in opened.repo.list(Person))[0] == NAMES[1]
    assert names_in(tmp_path) == []
    for file in [db, *FileCopies(db, clock).paths()]:
        assert is_sealed(file.read_bytes()), file


def test_a_torn_encrypted_line_is_dropped(keyed: tuple[Path, Cipher], clock: FixedClock) -> None:
    db, cipher = keyed
    opened = open_store(db, clock, cipher=cipher)
    first = opened.repo.save(Person(name=NAMES[0]))
    opened.repo.save(Person(name=NAMES[1]))
    journal = journal_path(db).read_bytes()
    snapshot = db.read_bytes()
    opened.close()
    lines = journal.splitlines(keepends=True)
    assert len(lines) == 2
    crashed = db.parent.parent / "crashed" / db.name
    crashed.parent.mkdir()
    crashed.write_bytes(snapshot)
    journal_path(crashed).write_bytes(lines[0] + lines[1][: len(lines[1]) // 2])
    with open_store(crashed, clock, cipher=cipher) as reopened:
        assert [p.id for p in reopened.repo.list(Person)] == [first.id]


def test_a_wrong_passphrase_is_refused(
    keyed: tuple[Path, Cipher],
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, cipher = keyed
    with open_store(db, clock, cipher=cipher) as opened:
        opened.repo.save(Person(name=NAMES[0]))
    with pytest.raises(WrongPassphrase):
        unlock(db, "not the passphrase")
    monkeypatch.setenv(PASSPHRASE_ENV, "not the passphrase")
    assert main(["--db", str(db), "today"]) == 1
    assert "That passphrase does not unlock" in capsys.readouterr().err
    monkeypatch.delenv(PASSPHRASE_ENV)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["--db", str(db), "today"]) == 1
    assert PASSPHRASE_ENV in capsys.readouterr().err


def test_the_command_line_encrypts_and_then_opens_with_the_passphrase(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "organiser.json"
    plain_database(db, clock)
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    assert main(["--db", str(db), "encrypt"]) == 0
    assert names_in(tmp_path) == []
    assert main(["--db", str(db), "log", "Xanthe", "--story", "talked about housing"]) == 0
    assert names_in(tmp_path) == []
    assert main(["--db", str(db), "encrypt"]) == 0  # already on: seals leftovers, says so
    with open_store(db, clock, cipher=unlock(db, PASSPHRASE)) as opened:
        assert sorted(p.name for p in opened.repo.list(Person)) == sorted(NAMES)


def test_a_too_short_passphrase_encrypts_nothing(tmp_path: Path, clock: FixedClock) -> None:
    db = tmp_path / "organiser.json"
    plain_database(db, clock)
    before = {p: p.read_bytes() for p in every_file(tmp_path)}
    with pytest.raises(Exception, match="at least 8 characters"):
        encrypt_database(db, clock, "short")
    assert {p: p.read_bytes() for p in every_file(tmp_path)} == before


def test_a_backup_opens_with_the_age_key_and_passphrase(encrypted: tuple[Path, Cipher]) -> None:
    db, _ = encrypted
    # What `age -d organiser.key.age > key.txt; age -d -i key.txt backup` does.
    secret = age_passphrase.decrypt(key_path(db).read_bytes(), PASSPHRASE).decode()
    identity = x25519.Identity.from_str(secret.strip())
    assert public_path(db).read_text().strip() == str(identity.to_public())
    backup = list_backups(db)[0]
    tables = json.loads(pyrage.decrypt(backup.read_bytes(), [identity]))
    assert sorted(p["name"] for p in tables["people"].values()) == sorted(NAMES)


def test_encrypted_copies_are_amended_and_restored_not_removed(
    encrypted: tuple[Path, Cipher], clock: FixedClock
) -> None:
    db, cipher = encrypted
    copies = FileCopies(db, clock, cipher=cipher)
    before = copies.paths()
    assert copies.amend_all(lambda repo: None) == []
    assert copies.paths() == before
    restored = restore_backup(db, clock, cipher=cipher)
    assert is_sealed(db.read_bytes()) and restored.set_aside
    with open_store(db, clock, cipher=cipher) as opened:
        assert len(opened.repo.list(Person)) == len(NAMES)
    assert finish_encrypting(db, clock, cipher).warnings == []
    assert names_in(db.parent) == []


def test_decrypting_puts_everything_back_in_clear(
    encrypted: tuple[Path, Cipher], monkeypatch: pytest.MonkeyPatch, clock: FixedClock
) -> None:
    db, _ = encrypted
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    assert main(["--db", str(db), "decrypt"]) == 0
    assert not key_path(db).exists() and not public_path(db).exists()
    for file in [db, *FileCopies(db, clock).paths()]:
        assert not is_sealed(file.read_bytes()), file
    monkeypatch.delenv(PASSPHRASE_ENV)
    with open_store(db, clock) as opened:
        assert sorted(p.name for p in opened.repo.list(Person)) == sorted(NAMES)
