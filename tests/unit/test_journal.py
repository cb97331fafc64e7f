"""JournalStorage: a snapshot plus an append-only journal, and what it does when things fail."""

from __future__ import annotations

import errno
import gc
import json
import os
import stat
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB
from tinydb.storages import JSONStorage

import store.journal
from organiser.errors import DatabaseCorrupt, ReadOnlyDatabase, StoreError
from store.journal import JournalStorage, journal_path
from store.table import Change, ChangeAwareStorage

Files = dict[str, bytes]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "organiser.json"


@pytest.fixture
def storage(db: Path) -> Iterator[JournalStorage]:
    opened = JournalStorage(db)
    yield opened
    opened.close()


def person(name: str, **more: Any) -> dict[str, Any]:
    return {"name": name, **more}


def files(directory: Path) -> Files:
    """Every file in `directory` and its bytes: to prove nothing changed."""
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def journal_lines(db: Path) -> list[bytes]:
    return journal_path(db).read_bytes().splitlines(keepends=True)


def reopen(db: Path, **options: Any) -> dict[str, Any]:
    """The data as a fresh, read-only storage sees it."""
    fresh = JournalStorage(db, read_only=True, **options)
    try:
        return json.loads(json.dumps(fresh.read()))  # type: ignore[no-any-return]
    finally:
        fresh.close()


def failing(code: int) -> Callable[..., Any]:
    """A stand-in for an os function that fails as a sick disk would."""

    def fail(*args: object, **kwargs: object) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


def saved(storage: JournalStorage, *changes: Change) -> None:
    storage.apply_changes(list(changes))


# --- Round trips -----------------------------------------------------------------------------


def test_it_is_a_change_aware_storage(storage: JournalStorage) -> None:
    assert isinstance(storage, ChangeAwareStorage)


def test_round_trip_through_close_and_reopen(db: Path) -> None:
    first = JournalStorage(db)
    saved(first, ("people", "a", person("Ann")), ("people", "b", person("Bob")))
    saved(first, ("people", "b", None), ("institutions", "c", {"name": "St Mary's"}))
    first.close()
    assert journal_path(db).read_bytes() == b""
    again = JournalStorage(db)
    assert again.read()["people"] == {"a": {"name": "Ann"}}
    assert again.read()["institutions"] == {"c": {"name": "St Mary's"}}
    again.close()


def test_the_snapshot_is_plain_tinydb_json(db: Path) -> None:
    first = JournalStorage(db)
    saved(first, ("people", "a", person("Ann", notes="Ça va — 😀")))
    first.close()
    plain = TinyDB(str(db), storage=JSONStorage, access_mode="r")
    data = plain.storage.read()
    plain.close()
    assert data["people"] == {"a": {"name": "Ann", "notes": "Ça va — 😀"}}
    assert data["_meta"]["schema"]["journal_seq"] == 1


def test_saves_survive_without_close_through_the_journal(storage: JournalStorage, db: Path) -> None:
    saved(storage, ("people", "a", person("Ann")))
    saved(storage, ("people", "a", person("Ann B")))
    assert reopen(db)["people"] == {"a": {"name": "Ann B"}}


def test_read_returns_the_live_data_without_touching_disk(storage: JournalStorage) -> None:
    saved(storage, ("people", "a", person("Ann")))
    assert storage.read() is storage.read()
    assert storage.read()["people"]["a"] == {"name": "Ann"}


def test_a_multi_record_save_is_one_journal_line(storage: JournalStorage, db: Path) -> None:
    saved(storage, ("people", "a", person("Ann")))
    lines_before = len(journal_lines(db))
    saved(storage, *[("people", f"p{i}", person(f"P{i}")) for i in range(5)], ("people", "a", None))
    assert len(journal_lines(db)) == lines_before + 1
    assert sorted(reopen(db)["people"]) == [f"p{i}" for i in range(5)]


def test_a_torn_multi_record_save_leaves_none_of_it(storage: JournalStorage, db: Path) -> None:
    saved(storage, ("people", "a", person("Ann")))
    saved(storage, *[("people", f"p{i}", person(f"P{i}")) for i in range(5)])
    raw = journal_path(db).read_bytes()
    journal_path(db).write_bytes(raw[:-20])
    assert reopen(db)["people"] == {"a": {"name": "Ann"}}


def test_tinydb_own_api_works_and_is_durable(storage: JournalStorage, db: Path) -> None:
    tiny = TinyDB(storage=lambda: storage)
    tiny.table("notes").insert({"text": "hello"})
    assert reopen(db)["notes"] == {"1": {"text": "hello"}}
    tiny.drop_tables()
    data = reopen(db)
    assert "notes" not in data and "_meta" in data  # the schema survives drop_tables


