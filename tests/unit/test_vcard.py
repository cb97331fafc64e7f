"""vCard 3.0 and 4.0: export, import, round trips, folding and escaping."""

from __future__ import annotations

from datetime import date

import pytest
import vobject

from organiser.interchange.people_plan import apply_plan, plan_import
from organiser.interchange.source import ImportRefused
from organiser.interchange.vcard_people import people_vcards, read_vcards
from organiser.interchange.vcard_text import fold, read_cards, unfold
from organiser.models import Consent, Institution, Membership, Person
from organiser.repository import Repository

SCHOOL = Institution(name="St Mary's Primary, Belgrave; Leicester", tag="stmarys")
PEOPLE = [
    Person(
        name="Zoë Wójcik-Łukasiewicz",
        email="zoe@example.org",
        phone="+44 7700 900123",
        address="Flat 2, Ørsted House; Back Lane\nLeicester\nLE1 1AA",
        memberships=[Membership(institution_id=SCHOOL.id, role="Parent governor, Year 3")],
        notes="Cares about damp; wants a meeting, soon\\now " + "très long " * 20,
        private_notes="Worried about her visa",
        consent_to_contact=Consent(given=True, on=date(2026, 1, 5)),
    ),
    Person(name="Bilal Hussain", email="bilal@example.org"),
    Person(name="Cher", phone="0116 496 0000", address="1 Road"),
]


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_round_trip_into_an_empty_database(repo: Repository, version: str) -> None:
    repo.save(SCHOOL)
    text = people_vcards(PEOPLE, [SCHOOL], version=version, include_notes=True)
    source = read_vcards(text.encode("utf-8"), "people.vcf")
    plan = plan_import(source, repo.list(Person), repo.list(Institution))
    assert plan.counts == "3 to create, 0 to update, 0 to skip"
    apply_plan(repo, plan)
    held = {p.name: p for p in repo.list(Person)}
    assert set(held) == {p.name for p in PEOPLE}
    for person in PEOPLE:
        back = held[person.name]
        assert (back.email, back.phone, back.address) == (
            person.email,
            person.phone,
            person.address,
        )
        assert back.memberships == person.memberships
        assert back.notes == person.notes
        assert back.private_notes == ""
    again = read_vcards(people_vcards(repo.list(Person), [SCHOOL]).encode(), "again.vcf")
    assert plan_import(again, repo.list(Person), [SCHOOL]).is_empty


def test_an_independent_reader_agrees_with_version_3() -> None:
    text = people_vcards(PEOPLE, [SCHOOL], include_notes=True)
    cards = {c.fn.value: c for c in vobject.readComponents(text)}
    zoe = cards["Zoë Wójcik-Łukasiewicz"]
    assert zoe.version.value == "3.0"
    assert zoe.n.value.family == "Wójcik-Łukasiewicz" and zoe.n.value.given == "Zoë"
    assert zoe.tel.value == "+44 7700 900123"
    assert zoe.email.value == "zoe@example.org"
    assert zoe.org.value == ["St Mary's Primary, Belgrave; Leicester"]
    assert zoe.title.value == "Parent governor, Year 3"
    assert zoe.note.value == PEOPLE[0].notes
    assert zoe.adr.value.code == "LE1 1AA"
    assert zoe.adr.value.street == "Flat 2, Ørsted House; Back Lane\nLeicester"
    assert zoe.uid.value == f"urn:uuid:{PEOPLE[0].id[:8]}-{PEOPLE[0].id[8:12]}-" + (
        f"{PEOPLE[0].id[12:16]}-{PEOPLE[0].id[16:20]}-{PEOPLE[0].id[20:]}"
    )


def test_lines_fold_at_75_octets_never_inside_a_character() -> None:
    text = people_vcards(PEOPLE, [SCHOOL], version="4.0", include_notes=True)
    raw = text.encode("utf-8")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # each piece whole: no character cut in two
    assert fold("NOTE:" + "é" * 100).count("\r\n ") == 2


def test_notes_only_when_asked_and_private_notes_never() -> None:
    plain = people_vcards(PEOPLE, [SCHOOL])
    assert "NOTE" not in plain and "damp" not in plain and "visa" not in plain
    assert "visa" not in people_vcards(PEOPLE, [SCHOOL], include_notes=True)


