"""Finding one person from part of a name, as typed at a prompt or on the command line."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import get_close_matches

from organiser.models import Person


def fold(text: str) -> str:
    """Lower case without accents, so "wojcik" finds "Wójcik"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class NameMatch:
    """The outcome of looking a person up: exactly one, several candidates, or none."""

    query: str
    candidates: tuple[Person, ...]

    @property
    def person(self) -> Person | None:
        return self.candidates[0] if len(self.candidates) == 1 else None

    def problem(self, label: Callable[[Person], str] | None = None) -> str:
        """Why no single person was found, listing candidates ("" when one was).

        `label` names a candidate (by default their name; "Amina Khan (St Mary's)" tells
        two people of the same name apart).
        """
        if not self.candidates:
            return f'No one on record matches "{self.query}".'
        if len(self.candidates) == 1:
            return ""
        name = label or (lambda person: person.name)
        shown = ", ".join(name(p) for p in self.candidates[:8])
        more = f" and {len(self.candidates) - 8} more" if len(self.candidates) > 8 else ""
        count = len(self.candidates)
        return f'"{self.query}" matches {count} people: {shown}{more}. Be more specific.'


def suggest(people: Iterable[Person], text: str, limit: int = 8) -> list[Person]:
    """People whose names contain every typed word, those starting with it first."""
    words = fold(text).split()
    if not words:
        return []
    hits = [p for p in people if all(w in fold(p.name) for w in words)]
    hits.sort(key=lambda p: (not fold(p.name).startswith(words[0]), fold(p.name)))
    return hits[:limit]


def find_person(people: Iterable[Person], text: str) -> NameMatch:
    """One person by name: an exact (accent- and case-blind) name wins over partial matches."""
    pool = list(people)
    wanted = " ".join(fold(text).split())
    exact = tuple(p for p in pool if " ".join(fold(p.name).split()) == wanted)
    if exact:
        return NameMatch(text, exact)
    return NameMatch(text, tuple(suggest(pool, text, limit=len(pool))))


def closest(people: Iterable[Person], text: str, limit: int = 3) -> list[Person]:
    """People whose names look most like `text`, for "did you mean …?" after a typing slip."""
    by_name: dict[str, list[Person]] = {}
    for person in people:
        by_name.setdefault(" ".join(fold(person.name).split()), []).append(person)
        for word in fold(person.name).split():
            by_name.setdefault(word, []).append(person)
    wanted = " ".join(fold(text).split())
    found: list[Person] = []
    for key in get_close_matches(wanted, list(by_name), n=limit * 2, cutoff=0.6):
        for person in by_name[key]:
            if person not in found:
                found.append(person)
    return found[:limit]