# --- Torn writes and a damaged journal -------------------------------------------------------


def _three_saves(db: Path) -> None:
    first = JournalStorage(db)
    for name in ("a", "b", "c"):
        saved(first, ("people", name, person(name.upper())))
    # No close: the changes stay in the journal, as after a crash.


@pytest.mark.parametrize(
    "tail",
    [b'1234abcd {"seq": 4, "op', b"deadbeef {}\n", b"\x00" * 300, b"\n"],
    ids=["unterminated", "bad checksum", "zero bytes", "empty line"],
)
def test_a_torn_last_line_is_dropped_and_cut_off(db: Path, tail: bytes) -> None:
    _three_saves(db)
    good = journal_path(db).read_bytes()
    journal_path(db).write_bytes(good + tail)
    again = JournalStorage(db)
    assert sorted(again.read()["people"]) == ["a", "b", "c"]
    assert journal_path(db).read_bytes() == good
    saved(again, ("people", "d", person("D")))
    again.close()
    assert sorted(reopen(db)["people"]) == ["a", "b", "c", "d"]


def test_any_cut_of_the_journal_opens_as_the_whole_lines_before_it(db: Path) -> None:
    """A power cut can stop a write anywhere: every prefix must open, holding whole saves."""
    _three_saves(db)
    raw = journal_path(db).read_bytes()
    ends = [i + 1 for i, byte in enumerate(raw) if byte == ord("\n")]
    for cut in range(len(raw) + 1):
        journal_path(db).write_bytes(raw[:cut])
        whole = sum(1 for end in ends if end <= cut)
        assert sorted(reopen(db).get("people", {})) == ["a", "b", "c"][:whole], cut


def test_read_only_does_not_cut_off_a_torn_line(db: Path) -> None:
    _three_saves(db)
    journal_path(db).write_bytes(journal_path(db).read_bytes() + b"0000")
    before = files(db.parent)
    assert sorted(reopen(db)["people"]) == ["a", "b", "c"]
    assert files(db.parent) == before


def test_damage_before_the_last_line_is_refused_and_left_untouched(db: Path) -> None:
    _three_saves(db)
    raw = bytearray(journal_path(db).read_bytes())
    second = raw.index(b"\n") + 1
    raw[second + 30] ^= 0x01  # one flipped bit in line 2
    journal_path(db).write_bytes(bytes(raw))
    before = files(db.parent)
    with pytest.raises(DatabaseCorrupt) as refused:
        JournalStorage(db)
    assert "line 2" in str(refused.value) and str(journal_path(db)) in str(refused.value)
    assert files(db.parent) == before


def test_a_whole_but_malformed_last_line_is_refused_not_dropped(db: Path) -> None:
    _three_saves(db)
    payload = b'{"seq":4,"ops":"oops"}'
    line = b"%08x %s\n" % (zlib.crc32(payload), payload)
    journal_path(db).write_bytes(journal_path(db).read_bytes() + line)
    with pytest.raises(DatabaseCorrupt, match="line 4"):
        JournalStorage(db)


def test_missing_changes_in_the_journal_are_refused(db: Path) -> None:
    _three_saves(db)
    lines = journal_lines(db)
    journal_path(db).write_bytes(lines[0] + lines[2])
    with pytest.raises(DatabaseCorrupt, match="line 2"):
        JournalStorage(db)


def test_a_journal_without_its_snapshot_is_refused(db: Path) -> None:
    _three_saves(db)
    db.unlink()
    with pytest.raises(DatabaseCorrupt, match="missing"):
        JournalStorage(db)


def test_lines_already_in_the_snapshot_are_skipped(db: Path) -> None:
    """A crash after the new snapshot is in place but before the journal is emptied."""
    first = JournalStorage(db)
    saved(first, ("people", "a", person("Ann")))
    saved(first, ("people", "b", person("Bob")))
    old_journal = journal_path(db).read_bytes()
    first.compact()
    saved(first, ("people", "a", None))
    journal_path(db).write_bytes(old_journal + journal_path(db).read_bytes())
    first.close(tidy=False)
    assert reopen(db)["people"] == {"b": {"name": "Bob"}}
    JournalStorage(db).close()  # a writable open folds the stale lines away
    assert journal_path(db).read_bytes() == b""


# --- A damaged snapshot ----------------------------------------------------------------------


