"""The roll call: pledged against delivered per institution, the sheet, and delivery records."""

from __future__ import annotations

import stat
from datetime import datetime
from pathlib import Path

import pytest

from cli.main import main
from organiser.clock import SystemClock
from organiser.models import ActionKind, Institution, InstitutionTurnout, PublicAction
from organiser.roll_call import (
    RollCallFormat,
    deliver,
    delivery_record,
    file_name,
    find_action,
    find_institution,
    percent_text,
    pledge,
    render,
    roll_call,
)
from store.database import open_store
from tests.samples import LONDON

MOSQUE = Institution(name="Masjid al-Noor")
SCHOOL = Institution(name="St Mary's Primary")
BRANCH = Institution(name="UNISON <City> Branch")
BY_ID = {i.id: i for i in (MOSQUE, SCHOOL, BRANCH)}
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=LONDON)


def assembly(**fields: object) -> PublicAction:
    values: dict[str, object] = {
        "name": "Housing Assembly",
        "action_kind": ActionKind.ASSEMBLY,
        "at": datetime(2026, 10, 1, 19, 0, tzinfo=LONDON),
        "place": "De Montfort Hall",
        "turnout_target": 300,
    }
    return PublicAction.model_validate({**values, **fields})


def lines(*rows: tuple[Institution, int, int]) -> list[InstitutionTurnout]:
    return [InstitutionTurnout(institution_id=i.id, pledged=p, delivered=d) for i, p, d in rows]


def test_no_pledge_shows_a_dash_not_a_division_error() -> None:
    assert percent_text(0, 0) == "—"
    assert percent_text(12, 0) == "—"
    assert percent_text(84, 100) == "84%"
    assert percent_text(61, 50) == "122%"


def test_a_pledge_keeps_what_was_delivered_and_the_other_way_round() -> None:
    action = assembly(turnout_by_institution=lines((SCHOOL, 40, 0)))
    action = pledge(action, MOSQUE.id, 60)
    action = deliver(action, SCHOOL.id, 35)
    action = pledge(action, SCHOOL.id, 45)
    action = deliver(action, BRANCH.id, 12)
    assert [(t.institution_id, t.pledged, t.delivered) for t in action.turnout_by_institution] == [
        (SCHOOL.id, 45, 35),
        (MOSQUE.id, 60, 0),
        (BRANCH.id, 0, 12),
    ]


def test_the_sheet_calls_institutions_alphabetically_with_totals() -> None:
    gone = InstitutionTurnout(institution_id="a" * 32, pledged=10, delivered=5)
    action = assembly(
        turnout_by_institution=[*lines((SCHOOL, 40, 35), (BRANCH, 0, 12), (MOSQUE, 60, 66)), gone]
    )
    sheet = roll_call(action, BY_ID)
    assert [(x.name, x.pledged, x.delivered, x.percent) for x in sheet.lines] == [
        ("Masjid al-Noor", 60, 66, "110%"),
        ("St Mary's Primary", 40, 35, "88%"),
        ("UNISON <City> Branch", 0, 12, "—"),
        ("(an institution no longer on record)", 10, 5, "50%"),
    ]
    assert (sheet.pledged, sheet.delivered, sheet.percent) == (110, 118, "107%")
    assert roll_call(assembly(), BY_ID).percent == "—"


def test_the_sheet_as_markdown_and_as_a_printable_page() -> None:
    action = assembly(turnout_by_institution=lines((SCHOOL, 40, 35), (BRANCH, 0, 12)))
    sheet = roll_call(action, BY_ID)
    text = render(sheet, RollCallFormat.MARKDOWN, LONDON)
    assert text.startswith("# Roll call: Housing Assembly\n")
    assert "- **When:** Thursday 01 October 2026, 19:00" in text
    assert "| St Mary's Primary | 40 | 35 | 88% |" in text
    assert "| UNISON \\<City\\> Branch | 0 | 12 | — |" in text
    assert "| **Total** | **40** | **47** | **118%** |" in text
    page = render(sheet, RollCallFormat.HTML, LONDON)
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    assert '<th scope="row">UNISON &lt;City&gt; Branch</th><td>0</td><td>12</td><td>—</td>' in page
    assert "<td><strong>47</strong></td>" in page
    assert "http" not in page  # nothing fetched: it prints offline
    empty = render(roll_call(assembly(), BY_ID), RollCallFormat.MARKDOWN, LONDON)
    assert "_No institution has pledged yet._" in empty
    assert file_name(action, RollCallFormat.HTML, LONDON) == (
        "roll-call-housing-assembly-2026-10-01.html"
    )


