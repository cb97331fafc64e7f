"""Quick capture of someone new: `person Sam Lee #stmarys role:"parent governor" phone:…`.

The person starts as a contact on the ladder with no consent recorded yet, as the person
form starts them; a name already on record is refused (the People list can add a second
person of the same name), so a quick line never makes a duplicate by accident.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from organiser.capture import Capture, Problems
from organiser.capture_directory import Directory, tag_match
from organiser.lookup import fold
from organiser.models import Institution, Membership, Person, Record
from organiser.validation import describe


@dataclass(frozen=True)
class NewPerson:
    """The person a captured line will add, and how to say so in one line."""

    person: Person
    institution: Institution | None
    summary: str

    @property
    def records(self) -> list[Record]:
        return [self.person]


def _folded(person: Person) -> str:
    return " ".join(fold(person.name).split())


def _summary(person: Person, institution: Institution | None) -> str:
    parts = [f"new person {person.name}"]
    if institution is not None:
        role = person.memberships[0].role if person.memberships else ""
        parts[0] += f" ({institution.name}{', ' + role if role else ''})"
    if person.phone:
        parts.append(f"phone {person.phone}")
    if person.email:
        parts.append(f"email {person.email}")
    if person.notes:
        first = person.notes.split("\n", 1)[0]
        parts.append(f"notes “{first if len(first) <= 40 else first[:39] + '…'}”")
    return ", ".join(parts)


def plan_person(capture: Capture, directory: Directory) -> NewPerson | Problems:
    """The new person `capture` describes, or why they cannot be added."""
    institution: Institution | None = None
    if capture.tag is not None:
        found = tag_match(capture.tag, directory)
        if isinstance(found, str):
            return Problems((found,))
        institution = found
    role = capture.texts.get("role", "")
    if role and institution is None:
        return Problems(("role: is their role at an institution; name it with #tag.",))
    name = capture.person or ""
    wanted = " ".join(fold(name).split())
    same = [p for p in directory.everyone.find(name).candidates if _folded(p) == wanted]
    if same:
        return Problems(
            (
                f"{directory.label(same[0])} is already on record: log a 1-2-1 with "
                f'@"{same[0].name}", or add a second person of that name in People.',
            )
        )
    try:
        memberships = [Membership(institution_id=institution.id, role=role)] if institution else []
        person = Person.model_validate(
            {
                "name": name,
                "phone": capture.texts.get("phone", ""),
                "email": capture.texts.get("email", ""),
                "memberships": memberships,
                "notes": capture.notes,
            }
        )
    except ValidationError as error:
        return Problems((describe(error) + ".",))
    return NewPerson(person, institution, _summary(person, institution))
