"""Erasing a person completely (UK GDPR's right to erasure), with the organiser's figures kept
right.

What goes:

* their own record: name, contact details, consents, notes;
* their name, email and phone wherever free text mentions them (1-2-1 notes, conversation
  stories, minutes, training notes, anything), each mention replaced with "[erased]" unless
  the organiser decides that mention is about someone else;
* every link to them: core teams, campaign leaders, trainers, action points they owe,
  fundraising items, power analysis entries, conversations (which become anonymous);
* what was only planned with them: booked 1-2-1s, places on trainings, meetings and public
  actions still to come.

What stays, as anonymous entries nobody can trace back: what already happened and is
counted. Their held (and cancelled) 1-2-1s and their ladder moves keep their date and
status but lose every note, the place and the assessment; their past places at trainings,
meetings and public actions stay with their status. These carry a *stand-in* id that no
person has, so the 1-2-1 rate, turnout, leaders trained and the ladder and campaign counts
read the same before and after, and every screen shows "someone no longer on record".

An `Erasure` says all of that without the records, so the same erasure can be applied to
the live records and then, by the store, to each of its backups (see
`Repository.forget_history`). An `AuditEntry` records when and why, never who.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from organiser.mentions import (
    Finder,
    Mention,
    MentionKey,
    find_mentions,
    identifying_patterns,
    replaced,
)
from organiser.models import (
    RECORD_TYPES,
    AuditEntry,
    Campaign,
    Conversation,
    FundraisingItem,
    Institution,
    LadderMove,
    Meeting,
    OneToOneStatus,
    Person,
    PersonLink,
    PowerMapEntry,
    PublicAction,
    Record,
    RelationalMeeting,
    Tombstone,
    TrainingSession,
    new_id,
)
from organiser.repository import Repository

#: Records that hold no personal data of their own: never searched or changed.
BOOKKEEPING: tuple[type[Record], ...] = (AuditEntry, Tombstone)


@dataclass(frozen=True)
class Erasure:
    """Who is erased and how, independent of any one copy of the records."""

    person_id: str
    #: The patterns that find their name, email and phone in text (see organiser.mentions).
    patterns: tuple[str, ...]
    #: The id their anonymous entries carry: a fresh one that no person has.
    stand_in: str
    #: From this moment on, things are plans (dropped); before it, history (kept anonymous).
    since: datetime
    #: Mentions the organiser decided are not about them: left as they are.
    skipped: frozenset[MentionKey] = frozenset()

    @classmethod
    def of(cls, person: Person, now: datetime) -> Erasure:
        return cls(person.id, tuple(identifying_patterns(person)), new_id(), now)

    def skipping(self, keys: Iterable[MentionKey]) -> Erasure:
        return replace(self, skipped=frozenset(keys))

    @property
    def finder(self) -> Finder:
        return Finder(self.patterns)


@dataclass
class ErasurePlan:
    """What an erasure changes in one copy of the records."""

    erasure: Erasure
    person: Person | None = None
    saves: list[Record] = field(default_factory=list)
    deletes: list[tuple[type[Record], str]] = field(default_factory=list)
    #: The mentions in text, found after the links were taken out: those to review.
    mentions: list[Mention] = field(default_factory=list)
    replaced: int = 0
    skipped: int = 0
    #: How many of each kind become anonymous entries, are unlinked, or are dropped.
    anonymised: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    #: Records that only lose a link to them (a core team, a campaign's leaders).
    unlinked: int = 0

    @property
    def tallied(self) -> int:
        return sum(self.anonymised.values()) + sum(self.dropped.values())

    def summary(self) -> str:
        """What happens besides their own record going, in a few sentences."""
        parts: list[str] = []
        kept = _counted(self.anonymised)
        if kept:
            one = sum(self.anonymised.values()) == 1
            stay = "stays as an anonymous entry" if one else "stay as anonymous entries"
            parts.append(f"{kept} {stay} with every note cleared, so your figures stay right.")
        gone = _counted(self.dropped)
        if gone:
            are = "is" if sum(self.dropped.values()) == 1 else "are"
            parts.append(f"{gone} planned with them {are} dropped.")
        if self.unlinked:
            link = "no longer links" if self.unlinked == 1 else "no longer link"
            parts.append(f"{_plural(self.unlinked, 'other record')} {link} to them.")
        found = len(self.mentions)
        if found:
            parts.append(f"{_plural(found, 'mention')} of them in notes to review, one by one.")
        return " ".join(parts)


#: Names for the summary, singular and plural.
_NOUNS: dict[str, tuple[str, str]] = {
    "one_to_ones": ("1-2-1", "1-2-1s"),
    "ladder_moves": ("ladder move", "ladder moves"),
    "trainings": ("place at a training", "places at trainings"),
    "meetings": ("place at a meeting", "places at meetings"),
    "actions": ("role at a public action", "roles at public actions"),
    "person_links": ("link to someone else", "links to other people"),
}


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _counted(tally: dict[str, int]) -> str:
    parts = [
        f"{'one' if n == 1 else f'{n:,}'} {_NOUNS[kind][0 if n == 1 else 1]}"
        for kind, n in tally.items()
        if n
    ]
    text = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)
    return text[:1].upper() + text[1:]


def _bump(tally: dict[str, int], kind: str, by: int = 1) -> None:
    tally[kind] = tally.get(kind, 0) + by


class _Unlinker:
    """Takes one person out of records' links, keeping past events under the stand-in."""

    def __init__(self, erasure: Erasure, plan: ErasurePlan) -> None:
        self.gone = erasure.person_id
        self.stand_in = erasure.stand_in
        self.since = erasure.since
        self.plan = plan

    def __call__(self, record: Record) -> Record | None:
        """The record changed, or None when it does not name them (or is to be deleted)."""
        gone, plan = self.gone, self.plan
        if isinstance(record, RelationalMeeting) and record.person_id == gone:
            if record.status is OneToOneStatus.BOOKED:
                plan.deletes.append((RelationalMeeting, record.id))
                _bump(plan.dropped, record.kind)
                return None
            _bump(plan.anonymised, record.kind)
            return record.evolve(
                person_id=self.stand_in, place="", interests="", self_interest="", story="",
                tension="", potential=None, follow_up="", follow_up_due=None,
                follow_up_done_on=None, next_meeting_at=None, contact_guard_overridden=False,
            )  # fmt: skip
        if isinstance(record, PersonLink) and record.joins(gone):
            plan.deletes.append((PersonLink, record.id))
            _bump(plan.dropped, record.kind)
            return None
        if isinstance(record, LadderMove) and record.person_id == gone:
            _bump(plan.anonymised, record.kind)
            return record.evolve(person_id=self.stand_in, reason="")
        if isinstance(record, Institution) and gone in record.core_team_ids:
            return record.evolve(core_team_ids=[i for i in record.core_team_ids if i != gone])
        if isinstance(record, Campaign) and gone in record.leader_ids:
            return record.evolve(leader_ids=[i for i in record.leader_ids if i != gone])
        if isinstance(record, Conversation | PowerMapEntry | FundraisingItem):
            return record.evolve(person_id=None) if record.person_id == gone else None
        if isinstance(record, TrainingSession):
            return self._training(record)
        if isinstance(record, Meeting):
            return self._meeting(record)
        if isinstance(record, PublicAction):
            return self._action(record)
        return None

    def _past(self, moment: datetime, record: Record) -> bool:
        past = moment < self.since
        _bump(self.plan.anonymised if past else self.plan.dropped, record.kind)
        return past

    def _training(self, session: TrainingSession) -> TrainingSession | None:
        gone = self.gone
        places = [p for p in session.participations if p.person_id == gone]
        if not places and gone not in session.trainer_ids:
            return None
        participations = [p for p in session.participations if p.person_id != gone]
        if places and self._past(session.starts, session):
            participations = [
                p.model_copy(update={"person_id": self.stand_in}) if p.person_id == gone else p
                for p in session.participations
            ]
        trainers = [i for i in session.trainer_ids if i != gone]
        return session.evolve(trainer_ids=trainers, participations=participations)

    def _meeting(self, meeting: Meeting) -> Meeting | None:
        gone = self.gone
        owes = any(p.owner_id == gone for p in meeting.action_points)
        if gone not in meeting.attendee_ids and not owes:
            return None
        attendees = [i for i in meeting.attendee_ids if i != gone]
        if gone in meeting.attendee_ids and self._past(meeting.at, meeting):
            attendees = [self.stand_in if i == gone else i for i in meeting.attendee_ids]
        points = [
            p.model_copy(update={"owner_id": None}) if p.owner_id == gone else p
            for p in meeting.action_points
        ]
        return meeting.evolve(attendee_ids=attendees, action_points=points)

    def _action(self, action: PublicAction) -> PublicAction | None:
        gone = self.gone
        if not any(r.person_id == gone for r in action.leader_roles):
            return None
        if self._past(action.at, action):
            roles = [
                r.model_copy(update={"person_id": self.stand_in}) if r.person_id == gone else r
                for r in action.leader_roles
            ]
        else:
            roles = [r for r in action.leader_roles if r.person_id != gone]
        return action.evolve(leader_roles=roles)


