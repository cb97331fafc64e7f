"""Finding people by what an organiser remembers of them (organiser.people), without Textual."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from organiser.models import Institution, Membership, Person
from organiser.people import PeopleFinder, fold, institution_names, matching_people

SCHOOL = Institution(name="St Mary's Primary")
MOSQUE = Institution(name="Highfields Mosque")
BY_ID = {i.id: i for i in (SCHOOL, MOSQUE)}
ZOFIA = Person(
    name="Zofia Wójcik",
    email="zofia@example.org",
    phone="+44 7700 900123",
    memberships=[Membership(institution_id=SCHOOL.id, role="parent governor")],
    notes="Cares about damp housing",
    private_notes="Her visa runs out in May",
)
AMINA = Person(
    name="Amina Khan",
    memberships=[
        Membership(institution_id=MOSQUE.id, role="youth worker"),
        Membership(institution_id="f" * 32, role="gone"),
    ],
)
BEN = Person(name="ben adams", email="ben@example.net")
PEOPLE = [ZOFIA, AMINA, BEN]


def names(text: str) -> list[str]:
    return [p.name for p in matching_people(PEOPLE, BY_ID, text)]


def test_blank_finds_everyone_sorted_by_name_ignoring_case() -> None:
    assert names("") == ["Amina Khan", "ben adams", "Zofia Wójcik"]
    assert names("   ") == names("")


def test_each_field_finds() -> None:
    assert names("zofia") == ["Zofia Wójcik"]  # name
    assert names("mary's") == ["Zofia Wójcik"]  # institution name, resolved from its id
    assert names("highfields") == ["Amina Khan"]
    assert names("governor") == ["Zofia Wójcik"]  # role there
    assert names("example.net") == ["ben adams"]  # email
    assert names("7700 900") == ["Zofia Wójcik"]  # phone as written
    assert names("7700900123") == ["Zofia Wójcik"]  # phone digits however spaced
    assert names("damp") == ["Zofia Wójcik"]  # notes


def test_private_notes_are_not_searched() -> None:
    assert names("visa") == []


def test_every_word_must_match_somewhere() -> None:
    assert names("zofia damp") == ["Zofia Wójcik"]
    assert names("zofia highfields") == []


def test_case_and_accents_are_ignored() -> None:
    assert names("WOJCIK") == ["Zofia Wójcik"]
    assert names("wójcik") == ["Zofia Wójcik"]
    assert fold("Crème BRÛLÉE") == "creme brulee"


def test_markup_is_just_text() -> None:
    odd = Person(name="[red]x[/]")
    assert [p.name for p in matching_people([odd, BEN], BY_ID, "[red]")] == ["[red]x[/]"]


def test_institution_names_skip_unknown_ids() -> None:
    assert institution_names(AMINA, BY_ID) == ["Highfields Mosque"]


@given(st.text(max_size=30))
def test_any_search_text_gives_a_subset_in_order(text: str) -> None:
    found = matching_people(PEOPLE, BY_ID, text)
    everyone = matching_people(PEOPLE, BY_ID, "")
    assert [p for p in everyone if p in found] == found


def test_searching_two_thousand_people_is_quick() -> None:
    people = [
        Person(name=f"Person {n} Surname{n % 97}", email=f"p{n}@example.org", notes="x " * 200)
        for n in range(2000)
    ]
    finder = PeopleFinder(people, BY_ID)
    started = time.perf_counter()
    for text in ("s", "su", "sur", "surn", "surname", "surname1", "surname12", "p1999@"):
        finder.matching(text)
    assert (time.perf_counter() - started) / 8 < 0.05
    assert [p.email for p in finder.matching("p1999@")] == ["p1999@example.org"]
