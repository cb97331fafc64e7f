"""Finding one person from part of a name, as typed at a prompt or on the command line."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import get_close_matches

from organiser.models import Person


def fold(text: str) -> str:
    """Lower case without accents, so "wojcik" finds "Wójcik"."""
    if text.isascii():  # nothing to decompose: most text, and a tenth of the time
        return text.casefold()
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


class NameIndex:
    """People's names folded once, to be looked up again and again (as a line is typed)."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.people = list(people)
        self._names = [" ".join(fold(p.name).split()) for p in self.people]
        self._exact: dict[str, list[int]] = {}
        for index, name in enumerate(self._names):
            self._exact.setdefault(name, []).append(index)
        self._words: dict[str, set[int]] | None = None

    def find(self, text: str) -> NameMatch:
        """One person by name: an exact (accent- and case-blind) name wins over partial ones."""
        exact = self._exact.get(" ".join(fold(text).split()))
        if exact:
            return NameMatch(text, tuple(self.people[i] for i in exact))
        return NameMatch(text, tuple(self.suggest(text)))

    def suggest(self, text: str, limit: int | None = None) -> list[Person]:
        """People whose names contain every typed word, those starting with it first."""
        words = fold(text).split()
        if not words:
            return []
        names = self._names
        hits = [i for i, name in enumerate(names) if all(w in name for w in words)]
        hits.sort(key=lambda i: (not names[i].startswith(words[0]), names[i]))
        return [self.people[i] for i in hits[:limit]]

    def closest(self, text: str, limit: int = 3) -> list[Person]:
        """People whose names look most like `text`, for "did you mean …?" after a slip:
        each typed word close to one of their names' words."""
        if self._words is None:
            self._words = {}
            for index, name in enumerate(self._names):
                for word in name.split():
                    self._words.setdefault(word, set()).add(index)
        words = self._words
        keys = list(words)
        chosen: set[int] | None = None
        for typed in fold(text).split():
            near = get_close_matches(typed, keys, n=5, cutoff=0.7)
            found = set().union(*(words[w] for w in near))
            chosen = found if chosen is None else chosen & found
        ranked = sorted(chosen or (), key=lambda i: self._names[i])
        return [self.people[i] for i in ranked[:limit]]


def suggest(people: Iterable[Person], text: str, limit: int = 8) -> list[Person]:
    """People whose names contain every typed word, those starting with it first."""
    return NameIndex(people).suggest(text, limit)


def find_person(people: Iterable[Person], text: str) -> NameMatch:
    """One person by name: an exact (accent- and case-blind) name wins over partial matches."""
    return NameIndex(people).find(text)


def closest(people: Iterable[Person], text: str, limit: int = 3) -> list[Person]:
    """People whose names look most like `text`, for "did you mean …?" after a typing slip."""
    return NameIndex(people).closest(text, limit)
