"""`organiser export json`, `organiser import json` and `organiser export osdi`: files written
privately, restored exactly, and every refusal one line with exit code 1."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path

import pytest

from cli.main import main
from cli.progress import ShellProgress, shell_progress
from organiser.clock import SystemClock
from organiser.models import Person, SupervisionReview
from store.database import open_store
from tests.samples import sample_records


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "organiser.json"
    with open_store(path, SystemClock()) as opened:
        opened.repo.save_all(sample_records())
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def held(backup: Path) -> int:
    """How many records a backup file holds (a store prunes old tombstones when it opens)."""
    document = json.loads(backup.read_text(encoding="utf-8"))
    return sum(len(records) for records in document["records"].values())


def people(db: Path) -> list[Person]:
    with open_store(db, SystemClock()) as opened:
        return opened.repo.list(Person)


def test_export_writes_a_private_file_and_import_restores_it_exactly(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "backup.json"
    code, said, err = run(capsys, "--db", str(db), "export", "json", "--out", str(out))
    total = held(out)
    assert (code, err) == (0, "")
    assert said == (
        f"Wrote a backup of {total} records to {out} (private notes left out; "
        "--include-private puts them in).\n"
    )
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "worried about her visa" not in out.read_text(encoding="utf-8")

    fresh = tmp_path / "fresh.json"
    code, said, err = run(capsys, "--db", str(fresh), "import", "json", str(out))
    assert code == 0 and said.startswith(f"Restored {total} records.")
    assert "private notes came back blank" in said
    assert {p.id for p in people(fresh)} == {p.id for p in people(db)}
    again = tmp_path / "again.json"
    run(capsys, "--db", str(fresh), "export", "json", "--out", str(again))
    assert again.read_bytes() == out.read_bytes()


def test_include_private_puts_private_notes_in(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "backup.json"
    code, said, _ = run(
        capsys, "--db", str(db), "export", "json", "--out", str(out), "--include-private"
    )
    assert code == 0 and "(private notes included)" in said
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["private_notes_included"] is True
    assert "Private: worried about her visa." in {
        p["private_notes"] for p in document["records"][Person.kind]
    }
    assert document["records"][SupervisionReview.kind]


def test_the_default_file_goes_beside_the_database(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said, _ = run(capsys, "--db", str(db), "export", "json")
    assert code == 0
    assert (db.parent / "organiser-backup.json").exists()
    assert str(db.parent / "organiser-backup.json") in said


def test_a_database_with_records_is_refused_unless_merging(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "backup.json"
    run(capsys, "--db", str(db), "export", "json", "--out", str(out))
    code, said, err = run(capsys, "--db", str(db), "import", "json", str(out))
    assert (code, said) == (1, "")
    assert err == (
        "organiser: The database already holds records. Restore into a new one "
        "(--db NEW.json) or merge into this one by id (--merge).\n"
    )
    code, said, err = run(capsys, "--db", str(db), "import", "json", str(out), "--merge")
    assert code == 0
    assert said.startswith(f"Merged: 0 created, 0 updated, {held(out)} skipped")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "There is no file"),
        ("not json at all", "bad.json is not JSON (line 1, column 1: Expecting value)."),
        ('{"format": "vcard"}', "bad.json is not an Organiser backup"),
        (
            '{"format": "organiser-backup", "format_version": 99, "schema_version": 2}',
            "bad.json was written by a newer Organiser (format version 99; this one reads "
            "up to 1): update Organiser to restore it.",
        ),
    ],
)
def test_bad_files_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, reason: str
) -> None:
    bad = tmp_path / "bad.json"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    code, said, err = run(capsys, "--db", str(tmp_path / "new.json"), "import", "json", str(bad))
    assert (code, said) == (1, "")
    assert err.startswith("organiser: ") and reason in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert people(tmp_path / "new.json") == []


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["import"], ["import", "json"], ["import", "xml", "f"], ["export", "json", "x"]):
        with pytest.raises(SystemExit) as exit_:
            main(["--db", str(tmp_path / "o.json"), *argv])
        assert exit_.value.code == 2


def test_an_unwritable_place_is_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "--db", str(db), "export", "json", "--out", str(tmp_path / "no" / "b.json")
    )
    assert code == 1 and "There is no folder" in err
    code, _, err = run(capsys, "--db", str(db), "export", "json", "--out", str(tmp_path))
    assert code == 1 and "is a folder" in err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_only_after_a_moment() -> None:
    times = iter([0.0, 0.1, 1.0, 2.0])
    stream = Terminal()
    progress = ShellProgress("Restoring", stream, lambda: next(times))
    progress(10, 100)  # within the first half second: nothing
    assert stream.getvalue() == ""
    progress(50, 100)
    assert stream.getvalue() == "\rRestoring [" + "#" * 15 + "." * 15 + "] 50 of 100"
    progress.clear()
    assert stream.getvalue().endswith("\r\x1b[2K")


def test_no_progress_when_not_a_terminal() -> None:
    stream = io.StringIO()
    with shell_progress("Restoring", stream) as progress:
        progress(1, 2)
    assert stream.getvalue() == ""


def test_export_osdi_writes_everyone_privately(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said, err = run(capsys, "--db", str(db), "export", "osdi")
    out = db.parent / "organiser-osdi.json"
    assert (code, err) == (0, "")
    assert said == f"Wrote 1 person and their events to {out}.\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    document = json.loads(out.read_text(encoding="utf-8"))
    [person] = document["_embedded"]["osdi:people"]
    assert person["identifiers"] == [f"organiser:{people(db)[0].id}"]
    assert len(document["_embedded"]["osdi:events"]) == 3  # an action, a meeting, a training
    assert "worried about her visa" not in out.read_text(encoding="utf-8")


def test_a_backup_of_an_encrypted_database_says_it_is_in_clear(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cli.encryption import PASSPHRASE_ENV

    monkeypatch.setenv(PASSPHRASE_ENV, "correct horse battery")
    assert main(["--db", str(db), "encrypt"]) == 0
    capsys.readouterr()
    out = tmp_path / "backup.json"
    code, said, _ = run(capsys, "--db", str(db), "export", "json", "--out", str(out))
    assert code == 0
    assert "The database is encrypted but this file is not" in said
    assert json.loads(out.read_text(encoding="utf-8"))["records"]["people"]
