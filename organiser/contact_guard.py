"""The contact guard: a warning before booking or logging a 1-2-1 with someone already seen.

A contact is a 1-2-1 held or booked (a cancelled one is not), or a listening conversation
linked to the person. Booking or logging a 1-2-1 less than the Profile's
`contact_guard_days` (default 7) from another contact with the same person, before it or
after it, is worth a second thought: an organiser's hours are better spread over more people.
The organiser may go ahead; the 1-2-1 then records that they did
(`contact_guard_overridden`).

Days are counted between calendar days in the organiser's zone: with 7, a 1-2-1 on a Monday
warns of anything from the Tuesday before to the Sunday after, and the same weekday a week
later is fine. A 1-2-1 never warns of itself, so editing one is checked against the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, tzinfo

from organiser.clock import LONDON
from organiser.models import (
    Conversation,
    ListeningCampaign,
    OneToOneStatus,
    Person,
    Profile,
    RelationalMeeting,
)
from organiser.repository import Repository
from organiser.text import day_count

#: The guard's days when there is no Profile yet (the Profile's own default).
DEFAULT_DAYS = 7


@dataclass(frozen=True)
class Contact:
    """One earlier (or later) contact with the person: what it was and when."""

    day: date
    #: "1-2-1 held", "1-2-1 booked" or "listening conversation".
    what: str
    record_id: str
    #: How long a 1-2-1 lasted, when recorded; the campaign of a conversation.
    detail: str = ""

    def describe(self) -> str:
        """ "1-2-1 held Tue 17 Nov, 40 min" """
        text = f"{self.what} {self.day:%a} {self.day.day} {self.day:%b}"
        return f"{text}, {self.detail}" if self.detail else text


def _day(meeting: RelationalMeeting, zone: tzinfo) -> date:
    return meeting.at.astimezone(zone).date()


def needs_check(before: RelationalMeeting | None, after: RelationalMeeting, zone: tzinfo) -> bool:
    """Whether saving `after` (which was `before`, or is new) should be checked: a new 1-2-1,
    or one moved to another person or day; never a cancelled one."""
    if after.status is OneToOneStatus.CANCELLED:
        return False
    if before is None or not before.is_saved:
        return True
    return before.person_id != after.person_id or _day(before, zone) != _day(after, zone)


def recent_contacts(
    meeting: RelationalMeeting,
    meetings: Iterable[RelationalMeeting],
    conversations: Iterable[Conversation],
    days: int,
    zone: tzinfo,
    campaign_names: Mapping[str, str] | None = None,
) -> list[Contact]:
    """The person's other contacts fewer than `days` days from `meeting`'s day, nearest first.
    Nothing when `days` is 0 (the guard is off)."""
    if days <= 0:
        return []
    day = _day(meeting, zone)
    names = campaign_names or {}
    found: list[Contact] = []
    for other in meetings:
        if (
            other.person_id != meeting.person_id
            or other.id == meeting.id
            or other.status is OneToOneStatus.CANCELLED
        ):
            continue
        other_day = _day(other, zone)
        if abs((other_day - day).days) < days:
            length = f"{other.length_minutes} min" if other.length_minutes else ""
            found.append(Contact(other_day, f"1-2-1 {other.status.value}", other.id, length))
    for talk in conversations:
        if talk.person_id == meeting.person_id and abs((talk.on - day).days) < days:
            campaign = names.get(talk.listening_campaign_id, "")
            found.append(Contact(talk.on, "listening conversation", talk.id, campaign))
    return sorted(found, key=lambda c: (abs((c.day - day).days), c.day, c.record_id))


def warning(name: str, contacts: Iterable[Contact], days: int) -> str:
    """ "Amina Khan has had a contact within 7 days: 1-2-1 held Tue 17 Nov, 40 min." """
    said = "; ".join(c.describe() for c in contacts)
    return f"{name} has had a contact within {day_count(days)} of this one: {said}."


def check(
    repo: Repository,
    meeting: RelationalMeeting,
    before: RelationalMeeting | None,
    profile: Profile | None,
) -> list[Contact]:
    """The contacts that should be shown before `meeting` is saved (none when it need not be
    checked, or the guard is off). Reads the person's 1-2-1s and conversations only."""
    days = profile.contact_guard_days if profile is not None else DEFAULT_DAYS
    zone = profile.zone if profile is not None else LONDON
    if days <= 0 or not needs_check(before, meeting, zone):
        return []
    meetings = repo.list(RelationalMeeting, {"person_id": meeting.person_id})
    conversations = repo.list(Conversation, {"person_id": meeting.person_id})
    names: dict[str, str] = {}
    if conversations:
        names = {c.id: c.name for c in repo.list(ListeningCampaign)}
    return recent_contacts(meeting, meetings, conversations, days, zone, names)


def name_of(repo: Repository, person_id: str) -> str:
    person = repo.get(Person, person_id)
    return person.name if person is not None else "This person"
