"""Records into diary entries: which records go in, when, for how long and saying what.

Each maker takes one record and returns its entries (a meeting gives itself and its action
points due). SEQUENCE is the record's revision less one, so a record saved once is 0 and a
record edited twice is 2. A cancelled 1-2-1 stays in as cancelled, as does a deleted record
(from its Tombstone), so calendars drop it rather than keep a ghost.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from organiser.actions import KIND_LABELS as ACTION_LABELS
from organiser.calendar.entries import Entry, Privacy, all_day, kind_of_stem, lines, stamp_of
from organiser.calendar.entries import uid_stem as stem
from organiser.clock import LONDON
from organiser.dates import format_day
from organiser.meetings import KIND_LABELS as MEETING_LABELS
from organiser.models import (
    DiaryKind,
    FundingSource,
    FundingStatus,
    FundraisingItem,
    Institution,
    Meeting,
    OneToOneStatus,
    Person,
    PublicAction,
    Record,
    RelationalMeeting,
    SupervisionReview,
    Tombstone,
    TrainingSession,
)
from organiser.money import format_pounds
from organiser.trainings import KIND_LABELS as TRAINING_LABELS
from organiser.trainings import days_long

K = DiaryKind
#: How long an entry lasts when its record does not say.
ONE_TO_ONE_MINUTES = 45
MEETING_MINUTES = 60
ACTION_MINUTES = 120
SUPERVISION_MINUTES = 60
#: Invoices whose due day goes in: still owed, paid (kept, marked paid) or lost (cancelled).
INVOICE_STATUSES = frozenset({FundingStatus.INVOICED, FundingStatus.PAID, FundingStatus.LOST})


@dataclass(frozen=True)
class Context:
    """What a maker may look up: who is who, and what may be shown of them."""

    privacy: Privacy
    zone: ZoneInfo = LONDON
    people: Mapping[str, Person] = field(default_factory=dict)
    institutions: Mapping[str, Institution] = field(default_factory=dict)


def _sequence(record: Record) -> int:
    return max(record.revision - 1, 0)


def _timed(start: datetime, minutes: int | None, default: int) -> tuple[datetime, datetime]:
    return start, start + timedelta(minutes=minutes or default)


def one_to_one(meeting: RelationalMeeting, ctx: Context) -> list[Entry]:
    person = ctx.people.get(meeting.person_id)
    name = ctx.privacy.name(person)
    cancelled = meeting.status is OneToOneStatus.CANCELLED
    notes = ctx.privacy.notes_about(person)
    start, end = _timed(meeting.at, meeting.length_minutes, ONE_TO_ONE_MINUTES)
    title = f"1-2-1 with {name}"
    found = [
        Entry(
            stem=stem(K.ONE_TO_ONE, meeting.id),
            kind=K.ONE_TO_ONE,
            sequence=_sequence(meeting),
            stamp=stamp_of(meeting, person),
            title=f"Cancelled: {title}" if cancelled else title,
            start=start,
            end=end,
            location=meeting.place,
            description=lines(
                ("Interests", meeting.interests),
                ("Self-interest", meeting.self_interest),
                ("Story", meeting.story),
                ("Tension", meeting.tension),
                ("Follow-up", meeting.follow_up),
                ("Private notes", person.private_notes if person else ""),
            )
            if notes
            else "",
            cancelled=cancelled,
            private=True,
        )
    ]
    if meeting.follow_up_due is not None:
        first, after = all_day(meeting.follow_up_due)
        found.append(
            Entry(
                stem=stem(K.FOLLOW_UP, meeting.id),
                kind=K.FOLLOW_UP,
                sequence=_sequence(meeting),
                stamp=stamp_of(meeting, person),
                title=f"Follow up with {name}",
                start=first,
                end=after,
                description=lines(
                    ("Agreed", meeting.follow_up if notes else ""),
                    f"From the 1-2-1 on {format_day(meeting.at.astimezone(ctx.zone).date())}",
                ),
                cancelled=cancelled,
                done_on=meeting.follow_up_done_on,
                private=True,
            )
        )
    return found


def training(session: TrainingSession, ctx: Context) -> list[Entry]:
    start: datetime | date
    if session.all_day:
        start, end = all_day(session.starts.astimezone(ctx.zone).date(), days_long(session))
    else:
        start, end = session.starts, session.starts + timedelta(hours=session.length_hours)
    private = ctx.privacy.include_private
    return [
        Entry(
            stem=stem(K.TRAINING, session.id),
            kind=K.TRAINING,
            sequence=_sequence(session),
            stamp=stamp_of(session),
            title=session.name,
            start=start,
            end=end,
            location=session.venue,
            description=lines(
                TRAINING_LABELS[session.training_kind],
                ("Curriculum", session.curriculum),
                ("Notes", session.notes if private else ""),
            ),
        )
    ]


def action(public: PublicAction, ctx: Context) -> list[Entry]:
    start, end = _timed(public.at, public.length_minutes, ACTION_MINUTES)
    target = f"{public.turnout_target:,}" if public.turnout_target else ""
    return [
        Entry(
            stem=stem(K.ACTION, public.id),
            kind=K.ACTION,
            sequence=_sequence(public),
            stamp=stamp_of(public),
            title=public.name,
            start=start,
            end=end,
            location=public.place,
            description=lines(
                ACTION_LABELS[public.action_kind],
                ("The ask", public.ask),
                ("Turnout target", target),
                ("Evaluation", public.evaluation if ctx.privacy.include_private else ""),
            ),
        )
    ]


def meeting(held: Meeting, ctx: Context) -> list[Entry]:
    start, end = _timed(held.at, held.length_minutes, MEETING_MINUTES)
    found = [
        Entry(
            stem=stem(K.MEETING, held.id),
            kind=K.MEETING,
            sequence=_sequence(held),
            stamp=stamp_of(held),
            title=held.title,
            start=start,
            end=end,
            location=held.place,
            description=lines(
                MEETING_LABELS[held.meeting_kind],
                ("Agenda", held.agenda),
                ("Minutes", held.minutes if ctx.privacy.include_private else ""),
            ),
        )
    ]
    day = format_day(held.at.astimezone(ctx.zone).date())
    for point in held.action_points:
        if point.due is None:
            continue
        owner = ctx.people.get(point.owner_id) if point.owner_id else None
        first, after = all_day(point.due)
        found.append(
            Entry(
                stem=stem(K.ACTION_POINT, held.id, point.id),
                kind=K.ACTION_POINT,
                sequence=_sequence(held),
                stamp=stamp_of(held, owner),
                title=f"Action point: {point.text}",
                start=first,
                end=after,
                description=lines(
                    ("Owner", ctx.privacy.name(owner) if point.owner_id else ""),
                    f"From {held.title} on {day}",
                ),
                done_on=point.done_on,
            )
        )
    return found


def review(session: SupervisionReview, ctx: Context) -> list[Entry]:
    start, end = _timed(session.at, None, SUPERVISION_MINUTES)
    private = ctx.privacy.include_private
    period = f"{format_day(session.period_start)} to {format_day(session.period_end)}"
    found = [
        Entry(
            stem=stem(K.SUPERVISION, session.id),
            kind=K.SUPERVISION,
            sequence=_sequence(session),
            stamp=stamp_of(session),
            title=f"Supervision with {session.supervisor}",
            start=start,
            end=end,
            description=lines(
                ("Period", period),
                ("What went well", session.went_well if private else ""),
                ("To work on", session.weakness if private else ""),
                ("Supervisor's notes", session.supervisor_notes if private else ""),
                ("Private notes", session.private_notes if private else ""),
            ),
            private=True,
        )
    ]
    day = format_day(session.at.astimezone(ctx.zone).date())
    for agreed in session.agreed_actions:
        if agreed.due is None:
            continue
        first, after = all_day(agreed.due)
        found.append(
            Entry(
                stem=stem(K.AGREED_ACTION, session.id, agreed.id),
                kind=K.AGREED_ACTION,
                sequence=_sequence(session),
                stamp=stamp_of(session),
                title=f"Agreed action: {agreed.text}",
                start=first,
                end=after,
                description=lines(("Owner", agreed.owner), f"Agreed in supervision on {day}"),
                done_on=agreed.done_on,
                private=True,
            )
        )
    return found


def renewal(institution: Institution, ctx: Context) -> list[Entry]:
    if institution.renewal_date is None:
        return []
    first, after = all_day(institution.renewal_date)
    dues = institution.annual_dues_pence
    return [
        Entry(
            stem=stem(K.RENEWAL, institution.id),
            kind=K.RENEWAL,
            sequence=_sequence(institution),
            stamp=stamp_of(institution),
            title=f"Renewal due: {institution.name}",
            start=first,
            end=after,
            description=lines(
                ("Membership", institution.status.value.capitalize()),
                ("Annual dues", format_pounds(dues) if dues else ""),
            ),
        )
    ]


def invoice(item: FundraisingItem, ctx: Context) -> list[Entry]:
    if item.due_on is None or item.status not in INVOICE_STATUSES:
        return []
    institution = ctx.institutions.get(item.institution_id) if item.institution_id else None
    dues = item.source is FundingSource.MEMBER_DUES
    what = item.title or (f"Dues from {institution.name}" if institution and dues else "")
    what = what or (institution.name if institution else item.source.value.replace("_", " "))
    paid = item.paid_on or item.due_on
    lost = item.status is FundingStatus.LOST
    title = f"Invoice due: {what}, {format_pounds(item.amount_pence)}"
    first, after = all_day(item.due_on)
    return [
        Entry(
            stem=stem(K.INVOICE, item.id),
            kind=K.INVOICE,
            sequence=_sequence(item),
            stamp=stamp_of(item),
            title=f"Cancelled: {title}" if lost else title,
            start=first,
            end=after,
            description=lines(
                ("Institution", institution.name if institution else ""),
                ("Invoiced", format_day(item.invoiced_on) if item.invoiced_on else ""),
            ),
            cancelled=lost,
            done_on=paid if item.status is FundingStatus.PAID else None,
        )
    ]


Maker = Callable[[Any, Context], list[Entry]]
#: Each diary record type, its maker, and the kinds of entry it can give.
MAKERS: dict[type[Record], tuple[Maker, frozenset[DiaryKind]]] = {
    RelationalMeeting: (one_to_one, frozenset({K.ONE_TO_ONE, K.FOLLOW_UP})),
    TrainingSession: (training, frozenset({K.TRAINING})),
    PublicAction: (action, frozenset({K.ACTION})),
    Meeting: (meeting, frozenset({K.MEETING, K.ACTION_POINT})),
    SupervisionReview: (review, frozenset({K.SUPERVISION, K.AGREED_ACTION})),
    Institution: (renewal, frozenset({K.RENEWAL})),
    FundraisingItem: (invoice, frozenset({K.INVOICE})),
}
_NEUTRAL = Context(Privacy(include_private=False, today=date(2000, 1, 1)))


def entries_of(record: Record, ctx: Context) -> list[Entry]:
    """The diary entries of one record (none for a record that is not in the diary)."""
    found = MAKERS.get(type(record))
    return found[0](record, ctx) if found else []


def in_diary(kind: type[Record]) -> bool:
    """Whether records of `kind` can have diary entries (and so leave a Tombstone)."""
    return kind in MAKERS


def diary_stems(record: Record) -> list[str]:
    """The UIDs (without the domain) of a record's diary entries: kept in its Tombstone."""
    return [entry.stem for entry in entries_of(record, _NEUTRAL)]


def cancelled_entries(tombstone: Tombstone, zone: ZoneInfo) -> list[Entry]:
    """A deleted record's entries, cancelled. A Tombstone keeps no dates (nothing about the
    record but its ids), so each sits on the day it was deleted: calendars match by UID."""
    day = tombstone.removed_at.astimezone(zone).date()
    found: list[Entry] = []
    for entry_stem in tombstone.entries:
        kind = kind_of_stem(entry_stem)
        if kind is None:
            continue
        first, after = all_day(day)
        found.append(
            Entry(
                stem=entry_stem,
                kind=kind,
                # One more than the last SEQUENCE the record's entries were written with.
                sequence=tombstone.last_revision,
                stamp=stamp_of(tombstone),
                title="Cancelled: deleted in Organiser",
                start=first,
                end=after,
                cancelled=True,
            )
        )
    return found