def _valid_snapshot(db: Path) -> bytes:
    first = JournalStorage(db)
    saved(first, ("people", "a", person("Ann", notes="x" * 200)))
    first.close()
    return db.read_bytes()


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "zero-filled": lambda raw: b"\x00" * len(raw),
    "empty": lambda raw: b"",
    "not JSON": lambda raw: b"<html>not a database</html>",
    "bad UTF-8": lambda raw: raw.replace(b"Ann", b"A\xffn"),
    "NaN": lambda raw: raw.replace(b'"Ann"', b"NaN"),
    "a list": lambda raw: b"[1, 2, 3]",
    "a table that is a list": lambda raw: b'{"people": []}',
    "a record that is a number": lambda raw: b'{"people": {"a": 1}}',
    "a bad journal position": lambda raw: b'{"_meta": {"schema": {"journal_seq": "x"}}}',
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_snapshot_is_refused_and_left_untouched(
    db: Path, damage: Callable[[bytes], bytes]
) -> None:
    db.write_bytes(damage(_valid_snapshot(db)))
    before = files(db.parent)
    with pytest.raises(DatabaseCorrupt) as refused:
        JournalStorage(db)
    assert str(db) in str(refused.value) and "untouched" in str(refused.value)
    assert files(db.parent) == before
    assert gc.isenabled()


# --- Failing disks ---------------------------------------------------------------------------


def _assert_unchanged(storage: JournalStorage, db: Path, data: Any, before: Files) -> None:
    assert json.loads(json.dumps(storage.read())) == data
    assert files(db.parent) == before
    assert not [p for p in db.parent.iterdir() if ".tmp-" in p.name]


