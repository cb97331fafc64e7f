"""Before `organiser log` or `organiser add` saves a 1-2-1: the contact guard, and whether it
is a booking already on record taking place (organiser/contact_guard.py and
organiser/held_booking.py hold the rules).

Like the app, the shell never saves a second record for a booking without being told:

* logging a held 1-2-1 beside a booking that is probably it is refused, with the booking
  named, unless `--mark-held` (the booking is marked held with what was given, keeping its
  time when no --at/at: was given) or `--anyway` (a separate 1-2-1 is saved);
* a 1-2-1 with someone seen within the guard's days is refused unless `--anyway`, and is
  then saved marked as such.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from organiser.clock import LONDON
from organiser.contact_guard import DEFAULT_DAYS, check, warning
from organiser.errors import OrganiserError
from organiser.held_booking import booking_for, describe_booking, left_as_now, take_over
from organiser.models import RelationalMeeting
from organiser.repository import Repository
from organiser.text import terminal_safe


class MustChoose(OrganiserError):
    """The organiser must say which (--anyway or --mark-held); nothing was saved."""


ANYWAY_HELP = (
    "save a 1-2-1 with someone seen in the last few days (the contact guard), or beside one "
    "booked that day, as a separate 1-2-1 all the same; it is marked as such"
)
MARK_HELD_HELP = (
    "the 1-2-1 booked with them that day (or within the contact guard's days) took place: "
    "mark it held with what is given here, rather than adding a second one"
)


def add_check_arguments(parser: argparse.ArgumentParser) -> None:
    """`--anyway` and `--mark-held`, for a command that saves a 1-2-1."""
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--anyway", action="store_true", help=ANYWAY_HELP)
    choice.add_argument("--mark-held", dest="mark_held", action="store_true", help=MARK_HELD_HELP)


def checked(
    repo: Repository,
    meeting: RelationalMeeting,
    name: str,
    now: datetime,
    args: argparse.Namespace,
) -> RelationalMeeting:
    """The 1-2-1 to save for `meeting` (typed with `name` at `now`): itself, marked when the
    guard was overridden, or the booking it is, marked held. Refused, with the reason and
    what to add, when the organiser must choose; nothing is saved then."""
    anyway = bool(getattr(args, "anyway", False))
    mark_held = bool(getattr(args, "mark_held", False))
    profile = repo.profile()
    days = profile.contact_guard_days if profile is not None else DEFAULT_DAYS
    zone = profile.zone if profile is not None else LONDON
    contacts = check(repo, meeting, None, profile)
    booking = booking_for(repo, meeting, profile)
    if booking is not None:
        said = f"{name} has a 1-2-1 booked for {describe_booking(booking, zone)}."
        if mark_held:
            held = take_over(booking, meeting, keep_time=left_as_now(meeting.at, now))
            return held.evolve(contact_guard_overridden=bool(check(repo, held, None, profile)))
        if not anyway:
            raise MustChoose(
                f"{said} Is this it? Nothing saved; add --mark-held to mark that booking held "
                "with what you gave, or --anyway to save a separate 1-2-1."
            )
        print(terminal_safe(f"Note: {said} Saved a separate 1-2-1 all the same (--anyway)."))
        return meeting.evolve(contact_guard_overridden=bool(contacts))
    if mark_held:
        raise MustChoose(
            f"No 1-2-1 is booked with {name} near then to mark held. Nothing saved; leave out "
            "--mark-held to save this as a new 1-2-1."
        )
    if contacts:
        said = warning(name, contacts, days)
        if not anyway:
            raise MustChoose(f"{said} Nothing saved; add --anyway to save it all the same.")
        print(terminal_safe(f"Note: {said}"))
        return meeting.evolve(contact_guard_overridden=True)
    return meeting


def took_over(saved: RelationalMeeting, typed: RelationalMeeting) -> bool:
    """Whether `saved` is a booking marked held in place of the 1-2-1 `typed`."""
    return saved.id != typed.id
