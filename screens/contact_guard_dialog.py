"""The contact guard in the app: before a 1-2-1 is saved with someone seen in the last few
days, say when and what, and let the organiser go ahead (y) or go back to the form (n/esc).

The rule is in organiser/contact_guard.py; going ahead saves the 1-2-1 marked
`contact_guard_overridden`, which its detail view shows.

A 1-2-1 logged held beside a booking with the same person that day (or within the guard's
days) asks instead whether it is that booking (organiser/held_booking.py): marking the
booking held gives back the booking itself, filled in, to be saved in place of a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from rich.text import Text
from textual.screen import Screen

from organiser.clock import LONDON
from organiser.contact_guard import DEFAULT_DAYS, Contact, check, name_of, needs_check
from organiser.held_booking import booking_for, left_as_now, take_over
from organiser.models import Profile, RelationalMeeting
from organiser.repository import Repository
from organiser.text import day_count
from screens.confirm import ConfirmDialog
from screens.held_booking_dialog import HeldBookingDialog, HeldChoice
from screens.held_booking_dialog import question as booking_question

TITLE = "Seen them recently"


def question(name: str, contacts: Sequence[Contact], days: int) -> Text:
    """What the dialog asks: who, each recent contact on its own line, and the choice."""
    text = Text.assemble(
        (name, "bold"), f" has had a contact within {day_count(days)} of this 1-2-1:\n\n"
    )
    for contact in contacts:
        text.append(f"  • {contact.describe()}\n")
    text.append(
        "\nGo ahead and save it all the same (it is marked as saved despite the guard), "
        "or go back to the form?"
    )
    return text


def dialog(name: str, contacts: Sequence[Contact], days: int) -> ConfirmDialog:
    return ConfirmDialog(TITLE, question(name, contacts, days), yes="Go ahead", no="Go back")


def _days(profile: Profile | None) -> int:
    return profile.contact_guard_days if profile is not None else DEFAULT_DAYS


def overridden(meeting: RelationalMeeting, flag: bool) -> RelationalMeeting:
    """`meeting` marked as saved despite the guard (or no longer so)."""
    if meeting.contact_guard_overridden is flag:
        return meeting
    return meeting.evolve(contact_guard_overridden=flag)


def _booking_dialog(
    repo: Repository,
    meeting: RelationalMeeting,
    booking: RelationalMeeting,
    contacts: Sequence[Contact],
    profile: Profile | None,
) -> HeldBookingDialog:
    zone = profile.zone if profile is not None else LONDON
    others = [c for c in contacts if c.record_id != booking.id]
    name = name_of(repo, meeting.person_id)
    return HeldBookingDialog(booking_question(name, booking, others, _days(profile), zone))


def _chosen(
    repo: Repository,
    choice: HeldChoice | None,
    meeting: RelationalMeeting,
    booking: RelationalMeeting,
    contacts: Sequence[Contact],
    opened: datetime | None,
) -> RelationalMeeting | None:
    """What to save after the booking question: the booking marked held (marked as saved
    despite the guard when another contact is near), the 1-2-1 as typed, or None."""
    if choice is None:
        return None
    if choice is HeldChoice.SEPARATE:
        return overridden(meeting, bool(contacts))
    keep_time = opened is not None and left_as_now(meeting.at, opened)
    held = take_over(booking, meeting, keep_time=keep_time)
    return overridden(held, bool(check(repo, held, None, repo.profile())))


async def guarded(
    screen: Screen[Any],
    repo: Repository,
    meeting: RelationalMeeting,
    before: RelationalMeeting | None,
    opened: datetime | None = None,
) -> RelationalMeeting | None:
    """`meeting` as it should be saved: unchanged when it need not be checked, unmarked when
    no contact is near, marked when the organiser goes ahead; None when they go back.

    Logged beside a booking that is probably it, the answer may be that booking marked held
    (same id, so it replaces the booking rather than adding a 1-2-1). `opened` is when the
    form opened: a time left at that "now" keeps the booked time."""
    profile = repo.profile()
    zone = profile.zone if profile is not None else LONDON
    if not needs_check(before, meeting, zone):
        return meeting
    contacts = check(repo, meeting, before, profile)
    booking = booking_for(repo, meeting, profile) if before is None else None
    if booking is not None:
        choice = await screen.app.push_screen_wait(
            _booking_dialog(repo, meeting, booking, contacts, profile)
        )
        return _chosen(repo, choice, meeting, booking, contacts, opened)
    if not contacts:
        return overridden(meeting, False)
    name = name_of(repo, meeting.person_id)
    ahead = await screen.app.push_screen_wait(dialog(name, contacts, _days(profile)))
    return overridden(meeting, True) if ahead else None


def ask_then(
    screen: Screen[Any],
    repo: Repository,
    meeting: RelationalMeeting,
    decided: Callable[[RelationalMeeting | None], None],
    opened: datetime | None = None,
) -> None:
    """As `guarded`, for a screen that is not in a worker: `decided` is called with the
    meeting to save, or None when the organiser goes back. `opened` is when the line was
    read: a 1-2-1 at that "now" keeps a booking's time."""
    profile = repo.profile()
    contacts = check(repo, meeting, None, profile)
    booking = booking_for(repo, meeting, profile)
    if booking is not None:

        def chose(choice: HeldChoice | None) -> None:
            decided(_chosen(repo, choice, meeting, booking, contacts, opened))

        screen.app.push_screen(_booking_dialog(repo, meeting, booking, contacts, profile), chose)
        return
    if not contacts:
        decided(overridden(meeting, False))
        return
    name = name_of(repo, meeting.person_id)

    def answered(ahead: bool | None) -> None:
        decided(overridden(meeting, True) if ahead else None)

    screen.app.push_screen(dialog(name, contacts, _days(profile)), answered)