def plan_erasure(erasure: Erasure, records: Iterable[Record]) -> ErasurePlan:
    """What erasing the person changes among `records` (one copy of the whole database)."""
    plan = ErasurePlan(erasure)
    unlink = _Unlinker(erasure, plan)
    finder = erasure.finder
    skipped = erasure.skipped
    for record in records:
        if isinstance(record, BOOKKEEPING):
            continue
        if isinstance(record, Person) and record.id == erasure.person_id:
            plan.person = record
            plan.deletes.append((Person, record.id))
            continue
        counted = plan.tallied
        unlinked = unlink(record)
        if plan.deletes and plan.deletes[-1][1] == record.id:
            continue  # dropped whole: nothing of it is kept, so nothing to search
        if unlinked is not None and plan.tallied == counted:
            plan.unlinked += 1
        current = unlinked or record
        found = find_mentions([current], finder)
        final = current
        if found:
            plan.mentions += found
            final, done, kept = replaced(current, finder, lambda key: key not in skipped)
            plan.replaced += done
            plan.skipped += kept
        if unlinked is not None or final is not record:
            plan.saves.append(final)
    return plan


def everything(repo: Repository) -> list[Record]:
    """Every record an erasure looks at, read from `repo`."""
    return [r for kind in RECORD_TYPES if kind not in BOOKKEEPING for r in repo.list(kind)]