def test_a_full_disk_during_the_write_changes_nothing(
    storage: JournalStorage, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved(storage, ("people", "a", person("Ann")))
    data, before = json.loads(json.dumps(storage.read())), files(db.parent)
    real_write = os.write

    def half_then_full(fd: int, payload: bytes) -> int:
        real_write(fd, payload[: len(payload) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(StoreError) as refused:
        saved(storage, ("people", "b", person("Bob", notes="n" * 5000)))
    monkeypatch.undo()
    assert str(refused.value).startswith("Could not save: the disk is full")
    assert str(refused.value).endswith("Nothing was changed.")
    _assert_unchanged(storage, db, data, before)
    saved(storage, ("people", "c", person("Cy")))  # and saving works again afterwards
    assert sorted(reopen(db)["people"]) == ["a", "c"]


def test_a_failed_sync_changes_nothing(
    storage: JournalStorage, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved(storage, ("people", "a", person("Ann")))
    data, before = json.loads(json.dumps(storage.read())), files(db.parent)

    calls: list[int] = []

    def fails_once(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 1:
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(store.journal, "data_sync", fails_once)
    with pytest.raises(StoreError, match="the disk reported a fault.*Nothing was changed"):
        saved(storage, ("people", "b", person("Bob")))
    monkeypatch.undo()
    _assert_unchanged(storage, db, data, before)


def test_when_the_failed_save_cannot_be_undone_saving_stops(
    storage: JournalStorage, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved(storage, ("people", "a", person("Ann")))

    monkeypatch.setattr(store.journal, "data_sync", failing(errno.EIO))
    monkeypatch.setattr(os, "ftruncate", failing(errno.EIO))
    with pytest.raises(StoreError, match="may or may not have been kept"):
        saved(storage, ("people", "b", person("Bob")))
    monkeypatch.undo()
    assert "b" not in storage.read()["people"]
    with pytest.raises(StoreError, match="stopped saving"):
        saved(storage, ("people", "c", person("Cy")))
    assert "a" in reopen(db)["people"]


@pytest.mark.parametrize("value", [float("nan"), float("inf"), "lone \ud800 surrogate", object()])
def test_values_json_cannot_hold_are_refused(
    storage: JournalStorage, db: Path, value: object
) -> None:
    saved(storage, ("people", "a", person("Ann")))
    before = files(db.parent)
    with pytest.raises(StoreError, match="cannot be stored.*Nothing was changed"):
        saved(storage, ("people", "b", person("Bob", notes=value)))
    assert "b" not in storage.read()["people"]
    assert files(db.parent) == before


def test_compaction_that_fails_loses_nothing(
    storage: JournalStorage, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved(storage, ("people", "a", person("Ann")))
    saved(storage, ("people", "b", person("Bob")))
    before = files(db.parent)

    monkeypatch.setattr(os, "replace", failing(errno.EIO))
    with pytest.raises(StoreError, match="safe"):
        storage.compact()
    monkeypatch.undo()
    assert files(db.parent) == before  # old snapshot, whole journal, no temporary file
    assert sorted(reopen(db)["people"]) == ["a", "b"]


def test_close_keeps_the_journal_when_compaction_fails(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = JournalStorage(db)
    saved(first, ("people", "a", person("Ann")))
    monkeypatch.setattr(os, "replace", failing(errno.ENOSPC))
    first.close()
    monkeypatch.undo()
    assert first.warnings and "the disk is full" in first.warnings[0]
    assert reopen(db)["people"] == {"a": {"name": "Ann"}}


def test_compaction_interrupted_before_the_journal_is_emptied(
    storage: JournalStorage, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved(storage, ("people", "a", person("Ann")))

    monkeypatch.setattr(os, "ftruncate", failing(errno.EIO))
    storage.compact()
    monkeypatch.undo()
    assert storage.warnings and "Nothing is lost" in storage.warnings[0]
    saved(storage, ("people", "b", person("Bob")))
    assert sorted(reopen(db)["people"]) == ["a", "b"]


def test_a_failed_whole_write_restores_memory_from_disk(
    storage: JournalStorage, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tiny = TinyDB(storage=lambda: storage)
    tiny.table("notes").insert({"text": "kept"})
    monkeypatch.setattr(os, "replace", failing(errno.EIO))
    with pytest.raises(StoreError, match="Nothing was changed"):
        tiny.table("notes").insert({"text": "lost"})
    monkeypatch.undo()
    assert storage.read()["notes"] == {"1": {"text": "kept"}}


# --- Compaction, leftovers, read-only --------------------------------------------------------


def test_a_big_journal_is_compacted_at_open_but_never_on_a_save(db: Path) -> None:
    first = JournalStorage(db, compact_threshold=500)
    for i in range(20):
        saved(first, ("people", f"p{i}", person("x" * 100)))
    assert first.pending_bytes > 500  # saves never compact
    first.close(tidy=False)
    second = JournalStorage(db, compact_threshold=500)
    assert second.pending_bytes == 0 and journal_path(db).read_bytes() == b""
    assert len(second.read()["people"]) == 20
    second.close()


def test_a_failed_compaction_at_open_is_only_a_warning(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = JournalStorage(db, compact_threshold=10)
    saved(first, ("people", "a", person("Ann")))
    first.close(tidy=False)
    monkeypatch.setattr(os, "replace", failing(errno.ENOSPC))
    second = JournalStorage(db, compact_threshold=10)
    assert second.warnings and "the disk is full" in second.warnings[0]
    monkeypatch.undo()
    saved(second, ("people", "b", person("Bob")))
    second.close()
    assert sorted(reopen(db)["people"]) == ["a", "b"]


def test_a_new_database_that_cannot_be_created_is_refused(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "replace", failing(errno.EACCES))
    with pytest.raises(StoreError, match="not allowed"):
        JournalStorage(db)
    monkeypatch.undo()
    assert not db.exists() and journal_path(db).read_bytes() == b""
    JournalStorage(db).close()
    assert reopen(db) == {"_meta": {"schema": {}}}


def test_leftover_temporary_files_are_removed_at_open(db: Path) -> None:
    JournalStorage(db).close()
    leftover = db.with_name(f".{db.name}.tmp-0badf00d")
    leftover.write_bytes(b"half a snapshot")
    JournalStorage(db).close()
    assert not leftover.exists()


def test_read_only_never_writes(db: Path) -> None:
    _three_saves(db)
    before = files(db.parent)
    reader = JournalStorage(db, read_only=True)
    with pytest.raises(ReadOnlyDatabase):
        saved(reader, ("people", "d", person("D")))
    with pytest.raises(ReadOnlyDatabase):
        reader.compact()
    reader.close()
    assert files(db.parent) == before


def test_a_closed_storage_refuses_to_save(db: Path) -> None:
    first = JournalStorage(db)
    first.close()
    with pytest.raises(StoreError, match="closed"):
        saved(first, ("people", "a", person("Ann")))


# --- Private files ---------------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_files_are_created_private(db: Path) -> None:
    old = os.umask(0)
    try:
        first = JournalStorage(db)
        saved(first, ("people", "a", person("Ann")))
        first.close()
    finally:
        os.umask(old)
    assert _mode(db) == 0o600 and _mode(journal_path(db)) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_loose_permissions_are_tightened_and_reported(db: Path) -> None:
    _three_saves(db)
    db.chmod(0o644)
    journal_path(db).chmod(0o666)
    reader = JournalStorage(db, read_only=True)
    assert len(reader.warnings) == 2 and _mode(db) == 0o644  # read-only: told, not changed
    reader.close()
    writer = JournalStorage(db)
    assert _mode(db) == 0o600 and _mode(journal_path(db)) == 0o600
    assert len(writer.warnings) == 2 and "644" in writer.warnings[0]
    writer.close()
