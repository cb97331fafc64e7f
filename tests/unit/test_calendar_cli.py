"""`organiser export ical`: where it writes, what it takes, how it refuses."""

from __future__ import annotations

import os
import stat
from datetime import datetime
from pathlib import Path

import pytest

from cli.main import main
from organiser.clock import LONDON, FixedClock
from organiser.models import DiaryFile
from store.database import open_store
from tests.calendar_samples import Diary, components, fill_diary, uid


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Path, Diary]:
    path = tmp_path / "data" / "organiser.json"
    clock = FixedClock(datetime(2026, 1, 5, 9, 0, tzinfo=LONDON))
    with open_store(path, clock) as opened:
        diary = fill_diary(opened.repo, clock)
    return path, diary


def test_it_writes_beside_the_database_by_default(
    filled: tuple[Path, Diary], capsys: pytest.CaptureFixture[str]
) -> None:
    db, diary = filled
    assert main(["--db", str(db), "export", "ical"]) == 0
    out = db.with_suffix(".ics")
    assert capsys.readouterr().out == f"Wrote 16 diary entries to {out}\n"
    assert uid("meeting", diary.meeting.id) in components(out.read_bytes())
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []
    before = out.read_bytes()
    assert main(["--db", str(db), "export", "ical"]) == 0
    assert out.read_bytes() == before


def test_kinds_period_and_split(
    filled: tuple[Path, Diary], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, diary = filled
    out = tmp_path / "diary.ics"
    argv = ["--db", str(db), "export", "ical", "--out", str(out), "--split"]
    argv += ["--kinds", "meeting,action-point", "one-to-one", "--from", "2026-10-01"]
    assert main([*argv, "--to", "30 Nov 2026", "--todo", "--include-private"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        f"Wrote 1 diary entry to {tmp_path / 'diary-one-to-one.ics'}",
        f"Wrote 1 diary entry to {tmp_path / 'diary-meeting.ics'}",
        f"Wrote 2 diary entries to {tmp_path / 'diary-action-point.ics'}",
    ]
    meeting = components((tmp_path / "diary-meeting.ics").read_bytes())
    assert "Private minutes" in str(meeting[uid("meeting", diary.meeting.id)]["DESCRIPTION"])
    points = components((tmp_path / "diary-action-point.ics").read_bytes())
    assert {c.name for c in points.values()} == {"VTODO"}
    assert not out.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "banana"], "--from: “banana” is not a date I can read"),
        (["--from", "2026-12-01", "--to", "2026-11-01"], "--to (01 Nov 2026) is before --from"),
        (["--out", "/no/such/folder/x.ics"], "There is no folder /no/such/folder"),
    ],
)
def test_bad_input_is_refused_in_words(
    filled: tuple[Path, Diary],
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    db, _ = filled
    assert main(["--db", str(db), "export", "ical", *argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith("organiser: ") and message in err
    assert not db.with_suffix(".ics").exists()


def test_an_unknown_kind_is_a_usage_error(
    filled: tuple[Path, Diary], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = filled
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(db), "export", "ical", "--kinds", "birthdays"])
    assert exit_.value.code == 2
    assert "'birthdays' is not a kind; use one-to-one, follow-up" in capsys.readouterr().err


def test_a_folder_given_as_out_is_refused(
    filled: tuple[Path, Diary], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = filled
    assert main(["--db", str(db), "export", "ical", "--out", str(tmp_path)]) == 1
    assert "is a folder; give a file name" in capsys.readouterr().err


def test_a_change_from_the_command_line_rewrites_the_kept_diary(
    filled: tuple[Path, Diary], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, diary = filled
    kept = tmp_path / "kept.ics"
    with open_store(db, FixedClock(datetime(2026, 1, 6, 9, 0, tzinfo=LONDON))) as opened:
        profile = opened.repo.profile()
        assert profile is not None
        opened.repo.save(profile.evolve(diary_file=DiaryFile(path=str(kept))))
    assert main(["--db", str(db), "today"]) == 0
    assert not kept.exists()  # nothing changed, nothing written
    assert main(["--db", str(db), "log", "Amina", "--at", "2026-11-20 10:00"]) == 0
    found = components(kept.read_bytes())
    assert uid("one-to-one", diary.booked.id) in found and len(found) == 17
    kept.unlink()
    kept.mkdir()  # a file that cannot be written is reported; the 1-2-1 is saved all the same
    # The day after the last: the contact guard asks, and --anyway goes ahead.
    assert main(["--db", str(db), "log", "Amina", "--at", "2026-11-21 10:00", "--anyway"]) == 0
    assert f"could not keep {kept} up to date" in capsys.readouterr().err
