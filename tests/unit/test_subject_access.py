"""Subject access: everything held about one person, as Markdown or JSON, from the domain and
from `organiser person export`; and the contact list that leaves out those without consent."""

from __future__ import annotations

import csv
import json
import stat
from datetime import date, datetime
from pathlib import Path

import pytest

from cli.main import main
from organiser.clock import LONDON, FixedClock, SystemClock
from organiser.models import (
    ActionPoint,
    Consent,
    Institution,
    LadderMove,
    LadderStage,
    LawfulBasis,
    Meeting,
    Membership,
    Participation,
    ParticipationStatus,
    Person,
    Profile,
    RelationalMeeting,
    TrainingSession,
)
from organiser.subject_access import AccessFormat, file_name, gather, render
from store.database import open_store
from store.repository import TinyRepository

AT = datetime(2026, 10, 5, 10, 0, tzinfo=LONDON)


def amina_and_her_records() -> tuple[Person, list[object]]:
    school = Institution(name="St Mary's Primary")
    amina = Person(
        name="Amina Khan",
        phone="+44 7700 900123",
        email="amina@example.org",
        memberships=[Membership(institution_id=school.id, role="parent governor")],
        consent_to_record=Consent(given=True, on=date(2026, 1, 5), basis=LawfulBasis.CONSENT),
        notes="Cares about *damp* housing",
        private_notes="Worried about her visa",
    )
    bilal = Person(name="Bilal Hussain", notes="Amina Khan's neighbour")
    return amina, [
        Profile(organiser_name="Jo Bloggs", alliance_name="Leicester Citizens"),
        school,
        amina,
        bilal,
        RelationalMeeting(person_id=amina.id, at=AT, story="Her landlord", potential=4),
        RelationalMeeting(person_id=bilal.id, at=AT, story="Quiet"),
        LadderMove(
            person_id=amina.id,
            on=date(2026, 10, 6),
            from_stage=LadderStage.EMERGING_LEADER,
            to_stage=LadderStage.LEADER,
            reason="Chaired the house meeting",
        ),
        Meeting(
            title="Planning Group",
            at=AT,
            attendee_ids=[amina.id],
            action_points=[ActionPoint(text="Book the hall", owner_id=amina.id)],
        ),
        TrainingSession(
            name="Leadership taster",
            starts=AT,
            participations=[
                Participation(person_id=amina.id, status=ParticipationStatus.COMPLETED)
            ],
        ),
    ]


def test_everything_held_is_in_the_markdown_private_notes_too(
    repo: TinyRepository, clock: FixedClock
) -> None:
    amina, records = amina_and_her_records()
    repo.save_all(records)  # type: ignore[arg-type]
    text = render(gather(repo, amina, clock.now(), clock.tz), AccessFormat.MARKDOWN)
    assert text.startswith("# Everything held about Amina Khan\n")
    assert "It includes the organiser's private notes about them" in text
    for expected in (
        "- **Email:** amina@example.org",
        "- **Institutions and roles:** St Mary's Primary: parent governor",
        "- **Consent to keep notes:** Given on Mon 05 Jan 2026; basis: consent",
        "- **Notes:** Cares about \\*damp\\* housing",
        "- **Private notes (the organiser's):** Worried about her visa",
        "### 1-2-1 on Mon 05 Oct 2026",
        "- **Story:** Her landlord",
        "- **Reason:** Chaired the house meeting",
        "- **Action points they own:** Book the hall (due no date)",
        "- **Participant:** completed",
        "### Person “Bilal Hussain”, notes",
        "- **Text:** Amina Khan's neighbour",
    ):
        assert expected in text, expected
    assert "Quiet" not in text  # Bilal's own 1-2-1 is not about her


def test_the_json_holds_the_same_and_reads_back(repo: TinyRepository, clock: FixedClock) -> None:
    amina, records = amina_and_her_records()
    repo.save_all(records)  # type: ignore[arg-type]
    data = json.loads(render(gather(repo, amina, clock.now(), clock.tz), AccessFormat.JSON))
    assert data["about"] == "Amina Khan" and data["held_by"] == "Leicester Citizens"
    assert "private notes" in data["statement"]
    sections = {s["title"]: s["entries"] for s in data["sections"]}
    own = sections["Their record"][0]["fields"]
    assert own["Private notes (the organiser's)"] == "Worried about her visa"
    assert own["Phone"] == "+44 7700 900123"
    meeting = sections["1-2-1s"][0]["fields"]
    assert meeting["When"] == "2026-10-05T10:00:00+01:00" and meeting["Story"] == "Her landlord"
    assert "Place" not in meeting  # empty fields are left out
    assert file_name(amina, AccessFormat.JSON, date(2026, 11, 23)) == (
        "subject-access-amina-khan-2026-11-23.json"
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "organiser.json"
    _, records = amina_and_her_records()
    today = SystemClock().today()
    with open_store(path, SystemClock()) as opened:
        opened.repo.save_all(records)  # type: ignore[arg-type]
        opened.repo.save(
            Person(
                name="Carol Evans",
                email="carol@example.org",
                consent_to_contact=Consent(given=True, on=today),
            )
        )
        opened.repo.save(
            Person(
                name="=HYPERLINK(1)",
                consent_to_contact=Consent(given=True, on=date(2020, 1, 1), expires=today),
            )
        )
        opened.repo.save(
            Person(
                name="Dev Lapsed",
                consent_to_contact=Consent(
                    given=True, on=date(2020, 1, 1), expires=date(2021, 1, 1)
                ),
            )
        )
    return path


def test_person_export_writes_a_private_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "amina.json"
    assert (
        main(
            [
                "person",
                "export",
                "amina khan",
                "--db",
                str(db),
                "--format",
                "json",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert "Wrote everything held about Amina Khan" in capsys.readouterr().err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    data = json.loads(out.read_text())
    assert data["about"] == "Amina Khan"
    # By id, printed as Markdown.
    with open_store(db, SystemClock()) as opened:
        amina = next(p for p in opened.repo.list(Person) if p.name == "Amina Khan")
    assert main(["person", "export", amina.id, "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("# Everything held about Amina Khan")


def test_person_export_refuses_an_unclear_name_in_one_line(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["person", "export", "Nobody", "--db", str(db)]) == 1
    assert capsys.readouterr().err == 'organiser: No one on record matches "Nobody".\n'
    assert main(["person", "export", "a", "--db", str(db)]) == 1
    assert "matches 4 people" in capsys.readouterr().err


def test_the_contact_list_leaves_out_those_without_consent(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "contacts.csv"
    assert main(["person", "contacts", "--db", str(db), "--out", str(out)]) == 0
    rows = list(csv.reader(out.open()))
    assert rows == [
        ["name", "email", "phone", "institutions"],
        ["'=HYPERLINK(1)", "", "", ""],
        ["Carol Evans", "carol@example.org", "", ""],
    ]
    err = capsys.readouterr().err
    assert "Left out 3 of 5 people: no consent to be contacted, or it has expired." in err
