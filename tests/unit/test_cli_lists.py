"""The list commands: find, people, campaigns, leaders; text tables, --json shapes, exit codes."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cli.main import main
from organiser.clock import SystemClock
from organiser.models import (
    Campaign,
    Conversation,
    CycleStage,
    Institution,
    LadderStage,
    ListeningCampaign,
    Meeting,
    Membership,
    Person,
    Profile,
    RelationalMeeting,
)
from store.database import open_store

SCHOOL = Institution(name="St Mary's Primary", tag="stmarys")
MOSQUE = Institution(name="Highfields Mosque", tag="highfields")
AMINA = Person(
    name="Amina Khan",
    email="amina@example.org",
    memberships=[Membership(institution_id=SCHOOL.id, role="parent governor")],
    ladder_stage=LadderStage.LEADER,
    private_notes="Worried about her visa",
)
BILAL = Person(
    name="Bilal Hussain",
    memberships=[Membership(institution_id=MOSQUE.id)],
    ladder_stage=LadderStage.POTENTIAL_LEADER,
)
CAROL = Person(name="Carol Evans", phone="0116 496 0000")
LONG_AGO = datetime(2020, 3, 2, 10, 0, tzinfo=UTC)
RECENT = datetime.now(UTC) - timedelta(days=2)
LISTENING = ListeningCampaign(name="Autumn listening", starts=date(2026, 9, 1))
HOUSING = Campaign(
    name="Licensing rogue landlords",
    stage=CycleStage.PLAN,
    institution_ids=[SCHOOL.id],
    leader_ids=[AMINA.id],
    action_date=date(2027, 1, 7),
    turnout_target=220,
)
WAGES = Campaign(name="Real Living Wage", stage=CycleStage.LISTEN)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "organiser.json"
    with open_store(path, SystemClock()) as opened:
        opened.repo.save_all(
            [
                Profile(organiser_name="Jo", ladder_names={LadderStage.LEADER: "Leader (trained)"}),
                SCHOOL,
                MOSQUE,
                AMINA,
                BILAL,
                CAROL,
                RelationalMeeting(person_id=AMINA.id, at=RECENT, tension="Damp in the flats"),
                RelationalMeeting(person_id=BILAL.id, at=LONG_AGO, interests="youth club"),
                LISTENING,
                Conversation(
                    listening_campaign_id=LISTENING.id,
                    on=date(2026, 10, 1),
                    who="parent at the gate",
                    concerns=["damp housing", "buses"],
                ),
                Meeting(title="Housing team", at=LONG_AGO, minutes="Agreed: map the damp flats"),
                HOUSING,
                WAGES,
            ]
        )
    return path


def run(db: Path, *argv: str) -> int:
    return main([*argv, "--db", str(db)])


def as_json(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    assert run(db, *argv, "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_people_prints_an_aligned_table_without_private_notes(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db, "people") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Name", "Stage", "Institutions", "Phone", "Email", "Last", "1-2-1"]
    assert set(lines[1]) == {"-", " "}
    assert [line.split("  ")[0] for line in lines[2:]] == [
        "Amina Khan",
        "Bilal Hussain",
        "Carol Evans",
    ]
    assert lines[2].index("Leader (trained)") == lines[0].index("Stage")
    assert "visa" not in "\n".join(lines)


def test_people_json_has_stable_keys_ids_and_iso_dates(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = as_json(db, capsys, "people")
    assert rows[0] == {
        "id": AMINA.id,
        "name": "Amina Khan",
        "stage": "leader",
        "stage_name": "Leader (trained)",
        "institutions": [
            {
                "id": SCHOOL.id,
                "name": "St Mary's Primary",
                "tag": "stmarys",
                "role": "parent governor",
            }
        ],
        "phone": "",
        "email": "amina@example.org",
        "last_one_to_one": RECENT.date().isoformat(),
    }
    assert rows[2]["last_one_to_one"] is None
    assert "private_notes" not in json.dumps(rows)


def test_people_filters_by_stage_and_institution(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert [r["name"] for r in as_json(db, capsys, "people", "--stage", "leader")] == ["Amina Khan"]
    by_name = as_json(db, capsys, "people", "--stage", "Potential leader")
    assert [r["name"] for r in by_name] == ["Bilal Hussain"]
    assert [r["name"] for r in as_json(db, capsys, "people", "--institution", "#highfields")] == [
        "Bilal Hussain"
    ]
    assert as_json(db, capsys, "people", "--stage", "leader", "--institution", "highfields") == []
    assert run(db, "people", "--stage", "core-team-leader") == 0
    assert capsys.readouterr().out == "None on record.\n"


def test_an_unknown_stage_or_tag_is_refused_with_the_choices(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db, "people", "--institution", "stmary") == 1
    assert capsys.readouterr().err == (
        "organiser: No institution has the tag #stmary (tags: #highfields, #stmarys).\n"
    )
    assert run(db, "leaders", "--stage", "boss") == 1
    assert capsys.readouterr().err.startswith(
        "organiser: “boss” is not a ladder stage; use one of contact, potential_leader,"
    )
    assert run(db, "campaigns", "--stage", "win") == 1
    assert "is not a stage of the cycle; use one of listen, research" in capsys.readouterr().err


def test_campaigns_in_the_order_of_the_cycle(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = as_json(db, capsys, "campaigns")
    assert [r["name"] for r in rows] == ["Real Living Wage", "Licensing rogue landlords"]
    assert rows[1] == {
        "id": HOUSING.id,
        "name": "Licensing rogue landlords",
        "stage": "plan",
        "stage_name": "Plan",
        "cycle": 1,
        "issue": "",
        "goal": "",
        "action_date": "2027-01-07",
        "turnout_target": 220,
        "institutions": [{"id": SCHOOL.id, "name": "St Mary's Primary"}],
        "leader_ids": [AMINA.id],
    }
    assert [r["name"] for r in as_json(db, capsys, "campaigns", "--stage", "plan")] == [
        "Licensing rogue landlords"
    ]
    assert run(db, "campaigns") == 0
    out = capsys.readouterr().out
    assert "Licensing rogue landlords  Plan" in out
    assert "2027-01-07" in out


def test_leaders_shows_the_pipeline_from_potential_leader_up(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stages = as_json(db, capsys, "leaders")
    assert [s["stage"] for s in stages] == [
        "core_team_leader",
        "leader",
        "emerging_leader",
        "potential_leader",
    ]
    assert stages[1]["people"] == [
        {
            "id": AMINA.id,
            "name": "Amina Khan",
            "institutions": ["St Mary's Primary"],
            "last_one_to_one": RECENT.date().isoformat(),
            "losing_touch": False,
        }
    ]
    assert stages[3]["people"][0]["losing_touch"] is True
    assert run(db, "leaders") == 0
    out = capsys.readouterr().out
    assert "Carol" not in out  # a contact
    assert "losing touch" in next(line for line in out.splitlines() if "Bilal" in line)
    only = as_json(db, capsys, "leaders", "--stage", "leader", "--institution", "highfields")
    assert only == [{"stage": "leader", "stage_name": "Leader (trained)", "people": []}]


def test_find_searches_people_notes_conversations_and_minutes(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = as_json(db, capsys, "find", "damp")
    assert set(found) == {"query", "people", "one_to_ones", "conversations", "meetings", "totals"}
    assert found["totals"] == {"people": 0, "one_to_ones": 1, "conversations": 1, "meetings": 1}
    (one_to_one,) = found["one_to_ones"]
    assert one_to_one["person"] == "Amina Khan"
    assert one_to_one["matched"] == "tension: Damp in the flats"
    assert found["conversations"][0]["concerns"] == ["damp housing", "buses"]
    assert found["meetings"][0]["matched"] == "minutes: Agreed: map the damp flats"
    assert run(db, "find", "damp") == 0
    out = capsys.readouterr().out
    assert "1-2-1s (1)" in out
    assert "Held 1-2-1 with Amina Khan" in out
    assert "Listening conversations (1)" in out
    assert "Meetings (1)" in out


def test_find_never_looks_in_private_notes(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert as_json(db, capsys, "find", "visa")["totals"]["people"] == 0
    assert run(db, "find", "visa") == 0
    assert capsys.readouterr().out == "Nothing matches “visa”.\n"
    people = as_json(db, capsys, "find", "governor")["people"]
    assert [p["name"] for p in people] == ["Amina Khan"]


def test_find_limits_each_kind(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "find", "a", "--limit", "1") == 0
    assert "… and 2 more (--limit shows more)" in capsys.readouterr().out
    assert run(db, "find", "a", "--limit", "0") == 1
    assert run(db, "find", " ") == 1
    assert capsys.readouterr().err.endswith("Give some words to find, e.g. organiser find damp.\n")


@pytest.mark.parametrize("command", ["find", "people", "campaigns", "leaders"])
def test_help_and_usage_errors(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert "--json" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        main([command, "--bogus"])
    assert exit_.value.code == 2
