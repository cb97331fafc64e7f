"""After an erasure nothing erased can be read back from any file the database keeps: not the
snapshot, not the journal, not a daily backup, not a copy kept before an upgrade or set aside
as damaged. The raw bytes of every file under the data folder are searched."""

from __future__ import annotations

import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from organiser.clock import FixedClock
from organiser.erasure import Erasure, erase, forget
from organiser.errors import ReadOnlyDatabase
from organiser.models import (
    AuditEntry,
    Meeting,
    Person,
    Profile,
    RelationalMeeting,
)
from store.backups import list_backups
from store.database import open_store
from store.format import journal_path
from store.repository import TinyRepository
from store.restore import backup_problem
from store.schema import backup_name

NAME, EMAIL, PHONE = "Xanthe Quillfeather", "xanthe.q@example.net", "+44 7700 900987"
#: How she could be written down in raw bytes: whole, in parts, her phone's digits.
NEEDLES = [NAME, "Quillfeather", EMAIL, PHONE, "7700 900987", "900987"]


def hits(folder: Path, needles: list[str]) -> dict[str, list[str]]:
    """{file: [needles found in its bytes]} for every file under `folder` holding any."""
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            raw = path.read_bytes().lower()
            inside = [n for n in needles if n.lower().encode() in raw]
            if inside:
                found[str(path.relative_to(folder))] = inside
    return found


@pytest.fixture
def history(tmp_path: Path, clock: FixedClock) -> tuple[Path, str]:
    """Four days of use: three daily backups holding Xanthe, a copy kept before an upgrade
    and a damaged file set aside; the database open on day four with changes in its journal."""
    path = tmp_path / "data" / "organiser.json"
    start = clock.at
    clock.at = start - timedelta(days=3)
    with open_store(path, clock) as opened:
        repo = opened.repo
        repo.save(Profile(organiser_name="Jo Bloggs"))
        xanthe = repo.save(Person(name=NAME, email=EMAIL, phone=PHONE, notes="Food bank"))
        bilal = repo.save(Person(name="Bilal Hussain"))
        repo.save(RelationalMeeting(person_id=xanthe.id, at=clock.now(), story="Her landlord"))
    for day in (2, 1):
        clock.at = start - timedelta(days=day)
        with open_store(path, clock) as opened:
            repo = opened.repo
            repo.save(
                Meeting(title=f"Team {day}", at=clock.now(), minutes=f"{NAME} to chair, {EMAIL}")
            )
            repo.save(RelationalMeeting(person_id=bilal.id, at=clock.now(), story=f"Met {NAME}"))
    clock.at = start
    backup_name(path, 1, "20261101-090000").write_bytes(path.read_bytes())
    path.with_name(f"{path.name}.damaged-20261110-120000").write_bytes(path.read_bytes()[:-40])
    assert len(list_backups(path)) == 3
    return path, xanthe.id


def test_erased_data_survives_in_no_file_under_the_data_folder(
    history: tuple[Path, str], clock: FixedClock
) -> None:
    path, xanthe_id = history
    folder = path.parent
    with open_store(path, clock) as opened:
        repo = opened.repo
        xanthe = repo.get(Person, xanthe_id)
        assert xanthe is not None
        repo.save(xanthe.evolve(notes="Food bank, Tuesdays; phone 07700 900987"))
        assert journal_path(path).stat().st_size > 0
        assert set(hits(folder, [NAME])) == {
            "organiser.json",
            "organiser.json.journal",
            "organiser-schema-1-20261101-090000.json",
            "organiser.json.damaged-20261110-120000",
            "backups/organiser-2026-11-20.json",
            "backups/organiser-2026-11-21.json",
            "backups/organiser-2026-11-22.json",
        }

        erasure = Erasure.of(xanthe, clock.now())
        erase(repo, erasure, "Asked to be forgotten", clock.now())
        messages = forget(repo, erasure)

        assert hits(folder, [*NEEDLES, xanthe_id]) == {}
        assert journal_path(path).stat().st_size == 0
        # The damaged copy could not be read whole, so it was removed, and the user told.
        assert [m.split(":")[0] for m in messages] == [
            f"Removed {folder / 'organiser.json.damaged-20261110-120000'}"
        ]
        # Everything else is still there, still sound, still private.
        kept = [*list_backups(path), backup_name(path, 1, "20261101-090000")]
        for copy in kept:
            assert backup_problem(copy) is None
            assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert [p.name for p in folder.iterdir() if ".tmp-" in p.name] == []
        assert repo.count(Person) == 1 and repo.count(AuditEntry) == 1
    # Closing (compaction, today's backup) brings nothing back.
    assert hits(folder, [*NEEDLES, xanthe_id]) == {}
    with open_store(path, clock) as opened:
        assert [p.name for p in opened.repo.list(Person)] == ["Bilal Hussain"]
        stories = sorted(m.story for m in opened.repo.list(RelationalMeeting))
        assert stories == ["", "Met [erased]", "Met [erased]"]


def test_a_backup_without_her_is_left_byte_for_byte(
    history: tuple[Path, str], clock: FixedClock, tmp_path: Path
) -> None:
    path, xanthe_id = history
    older = list_backups(path)[-1].with_name("organiser-2026-11-01.json")
    with open_store(tmp_path / "other" / "organiser.json", clock) as other:
        other.repo.save(Person(name="Someone Else"))
    older.write_bytes((tmp_path / "other" / "organiser.json").read_bytes())
    before = older.read_bytes()
    modified = older.stat().st_mtime_ns
    with open_store(path, clock) as opened:
        xanthe = opened.repo.get(Person, xanthe_id)
        assert xanthe is not None
        erasure = Erasure.of(xanthe, clock.now())
        erase(opened.repo, erasure, "Retention review", clock.now())
        forget(opened.repo, erasure)
    assert older.read_bytes() == before and older.stat().st_mtime_ns == modified


def test_a_store_in_memory_has_no_history_to_forget(clock: FixedClock) -> None:
    repo = TinyRepository(TinyDB(storage=MemoryStorage), clock)
    person = repo.save(Person(name=NAME))
    seen: list[object] = []
    assert repo.forget_history(seen.append) == []
    assert seen == [] and repo.get(Person, person.id) is not None


def test_a_read_only_store_refuses_to_forget(history: tuple[Path, str], clock: FixedClock) -> None:
    path, _ = history
    opened = open_store(path, clock, read_only=True)
    try:
        with pytest.raises(ReadOnlyDatabase):
            opened.repo.forget_history(lambda copy: None)
    finally:
        opened.close()
    assert os.path.exists(path)
