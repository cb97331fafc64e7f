"""`organiser add`: a 1-2-1 captured in one line from the shell; exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.capture import rejoin
from cli.main import main
from organiser.clock import SystemClock
from organiser.models import (
    Institution,
    Membership,
    OneToOneStatus,
    Person,
    Profile,
)
from store.database import open_store
from tests.unit.test_cli import stored


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "organiser.json"
    school = Institution(name="St Mary's Primary", tag="stmarys")
    with open_store(path, SystemClock()) as opened:
        opened.repo.save_all(
            [
                Profile(organiser_name="Jo"),
                school,
                Person(name="Amina Khan", memberships=[Membership(institution_id=school.id)]),
                Person(name="Amina Begum"),
                Person(name="Zofia Wójcik"),
            ]
        )
    return path


def test_add_saves_the_1_2_1_says_so_and_today_shows_its_follow_up(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = '121 @Amina #stmarys 40m tension:"damp flats" next:"invite to training" due:today'
    assert main(["add", "--db", str(db), line]) == 0
    out = capsys.readouterr().out
    assert out == (
        "Saved: 1-2-1 with Amina Khan (St Mary's Primary), now, 40 min, tension “damp flats”, "
        f"follow-up “invite to training” due {stored(db)[0].follow_up_due:%a %d %b}.\n"
    )
    (meeting,) = stored(db)
    assert meeting.status is OneToOneStatus.HELD
    assert (meeting.length_minutes, meeting.tension) == (40, "damp flats")
    assert main(["today", "--db", str(db), "--json"]) == 0
    today = json.loads(capsys.readouterr().out)
    assert [f["id"] for f in today["follow_ups_due_today"]] == [meeting.id]
    assert today["rate"]["held"] >= 1


def test_an_ambiguous_name_is_refused_with_the_candidates_and_saves_nothing(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", "--db", str(db), "121 @Amina 30m"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        'organiser: "Amina" matches 2 people: Amina Begum, Amina Khan (St Mary\'s Primary). '
        'Be more specific. Write more of the name, e.g. @"Amina Begum".\n'
    )
    assert stored(db) == []


def test_every_problem_is_on_one_line_of_stderr(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", "--db", str(db), "121 @Zofia due:frii foo:bar"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "due: “frii” is not a date I can read" in err
    assert "foo: is not a field I know." in err
    assert stored(db) == []


def test_words_split_by_the_shell_are_put_back_together(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    words = ["book", "@Zofia Wójcik", "at:2099-01-02 14:00", "45m", "place:Community café"]
    assert main(["add", "--db", str(db), *words]) == 0
    (meeting,) = stored(db)
    assert meeting.status is OneToOneStatus.BOOKED
    assert (meeting.at.year, meeting.at.hour, meeting.place) == (2099, 14, "Community café")
    assert capsys.readouterr().out.startswith("Saved: 1-2-1 booked with Zofia Wójcik, Fri 02 Jan")


def test_rejoin_quotes_only_what_the_shell_unquoted() -> None:
    assert rejoin(['121 @A tension:"x y"']) == '121 @A tension:"x y"'
    assert rejoin(["121", "@Amina Khan", "#st", 'story:she said "no"', "two words"]) == (
        '121 @"Amina Khan" #st story:"she said \\"no\\"" "two words"'
    )


def test_dry_run_saves_nothing(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", "--db", str(db), "--dry-run", "121 @Zofia 20m"]) == 0
    assert capsys.readouterr().out == (
        "Would save: 1-2-1 with Zofia Wójcik, now, 20 min. (Nothing saved.)\n"
    )
    assert stored(db) == []


def test_no_line_is_a_usage_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["add", "--db", str(db)])
    assert exit_.value.code == 2
    assert "the following arguments are required: WORD" in capsys.readouterr().err


def test_help_explains_the_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["add", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "#tag                their institution, by its tag" in out
    assert "exit codes: 0 saved, 1 refused" in out


def test_add_someone_new_then_a_1_2_1_with_them(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = 'person Sam Lee #stmarys role:"parent governor" phone:"07700 900123"'
    assert main(["add", "--db", str(db), line]) == 0
    assert capsys.readouterr().out == (
        "Saved: new person Sam Lee (St Mary's Primary, parent governor), phone 07700 900123.\n"
    )
    assert main(["add", "--db", str(db), "121 @sam 20m"]) == 0
    with open_store(db, SystemClock()) as opened:
        (sam,) = [p for p in opened.repo.list(Person) if p.name == "Sam Lee"]
    assert sam.phone == "07700 900123"
    (meeting,) = stored(db)
    assert (meeting.person_id, meeting.length_minutes) == (sam.id, 20)
    assert main(["add", "--db", str(db), "person Sam Lee"]) == 1
    assert "Sam Lee (St Mary's Primary) is already on record" in capsys.readouterr().err
