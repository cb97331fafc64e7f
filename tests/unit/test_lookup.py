"""Finding a person from part of their name."""

from __future__ import annotations

from organiser.lookup import closest, find_person, fold, suggest
from organiser.models import Person

PEOPLE = [
    Person(name="Amina Khan"),
    Person(name="Amina Begum"),
    Person(name="Zofia Wójcik"),
    Person(name="Sam Aminabad"),
]


def test_fold_ignores_case_and_accents() -> None:
    assert fold("WÓJCIK") == "wojcik"


def test_a_unique_part_finds_one_person() -> None:
    assert find_person(PEOPLE, "wojcik").person == PEOPLE[2]
    assert find_person(PEOPLE, "amina k").person == PEOPLE[0]


def test_an_ambiguous_name_lists_candidates_and_finds_no_one() -> None:
    match = find_person(PEOPLE, "amina")
    assert match.person is None
    assert match.problem() == (
        '"amina" matches 3 people: Amina Begum, Amina Khan, Sam Aminabad. Be more specific.'
    )


def test_an_exact_name_wins_over_longer_names_containing_it() -> None:
    people = [Person(name="Sam Lee"), Person(name="Sam Leeson")]
    assert find_person(people, "sam lee").person == people[0]


def test_no_match_says_so() -> None:
    assert find_person(PEOPLE, "nobody").problem() == 'No one on record matches "nobody".'


def test_suggestions_put_names_starting_with_the_text_first() -> None:
    assert [p.name for p in suggest(PEOPLE, "am")] == ["Amina Begum", "Amina Khan", "Sam Aminabad"]
    assert suggest(PEOPLE, "   ") == []


def test_candidates_can_be_labelled_to_tell_them_apart() -> None:
    match = find_person(PEOPLE[:2], "amina")
    assert match.problem(lambda p: f"{p.name} ({p.name[0]})") == (
        '"amina" matches 2 people: Amina Begum (A), Amina Khan (A). Be more specific.'
    )


def test_closest_suggests_names_after_a_typing_slip() -> None:
    assert closest(PEOPLE, "wojcick") == [PEOPLE[2]]
    assert closest(PEOPLE, "Amina Kahn")[0] == PEOPLE[0]
    assert closest(PEOPLE, "qqqq") == []
