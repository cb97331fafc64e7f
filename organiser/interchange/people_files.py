"""A file of people, CSV or vCard, told apart by its name or, failing that, by what it holds.

source = read_people_file(Path("~/Downloads/contacts.vcf"))
plan = plan_import(source, repo.list(Person), repo.list(Institution))
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from organiser.interchange.csv_people import read_people_csv
from organiser.interchange.people_plan import PeopleSource
from organiser.interchange.source import read_source
from organiser.interchange.vcard_people import read_vcards

VCARD_ENDINGS = (".vcf", ".vcard")


def typed_path(text: str) -> Path:
    """A path as typed or dropped into a terminal: quotes around it, spaces escaped with a
    backslash and file:// addresses are all understood; ~ is the home folder."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    elif text.startswith("file://"):
        text = unquote(urlparse(text).path)
    else:
        text = text.replace("\\ ", " ")
    return Path(text).expanduser()


def is_vcard(path: Path, data: bytes) -> bool:
    if path.suffix.casefold() in VCARD_ENDINGS:
        return True
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:11].upper() == b"BEGIN:VCARD"


def read_people_file(path: Path) -> PeopleSource:
    """The people in a CSV or vCard file; ImportRefused when it cannot be read as either."""
    data = read_source(path)
    reader = read_vcards if is_vcard(path, data) else read_people_csv
    return reader(data, path.name)