def reason_problem(erasure: Erasure, reason: str) -> str | None:
    """Why `reason` cannot go in the audit trail: empty, or naming the person."""
    if not reason.strip():
        return "Say why they are erased (the audit trail keeps the reason, not who it was)."
    if erasure.finder.spans(reason):
        return "The reason names them: the audit trail must not say who was erased."
    return None


def erase(repo: Repository, erasure: Erasure, reason: str, now: datetime) -> AuditEntry:
    """Erase the person from the live records as one change, with its audit entry.

    Raises ValueError for an unusable reason, StoreError when the store refuses (nothing is
    changed then). The store's history and backups are dealt with by `forget`.
    """
    problem = reason_problem(erasure, reason)
    if problem:
        raise ValueError(problem)
    plan = plan_erasure(erasure, everything(repo))
    audit = AuditEntry(
        at=now,
        reason=reason.strip(),
        changed=len(plan.saves),
        deleted=len(plan.deletes) - (1 if plan.person else 0),
        replaced=plan.replaced,
        skipped=plan.skipped,
    )
    saved = repo.save_all([*plan.saves, audit], deletes=plan.deletes)
    stored = saved[-1]
    assert isinstance(stored, AuditEntry)
    return stored


def amend_copy(copy: Repository, erasure: Erasure) -> None:
    """Apply `erasure` to another copy of the records (a backup), as one change."""
    plan = plan_erasure(erasure, everything(copy))
    if plan.saves or plan.deletes:
        copy.save_all(plan.saves, deletes=plan.deletes)


def forget(repo: Repository, erasure: Erasure) -> Sequence[str]:
    """Make the erased data unrecoverable from the store's own files and backups. Returns
    messages for the organiser (a backup that had to be removed, for example)."""
    return repo.forget_history(lambda copy: amend_copy(copy, erasure))