def test_an_institutions_delivery_record_over_past_actions() -> None:
    older = assembly(name="Founding Assembly", at=datetime(2025, 5, 1, 19, tzinfo=LONDON),
                     turnout_by_institution=lines((SCHOOL, 50, 30)))  # fmt: skip
    recent = assembly(turnout_by_institution=lines((SCHOOL, 40, 45), (MOSQUE, 10, 10)))
    coming = assembly(name="Accountability", at=datetime(2027, 1, 20, 19, tzinfo=LONDON),
                      turnout_by_institution=lines((SCHOOL, 60, 0)))  # fmt: skip
    other = assembly(name="Not theirs", turnout_by_institution=lines((MOSQUE, 5, 5)))
    record = delivery_record(SCHOOL.id, [older, coming, recent, other], NOW)
    assert [(d.action_name, d.pledged, d.delivered, d.percent) for d in record.deliveries] == [
        ("Accountability", 60, None, "to come"),
        ("Housing Assembly", 40, 45, "112%"),
        ("Founding Assembly", 50, 30, "60%"),
    ]
    assert record.summary == "Delivered 75 of 90 pledged (83%) over 2 actions"
    assert delivery_record(BRANCH.id, [recent], NOW).summary == "No past action yet"
    only_coming = delivery_record(SCHOOL.id, [coming], NOW)
    assert only_coming.summary == "No past action yet (pledged to one to come)"
    assert only_coming.percent == "—"


def test_institutions_and_actions_are_found_by_part_of_their_name() -> None:
    assert find_institution(BY_ID.values(), "masjid") == (MOSQUE, "")
    assert find_institution(BY_ID.values(), "ST MARYS")[0] is None
    assert find_institution(BY_ID.values(), "st mary's primary") == (SCHOOL, "")
    assert "matches 2 institutions" in find_institution(BY_ID.values(), "m")[1]
    assert find_institution(BY_ID.values(), "nowhere")[1] == (
        'No institution on record matches "nowhere".'
    )
    assert find_institution(BY_ID.values(), "  ")[1].startswith("Type the institution's name")
    first, second = assembly(), assembly(name="Housing Assembly 2")
    assert find_action([first, second], "housing assembly") == (first, "")
    assert find_action([first, second], second.id) == (second, "")
    assert "matches 2 actions" in find_action([first, second], "housing")[1]


def test_the_command_line_prints_or_writes_the_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "organiser.json"
    with open_store(db, SystemClock()) as opened:
        opened.repo.save_all(
            [
                MOSQUE,
                SCHOOL,
                assembly(turnout_by_institution=lines((SCHOOL, 40, 35), (MOSQUE, 0, 9))),
                assembly(name="Founding Assembly"),
            ]
        )
    assert main(["rollcall", "housing", "--db", str(db)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# Roll call: Housing Assembly\n")
    assert printed.index("Masjid al-Noor | 0 | 9 | — |") < printed.index("St Mary's Primary")

    out = tmp_path / "sheet.html"
    code = main(
        ["rollcall", "Housing Assembly", "--format", "html", "--out", str(out), "--db", str(db)]
    )
    assert code == 0
    assert capsys.readouterr().out.strip() == f"Wrote the roll-call sheet to {out}"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "<td><strong>44</strong></td>" in out.read_text(encoding="utf-8")

    assert main(["rollcall", "assembly", "--db", str(db)]) == 1
    assert capsys.readouterr().err.startswith('organiser: "assembly" matches 2 actions')
    assert main(["rollcall", "picnic", "--db", str(db)]) == 1
    assert capsys.readouterr().err == 'organiser: No public action matches "picnic".\n'
