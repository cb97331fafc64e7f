"""1-2-1s as the organiser works with them: read from a form, looked up with filters, shown
newest first with their follow-ups, and the booking a "next meeting" makes.

Everything here is plain Python, so the screens, the command line and tests share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from pydantic import ValidationError

from organiser.dates import format_day, parse_day, parse_moment
from organiser.lookup import fold
from organiser.models import OneToOneStatus, Person, RelationalMeeting, new_id
from organiser.models.base import optional_date
from organiser.periods import Period, PeriodKind
from organiser.validation import field_messages

# Showing --------------------------------------------------------------------------------


def moment_text(at: datetime, zone: tzinfo) -> str:
    """A moment as lists show it, in the organiser's zone: "Mon 23 Nov 2026 14:30".

    `parse_moment` reads it back, so a form can be filled with it.
    """
    return at.astimezone(zone).strftime("%a %d %b %Y %H:%M")


STATUS_LABELS = {
    OneToOneStatus.BOOKED: "Booked",
    OneToOneStatus.HELD: "Held",
    OneToOneStatus.CANCELLED: "Cancelled",
}


def first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0].strip()


def gist(meeting: RelationalMeeting) -> str:
    """What they care about and the tension, each cut to its first line, for one row."""
    parts = [first_line(meeting.interests), first_line(meeting.tension)]
    return " / ".join(part for part in parts if part)


class FollowUpState(StrEnum):
    NONE = "none"
    OPEN = "open"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    DONE = "done"


def follow_up_state(meeting: RelationalMeeting, today: date) -> FollowUpState:
    """Where the follow-up agreed at `meeting` stands on `today`.

    A cancelled 1-2-1's follow-up is never overdue: the Today screen does not chase it either.
    """
    if not meeting.follow_up and meeting.follow_up_due is None:
        return FollowUpState.NONE
    if meeting.follow_up_done_on is not None:
        return FollowUpState.DONE
    due = meeting.follow_up_due
    if due is None or meeting.status is OneToOneStatus.CANCELLED or due > today:
        return FollowUpState.OPEN
    return FollowUpState.DUE_TODAY if due == today else FollowUpState.OVERDUE


def follow_up_text(meeting: RelationalMeeting, today: date) -> str:
    """ "OVERDUE Fri 20 Nov 2026 · Invite to training", "done Tue 24 Nov 2026 · …", or ""."""
    state = follow_up_state(meeting, today)
    if state is FollowUpState.NONE:
        return ""
    due = meeting.follow_up_due
    if state is FollowUpState.DONE:
        when = f"done {optional_date(meeting.follow_up_done_on)}"
    elif state is FollowUpState.OVERDUE:
        when = f"OVERDUE {optional_date(due)}"
    elif state is FollowUpState.DUE_TODAY:
        when = "due today"
    else:
        when = f"due {optional_date(due)}" if due else "no due date"
    what = first_line(meeting.follow_up)
    return f"{when} · {what}" if what else when


# Changing -------------------------------------------------------------------------------


def toggle_follow_up(meeting: RelationalMeeting, today: date) -> RelationalMeeting:
    """Tick the follow-up done today, or un-tick it when it was done."""
    if meeting.follow_up_done_on is not None:
        return meeting.evolve(follow_up_done_on=None)
    return meeting.evolve(follow_up_done_on=today)


def can_mark_held(meeting: RelationalMeeting) -> bool:
    return meeting.status is not OneToOneStatus.HELD


def can_cancel(meeting: RelationalMeeting) -> bool:
    return meeting.status is OneToOneStatus.BOOKED


def plan_booking(
    meeting: RelationalMeeting,
    previous_next: datetime | None,
    existing: Iterable[RelationalMeeting],
) -> RelationalMeeting | None:
    """The booked 1-2-1 that `meeting`'s next meeting calls for, or None when none is needed.

    Nothing when no next meeting is set, or one is already on record for that person at that
    time. When the next meeting moved from `previous_next` and that booking is still booked,
    the booking moves with it rather than leaving a stale one behind.
    """
    wanted = meeting.next_meeting_at
    if wanted is None:
        return None
    theirs = [m for m in existing if m.person_id == meeting.person_id and m.id != meeting.id]
    if any(m.at == wanted and m.status is not OneToOneStatus.CANCELLED for m in theirs):
        return None
    if previous_next is not None and previous_next != wanted:
        for old in theirs:
            if old.at == previous_next and old.status is OneToOneStatus.BOOKED:
                return old.evolve(at=wanted)
    return RelationalMeeting(person_id=meeting.person_id, at=wanted, status=OneToOneStatus.BOOKED)


# Reading a form -------------------------------------------------------------------------

#: Each field a 1-2-1 form fills, and how its messages begin ("Leadership potential must …").
LABELS: dict[str, str] = {
    "person_id": "Person",
    "at": "Date and time",
    "length_minutes": "Length in minutes",
    "place": "Place",
    "interests": "Interests",
    "self_interest": "Self-interest",
    "story": "Their story",
    "tension": "Tension",
    "potential": "Leadership potential",
    "follow_up": "Follow-up agreed",
    "follow_up_due": "Follow-up due",
    "next_meeting_at": "Next 1-2-1",
}
#: Fields about what was said: filled in once a 1-2-1 is held, not when it is booked.
CONVERSATION = (
    "interests",
    "self_interest",
    "story",
    "tension",
    "potential",
    "follow_up",
    "follow_up_due",
    "next_meeting_at",
)


@dataclass(frozen=True)
class OneToOneTexts:
    """A 1-2-1 as typed into a form: every field as text."""

    at: str = ""
    length_minutes: str = ""
    place: str = ""
    interests: str = ""
    self_interest: str = ""
    story: str = ""
    tension: str = ""
    potential: str = ""
    follow_up: str = ""
    follow_up_due: str = ""
    next_meeting_at: str = ""

    @classmethod
    def of(cls, meeting: RelationalMeeting, zone: tzinfo) -> OneToOneTexts:
        """The texts a form shows for `meeting`, which `read_texts` reads back unchanged."""

        def number(value: int | None) -> str:
            return "" if value is None else str(value)

        return cls(
            at=moment_text(meeting.at, zone),
            length_minutes=number(meeting.length_minutes),
            place=meeting.place,
            interests=meeting.interests,
            self_interest=meeting.self_interest,
            story=meeting.story,
            tension=meeting.tension,
            potential=number(meeting.potential),
            follow_up=meeting.follow_up,
            follow_up_due=format_day(meeting.follow_up_due) if meeting.follow_up_due else "",
            next_meeting_at=(
                moment_text(meeting.next_meeting_at, zone) if meeting.next_meeting_at else ""
            ),
        )

    def as_tuple(self) -> tuple[str, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))


def _whole_number(text: str, name: str, errors: dict[str, str]) -> int | None:
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        errors[name] = f"{LABELS[name]} must be a whole number"
        return None


@dataclass
class _Reader:
    now: datetime
    errors: dict[str, str] = field(default_factory=dict)

    def moment(self, text: str, name: str) -> datetime | None:
        if not text.strip():
            return None
        try:
            return parse_moment(text, self.now)
        except ValueError as error:
            self.errors[name] = f"{LABELS[name]}: {error}"
            return None

    def day(self, text: str, name: str) -> date | None:
        if not text.strip():
            return None
        try:
            return parse_day(text, self.now.date())
        except ValueError as error:
            self.errors[name] = f"{LABELS[name]}: {error}"
            return None


def read_texts(
    texts: OneToOneTexts,
    *,
    person_id: str | None,
    status: OneToOneStatus,
    now: datetime,
    base: RelationalMeeting | None = None,
) -> tuple[RelationalMeeting | None, dict[str, str]]:
    """The 1-2-1 as typed, or None and {field: message} for each field that must change.

    `person_id` is None when no one has been chosen yet. `base` is the 1-2-1 being edited
    (or marked held): what the form does not show is kept from it. A booked 1-2-1 leaves the
    conversation fields as they were. The date and time must be still to come for a new
    booking (or a booking moved), and not after today for one held.
    """
    reader = _Reader(now)
    errors = reader.errors
    if person_id is None:
        errors["person_id"] = "Person: choose who you met (type part of their name)"
    data: dict[str, Any] = base.model_dump() if base is not None else {}
    at = reader.moment(texts.at, "at")
    if at is None and "at" not in errors:
        errors["at"] = f"{LABELS['at']}: say when (try today 14:30, yesterday or now)"
    data.update(
        person_id=person_id,
        status=status,
        at=at,
        length_minutes=_whole_number(texts.length_minutes, "length_minutes", errors),
        place=texts.place,
    )
    if status is OneToOneStatus.HELD:
        data.update(
            interests=texts.interests,
            self_interest=texts.self_interest,
            story=texts.story,
            tension=texts.tension,
            potential=_whole_number(texts.potential, "potential", errors),
            follow_up=texts.follow_up,
            follow_up_due=reader.day(texts.follow_up_due, "follow_up_due"),
            next_meeting_at=reader.moment(texts.next_meeting_at, "next_meeting_at"),
        )
        if data["follow_up_due"] is not None and not texts.follow_up.strip():
            errors.setdefault(
                "follow_up", f"{LABELS['follow_up']}: say what was agreed, or clear the due date"
            )
    if at is not None:
        _check_when(at, data, status, now, base, errors)
    try:
        meeting = RelationalMeeting.model_validate(
            {**data, "person_id": person_id or new_id(), "at": at or now}
        )
    except ValidationError as error:
        for name, message in field_messages(error).items():
            errors.setdefault(name, f"{LABELS.get(name, name)} {message}")
        return None, errors
    return (None, errors) if errors else (meeting, {})


def _check_when(
    at: datetime,
    data: Mapping[str, Any],
    status: OneToOneStatus,
    now: datetime,
    base: RelationalMeeting | None,
    errors: dict[str, str],
) -> None:
    moved = base is None or base.at != at
    if status is OneToOneStatus.BOOKED and moved and at <= now:
        errors["at"] = f"{LABELS['at']}: a booking is for a time still to come"
    if status is OneToOneStatus.HELD and at.astimezone(now.tzinfo).date() > now.date():
        errors["at"] = f"{LABELS['at']}: that is still to come, so it cannot have been held yet"
    following = data.get("next_meeting_at")
    if isinstance(following, datetime) and following <= at:
        errors.setdefault(
            "next_meeting_at", f"{LABELS['next_meeting_at']} must come after this one"
        )


# Looking 1-2-1s up ----------------------------------------------------------------------


def listing_period(kind: PeriodKind, today: date) -> Period:
    """A named period for looking 1-2-1s up.

    This week, quarter and year run to their end, so 1-2-1s booked later in them show too;
    the last four weeks end today.
    """
    period = Period.named(kind, today)
    if kind is PeriodKind.THIS_WEEK:
        end = period.start + timedelta(days=6)
    elif kind is PeriodKind.THIS_QUARTER:
        month, year = period.start.month + 3, period.start.year
        if month > 12:
            month, year = month - 12, year + 1
        end = date(year, month, 1) - timedelta(days=1)
    elif kind is PeriodKind.THIS_YEAR:
        end = date(today.year, 12, 31)
    else:
        end = period.end
    return Period(period.start, end, period.label)


@dataclass(frozen=True)
class OneToOneFilter:
    """Which 1-2-1s to list; each part left at its default matches everything."""

    #: Part of the person's name: every word typed must appear in it (case and accents aside).
    person: str = ""
    #: The meeting matches when its person belongs to this institution.
    institution_id: str | None = None
    #: The first and last day, in the organiser's zone, both included; None is open-ended.
    since: date | None = None
    until: date | None = None
    #: Leadership potential assessed at this or higher.
    min_potential: int | None = None
    status: OneToOneStatus | None = None

    @property
    def is_blank(self) -> bool:
        return not self.person.strip() and replace(self, person="") == OneToOneFilter()


#: Sorting by time since this instant rather than by the moments themselves is the same
#: order, five times faster: comparing two stored moments asks each for its offset again.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def newest_first(meetings: Iterable[RelationalMeeting]) -> list[RelationalMeeting]:
    return sorted(meetings, key=lambda m: (m.at - EPOCH, m.id), reverse=True)


class OneToOneFinder:
    """1-2-1s newest first, with what each is filtered by worked out once, so changing a
    filter over thousands of them is a quick scan."""

    def __init__(
        self,
        meetings: Iterable[RelationalMeeting],
        people_by_id: Mapping[str, Person],
        zone: tzinfo,
    ) -> None:
        self.meetings = newest_first(meetings)
        self._days = [m.at.astimezone(zone).date() for m in self.meetings]
        names = {pid: fold(p.name) for pid, p in people_by_id.items()}
        self._names = [names.get(m.person_id, "") for m in self.meetings]
        groups = {pid: frozenset(p.institution_ids) for pid, p in people_by_id.items()}
        empty: frozenset[str] = frozenset()
        self._institutions = [groups.get(m.person_id, empty) for m in self.meetings]

    def __len__(self) -> int:
        return len(self.meetings)

    def matching(self, wanted: OneToOneFilter) -> list[RelationalMeeting]:
        if wanted.is_blank:  # the list as it opens: no scan of every 1-2-1
            return list(self.meetings)
        words = fold(wanted.person).split()
        since = wanted.since or date.min
        until = wanted.until or date.max
        found: list[RelationalMeeting] = []
        for index, meeting in enumerate(self.meetings):
            if not since <= self._days[index] <= until:
                continue
            if wanted.status is not None and meeting.status is not wanted.status:
                continue
            if wanted.min_potential is not None and (
                meeting.potential is None or meeting.potential < wanted.min_potential
            ):
                continue
            if (
                wanted.institution_id is not None
                and wanted.institution_id not in self._institutions[index]
            ):
                continue
            if words and not all(word in self._names[index] for word in words):
                continue
            found.append(meeting)
        return found


def filter_one_to_ones(
    meetings: Iterable[RelationalMeeting],
    people_by_id: Mapping[str, Person],
    wanted: OneToOneFilter,
    zone: tzinfo,
) -> list[RelationalMeeting]:
    """The 1-2-1s `wanted` picks, newest first (see `OneToOneFinder` to filter repeatedly)."""
    return OneToOneFinder(meetings, people_by_id, zone).matching(wanted)


def timeline(meetings: Iterable[RelationalMeeting], person_id: str) -> list[RelationalMeeting]:
    """One person's relational history, newest first."""
    return newest_first(m for m in meetings if m.person_id == person_id)


def places(meetings: Sequence[RelationalMeeting], limit: int = 200) -> list[str]:
    """The places 1-2-1s were held, most recently used first, each once (for suggestions)."""
    seen: dict[str, str] = {}
    for meeting in newest_first(meetings):
        key = fold(meeting.place)
        if key and key not in seen:
            seen[key] = meeting.place
            if len(seen) >= limit:
                break
    return list(seen.values())
