"""CSV export in CiviCRM's contact-import layout: its column names, consent as its privacy
flags, private notes never written, and a file that our own import reads back."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from organiser.interchange.addresses import split_address, split_name
from organiser.interchange.csv_export import (
    INSTITUTION_HEADINGS,
    PEOPLE_HEADINGS,
    institutions_csv,
    people_csv,
    safe_cell,
    write_csv,
)
from organiser.interchange.csv_people import read_people_csv
from organiser.interchange.people_plan import plan_import
from organiser.models import (
    Consent,
    Institution,
    InstitutionKind,
    LadderStage,
    LawfulBasis,
    Membership,
    MembershipStatus,
    Person,
    Profile,
)

TODAY = date(2026, 11, 23)
SCHOOL = Institution(
    name="St Mary's Primary",
    tag="stmarys",
    institution_kind=InstitutionKind.SCHOOL,
    status=MembershipStatus.MEMBER,
    annual_dues_pence=123_450,
    address="Church Lane\nLeicester\nLE2 1AB",
    renewal_date=date(2027, 4, 1),
    notes="Head is supportive",
)
AMINA = Person(
    name="Amina Bibi Khan",
    email="amina@example.org",
    phone="+44 7700 900123",
    address="12 High St\nFlat 2\nLeicester\nLE1 1AA",
    memberships=[Membership(institution_id=SCHOOL.id, role="Parent governor")],
    ladder_stage=LadderStage.LEADER,
    consent_to_contact=Consent(
        given=True, on=date(2026, 1, 5), basis=LawfulBasis.CONSENT, source="sign-up sheet"
    ),
    notes="Cares about damp housing",
    private_notes="Worried about her visa",
)
BILAL = Person(
    name="Bilal",
    consent_to_contact=Consent(given=True, on=date(2025, 1, 1), expires=date(2026, 1, 1)),
)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_people_in_civicrm_columns_with_consent_as_privacy_flags() -> None:
    profile = Profile(organiser_name="Jo", ladder_names={LadderStage.LEADER: "Leader (trained)"})
    text = people_csv([BILAL, AMINA], [SCHOOL], TODAY, profile=profile)
    assert text.startswith(",".join(PEOPLE_HEADINGS) + "\r\n")
    amina, bilal = rows(text)
    assert amina == {
        "Contact Type": "Individual",
        "External Identifier": AMINA.id,
        "First Name": "Amina Bibi",
        "Last Name": "Khan",
        "Email": "amina@example.org",
        "Phone": "+44 7700 900123",
        "Street Address": "12 High St",
        "Supplemental Address 1": "Flat 2",
        "Supplemental Address 2": "Leicester",
        "Postal Code": "LE1 1AA",
        "Current Employer": "St Mary's Primary",
        "Job Title": "Parent governor",
        "Do Not Email": "0",
        "Do Not Phone": "0",
        "Do Not Mail": "0",
        "Do Not SMS": "0",
        "Consent To Contact": "Yes",
        "Consent Given On": "2026-01-05",
        "Consent Expires": "",
        "Lawful Basis": "consent",
        "Consent Source": "sign-up sheet",
        "Leadership Stage": "Leader (trained)",
    }
    # an expired consent: do not contact; one word is a first name alone
    assert (bilal["First Name"], bilal["Last Name"]) == ("Bilal", "")
    assert bilal["Do Not Email"] == bilal["Do Not SMS"] == "1"
    assert bilal["Leadership Stage"] == "Contact"


def test_private_notes_never_and_notes_only_when_asked() -> None:
    plain = people_csv([AMINA], [SCHOOL], TODAY)
    assert "Worried" not in plain and "damp" not in plain and "Note" not in rows(plain)[0]
    noted = people_csv([AMINA], [SCHOOL], TODAY, include_notes=True)
    assert rows(noted)[0]["Note"] == "Cares about damp housing"
    assert "Worried" not in noted


def test_institutions_as_civicrm_organisations() -> None:
    text = institutions_csv([SCHOOL])
    assert text.startswith(",".join(INSTITUTION_HEADINGS) + "\r\n")
    (school,) = rows(text)
    assert school["Contact Type"] == "Organization"
    assert school["Organization Name"] == "St Mary's Primary"
    assert school["Nick Name"] == "stmarys"
    assert (school["Street Address"], school["Postal Code"]) == ("Church Lane", "LE2 1AB")
    assert school["Annual Dues"] == "1234.50"
    assert (school["Institution Kind"], school["Membership Status"]) == ("School", "Member")
    assert school["Renewal Date"] == "2027-04-01"
    assert "Note" not in school
    assert rows(institutions_csv([SCHOOL], include_notes=True))[0]["Note"] == "Head is supportive"


def test_formulas_are_defused_and_phone_numbers_left_alone() -> None:
    assert safe_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("+cmd") == "'+cmd"
    assert safe_cell("+44 7700 900123") == "+44 7700 900123"
    assert safe_cell("-") == "'-"
    assert safe_cell("Amina") == "Amina"


def test_names_and_addresses_split_as_civicrm_wants() -> None:
    assert split_name("  Siân  O'Neill ") == ("Siân", "O'Neill")
    assert split_name("Cher") == ("Cher", "")
    assert split_address("1 Road\n\n  Leicester \nle1 1aa").postcode == "LE1 1AA"
    assert split_address("Unit 5, The Yard").lines == ("Unit 5, The Yard",)


def test_the_export_reads_back_through_our_import(tmp_path: Path) -> None:
    out = write_csv(tmp_path / "people.csv", people_csv([AMINA, BILAL], [SCHOOL], TODAY))
    assert out.stat().st_mode & 0o777 == 0o600
    source = read_people_csv(out.read_bytes(), "people.csv")
    plan = plan_import(source, [], [SCHOOL])
    made = {c.person.name: c.person for c in plan.creates}
    assert set(made) == {"Amina Bibi Khan", "Bilal"}
    amina = made["Amina Bibi Khan"]
    assert (amina.email, amina.phone) == (AMINA.email, AMINA.phone)
    assert amina.address == AMINA.address
    assert amina.memberships == AMINA.memberships
    # and into the database they came from: nothing to do
    assert plan_import(source, [AMINA, BILAL], [SCHOOL]).is_empty
