"""Reading people CSVs: awkward content, encodings, and the headings of the usual exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from organiser.interchange.csv_people import read_people_csv, read_people_csv_file
from organiser.interchange.people_files import read_people_file, typed_path
from organiser.interchange.people_plan import Incoming
from organiser.interchange.source import ImportRefused, read_source


def read(text: str, encoding: str = "utf-8") -> list[Incoming]:
    return list(read_people_csv(text.encode(encoding), "people.csv").rows)


def test_bom_windows_line_endings_quotes_accents_and_blank_rows() -> None:
    text = (
        "\ufeffName,Email,Phone,Address\r\n"
        "\r\n"
        'Zoë Wójcik,zoe@example.org,"+44 7700 900123","12 High St, Flat 2\r\nLeicester"\r\n'
        ",,,\r\n"
        '"Khan, Amina",amina@example.org,,\r\n'
        "   \r\n"
        "Siân O'Neill,sian@example.org,0116 496 0000,\r\n"
    )
    rows = read(text)
    assert [(r.line, r.name) for r in rows] == [
        (3, "Zoë Wójcik"),
        (6, "Khan, Amina"),
        (8, "Siân O'Neill"),
    ]
    assert rows[0].address == "12 High St, Flat 2\r\nLeicester"
    assert rows[0].phone == "+44 7700 900123"
    assert rows[0].email == "zoe@example.org"


def test_the_heading_is_read_whatever_its_spelling() -> None:
    source = read_people_csv(b"FULL NAME;E-Mail;Telephone Number;Rubbish\nAmina;a@x.org;0;?\n", "x")
    assert source.columns == (
        ("FULL NAME", "name"),
        ("E-Mail", "email"),
        ("Telephone Number", "phone"),
        ("Rubbish", "not used"),
    )
    assert source.rows[0].email == "a@x.org"  # semicolons told apart from commas


def test_tabs_separate_too() -> None:
    rows = read("name\temail\nAmina Khan\tamina@example.org\n")
    assert (rows[0].name, rows[0].email) == ("Amina Khan", "amina@example.org")


CIVICRM = (
    "Contact ID,Contact Type,Sort Name,Display Name,First Name,Middle Name,Last Name,Email,"
    "Phone,Street Address,Supplemental Address 1,City,Postal Code,Country,Current Employer,"
    "Job Title,Note(s),External Identifier\n"
    '17,Individual,"Khan, Amina",Amina Khan,Amina,,Khan,amina@example.org,0116 496 0001,'
    "12 High St,Flat 2,Leicester,LE1 1AA,United Kingdom,St Mary's Primary,Parent governor,"
    "Met at the fair,abc\n"
    "18,Organization,St Mary's,St Mary's,,,,office@stmarys.example.org,,,,,,,,,,\n"
)
ACTION_NETWORK = (
    "uuid,first_name,last_name,email,zip_code,can2_phone,can2_user_address,can2_user_city,"
    "can2_state_abbreviated,can2_country,can2_subscription_status\n"
    "a1,Amina,Khan,amina@example.org,LE1 1AA,0116 496 0001,12 High St,Leicester,,GB,subscribed\n"
)
NATIONBUILDER = (
    "nationbuilder_id,first_name,middle_name,last_name,email,phone_number,mobile_number,"
    "work_phone_number,employer,occupation,primary_address1,primary_address2,primary_city,"
    "primary_zip,primary_country,note,tag_list\n"
    "9,Amina,B.,Khan,amina@example.org,0116 496 0000,0116 496 0001,,St Mary's Primary,"
    "Parent governor,12 High St,Flat 2,Leicester,LE1 1AA,GB,Met at the fair,housing\n"
)
PLAIN = "name, email, phone\nAmina Khan, amina@example.org, 0116 496 0001\n"
GOOGLE = (
    "Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,"
    "Phone 1 - Value,Address 1 - Formatted,Organization 1 - Name,Organization 1 - Title,Notes\n"
    'Amina Khan,Amina,Khan,* Home,amina@example.org,Mobile,0116 496 0001,"12 High St\n'
    "Leicester LE1 1AA\",St Mary's Primary,Parent governor,Met at the fair\n"
)


@pytest.mark.parametrize(
    ("text", "name", "address", "institution", "role", "notes"),
    [
        (
            CIVICRM,
            "Amina Khan",
            "12 High St\nFlat 2\nLeicester\nLE1 1AA\nUnited Kingdom",
            "St Mary's Primary",
            "Parent governor",
            "Met at the fair",
        ),
        (ACTION_NETWORK, "Amina Khan", "12 High St\nLeicester\nLE1 1AA\nGB", "", "", ""),
        (
            NATIONBUILDER,
            "Amina B. Khan",
            "12 High St\nFlat 2\nLeicester\nLE1 1AA\nGB",
            "St Mary's Primary",
            "Parent governor",
            "Met at the fair",
        ),
        (PLAIN, "Amina Khan", "", "", "", ""),
        (
            GOOGLE,
            "Amina Khan",
            "12 High St\nLeicester LE1 1AA",
            "St Mary's Primary",
            "Parent governor",
            "Met at the fair",
        ),
    ],
    ids=["civicrm", "action-network", "nationbuilder", "plain", "google"],
)
def test_every_known_export_is_recognised(
    text: str, name: str, address: str, institution: str, role: str, notes: str
) -> None:
    person = read(text)[0]
    assert person.name == name
    assert person.email == "amina@example.org"
    assert person.phone == "0116 496 0001"  # the mobile before the landline
    assert person.address == address
    assert (person.institution, person.role, person.notes) == (institution, role, notes)


def test_civicrm_organisations_are_skipped_saying_why() -> None:
    rows = read(CIVICRM)
    assert rows[1].skip == "A CiviCRM Organization, not a person."


def test_excel_on_windows_cp1252_is_read_and_said() -> None:
    source = read_people_csv("Name,Email\nZoë Wójcik,zoe@example.org\n".encode("cp1250"), "x")
    # cp1250 bytes are not UTF-8; read as Windows-1252 the ë survives, the ó does not
    assert source.rows[0].name.startswith("Zoë")
    assert "Windows-1252" in source.notes[0]


def test_utf16_with_its_mark_is_read() -> None:
    assert read("Name\tEmail\nZoë Wójcik\tzoe@example.org\n", "utf-16")[0].name == "Zoë Wójcik"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"\n\n  \n", "is empty"),
        (b"PK\x03\x04\x14\x00\x06\x00binary", "binary data"),
        (b"Colour,Size\nred,9\n", "no column is headed with a name, email or phone"),
        (b'"Name,Email\nAmina,a@x.org\n', "the heading row cannot be read"),
    ],
)
def test_what_cannot_be_a_list_of_people_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(ImportRefused, match=message):
        read_people_csv(data, "people.csv")


def test_a_broken_row_is_reported_with_its_line_and_the_rest_read() -> None:
    source = read_people_csv(b'Name,Email\n"Amina" Khan,a@x.org\nBilal,b@x.org\n', "x")
    assert source.unreadable == (
        (2, "Cannot be read as CSV (text follows a closing quotation mark)."),
    )
    assert [r.name for r in source.rows] == ["Bilal"]


def test_files_that_are_not_there_or_not_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="There is no file"):
        read_source(tmp_path / "nothing.csv")
    with pytest.raises(ImportRefused, match="is a folder, not a file"):
        read_source(tmp_path)
    good = tmp_path / "people.csv"
    good.write_text("Name\nAmina Khan\n", encoding="utf-8")
    assert read_people_csv_file(good).rows[0].name == "Amina Khan"


def test_a_file_too_large_to_be_a_contact_list_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("organiser.interchange.source.MAX_BYTES", 10)
    big = tmp_path / "big.csv"
    big.write_text("Name\n" + "Amina Khan\n" * 3)
    with pytest.raises(ImportRefused, match="too large to be a contact list"):
        read_source(big)


def test_paths_as_dropped_into_a_terminal(tmp_path: Path) -> None:
    assert typed_path("  '/home/jo/My People.csv' ") == Path("/home/jo/My People.csv")
    assert typed_path('"/home/jo/My People.csv"') == Path("/home/jo/My People.csv")
    assert typed_path("/home/jo/My\\ People.csv") == Path("/home/jo/My People.csv")
    assert typed_path("file:///home/jo/My%20People.csv") == Path("/home/jo/My People.csv")
    assert typed_path("~/people.csv") == Path.home() / "people.csv"


def test_a_vcard_is_known_by_its_ending_or_its_first_line(tmp_path: Path) -> None:
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Amina Khan\r\nEND:VCARD\r\n"
    for name in ("contacts.vcf", "contacts.txt"):
        (tmp_path / name).write_text(card)
        assert read_people_file(tmp_path / name).rows[0].name == "Amina Khan"
    (tmp_path / "people.txt").write_text("Name\nBilal Hussain\n")
    assert read_people_file(tmp_path / "people.txt").rows[0].name == "Bilal Hussain"
