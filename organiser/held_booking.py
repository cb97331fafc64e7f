"""A 1-2-1 logged as held that is most likely a booking already on record.

Logging a 1-2-1 (`l`, quick add, `organiser log` or `add`) with someone who has one *booked*
close to that day usually means the booking took place: rather than a second record, the
booking should be marked held with what was typed.

The rule: a booking *matches* when it is with the same person, still booked (not held or
cancelled), and on the same calendar day as the 1-2-1 logged, or fewer than the contact
guard's days from it either side (the Profile's `contact_guard_days`, the window in which the
guard would warn of it anyway). With the guard off (0 days) only the same day matches: a
duplicate is still a duplicate. Of several, the nearest day wins, then the nearest time.

Taking a booking over keeps its id (so a diary updates the event rather than adding one)
and its place and length when none were typed; everything typed replaces what it held. Its
time is kept when the organiser gave none (left the form's "now", or no at:/--at), since
the booked time is when they met; a time typed replaces it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, tzinfo

from organiser.clock import LONDON
from organiser.contact_guard import DEFAULT_DAYS
from organiser.models import OneToOneStatus, Profile, RelationalMeeting
from organiser.one_to_ones import CONVERSATION
from organiser.repository import Repository
from organiser.text import where

#: What a held 1-2-1 may say that a booking might already hold; blank typed keeps the booking's.
FILLED = ("length_minutes", "place", *CONVERSATION, "follow_up_done_on")
#: A time within this of the moment the form opened is the form's own "now", not one typed.
NOW_LEEWAY = timedelta(minutes=1)


def left_as_now(at: datetime, now: datetime) -> bool:
    """Whether `at` is just the "now" a form or a line fills in when no time is given."""
    return abs(at - now) < NOW_LEEWAY


def can_match(meeting: RelationalMeeting) -> bool:
    """Only a 1-2-1 being logged held for the first time can be a booking taking place."""
    return meeting.status is OneToOneStatus.HELD and not meeting.is_saved


def matching_booking(
    meeting: RelationalMeeting,
    meetings: Iterable[RelationalMeeting],
    days: int,
    zone: tzinfo,
) -> RelationalMeeting | None:
    """The booking that logging `meeting` most likely is (see the module), or None."""
    if not can_match(meeting):
        return None
    day = meeting.at.astimezone(zone).date()
    window = max(days, 1)
    found: list[tuple[int, float, str, RelationalMeeting]] = []
    for other in meetings:
        if (
            other.person_id != meeting.person_id
            or other.id == meeting.id
            or other.status is not OneToOneStatus.BOOKED
        ):
            continue
        apart = abs((other.at.astimezone(zone).date() - day).days)
        if apart < window:
            seconds = abs((other.at - meeting.at).total_seconds())
            found.append((apart, seconds, other.id, other))
    return min(found, key=lambda f: f[:3])[3] if found else None


def take_over(
    booking: RelationalMeeting, typed: RelationalMeeting, *, keep_time: bool
) -> RelationalMeeting:
    """`booking` marked held with what was `typed` (see the module for what is kept)."""
    changes: dict[str, object] = {"status": OneToOneStatus.HELD}
    if not keep_time:
        changes["at"] = typed.at
    for field in FILLED:
        value = getattr(typed, field)
        if value not in (None, ""):
            changes[field] = value
    changes["contact_guard_overridden"] = typed.contact_guard_overridden
    return booking.evolve(**changes)


def describe_booking(booking: RelationalMeeting, zone: tzinfo) -> str:
    """ "Mon 23 Nov 14:00, 45 min, at Café Nero" """
    at = booking.at.astimezone(zone)
    text = f"{at:%a} {at.day} {at:%b %H:%M}"
    if booking.length_minutes:
        text += f", {booking.length_minutes} min"
    if booking.place:
        text += f", {where(booking.place)}"
    return text


def booking_for(
    repo: Repository, meeting: RelationalMeeting, profile: Profile | None
) -> RelationalMeeting | None:
    """The booking on record that logging `meeting` most likely is, by the Profile's window.
    Reads the person's 1-2-1s only, and nothing at all unless `meeting` is new and held."""
    if not can_match(meeting):
        return None
    days = profile.contact_guard_days if profile is not None else DEFAULT_DAYS
    zone = profile.zone if profile is not None else LONDON
    theirs = repo.list(RelationalMeeting, {"person_id": meeting.person_id})
    return matching_booking(meeting, theirs, days, zone)
