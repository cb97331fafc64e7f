"""Finding people as an organiser types: by name, institution, email, phone or notes.

The People list filters on every keystroke, so the text each person is found by is worked
out once (`PeopleFinder`) and each search is then a scan of short strings. Matching ignores
case and accents ("wojcik" finds "Wójcik"), every word typed must appear somewhere, and
digits typed find a phone number however it is spaced ("7700900" finds "+44 7700 900123").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from organiser.lookup import fold as fold  # searches compare text in this form
from organiser.models import Institution, Person


def institution_names(person: Person, institutions_by_id: Mapping[str, Institution]) -> list[str]:
    """The names of the institutions `person` belongs to, in their order; unknown ids skipped."""
    names: list[str] = []
    for membership in person.memberships:
        institution = institutions_by_id.get(membership.institution_id)
        if institution is not None and institution.name not in names:
            names.append(institution.name)
    return names


def search_text(person: Person, institutions_by_id: Mapping[str, Institution]) -> str:
    """Everything `person` can be found by, folded: private notes are not among it."""
    roles = [m.role for m in person.memberships]
    phone_digits = "".join(c for c in person.phone if c.isdigit())
    parts = [
        person.name,
        *institution_names(person, institutions_by_id),
        *roles,
        person.email,
        person.phone,
        phone_digits,
        person.notes,
    ]
    return fold("\n".join(parts))


def sort_key(person: Person) -> tuple[str, str]:
    return fold(person.name), person.id


class PeopleFinder:
    """People sorted by name, ready to be filtered again and again without recomputing."""

    def __init__(
        self, people: Iterable[Person], institutions_by_id: Mapping[str, Institution]
    ) -> None:
        self.people = sorted(people, key=sort_key)
        self._ids = tuple(p.id for p in self.people)
        self._haystacks = [search_text(p, institutions_by_id) for p in self.people]

    def __len__(self) -> int:
        return len(self.people)

    def matching(self, text: str) -> list[Person]:
        """Everyone whose search text holds every word of `text`; everyone when it is blank."""
        words = fold(text).split()
        if not words:
            return list(self.people)
        return [
            person
            for person, haystack in zip(self.people, self._haystacks, strict=True)
            if all(word in haystack for word in words)
        ]


    def matching_ids(self, text: str) -> tuple[str, ...]:
        """The ids of those `matching` finds, in the same order. A tuple of strings, made
        without a list of records: on every keystroke, the less the collector has to walk
        while someone types, the better."""
        words = fold(text).split()
        if not words:
            return self._ids
        return tuple(
            person_id
            for person_id, haystack in zip(self._ids, self._haystacks, strict=True)
            if all(word in haystack for word in words)
        )


def matching_people(
    people: Iterable[Person], institutions_by_id: Mapping[str, Institution], text: str
) -> list[Person]:
    """The people `text` finds, sorted by name (see `PeopleFinder` to search repeatedly)."""
    return PeopleFinder(people, institutions_by_id).matching(text)
