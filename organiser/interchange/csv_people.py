"""People from a CSV file, read into rows ready to plan an import (`people_plan`).

    source = read_people_csv(read_source(path), path.name)
    plan = plan_import(source, repo.list(Person), repo.list(Institution))

The first non-blank row holds the headings (see `csv_columns` for those recognised). Each
later row becomes one `Incoming` person, numbered by the line it starts on. Rows a CiviCRM
export marks as an Organization or Household are skipped, saying so. A file in which no
heading names, reaches or finds a person is refused as a whole.
"""

from __future__ import annotations

from pathlib import Path

from organiser.interchange.csv_columns import ColumnMap, map_columns
from organiser.interchange.csv_rows import BadRow, read_rows
from organiser.interchange.people_plan import Incoming, PeopleSource
from organiser.interchange.source import UTF8, ImportRefused, decode_text, read_source

_NOT_PEOPLE = {"organization", "organisation", "household"}


def read_people_csv(data: bytes, name: str) -> PeopleSource:
    """The people in a CSV file's bytes; ImportRefused when it cannot be a list of people."""
    text, encoding = decode_text(data, name)
    rows = read_rows(text)
    heading = next(rows, None)
    if heading is None:
        raise ImportRefused(f"{name} is empty.")
    if isinstance(heading, BadRow):
        raise ImportRefused(
            f"{name}: the heading row {heading.message[0].lower()}{heading.message[1:]}"
        )
    columns = map_columns(heading.cells)
    if not columns.finds_people:
        raise ImportRefused(
            f"{name}: no column is headed with a name, email or phone (the first row should "
            "hold headings such as Name, Email, Phone)."
        )
    incoming: list[Incoming] = []
    unreadable: list[tuple[int, str]] = []
    for row in rows:
        if isinstance(row, BadRow):
            unreadable.append((row.line, row.message))
        else:
            incoming.append(_person(columns, row.line, row.cells))
    notes = []
    if encoding != UTF8:
        notes.append(f"Read as {encoding} text, not UTF-8: check accented names after import.")
    if "name" not in columns.fields and "first" not in columns.fields:
        notes.append("No column holds names: only people already on record can be updated.")
    return PeopleSource(name, columns.described, tuple(incoming), tuple(notes), tuple(unreadable))


def read_people_csv_file(path: Path) -> PeopleSource:
    return read_people_csv(read_source(path), path.name)


def _person(columns: ColumnMap, line: int, cells: tuple[str, ...]) -> Incoming:
    name = columns.value(cells, "name")
    if not name:
        parts = (columns.value(cells, part) for part in ("first", "middle", "last"))
        name = " ".join(part for part in parts if part)
    kind = columns.value(cells, "contact_type")
    skip = ""
    if kind.casefold() in _NOT_PEOPLE:
        skip = f"A CiviCRM {kind}, not a person."
    return Incoming(
        line=line,
        name=" ".join(name.split()),
        email=columns.value(cells, "email"),
        phone=columns.value(cells, "phone"),
        address=columns.joined(cells, "address", "\n"),
        notes=columns.value(cells, "notes"),
        institution=columns.value(cells, "institution"),
        role=columns.value(cells, "role"),
        skip=skip,
    )
