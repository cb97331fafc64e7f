"""People as vCards (3.0 or 4.0), in and out: khard, phones and mail clients read them.

    source = read_vcards(read_source(path), path.name)     # then plan_import, as for CSV
    text = people_vcards(people, institutions, version="4.0", include_notes=False)

Reading takes from each card FN (or, without it, the given, additional and family names of
N), the preferred TEL (else a mobile, else the first), the preferred EMAIL (else the first),
the first ADR (its parts one to a line), the first ORG (an institution on record by name or
tag) with TITLE or ROLE as the role, and NOTE. A 4.0 card whose KIND is not "individual" is
skipped. vCard 2.1 cards are read too, quoted-printable values included.

Writing gives each person one card: FN; N (the last word of the name as the family name);
TEL; EMAIL; ADR (the address lines as the street, a UK postcode as the postal code); ORG and
TITLE from their first membership; NOTE only when asked for (private notes never); UID,
"urn:uuid:" and the person's id, the same in every export, so an address book updates the
contact rather than adding another; REV, when the record last changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC

from organiser import __version__
from organiser.interchange.addresses import split_address, split_name
from organiser.interchange.people_plan import Incoming, PeopleSource
from organiser.interchange.source import UTF8, ImportRefused, decode_text
from organiser.interchange.vcard_text import Card, Property, content_line, escape, read_cards
from organiser.models import UNSAVED, Institution, Person
from organiser.people import sort_key

VERSIONS = ("3.0", "4.0")
Progress = Callable[[int, int], None]

#: What each property becomes, as the import preview lists them.
_USED = {
    "FN": "name",
    "N": "name (when there is no FN)",
    "TEL": "phone",
    "EMAIL": "email",
    "ADR": "address",
    "ORG": "institution",
    "TITLE": "role",
    "ROLE": "role",
    "NOTE": "notes",
    "KIND": "kind (only individuals)",
}
_NOT_LISTED = {"BEGIN", "END", "VERSION"}


def read_vcards(data: bytes, name: str) -> PeopleSource:
    """The people in a .vcf file's bytes; ImportRefused when it holds no card at all."""
    text, encoding = decode_text(data, name)
    cards, problems = read_cards(text)
    if not cards and not problems:
        raise ImportRefused(f"{name} holds no vCard (no BEGIN:VCARD … END:VCARD).")
    seen: dict[str, None] = {}
    for card in cards:
        for prop in card.properties:
            if prop.name not in _NOT_LISTED:
                seen.setdefault(prop.name, None)
    columns = tuple((prop, _USED.get(prop, "not used")) for prop in seen)
    notes = () if encoding == UTF8 else (f"Read as {encoding} text, not UTF-8.",)
    rows = tuple(_incoming(card) for card in cards)
    return PeopleSource(name, columns, rows, notes, tuple(problems))


def _preferred(props: list[Property], *kinds: str) -> Property | None:
    for kind in kinds:
        for prop in props:
            if prop.has_type(kind):
                return prop
    return props[0] if props else None


def _text(prop: Property | None) -> str:
    return prop.text().strip() if prop is not None else ""


def _incoming(card: Card) -> Incoming:
    name = " ".join(_text(card.first("FN")).split())
    n = card.first("N")
    if not name and n is not None:
        family, given, additional, *_ = [*n.parts(), "", "", ""]
        name = " ".join(" ".join((given, additional, family)).split())
    phone = _text(_preferred(card.all("TEL"), "pref", "cell"))
    email = _text(_preferred(card.all("EMAIL"), "pref"))
    adr = card.first("ADR")
    address = ""
    if adr is not None:
        parts = [p.strip() for p in adr.parts()]
        address = "\n".join(line for part in parts for line in part.splitlines() if line.strip())
    org = card.first("ORG")
    kind = _text(card.first("KIND")).casefold()
    skip = f"A vCard for a {kind}, not a person." if kind not in ("", "individual") else ""
    return Incoming(
        line=card.line,
        name=name,
        email=email.removeprefix("mailto:"),
        phone=phone.removeprefix("tel:"),
        address=address,
        notes=_text(card.first("NOTE")),
        institution=org.parts()[0].strip() if org is not None else "",
        role=_text(card.first("TITLE") or card.first("ROLE")),
        skip=skip,
    )


def _card(
    person: Person,
    institutions: Mapping[str, Institution],
    version: str,
    include_notes: bool,
) -> str:
    four = version == "4.0"
    first, last = split_name(person.name)
    lines = [
        "BEGIN:VCARD\r\n",
        f"VERSION:{version}\r\n",
        content_line("PRODID", escape(f"-//Organiser//Organiser {__version__}//EN")),
        content_line("UID", f"urn:uuid:{uuid.UUID(hex=person.id)}"),
    ]
    if four:
        lines.append("KIND:individual\r\n")
    lines.append(content_line("FN", escape(person.name)))
    lines.append(content_line("N", f"{escape(last)};{escape(first)};;;"))
    if person.phone:
        params = "VALUE=text;TYPE=voice" if four else "TYPE=VOICE"
        lines.append(content_line("TEL", escape(person.phone), params))
    if person.email:
        lines.append(content_line("EMAIL", escape(person.email), "" if four else "TYPE=INTERNET"))
    if person.address.strip():
        address = split_address(person.address)
        street = escape("\n".join(address.lines))
        lines.append(content_line("ADR", f";;{street};;;{escape(address.postcode)};"))
    membership = next((m for m in person.memberships if m.institution_id in institutions), None)
    if membership is not None:
        lines.append(content_line("ORG", escape(institutions[membership.institution_id].name)))
        if membership.role:
            lines.append(content_line("TITLE", escape(membership.role)))
    if include_notes and person.notes:
        lines.append(content_line("NOTE", escape(person.notes)))
    if person.updated != UNSAVED:
        lines.append(f"REV:{person.updated.astimezone(UTC):%Y%m%dT%H%M%SZ}\r\n")
    lines.append("END:VCARD\r\n")
    return "".join(lines)


def people_vcards(
    people: Iterable[Person],
    institutions: Iterable[Institution],
    *,
    version: str = "3.0",
    include_notes: bool = False,
    progress: Progress | None = None,
) -> str:
    """One vCard per person, sorted by name, in one file's text."""
    if version not in VERSIONS:
        raise ValueError(f"vCard version {version!r}: use 3.0 or 4.0")
    by_id = {i.id: i for i in institutions}
    ordered = sorted(people, key=sort_key)
    cards = []
    for done, person in enumerate(ordered, start=1):
        cards.append(_card(person, by_id, version, include_notes))
        if progress is not None and (done % 500 == 0 or done == len(ordered)):
            progress(done, len(ordered))
    return "".join(cards)
