"""open_store: folders, the lock, schema versions and migrations, backups, paths, read-only."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

import store.backups
import store.paths
from organiser.clock import FixedClock
from organiser.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseTooNew,
    ReadOnlyDatabase,
    StoreError,
)
from organiser.models import Person
from store.backups import backup_path, copy_verified, daily_backup, list_backups
from store.database import open_store
from store.format import Tables, journal_path
from store.lock import owner_path
from store.paths import (
    backup_dir,
    config_dir,
    default_db_path,
    resolve_db_path,
    sync_service,
    sync_warning,
)
from store.schema import CURRENT_VERSION, SCHEMA, Schema, migrate

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and signals")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 10, 32, tzinfo=UTC))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "organiser.json"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _schema_of(db: Path) -> dict[str, Any]:
    return json.loads(db.read_bytes())["_meta"]["schema"]  # type: ignore[no-any-return]


#: What the first release wrote.
VERSION_ONE = Schema(version=1, migrations={})


def _with_people(db: Path, clock: FixedClock, *names: str, schema: Schema = SCHEMA) -> list[str]:
    with open_store(db, clock, schema=schema) as opened:
        return [opened.repo.save(Person(name=name)).id for name in names]


# --- A new database --------------------------------------------------------------------------


@posix_only
def test_a_new_database_is_private_and_versioned(db: Path, clock: FixedClock) -> None:
    with open_store(db, clock) as opened:
        assert opened.warnings == []
        assert opened.path == db and not opened.read_only
        assert opened.repo.is_empty()
    assert _mode(db.parent) == 0o700
    assert _mode(db) == 0o600 and _mode(journal_path(db)) == 0o600
    assert _schema_of(db)["version"] == CURRENT_VERSION


def test_saves_survive_close_and_reopen(db: Path, clock: FixedClock) -> None:
    ann, bob = _with_people(db, clock, "Ann", "Bob")
    with open_store(db, clock) as opened:
        found = opened.repo.get(Person, ann)
        assert found is not None and found.name == "Ann"
        assert opened.repo.count(Person) == 2


# --- The lock --------------------------------------------------------------------------------


def test_a_second_opener_is_refused_with_who_holds_it(db: Path, clock: FixedClock) -> None:
    with open_store(db, clock):
        with pytest.raises(DatabaseLocked) as refused:
            open_store(db, clock)
        message = str(refused.value)
        assert "already open" in message and str(db) in message
        assert f"process {os.getpid()}" in message and "Mon 23 Nov 10:32" in message
    with open_store(db, clock) as again:  # released on close
        assert again.repo.is_empty()
    assert not owner_path(db).exists()


def test_a_stale_owner_note_does_not_block(db: Path, clock: FixedClock) -> None:
    _with_people(db, clock, "Ann")
    owner_path(db).write_text('{"pid": 99999, "host": "elsewhere", "since": "2020-01-01"}')
    with open_store(db, clock) as opened:
        assert opened.repo.count(Person) == 1
        assert json.loads(owner_path(db).read_text())["pid"] == os.getpid()


@posix_only
def test_a_killed_holder_does_not_block_the_next_open(db: Path, clock: FixedClock) -> None:
    _with_people(db, clock, "Ann")
    holder = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from organiser.clock import SystemClock
        from organiser.models import Person
        from store.database import open_store
        opened = open_store(Path({str(db)!r}), SystemClock())
        opened.repo.save(Person(name="Bob"))
        print("ready", flush=True)
        time.sleep(60)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", holder], stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
        with pytest.raises(DatabaseLocked, match=f"process {proc.pid}"):
            open_store(db, clock)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert owner_path(db).exists()  # the dead holder's note is still there, and harmless
    with open_store(db, clock) as opened:
        assert sorted(p.name for p in opened.repo.list(Person)) == ["Ann", "Bob"]


# --- Schema versions -------------------------------------------------------------------------


def _set_version(db: Path, version: int) -> None:
    data = json.loads(db.read_bytes())
    data["_meta"]["schema"]["version"] = version
    db.write_text(json.dumps(data))


def test_a_newer_schema_is_refused_and_left_untouched(db: Path, clock: FixedClock) -> None:
    _with_people(db, clock, "Ann")
    _set_version(db, CURRENT_VERSION + 1)
    before = db.read_bytes()
    with pytest.raises(DatabaseTooNew) as refused:
        open_store(db, clock)
    assert str(refused.value) == (
        f"This database was written by a newer version of Organiser (schema {CURRENT_VERSION + 1}; "
        f"this program reads up to {CURRENT_VERSION}). Update Organiser; the file has been left "
        "untouched."
    )
    assert db.read_bytes() == before
    with pytest.raises(DatabaseTooNew):  # not DatabaseLocked: the lock was released
        open_store(db, clock)
    with pytest.raises(DatabaseTooNew):
        open_store(db, clock, read_only=True)
    assert db.read_bytes() == before


def _rename_people(tables: Tables) -> Tables:
    for doc in tables.get("people", {}).values():
        doc["name"] = doc["name"].upper()
    return tables


def _add_tags(tables: Tables) -> Tables:
    tables["tags"] = {"t1": {"label": "housing"}}
    return tables


FAKE = Schema(version=3, migrations={1: _rename_people, 2: _add_tags})


def test_an_older_schema_is_backed_up_then_migrated(db: Path, clock: FixedClock) -> None:
    (ann,) = _with_people(db, clock, "Ann", schema=VERSION_ONE)
    old = db.read_bytes()
    with open_store(db, clock, schema=FAKE) as opened:
        person = opened.repo.get(Person, ann)
        assert person is not None and person.name == "ANN"
        assert opened.storage.read()["tags"] == {"t1": {"label": "housing"}}
        assert len(opened.warnings) == 1 and "schema 1 to 3" in opened.warnings[0]
    copies = list(db.parent.glob("organiser-schema-1-*.json"))
    assert len(copies) == 1 and copies[0].read_bytes() == old
    assert _mode(copies[0]) == 0o600 or os.name != "posix"
    assert str(copies[0]) in opened.warnings[0]
    assert _schema_of(db)["version"] == 3
    with open_store(db, clock, schema=FAKE) as again:  # no second migration
        assert again.warnings == []


def _legacy_tinydb_file(db: Path, clock: FixedClock) -> str:
    """A file as plain TinyDB wrote it before schema versions: records, no `_meta`."""
    person = Person(name="Ann").model_dump(mode="json")
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_text(json.dumps({"people": {person["id"]: person}}))
    return str(person["id"])


def test_a_file_from_before_versioning_is_schema_one(db: Path, clock: FixedClock) -> None:
    ann = _legacy_tinydb_file(db, clock)
    with open_store(db, clock, schema=VERSION_ONE) as opened:
        assert opened.repo.get(Person, ann) is not None
    assert _schema_of(db)["version"] == 1
    ann = _legacy_tinydb_file(db, clock)
    with open_store(db, clock, schema=FAKE) as upgraded:
        found = upgraded.repo.get(Person, ann)
        assert found is not None and found.name == "ANN"
    assert list(db.parent.glob("organiser-schema-1-*.json"))


def test_a_failing_migration_changes_nothing(db: Path, clock: FixedClock) -> None:
    _with_people(db, clock, "Ann", schema=VERSION_ONE)
    before = db.read_bytes()

    def broken(tables: Tables) -> Tables:
        raise KeyError("surname")

    with pytest.raises(StoreError, match="left untouched"):
        open_store(db, clock, schema=Schema(version=2, migrations={1: broken}))
    assert db.read_bytes() == before
    with open_store(db, clock) as opened:  # and the lock was released
        assert opened.repo.count(Person) == 1


def test_the_first_release_s_files_open_in_this_one(db: Path, clock: FixedClock) -> None:
    (ann,) = _with_people(db, clock, "Ann", schema=VERSION_ONE)
    with open_store(db, clock) as opened:
        assert opened.repo.get(Person, ann) is not None
        assert "schema 1 to 3" in opened.warnings[0]
    assert _schema_of(db)["version"] == CURRENT_VERSION == 3


def test_migrate_runs_each_step_on_a_copy() -> None:
    tables: Tables = {"_meta": {"schema": {"version": 1}}, "people": {"a": {"name": "Ann"}}}
    result = migrate(tables, 1, FAKE)
    assert result["people"]["a"]["name"] == "ANN" and "tags" in result
    assert result["_meta"]["schema"]["version"] == 3
    assert tables["people"]["a"]["name"] == "Ann"
    with pytest.raises(StoreError, match="schema 2"):
        migrate(tables, 1, Schema(version=3, migrations={1: _rename_people}))


def test_a_nonsense_version_is_refused(db: Path, clock: FixedClock) -> None:
    _with_people(db, clock, "Ann")
    _set_version(db, "one")  # type: ignore[arg-type]
    with pytest.raises(DatabaseCorrupt, match="version"):
        open_store(db, clock)


def test_a_damaged_database_is_refused_and_unlocked(db: Path, clock: FixedClock) -> None:
    _with_people(db, clock, "Ann")
    db.write_bytes(db.read_bytes()[:40])
    with pytest.raises(DatabaseCorrupt):
        open_store(db, clock)
    with pytest.raises(DatabaseCorrupt):  # not DatabaseLocked
        open_store(db, clock)


def test_a_database_that_is_not_utf8_is_refused_in_words(db: Path, clock: FixedClock) -> None:
    _with_people(db, clock, "Ann")
    raw = db.read_bytes()
    db.write_bytes(raw.replace(b"Ann", b"A\xffn"))
    with pytest.raises(DatabaseCorrupt, match="not text"):
        open_store(db, clock)


@posix_only
def test_a_symlinked_database_keeps_its_link(tmp_path: Path, clock: FixedClock) -> None:
    real = tmp_path / "elsewhere" / "organiser.json"
    (ann,) = _with_people(real, clock, "Ann")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with open_store(link, clock) as opened:
        assert opened.repo.get(Person, ann) is not None
        opened.repo.save(Person(name="Bob"))
    assert link.is_symlink()
    with open_store(real, clock) as direct:
        assert direct.repo.count(Person) == 2


# --- Backups ---------------------------------------------------------------------------------


def test_backups_are_daily_verified_private_and_rotated_to_seven(
    db: Path, clock: FixedClock
) -> None:
    days = []
    for day in range(10):
        with open_store(db, clock) as opened:
            opened.repo.save(Person(name=f"Person {day}"))
        days.append(clock.today())
        clock.advance(days=1)
    backups = list_backups(db)
    assert [p.name for p in backups] == [f"organiser-{d.isoformat()}.json" for d in days[:2:-1]]
    assert backups[0].read_bytes() == db.read_bytes()
    for backup in backups:
        json.loads(backup.read_bytes())
        assert _mode(backup) == 0o600 or os.name != "posix"
    assert _mode(backup_dir(db)) == 0o700 or os.name != "posix"


def test_one_backup_a_day(db: Path, clock: FixedClock) -> None:
    _with_people(db, clock, "Ann")
    first = backup_path(db, clock.today()).read_bytes()
    _with_people(db, clock, "Bob")
    assert backup_path(db, clock.today()).read_bytes() == first
    assert len(list_backups(db)) == 1


def test_a_failed_backup_is_a_warning_not_a_crash(db: Path, clock: FixedClock) -> None:
    db.parent.mkdir()
    backup_dir(db).write_text("a file where the backups folder should be")
    with open_store(db, clock) as opened:
        opened.repo.save(Person(name="Ann"))
    assert any("Could not make today's backup" in m for m in opened.warnings)
    with open_store(db, clock) as again:
        assert again.repo.count(Person) == 1


def test_a_backup_that_does_not_match_is_discarded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "organiser.json"
    source.write_text('{"people": {}}')
    real_write_all = store.backups.write_all
    monkeypatch.setattr(store.backups, "write_all", lambda fd, data: real_write_all(fd, data[:-1]))
    target = tmp_path / "copy.json"
    with pytest.raises(StoreError, match="does not match"):
        copy_verified(source, target)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["organiser.json"]
    messages = daily_backup(source, date(2026, 11, 23))
    assert len(messages) == 1 and "does not match" in messages[0]


# --- Read-only -------------------------------------------------------------------------------


def test_read_only_needs_no_lock_and_never_writes(db: Path, clock: FixedClock) -> None:
    _with_people(db, clock, "Ann")
    with open_store(db, clock) as writer:
        writer.repo.save(Person(name="Bob"))  # in the journal, not yet compacted
        before = {p.name: p.read_bytes() for p in db.parent.iterdir() if p.is_file()}
        with open_store(db, clock, read_only=True) as reader:
            assert reader.read_only and reader.repo.read_only
            assert reader.repo.count(Person) == 2
            with pytest.raises(ReadOnlyDatabase):
                reader.repo.save(Person(name="Cy"))
        after = {p.name: p.read_bytes() for p in db.parent.iterdir() if p.is_file()}
        assert after == before


def test_read_only_of_a_missing_database_is_refused(db: Path, clock: FixedClock) -> None:
    with pytest.raises(StoreError, match="no database"):
        open_store(db, clock, read_only=True)
    assert not db.parent.exists()


# --- Paths -----------------------------------------------------------------------------------


def test_the_database_path_comes_from_flag_then_environment_then_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.paths, "data_dir", lambda: tmp_path / "data")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    env = {"ORGANISER_DB": "~/from-env.json"}
    assert resolve_db_path("~/flag.json", env) == tmp_path / "home" / "flag.json"
    assert resolve_db_path(None, env) == tmp_path / "home" / "from-env.json"
    assert resolve_db_path(None, {}) == tmp_path / "data" / "organiser.json"
    assert resolve_db_path("", {"ORGANISER_DB": "  "}) == tmp_path / "data" / "organiser.json"


def test_default_folders() -> None:
    assert default_db_path().name == "organiser.json"
    assert "organiser" in str(config_dir()).lower()
    assert backup_dir(Path("/x/organiser.json")) == Path("/x/backups")


@pytest.mark.parametrize(
    ("folder", "service"),
    [
        ("Dropbox", "Dropbox"),
        ("Dropbox (Personal)", "Dropbox"),
        ("OneDrive - Example Ltd", "OneDrive"),
        ("Nextcloud", "Nextcloud"),
        ("Google Drive", "Google Drive"),
        ("GoogleDrive-someone@example.org", "Google Drive"),
        ("iCloud Drive", "iCloud"),
        ("Documents", None),
        ("dropboxes", None),
    ],
)
def test_sync_folders_are_recognised(folder: str, service: str | None) -> None:
    assert sync_service(Path("/home/sam") / folder / "organiser.json") == service


def test_a_database_in_a_sync_folder_opens_with_a_warning(
    tmp_path: Path, clock: FixedClock
) -> None:
    db = tmp_path / "Dropbox" / "organiser.json"
    with open_store(db, clock) as opened:
        assert opened.warnings == [sync_warning(db)]
        assert "Dropbox" in opened.warnings[0]
