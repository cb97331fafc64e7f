"""The full JSON backup: everything in, deterministic, and back out to the same bytes."""

from __future__ import annotations

import json

import pytest

from organiser import __version__
from organiser.clock import FixedClock
from organiser.demo import build_demo
from organiser.interchange.backup import (
    FORMAT_NAME,
    FORMAT_VERSION,
    KIND_ORDER,
    SCHEMA_VERSION,
    backup_text,
)
from organiser.interchange.restore import read_backup, restore_backup
from organiser.models import RECORD_TYPES, Person, SupervisionReview
from organiser.repository import Repository
from store.schema import CURRENT_VERSION
from tests.samples import sample_records


def round_trip(source: Repository, target: Repository, *, include_private: bool) -> str:
    first = backup_text(source, include_private=include_private)
    restore_backup(target, read_backup(first))
    second = backup_text(target, include_private=include_private)
    assert second == first
    return first


@pytest.mark.parametrize("include_private", [True, False])
def test_every_record_type_comes_back_to_the_same_bytes(
    repo: Repository, memory: Repository, include_private: bool
) -> None:
    repo.save_all(sample_records())
    text = round_trip(repo, memory, include_private=include_private)
    document = json.loads(text)
    assert list(document["records"]) == list(KIND_ORDER)
    assert all(document["records"][kind.kind] for kind in RECORD_TYPES)
    for kind in RECORD_TYPES:
        assert sorted(r.id for r in memory.list(kind)) == sorted(r.id for r in repo.list(kind))
    if include_private:
        for kind in RECORD_TYPES:
            assert sorted(memory.list(kind), key=lambda r: r.id) == sorted(
                repo.list(kind), key=lambda r: r.id
            )


def test_the_demo_alliance_comes_back_to_the_same_bytes(
    repo: Repository, memory: Repository, clock: FixedClock
) -> None:
    repo.save_all(build_demo(clock.today()).records)
    round_trip(repo, memory, include_private=True)
    assert memory.count(Person) == repo.count(Person)


def test_the_layout_is_made_for_diff(repo: Repository) -> None:
    repo.save_all(sample_records())
    text = backup_text(repo)
    document = json.loads(text)
    assert list(document)[:5] == [
        "format",
        "format_version",
        "program_version",
        "schema_version",
        "private_notes_included",
    ]
    assert document["format"] == FORMAT_NAME
    assert document["format_version"] == FORMAT_VERSION
    assert document["program_version"] == __version__
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "Wójcik" in text and "👩🏽" in text  # UTF-8 as written, not \u escapes
    assert '\n  "format": ' in text  # two-space indent
    for records in document["records"].values():
        assert [r["id"] for r in records] == sorted(r["id"] for r in records)
        for record in records:
            assert list(record) == sorted(record)
    assert backup_text(repo) == text


def test_private_notes_are_left_out_unless_asked_for(repo: Repository) -> None:
    repo.save_all(sample_records())
    without = json.loads(backup_text(repo))
    assert without["private_notes_included"] is False
    assert "worried about her visa" not in json.dumps(without)
    assert all(p["private_notes"] == "" for p in without["records"][Person.kind])
    assert all(r["private_notes"] == "" for r in without["records"][SupervisionReview.kind])
    with_them = backup_text(repo, include_private=True)
    assert json.loads(with_them)["private_notes_included"] is True
    assert "Private: worried about her visa." in with_them


def test_a_backup_without_private_notes_restores_them_blank_and_says_so(
    repo: Repository, memory: Repository
) -> None:
    repo.save_all(sample_records())
    done = restore_backup(memory, read_backup(backup_text(repo)))
    assert done.private_notes_missing
    assert "without private notes" in done.summary()
    assert all(p.private_notes == "" for p in memory.list(Person))
    assert {p.name for p in memory.list(Person)} == {p.name for p in repo.list(Person)}


def test_the_schema_version_is_the_stores() -> None:
    assert SCHEMA_VERSION == CURRENT_VERSION


def test_progress_counts_up_to_every_record(repo: Repository, memory: Repository) -> None:
    repo.save_all(sample_records())
    total = sum(repo.count(kind) for kind in RECORD_TYPES)
    seen: list[tuple[int, int]] = []
    text = backup_text(repo, progress=lambda done, of: seen.append((done, of)))
    assert seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    seen.clear()
    backup = read_backup(text, progress=lambda done, of: seen.append((done, of)))
    assert seen[-1] == (total, total)
    seen.clear()
    restore_backup(memory, backup, progress=lambda done, of: seen.append((done, of)))
    assert seen[-1] == (total, total)
