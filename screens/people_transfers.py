"""The CSV and vCard exports, as entries of the Import and export screen (key X).

Importing CSV and vCard files has a preview of its own: key I on the People list
(screens/people_import.py).
"""

from __future__ import annotations

from pathlib import Path

from organiser.export_file import write_private
from organiser.interchange.backup import Progress
from organiser.interchange.csv_export import institutions_csv, people_csv
from organiser.interchange.vcard_people import people_vcards
from organiser.models import Institution, Person
from organiser.repository import Repository
from screens.transfer_jobs import Choices, Direction, Transfer


def _people(count: int) -> str:
    return f"{count:,} {'person' if count == 1 else 'people'}"


def export_people_csv(repo: Repository, path: Path, choices: Choices, progress: Progress) -> str:
    people = repo.list(Person)
    text = people_csv(
        people,
        repo.list(Institution),
        choices.now.date(),
        profile=repo.profile(),
        progress=progress,
    )
    return f"Wrote {_people(len(people))} to {write_private(path, text)}."


def export_institutions_csv(
    repo: Repository, path: Path, choices: Choices, progress: Progress
) -> str:
    institutions = repo.list(Institution)
    written = write_private(path, institutions_csv(institutions))
    count = len(institutions)
    return f"Wrote {count:,} institution{'' if count == 1 else 's'} to {written}."


def export_vcards(repo: Repository, path: Path, choices: Choices, progress: Progress) -> str:
    people = repo.list(Person)
    text = people_vcards(people, repo.list(Institution), progress=progress)
    return f"Wrote {_people(len(people))} as vCards to {write_private(path, text)}."


PEOPLE_CSV_EXPORT = Transfer(
    key="people-csv-export",
    label="People for CiviCRM (CSV)",
    direction=Direction.EXPORT,
    about="Everyone, with CiviCRM's own column names for its contact import: names, email, "
    "phone, address, first institution and role, and consent to be contacted as its Do Not "
    "Email and Do Not Phone flags. Notes and private notes are left out.",
    ending="-people.csv",
    run=export_people_csv,
)
INSTITUTIONS_CSV_EXPORT = Transfer(
    key="institutions-csv-export",
    label="Institutions for CiviCRM (CSV)",
    direction=Direction.EXPORT,
    about="Every institution as a CiviCRM Organization: name, tag, address, kind, status, "
    "dues, letter and renewal dates. Notes are left out.",
    ending="-institutions.csv",
    run=export_institutions_csv,
)
VCARD_EXPORT = Transfer(
    key="vcard-export",
    label="People as contacts (vCard)",
    direction=Direction.EXPORT,
    about="One .vcf file with everyone, for phones, mail clients and khard: name, phone, "
    "email, address and first institution. Importing it again updates the same contacts. "
    "Notes and private notes are left out.",
    ending="-people.vcf",
    run=export_vcards,
)
