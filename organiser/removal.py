"""Removing a person from the database without leaving anything pointing at them.

Their own records go (1-2-1s with them, their ladder moves); other records keep their
meaning but lose the link (a conversation becomes anonymous, an action point loses its
owner, a training loses a participant). Counts that were true stay true: a public action's
turnout, for example, is a number, not a list of people, and is left as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from organiser.models import (
    Campaign,
    Conversation,
    FundraisingItem,
    Institution,
    LadderMove,
    Meeting,
    Person,
    PersonLink,
    PowerMapEntry,
    PublicAction,
    Record,
    RelationalMeeting,
    TrainingSession,
)
from organiser.repository import Repository

#: Record types that can mention a person by id.
MENTIONING: tuple[type[Record], ...] = (
    RelationalMeeting,
    LadderMove,
    Institution,
    Conversation,
    Campaign,
    PowerMapEntry,
    PublicAction,
    Meeting,
    TrainingSession,
    FundraisingItem,
    PersonLink,
)


@dataclass
class Removal:
    """One change that removes a person: records to save (unlinked) and to delete."""

    person: Person
    saves: list[Record] = field(default_factory=list)
    deletes: list[tuple[type[Record], str]] = field(default_factory=list)

    def count(self, kind: type[Record]) -> int:
        return sum(1 for k, _ in self.deletes if k is kind) + sum(
            1 for r in self.saves if isinstance(r, kind)
        )

    def summary(self) -> str:
        """ "Their 12 1-2-1s and 3 ladder moves go too; 4 other records lose the link." """
        gone = []
        meetings = sum(1 for k, _ in self.deletes if k is RelationalMeeting)
        moves = sum(1 for k, _ in self.deletes if k is LadderMove)
        if meetings:
            gone.append(f"{meetings} 1-2-1{'s' if meetings != 1 else ''}")
        if moves:
            gone.append(f"{moves} ladder move{'s' if moves != 1 else ''}")
        links = sum(1 for k, _ in self.deletes if k is PersonLink)
        if links:
            gone.append(f"{links} link{'s' if links != 1 else ''} to other people")
        parts = []
        if gone:
            listed = f"{', '.join(gone[:-1])} and {gone[-1]}" if len(gone) > 1 else gone[0]
            parts.append(f"Their {listed} go too.")
        if self.saves:
            n = len(self.saves)
            parts.append(f"{n} other record{'s' if n != 1 else ''} will no longer name them.")
        return " ".join(parts)


def _unlinked(record: Record, gone: str) -> Record | None:
    """`record` without its links to person `gone`, or None when it has none."""
    if isinstance(record, Institution) and gone in record.core_team_ids:
        return record.evolve(core_team_ids=[i for i in record.core_team_ids if i != gone])
    if isinstance(record, Conversation) and record.person_id == gone:
        return record.evolve(person_id=None)
    if isinstance(record, Campaign) and gone in record.leader_ids:
        return record.evolve(leader_ids=[i for i in record.leader_ids if i != gone])
    if isinstance(record, PowerMapEntry) and record.person_id == gone:
        return record.evolve(person_id=None)
    if isinstance(record, PublicAction) and any(r.person_id == gone for r in record.leader_roles):
        return record.evolve(leader_roles=[r for r in record.leader_roles if r.person_id != gone])
    if isinstance(record, Meeting):
        owned = any(p.owner_id == gone for p in record.action_points)
        if gone in record.attendee_ids or owned:
            points = [
                p.model_copy(update={"owner_id": None}) if p.owner_id == gone else p
                for p in record.action_points
            ]
            attendees = [i for i in record.attendee_ids if i != gone]
            return record.evolve(attendee_ids=attendees, action_points=points)
    if isinstance(record, TrainingSession):
        involved = gone in record.trainer_ids or any(
            p.person_id == gone for p in record.participations
        )
        if involved:
            return record.evolve(
                trainer_ids=[i for i in record.trainer_ids if i != gone],
                participations=[p for p in record.participations if p.person_id != gone],
            )
    if isinstance(record, FundraisingItem) and record.person_id == gone:
        return record.evolve(person_id=None)
    return None


def removal_of(person: Person, records: Iterable[Record]) -> Removal:
    """What removing `person` changes among `records`."""
    removal = Removal(person, deletes=[(Person, person.id)])
    for record in records:
        if isinstance(record, RelationalMeeting | LadderMove):
            if record.person_id == person.id:
                removal.deletes.append((type(record), record.id))
            continue
        if isinstance(record, PersonLink):
            if record.joins(person.id):
                removal.deletes.append((PersonLink, record.id))
            continue
        changed = _unlinked(record, person.id)
        if changed is not None:
            removal.saves.append(changed)
    return removal


def plan_removal(repo: Repository, person: Person) -> Removal:
    """Look through every record type that can name a person."""
    return removal_of(person, (r for kind in MENTIONING for r in repo.list(kind)))


def remove(repo: Repository, removal: Removal) -> None:
    """Carry out a removal as one change: all of it or none."""
    repo.save_all(removal.saves, deletes=removal.deletes)
