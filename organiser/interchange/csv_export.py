"""People and institutions as CSV files that CiviCRM's contact import takes as they are.

    text = people_csv(repo.list(Person), repo.list(Institution), today)
    text = institutions_csv(repo.list(Institution))
    write_csv(Path("~/people.csv"), text)

The headings are CiviCRM's own field labels, so its import wizard matches most columns by
itself; the rest (marked *) have no CiviCRM field of their own: map them to custom fields or
choose "do not import". UTF-8 without a byte-order mark, comma-separated, CRLF line ends,
one heading row. A cell that a spreadsheet would run as a formula gets a leading apostrophe.

People (CiviCRM contact type Individual), one row each, sorted by name:
    Contact Type ("Individual"), External Identifier (the person's id in Organiser, for
    CiviCRM to match on next time), First Name (all but the last word of the name), Last Name
    (the last word), Email, Phone, Street Address, Supplemental Address 1, Supplemental
    Address 2 (the lines of the address, the rest joined with commas), Postal Code (a line that
    is a UK postcode), Current Employer and Job Title (their first institution and their role
    there), Do Not Email, Do Not Phone, Do Not Mail, Do Not SMS ("1" unless their consent to
    be contacted holds on the day of the export, else "0"), Consent To Contact* ("Yes"/"No"),
    Consent Given On*, Consent Expires* (YYYY-MM-DD), Lawful Basis*, Consent Source*,
    Leadership Stage* (the stage's name in this alliance), and Note, only when notes are asked
    for. Private notes are never written.

Institutions (contact type Organization), sorted by name:
    Contact Type ("Organization"), External Identifier, Organization Name, Nick Name (the
    tag), Street Address, Supplemental Address 1, Supplemental Address 2, Postal Code,
    Institution Kind*, Membership Status*, Annual Dues*  (pounds as a plain number, 1234.50,
    for a spreadsheet to add up), Letter Signed On*, Renewal Date* (YYYY-MM-DD), and Note when
    asked for.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path

from organiser.export_file import write_private
from organiser.interchange.addresses import split_address
from organiser.interchange.addresses import split_name as split_name  # osdi.py uses it from here
from organiser.models import Institution, Person, Profile
from organiser.models.people import DEFAULT_STAGE_NAMES
from organiser.people import fold, sort_key

PEOPLE_HEADINGS = (
    "Contact Type",
    "External Identifier",
    "First Name",
    "Last Name",
    "Email",
    "Phone",
    "Street Address",
    "Supplemental Address 1",
    "Supplemental Address 2",
    "Postal Code",
    "Current Employer",
    "Job Title",
    "Do Not Email",
    "Do Not Phone",
    "Do Not Mail",
    "Do Not SMS",
    "Consent To Contact",
    "Consent Given On",
    "Consent Expires",
    "Lawful Basis",
    "Consent Source",
    "Leadership Stage",
)
INSTITUTION_HEADINGS = (
    "Contact Type",
    "External Identifier",
    "Organization Name",
    "Nick Name",
    "Street Address",
    "Supplemental Address 1",
    "Supplemental Address 2",
    "Postal Code",
    "Institution Kind",
    "Membership Status",
    "Annual Dues",
    "Letter Signed On",
    "Renewal Date",
)
NOTE = "Note"

Progress = Callable[[int, int], None]


def safe_cell(text: str) -> str:
    """`text`, with an apostrophe before it when a spreadsheet would run it as a formula
    ("=HYPERLINK(…)", "@SUM(…)"); phone numbers such as "+44 7700 900123" are left alone."""
    if text[:1] in ("=", "@", "\t", "\r") or (
        text[:1] in ("+", "-") and not text[1:2].isdigit() and text[1:2] not in (" ", "(")
    ):
        return "'" + text
    return text


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _table(headings: tuple[str, ...], rows: Iterable[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headings)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


def person_row(
    person: Person,
    institutions: Mapping[str, Institution],
    today: date,
    profile: Profile | None = None,
    include_notes: bool = False,
) -> list[str]:
    first, last = split_name(person.name)
    address = split_address(person.address)
    membership = next((m for m in person.memberships if m.institution_id in institutions), None)
    employer = institutions[membership.institution_id].name if membership else ""
    consent = person.consent_to_contact
    may_contact = consent.valid_on(today)
    stage = profile.stage_name(person.ladder_stage) if profile else None
    row = [
        "Individual",
        person.id,
        first,
        last,
        person.email,
        person.phone,
        address.line(0),
        address.line(1),
        address.rest(2),
        address.postcode,
        employer,
        membership.role if membership else "",
        *[_flag(not may_contact)] * 4,
        "Yes" if consent.given else "No",
        _day(consent.on),
        _day(consent.expires),
        consent.basis.value.replace("_", " ") if consent.basis else "",
        consent.source,
        stage or DEFAULT_STAGE_NAMES[person.ladder_stage],
    ]
    return [*row, person.notes] if include_notes else row


def people_csv(
    people: Iterable[Person],
    institutions: Iterable[Institution],
    today: date,
    *,
    profile: Profile | None = None,
    include_notes: bool = False,
    progress: Progress | None = None,
) -> str:
    """Everyone given, as CiviCRM Individuals; `today` decides whose consent holds."""
    by_id = {i.id: i for i in institutions}
    ordered = sorted(people, key=sort_key)
    rows = []
    for done, person in enumerate(ordered, start=1):
        rows.append(person_row(person, by_id, today, profile, include_notes))
        if progress is not None and (done % 500 == 0 or done == len(ordered)):
            progress(done, len(ordered))
    headings = (*PEOPLE_HEADINGS, NOTE) if include_notes else PEOPLE_HEADINGS
    return _table(headings, rows)


def _pounds(pence: int) -> str:
    return f"{pence // 100}.{pence % 100:02d}"


def institution_row(institution: Institution, include_notes: bool = False) -> list[str]:
    address = split_address(institution.address)
    row = [
        "Organization",
        institution.id,
        institution.name,
        institution.tag,
        address.line(0),
        address.line(1),
        address.rest(2),
        address.postcode,
        institution.institution_kind.label,
        institution.status.value.capitalize(),
        _pounds(institution.annual_dues_pence),
        _day(institution.letter_signed_on),
        _day(institution.renewal_date),
    ]
    return [*row, institution.notes] if include_notes else row


def institutions_csv(institutions: Iterable[Institution], *, include_notes: bool = False) -> str:
    """Every institution given, as CiviCRM Organizations."""
    ordered = sorted(institutions, key=lambda i: (fold(i.name), i.id))
    headings = (*INSTITUTION_HEADINGS, NOTE) if include_notes else INSTITUTION_HEADINGS
    return _table(headings, (institution_row(i, include_notes) for i in ordered))


def write_csv(path: Path, text: str) -> Path:
    """Write an export, readable by its owner alone, all of it or none; raises OSError."""
    return write_private(path, text)
