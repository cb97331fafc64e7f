"""`organiser import csv|vcard` and `organiser export csv|vcard`: plans, prompts, exit codes
and one-line refusals."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from cli.main import main
from organiser.clock import SystemClock
from organiser.models import Institution, Membership, Person, Profile
from store.database import open_store

SCHOOL = Institution(name="St Mary's Primary", tag="stmarys")
CSV = (
    "Name,Email,Phone,Organisation,Job Title\r\n"
    "Amina Khan,amina@example.org,07700 900123,#stmarys,Parent governor\r\n"
    "Bilal Hussain,bilal@example,,,\r\n"
    "Zoë Wójcik,zoe@example.org,,,\r\n"
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "organiser.json"
    with open_store(path, SystemClock()) as opened:
        opened.repo.save_all([Profile(organiser_name="Jo"), SCHOOL])
    return path


@pytest.fixture
def people_csv(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_bytes(CSV.encode("utf-8"))
    return path


def held(db: Path) -> dict[str, Person]:
    with open_store(db, SystemClock()) as opened:
        return {p.name: p for p in opened.repo.list(Person)}


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def test_dry_run_prints_the_plan_and_saves_nothing(
    db: Path, people_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db, "import", "csv", str(people_csv), "--dry-run") == 0
    out = capsys.readouterr().out
    assert (
        "Columns: Name → name · Email → email · Phone → phone · Organisation → institution" in out
    )
    assert "2 to create, 0 to update, 0 to skip, 1 invalid (3 rows)" in out
    assert "Invalid line 3: Email is not an email address" in out
    assert "Nothing saved (--dry-run)." in out
    assert held(db) == {}


def test_without_a_terminal_or_yes_nothing_is_imported(
    db: Path, people_csv: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    assert run(db, "import", "csv", str(people_csv)) == 1
    err = capsys.readouterr().err
    assert err == (
        "organiser: Nothing imported: there is no terminal to ask on; "
        "add --yes to import without asking.\n"
    )
    assert held(db) == {}


@pytest.mark.parametrize(("answer", "imported"), [("y\n", True), ("\n", False), ("", False)])
def test_the_prompt_on_a_terminal(
    db: Path,
    people_csv: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answer: str,
    imported: bool,
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    assert run(db, "import", "csv", str(people_csv)) == 0
    out = capsys.readouterr().out
    assert "Import (2 to create, 0 to update, 0 to skip, 1 invalid)? [y/N]" in out
    assert bool(held(db)) is imported
    assert ("Imported people.csv: 2 created" in out) is imported


def test_yes_imports_and_importing_again_changes_nothing(
    db: Path, people_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db, "import", "csv", str(people_csv), "--yes") == 0
    assert "Imported people.csv: 2 created, 0 updated, 0 skipped, 1 invalid." in (
        capsys.readouterr().out
    )
    people = held(db)
    assert set(people) == {"Amina Khan", "Zoë Wójcik"}
    assert people["Amina Khan"].memberships == [
        Membership(institution_id=SCHOOL.id, role="Parent governor")
    ]
    assert run(db, "import", "csv", str(people_csv), "--yes") == 0
    out = capsys.readouterr()
    assert "Skip 2 already on record with nothing new" in out.out
    assert "Nothing to import: no one to create or update." in out.out
    assert out.err == ""  # no progress drawn when standard error is not a terminal
    assert len(held(db)) == 2


def _refusal(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert run(db, *args) == 1
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    return captured.err


def test_files_that_cannot_be_imported_are_refused_in_one_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.csv"
    assert f"There is no file {missing}." in _refusal(db, capsys, "import", "csv", str(missing))
    assert "is a folder, not a file" in _refusal(db, capsys, "import", "vcard", str(tmp_path))
    binary = tmp_path / "sheet.xlsx"
    binary.write_bytes(b"PK\x03\x04\x14\x00\x00\x00binary")
    assert "holds binary data" in _refusal(db, capsys, "import", "csv", str(binary))
    assert "holds no vCard" in _refusal(db, capsys, "import", "vcard", str(db))
    if os.geteuid() != 0:  # root reads anything
        locked = tmp_path / "locked.csv"
        locked.write_text("Name\nA\n")
        locked.chmod(0)
        assert "you are not allowed to read it" in _refusal(
            db, capsys, "import", "csv", str(locked)
        )
    assert held(db) == {}


def test_usage_errors_exit_2(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["import", "csv"], ["export", "csv", "--what", "things"]):
        with pytest.raises(SystemExit) as exit_:
            run(db, *args)
        assert exit_.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_exports_write_private_files(
    db: Path, people_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(db, "import", "csv", str(people_csv), "--yes")
    capsys.readouterr()
    out = tmp_path / "out"
    out.mkdir()
    assert run(db, "export", "csv", "--out", str(out / "p.csv")) == 0
    assert run(db, "export", "csv", "--what", "institutions", "--out", str(out / "i.csv")) == 0
    assert run(db, "export", "vcard", "--out", str(out / "a.vcf"), "--person", "amina") == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Wrote 2 people to {out / 'p.csv'}.",
        f"Wrote 1 institution to {out / 'i.csv'}.",
        f"Wrote 1 person to {out / 'a.vcf'}.",
    ]
    assert "Individual" in (out / "p.csv").read_text() and "Zoë" in (out / "p.csv").read_text()
    assert f"Organization,{SCHOOL.id},St Mary's Primary" in (out / "i.csv").read_text()
    card = (out / "a.vcf").read_text()
    assert "FN:Amina Khan" in card and "Wójcik" not in card
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in out.iterdir())
    assert "There is no folder" in _refusal(
        db, capsys, "export", "vcard", "--out", str(tmp_path / "nowhere" / "a.vcf")
    )
    assert 'No one on record matches "nobody"' in _refusal(
        db, capsys, "export", "vcard", "--out", str(out / "b.vcf"), "--person", "nobody"
    )


def test_vcards_round_trip_through_the_shell(
    db: Path, people_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(db, "import", "csv", str(people_csv), "--yes")
    cards = tmp_path / "all.vcf"
    assert run(db, "export", "vcard", "--version", "4.0", "--out", str(cards)) == 0
    other = tmp_path / "other.json"
    with open_store(other, SystemClock()) as opened:
        opened.repo.save(SCHOOL)
    assert run(other, "import", "vcard", str(cards), "--yes") == 0
    assert "Imported all.vcf: 2 created, 0 updated, 0 skipped." in capsys.readouterr().out
    mine, theirs = held(db), held(other)
    assert set(mine) == set(theirs)
    for name, person in mine.items():
        back = theirs[name]
        assert (back.email, back.phone, back.memberships) == (
            person.email,
            person.phone,
            person.memberships,
        )
