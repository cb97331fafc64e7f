"""The `organiser` command: subcommands, exit codes, and messages a person can act on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import main
from organiser import __version__
from organiser.clock import SystemClock
from organiser.models import OneToOneStatus, Person, Profile, RelationalMeeting
from store.database import open_store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "organiser.json"
    with open_store(path, SystemClock()) as opened:
        opened.repo.save_all(
            [
                Profile(organiser_name="Jo"),
                Person(name="Amina Khan"),
                Person(name="Amina Begum"),
                Person(name="Zofia Wójcik"),
            ]
        )
    return path


def stored(db: Path) -> list[RelationalMeeting]:
    with open_store(db, SystemClock()) as opened:
        return opened.repo.list(RelationalMeeting)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"organiser {__version__}"


def test_where_prints_the_paths_and_honours_the_environment(tmp_path: Path) -> None:
    env = {"ORGANISER_DB": str(tmp_path / "elsewhere.json"), "PATH": "", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "cli.main", "where"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert f"database: {tmp_path / 'elsewhere.json'}" in result.stdout
    assert f"backups:  {tmp_path / 'backups'}" in result.stdout
    assert "settings: " in result.stdout


def test_log_saves_a_1_2_1_for_the_one_person_named(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "log",
            "wojcik",
            "--db",
            str(db),
            "--interests",
            "Damp, mould; her kids' asthma",
            "--potential",
            "4",
            "--follow-up",
            "Invite to training",
            "--due",
            "2026-12-01",
            "--minutes",
            "40",
            "--at",
            "yesterday 14:30",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out.startswith("Logged a 1-2-1 with Zofia Wójcik on ")
    [meeting] = stored(db)
    assert meeting.interests == "Damp, mould; her kids' asthma"
    assert meeting.potential == 4 and meeting.length_minutes == 40
    assert meeting.follow_up_due is not None and meeting.follow_up_due.isoformat() == "2026-12-01"
    assert meeting.status is OneToOneStatus.HELD
    assert (meeting.at.hour, meeting.at.minute) == (14, 30)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["amina"], '"amina" matches 2 people: Amina Begum, Amina Khan. Be more specific.'),
        (["nobody"], 'No one on record matches "nobody".'),
        (["zofia", "--potential", "7"], "Potential must be at most 5"),
        (["zofia", "--due", "the 40th"], "--due: "),
        (["zofia", "--at", "soonish"], "--at: "),
        (["zofia", "--book", "--at", "yesterday"], "--book is for a 1-2-1 in the future"),
    ],
)
def test_refused_input_exits_1_with_a_reason_and_saves_nothing(
    db: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["log", *args, "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("organiser: ") and message in err
    assert len(err.strip().splitlines()) == 1
    assert stored(db) == []


def test_a_usage_mistake_exits_2(db: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["log", "zofia", "--potential", "four", "--db", str(db)])
    assert exit_.value.code == 2


def test_today_as_json(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["log", "khan", "--db", str(db), "--follow-up", "Call back", "--due", "today"])
    capsys.readouterr()
    assert main(["today", "--json", "--db", str(db)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rate"]["held"] == 1
    assert [f["person"] for f in data["follow_ups_due_today"]] == ["Amina Khan"]


def test_today_as_text(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today", "--db", str(db)]) == 0
    assert "1-2-1s this week: 0 held" in capsys.readouterr().out


def test_demo_loads_an_empty_database_and_refuses_a_full_one(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "fresh" / "organiser.json"
    assert main(["demo", "--db", str(empty)]) == 0
    assert "Loaded the demo alliance" in capsys.readouterr().out
    with open_store(empty, SystemClock()) as opened:
        assert opened.repo.count(Person) >= 100
    assert main(["demo", "--db", str(db)]) == 1
    assert "--force" in capsys.readouterr().err


def test_a_locked_database_is_refused_in_one_line(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(db, SystemClock()):
        assert main(["today", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "already open" in err and "Traceback" not in err
