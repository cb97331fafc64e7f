"""Finding one person from part of a name, as typed at a prompt or on the command line."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

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

    def problem(self) -> str:
        """Why no single person was found, listing candidates ("" when one was)."""
        if not self.candidates:
            return f'No one on record matches "{self.query}".'
        if len(self.candidates) == 1:
            return ""
        shown = ", ".join(p.name for p in self.candidates[:8])
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
