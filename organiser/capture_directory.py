"""Quick capture's look-ups: people by part of their name and institutions by tag, made
ready once so a line can be read again on every keystroke however many are on record."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from difflib import get_close_matches

from organiser.lookup import NameIndex
from organiser.models import Institution, Person
from organiser.people import institution_names


class Directory:
    """People and institutions prepared once for looking names and tags up, so a line can
    be read again on every keystroke however many people are on record."""

    def __init__(self, people: Iterable[Person], institutions: Iterable[Institution]) -> None:
        self.everyone = NameIndex(people)
        self.institutions = list(institutions)
        self.by_id = {i.id: i for i in self.institutions}
        self.by_tag = {i.tag.casefold(): i for i in reversed(self.institutions) if i.tag}
        self._members: dict[str, NameIndex] = {}
        self.label = _labeller(self.by_id)

    def members(self, institution: Institution) -> NameIndex:
        """The people who belong to `institution`, made ready the first time it is named."""
        if institution.id not in self._members:
            self._members[institution.id] = NameIndex(
                p for p in self.everyone.people if institution.id in p.institution_ids
            )
        return self._members[institution.id]


def tag_match(tag: str, directory: Directory) -> Institution | str:
    """The institution with `tag`, or a message saying there is none."""
    wanted = tag.casefold()
    tags = directory.by_tag
    if wanted in tags:
        return tags[wanted]
    near = get_close_matches(wanted, list(tags), n=3, cutoff=0.6)
    hint = (
        "; did you mean " + " or ".join(f"#{t} ({tags[t].name})" for t in near) + "?"
        if near
        else " (an institution's tag is on its form in Institutions)."
    )
    return f"No institution has the tag #{tag}{hint}"


def _labeller(institutions_by_id: Mapping[str, Institution]) -> Callable[[Person], str]:
    def label(person: Person) -> str:
        names = institution_names(person, institutions_by_id)
        return f"{person.name} ({', '.join(names)})" if names else person.name

    return label