def test_uid_is_stable_and_rev_is_the_last_change(repo: Repository) -> None:
    saved = repo.save(PEOPLE[1])
    first = people_vcards([saved], [])
    assert f"UID:urn:uuid:{saved.id[:8]}" in first
    assert f"REV:{saved.updated:%Y%m%dT%H%M%SZ}" in first
    assert "REV" not in people_vcards([PEOPLE[1]], [])  # never saved: no time to give
    assert people_vcards([saved], []) == first
    four = people_vcards([saved], [], version="4.0")
    assert "VERSION:4.0\r\n" in four and "KIND:individual\r\n" in four


CARDS_FROM_ELSEWHERE = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:O'Neill\\, Siân\r\n"
    "N:O'Neill;Siân;;;\r\n"
    "item1.TEL;TYPE=HOME:0116 496 0000\r\n"
    "TEL;TYPE=CELL,PREF:07700 900\r\n"
    " 456\r\n"
    "EMAIL;TYPE=INTERNET:sian@example.org\r\n"
    "ADR;TYPE=HOME:;Flat 1;3 Long\\, Street;Leicester;;LE2 2BB;UK\r\n"
    "ORG:#stmarys;Office\r\n"
    "ROLE:Treasurer\r\n"
    "END:VCARD\r\n"
    "\r\n"
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "KIND:org\n"
    "FN:Highfields Mosque\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "N:Khan;Amina;Bibi;Dr;\n"
    "TEL;VALUE=uri;TYPE=work:tel:+44-116-496-0001\n"
    "TEL;VALUE=uri;PREF=1:tel:+44-7700-900999\n"
    "END:VCARD\n"
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB=20W=C3=B3jcik\r\n"
    "TEL;CELL:07700 900777\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE:first line=0D=0A=\r\n"
    "second line\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "FN:Never ends\r\n"
)


def test_cards_from_phones_and_address_books(repo: Repository) -> None:
    repo.save(SCHOOL)
    source = read_vcards(CARDS_FROM_ELSEWHERE.encode("utf-8"), "contacts.vcf")
    assert ("TEL", "phone") in source.columns and (
        "KIND",
        "kind (only individuals)",
    ) in source.columns
    sian, mosque, amina, zoe = source.rows
    assert sian.name == "O'Neill, Siân"
    assert sian.phone == "07700 900456"  # the preferred one, unfolded
    assert sian.address == "Flat 1\n3 Long, Street\nLeicester\nLE2 2BB\nUK"
    assert (sian.institution, sian.role) == ("#stmarys", "Treasurer")
    assert mosque.skip == "A vCard for a org, not a person."
    assert (amina.name, amina.phone) == ("Amina Bibi Khan", "+44-7700-900999")
    assert (zoe.name, zoe.phone) == ("Zoë Wójcik", "07700 900777")
    assert zoe.notes == "first line\r\nsecond line"
    plan = plan_import(source, [], repo.list(Institution))
    assert plan.counts == "3 to create, 0 to update, 1 to skip, 1 invalid"
    assert plan.invalid[0].message == "This card never ends (no END:VCARD)."
    apply_plan(repo, plan)
    held = {p.name: p for p in repo.list(Person)}
    assert held["O'Neill, Siân"].memberships == [
        Membership(institution_id=SCHOOL.id, role="Treasurer")
    ]
    assert held["Zoë Wójcik"].notes == "first line\nsecond line"


def test_unfolding_keeps_the_line_each_logical_line_starts_on() -> None:
    assert unfold("A:1\r\n b\r\n\tc\r\nD:2\n") == [(1, "A:1bc"), (4, "D:2")]
    cards, problems = read_cards("BEGIN:VCARD\nFN:x\nEND:VCARD\n")
    assert [c.line for c in cards] == [1] and problems == []


def test_a_file_without_cards_is_refused() -> None:
    with pytest.raises(ImportRefused, match="holds no vCard"):
        read_vcards(b"Name,Email\nAmina,a@x.org\n", "people.vcf")
