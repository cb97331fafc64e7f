"""An import of people, planned before anything is saved, then applied as one change.

    source = read_people_csv(data, "people.csv")      # or read_vcards(...): the same shape
    plan = plan_import(source, repo.list(Person), repo.list(Institution), progress=tick)
    print(plan.counts)                                 # "3 to create, 1 to update, 2 to skip"
    apply_plan(repo, plan)                             # one save_all: all of it or none

Every reader (CSV, vCard) turns its file into `Incoming` rows; the plan is made here only.
A row is matched to someone on record (see `people_match`): by email, then phone, then
name. A matched person is updated with what the row adds: an email, phone or address on
record is filled in or replaced by the row's when they differ, notes are added below the
notes already kept (unless they are there already), and a membership of a known institution
is added (or its role given). Nothing on record is blanked by an empty cell, and the name on
record is never changed by an import: it is the organiser's. A row that matches no one
creates a person, which needs a name. A row matched by phone alone whose name and email
both differ from that person's is skipped for the organiser to check. Rows later in the file
see what earlier rows planned, so a repeated row changes nothing and re-importing a file
plans nothing at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from organiser.interchange.people_match import (
    InstitutionFinder,
    PeopleIndex,
    email_key,
    name_key,
    phone_key,
)
from organiser.models import Institution, Membership, Person, Record
from organiser.repository import Repository
from organiser.validation import describe

Progress = Callable[[int, int], None]
#: How many rows are planned between two calls of the progress callback.
PROGRESS_EVERY = 250


@dataclass(frozen=True)
class Incoming:
    """One person as a file gives them; `line` is where they start in the file (from 1)."""

    line: int
    name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    notes: str = ""
    institution: str = ""
    role: str = ""
    #: Why the reader already knows this row is not a person to import ("" if it is).
    skip: str = ""


@dataclass(frozen=True)
class PeopleSource:
    """A file read into rows: where its fields came from and what the reader noticed."""

    name: str
    #: (the file's heading or property, what it became: "email", "not used", …)
    columns: tuple[tuple[str, str], ...]
    rows: tuple[Incoming, ...]
    notes: tuple[str, ...] = ()
    #: Rows refused while reading (a broken quote): (line, message).
    unreadable: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class LineNote:
    """A row left out of the import, and why."""

    line: int
    message: str
    #: The row matched someone on record (or earlier in the file) and adds nothing.
    unchanged: bool = False


@dataclass(frozen=True)
class Change:
    """A person to create (no `fields`) or to update, and the lines of the file that said so."""

    person: Person
    fields: tuple[str, ...]
    lines: tuple[int, ...]


@dataclass(frozen=True)
class ImportPlan:
    source: PeopleSource
    creates: tuple[Change, ...]
    updates: tuple[Change, ...]
    skipped: tuple[LineNote, ...]
    invalid: tuple[LineNote, ...]
    notes: tuple[str, ...] = ()

    @property
    def records(self) -> list[Record]:
        return [change.person for change in (*self.creates, *self.updates)]

    @property
    def is_empty(self) -> bool:
        return not self.creates and not self.updates

    @property
    def counts(self) -> str:
        """ "3 to create, 1 to update, 2 to skip, 1 invalid"."""
        parts = [
            f"{len(self.creates):,} to create",
            f"{len(self.updates):,} to update",
            f"{len(self.skipped):,} to skip",
        ]
        if self.invalid:
            parts.append(f"{len(self.invalid):,} invalid")
        return ", ".join(parts)


@dataclass
class _Planning:
    index: PeopleIndex
    institutions: InstitutionFinder
    existing: set[str]
    changed: dict[str, set[str]] = field(default_factory=dict)
    lines: dict[str, list[int]] = field(default_factory=dict)
    skipped: list[LineNote] = field(default_factory=list)
    invalid: list[LineNote] = field(default_factory=list)
    unknown: Counter[str] = field(default_factory=Counter)


def plan_import(
    source: PeopleSource,
    people: Iterable[Person],
    institutions: Iterable[Institution],
    *,
    progress: Progress | None = None,
) -> ImportPlan:
    """What importing `source` would do to `people`; nothing is saved."""
    known = list(people)
    planning = _Planning(PeopleIndex(known), InstitutionFinder(institutions), {p.id for p in known})
    planning.invalid.extend(LineNote(line, message) for line, message in source.unreadable)
    total = len(source.rows)
    for done, row in enumerate(source.rows, start=1):
        _plan_row(planning, row)
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)
    return _finished(planning, source)


def _finished(planning: _Planning, source: PeopleSource) -> ImportPlan:
    creates: list[Change] = []
    updates: list[Change] = []
    for person_id, fields in planning.changed.items():
        person = planning.index.get(person_id)
        assert person is not None
        lines = tuple(planning.lines[person_id])
        if person_id in planning.existing:
            updates.append(Change(person, tuple(sorted(fields)), lines))
        else:
            creates.append(Change(person, (), lines))
    notes = list(source.notes)
    for name, count in sorted(planning.unknown.items()):
        times = "" if count == 1 else f" ({count:,} rows)"
        notes.append(f'No institution on record is called "{name}"{times}: no membership added.')
    return ImportPlan(
        source,
        tuple(creates),
        tuple(updates),
        tuple(sorted(planning.skipped, key=lambda n: n.line)),
        tuple(sorted(planning.invalid, key=lambda n: n.line)),
        tuple(notes),
    )


def _plan_row(planning: _Planning, row: Incoming) -> None:
    if row.skip:
        planning.skipped.append(LineNote(row.line, row.skip))
        return
    if not (row.name or row.email or row.phone):
        planning.invalid.append(LineNote(row.line, "No name, email or phone."))
        return
    institution = planning.institutions.find(row.institution) if row.institution else None
    if row.institution and institution is None:
        planning.unknown[row.institution] += 1
    match = planning.index.match(row.email, row.phone, row.name)
    if len(match.people) > 1:
        names = ", ".join(p.name for p in match.people[:5])
        planning.skipped.append(
            LineNote(row.line, f"Matches {len(match.people)} people by {match.by} ({names}).")
        )
        return
    if match.people and _doubtful(row, match.people[0], match.by):
        person = match.people[0]
        planning.skipped.append(
            LineNote(
                row.line,
                f"The phone number is {person.name}'s, but the name and email are not: "
                "left for you to check.",
            )
        )
    elif match.people:
        _update(planning, row, match.people[0], institution)
    else:
        _create(planning, row, institution)


def _doubtful(row: Incoming, person: Person, by: str) -> bool:
    """A phone shared (a household's landline, a number passed on) is not enough when the
    row's name and email both say someone else."""
    return (
        by == "phone"
        and bool(row.name and row.email and person.email)
        and name_key(row.name) != name_key(person.name)
        and email_key(row.email) != email_key(person.email)
    )


def _create(planning: _Planning, row: Incoming, institution: Institution | None) -> None:
    if not row.name:
        planning.invalid.append(
            LineNote(row.line, "No name: a new person needs one (only an email or phone given).")
        )
        return
    fields: dict[str, Any] = {
        "name": row.name,
        "email": row.email,
        "phone": row.phone,
        "address": row.address,
        "notes": row.notes,
    }
    if institution is not None:
        fields["memberships"] = [Membership(institution_id=institution.id, role=row.role)]
    try:
        person = Person.model_validate(fields)
    except ValidationError as error:
        planning.invalid.append(LineNote(row.line, describe(error)))
        return
    planning.index.put(person)
    planning.changed[person.id] = set()
    planning.lines[person.id] = [row.line]


def _update(
    planning: _Planning, row: Incoming, person: Person, institution: Institution | None
) -> None:
    changes = changes_for(person, row, institution)
    touched = planning.lines.get(person.id)
    if not changes:
        said = f"repeats line {touched[0]}" if touched else "already on record"
        planning.skipped.append(
            LineNote(row.line, f"Nothing new: {person.name} {said}.", unchanged=True)
        )
        return
    try:
        changed = person.evolve(**changes)
    except ValidationError as error:
        planning.invalid.append(LineNote(row.line, describe(error)))
        return
    planning.index.put(changed)
    planning.changed.setdefault(person.id, set()).update(changes)
    planning.lines.setdefault(person.id, []).append(row.line)


def changes_for(person: Person, row: Incoming, institution: Institution | None) -> dict[str, Any]:
    """The fields of `person` that `row` changes, with their new values."""
    changes: dict[str, Any] = {}
    if row.email and email_key(row.email) != email_key(person.email):
        changes["email"] = row.email
    if row.phone and _phone_differs(row.phone, person.phone):
        changes["phone"] = row.phone
    if row.address and " ".join(row.address.split()) != " ".join(person.address.split()):
        changes["address"] = row.address
    notes = row.notes.strip()
    if notes and notes not in person.notes:
        changes["notes"] = f"{person.notes}\n\n{notes}" if person.notes else notes
    memberships = _memberships(person.memberships, institution, row.role)
    if memberships is not None:
        changes["memberships"] = memberships
    return changes


def _phone_differs(new: str, old: str) -> bool:
    key = phone_key(new)
    return key != phone_key(old) if key else new.strip() != old.strip()


def _memberships(
    held: Sequence[Membership], institution: Institution | None, role: str
) -> list[Membership] | None:
    """The memberships with `institution` added or its role given; None when unchanged."""
    if institution is None:
        return None
    for at, membership in enumerate(held):
        if membership.institution_id == institution.id:
            if not role or role == membership.role:
                return None
            return [
                *held[:at],
                Membership(institution_id=institution.id, role=role),
                *held[at + 1 :],
            ]
    return [*held, Membership(institution_id=institution.id, role=role)]


def apply_plan(repo: Repository, plan: ImportPlan) -> list[Record]:
    """Save everything the plan creates and updates, as one change; nothing if it is empty."""
    if plan.is_empty:
        return []
    return repo.save_all(plan.records)
