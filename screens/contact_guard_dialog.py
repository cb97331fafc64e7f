"""The contact guard in the app: before a 1-2-1 is saved with someone seen in the last few
days, say when and what, and let the organiser go ahead (y) or go back to the form (n/esc).

The rule is in organiser/contact_guard.py; going ahead saves the 1-2-1 marked
`contact_guard_overridden`, which its detail view shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual.screen import Screen

from organiser.clock import LONDON
from organiser.contact_guard import DEFAULT_DAYS, Contact, check, name_of, needs_check
from organiser.models import Profile, RelationalMeeting
from organiser.repository import Repository
from screens.confirm import ConfirmDialog

TITLE = "Seen them recently"


def question(name: str, contacts: Sequence[Contact], days: int) -> Text:
    """What the dialog asks: who, each recent contact on its own line, and the choice."""
    text = Text.assemble(
        (name, "bold"), f" has had a contact within {days} days of this 1-2-1:\n\n"
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


async def guarded(
    screen: Screen[Any],
    repo: Repository,
    meeting: RelationalMeeting,
    before: RelationalMeeting | None,
) -> RelationalMeeting | None:
    """`meeting` as it should be saved: unchanged when it need not be checked, unmarked when
    no contact is near, marked when the organiser goes ahead; None when they go back."""
    profile = repo.profile()
    zone = profile.zone if profile is not None else LONDON
    if not needs_check(before, meeting, zone):
        return meeting
    contacts = check(repo, meeting, before, profile)
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
) -> None:
    """As `guarded`, for a screen that is not in a worker: `decided` is called with the
    meeting to save, or None when the organiser goes back."""
    profile = repo.profile()
    contacts = check(repo, meeting, None, profile)
    if not contacts:
        decided(overridden(meeting, False))
        return
    name = name_of(repo, meeting.person_id)

    def answered(ahead: bool | None) -> None:
        decided(overridden(meeting, True) if ahead else None)

    screen.app.push_screen(dialog(name, contacts, _days(profile)), answered)
