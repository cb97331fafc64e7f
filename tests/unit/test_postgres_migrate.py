"""Moving a personal database into the team database and back out: `organiser migrate --to`,
then `organiser --db postgresql://… export json`, gives back the very records moved."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main
from organiser.clock import FixedClock
from organiser.interchange.backup import read_everything
from organiser.interchange.restore import read_backup
from organiser.models import Institution, Person, Record
from store.database import open_store
from store.postgres.opened import open_postgres
from tests.pg_server import Server, opened_for_test
from tests.samples import sample_records


def _by_key(records: list[Record]) -> dict[tuple[str, str], Record]:
    return {(r.kind, r.id): r for r in records}


@pytest.fixture
def team_url(pg_server: Server, clock: FixedClock) -> str:
    with opened_for_test(pg_server, clock):  # the tables emptied
        pass
    return pg_server.url()


@pytest.fixture
def personal(tmp_path: Path, clock: FixedClock) -> tuple[Path, list[Record]]:
    path = tmp_path / "mine" / "organiser.json"
    with open_store(path, clock) as opened:
        opened.repo.save_all(sample_records())
    # Opened again, as every opening of either store does, deletions past keeping are pruned.
    with open_store(path, clock) as opened:
        records = [r for kind in read_everything(opened.repo).values() for r in kind]
    return path, records


def test_migrate_moves_everything_and_export_brings_it_back_unchanged(
    personal: tuple[Path, list[Record]],
    team_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, records = personal
    assert main(["--db", str(path), "migrate", "--to", team_url]) == 0
    said = capsys.readouterr().out
    assert f"{len(records):,} created, 0 updated, 0 skipped" in said

    # Again: everything is there already, as new.
    assert main(["--db", str(path), "migrate", "--to", team_url]) == 0
    assert f"0 created, 0 updated, {len(records):,} skipped" in capsys.readouterr().out

    out = tmp_path / "back.json"
    assert main(["--db", team_url, "export", "json", "--include-private", "--out", str(out)]) == 0
    back = read_backup(out.read_bytes()).records
    assert _by_key(list(back)) == _by_key(records)
    assert any(isinstance(r, Person) and r.private_notes for r in back)


def test_migrate_updates_what_the_file_changed_later(
    personal: tuple[Path, list[Record]],
    team_url: str,
    clock: FixedClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, records = personal
    assert main(["--db", str(path), "migrate", "--to", team_url]) == 0
    capsys.readouterr()
    clock.advance(hours=1)
    with open_store(path, clock) as opened:
        church = opened.repo.list(Institution)[0]
        opened.repo.save(church.evolve(notes="Changed since the move"))
    assert main(["--db", str(path), "migrate", "--to", team_url]) == 0
    assert f"0 created, 1 updated, {len(records) - 1:,} skipped" in capsys.readouterr().out
    with open_postgres(team_url, clock) as team:
        moved = team.repo.get(Institution, church.id)
    assert moved is not None and moved.notes == "Changed since the move"


def test_migrate_refuses_a_team_database_as_the_source(
    team_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", team_url, "migrate", "--to", team_url]) == 1
    assert "give the file with --db" in capsys.readouterr().err


def test_the_commands_run_on_the_team_database(
    team_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", team_url, "demo"]) == 0
    assert "Loaded the demo alliance" in capsys.readouterr().out
    assert main(["--db", team_url, "people"]) == 0
    assert "Adebayo Okonkwo" in capsys.readouterr().out
    assert main(["--db", team_url, "where"]) == 0
    assert "the team database, on PostgreSQL" in capsys.readouterr().out
    assert main(["--db", team_url, "restore"]) == 1
    assert "works on a database file" in capsys.readouterr().err
