"""Logging, booking, filling in, cancelling and deleting 1-2-1s, from whichever screen.

Each flow reads top to bottom: ask in a dialog, then save through the repository. A save
the store refuses is reported and the dialog opens again with everything as it was typed.
A 1-2-1 that names a new person, or books the next one, is saved with them as one change.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol, runtime_checkable

from rich.text import Text
from textual.screen import Screen

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Institution, OneToOneStatus, Person, RelationalMeeting
from organiser.one_to_ones import (
    STATUS_LABELS,
    can_cancel,
    can_mark_held,
    moment_text,
    places,
    plan_booking,
    toggle_follow_up,
)
from organiser.repository import Repository
from screens.confirm import ConfirmDialog
from screens.contact_guard_dialog import guarded
from screens.form_flow import confirm_delete
from screens.one_to_one_dialog import OneToOneDialog, OneToOneDraft
from screens.person_flows import refuse_if_read_only, report
from screens.undo_keeper import UNDO_WHILE_OPEN, undo_hint, undoable


@runtime_checkable
class OneToOneHost(Protocol):
    """A screen that takes part when a 1-2-1 is logged over it with the `l` key."""

    def one_to_one_person(self) -> Person | None:
        """The person to fill in (a person's own screen), or None to choose one."""
        ...

    def one_to_ones_changed(self) -> None:
        """A 1-2-1 was saved over this screen: show it."""
        ...


def start_logging(
    screen: Screen[Any], repo: Repository, clock: Clock, *, book: bool = False
) -> None:
    """Log (or book) a 1-2-1 over `screen`, as a worker of that screen.

    The person is filled in when `screen` names one (see `OneToOneHost`), and the screen is
    told when the 1-2-1 has been saved.
    """
    person = screen.one_to_one_person() if isinstance(screen, OneToOneHost) else None

    async def run() -> None:
        try:
            saved = await log_one_to_one(screen, repo, clock, person=person, book=book)
        except Exception as error:  # a message, never a traceback
            report(screen, error, "Something went wrong")
            return
        if saved is not None and isinstance(screen, OneToOneHost):
            screen.one_to_ones_changed()

    screen.run_worker(run(), group="one-to-one", exclusive=True, exit_on_error=False)


def _name(repo: Repository, person_id: str) -> str:
    try:
        person = repo.get(Person, person_id)
    except OrganiserError:
        person = None
    return person.name if person else "someone no longer on record"


async def log_one_to_one(
    screen: Screen[Any],
    repo: Repository,
    clock: Clock,
    *,
    person: Person | None = None,
    book: bool = False,
) -> RelationalMeeting | None:
    """Log a 1-2-1 held (or book one ahead), with `person` filled in when given."""
    status = OneToOneStatus.BOOKED if book else OneToOneStatus.HELD
    return await _fill_in(screen, repo, clock, None, status, person)


async def edit_one_to_one(
    screen: Screen[Any], repo: Repository, clock: Clock, meeting: RelationalMeeting
) -> RelationalMeeting | None:
    """Change anything about a 1-2-1, keeping its status."""
    return await _fill_in(screen, repo, clock, meeting, meeting.status, None)


async def mark_held(
    screen: Screen[Any], repo: Repository, clock: Clock, meeting: RelationalMeeting
) -> RelationalMeeting | None:
    """A booked (or cancelled) 1-2-1 took place: fill in what was said, and save it held."""
    if not can_mark_held(meeting):
        screen.notify("This 1-2-1 is already marked held: e edits it.", severity="warning")
        return None
    return await _fill_in(screen, repo, clock, meeting, OneToOneStatus.HELD, None)


async def _fill_in(
    screen: Screen[Any],
    repo: Repository,
    clock: Clock,
    meeting: RelationalMeeting | None,
    status: OneToOneStatus,
    person: Person | None,
) -> RelationalMeeting | None:
    """Open the dialog until what was typed is saved, or given up."""
    if refuse_if_read_only(screen, repo):
        return None
    try:
        people = repo.list(Person)
        institutions = {i.id: i for i in repo.list(Institution)}
        meetings = repo.list(RelationalMeeting)
    except OrganiserError as error:
        report(screen, error, "Cannot open the form")
        return None
    known_places = places(meetings)
    draft: OneToOneDraft | None = None
    opened = clock.now()  # a time left at this "now" is no time given
    while True:
        dialog = OneToOneDialog(
            meeting,
            status=status,
            people=people,
            institutions_by_id=institutions,
            now=clock.now(),
            places=known_places,
            person=person,
            draft=draft,
        )
        typed = await screen.app.push_screen_wait(dialog)
        if typed is None:
            return None
        checked = await guarded(screen, repo, typed.meeting, meeting, opened)
        if checked is None:  # seen them recently: back to the form, as typed
            draft = typed
            continue
        # Logged beside a booking that was it: that booking, marked held, is what is saved.
        base = meeting or next((m for m in meetings if m.id == checked.id), None)
        typed = replace(typed, meeting=checked)
        previous_next = base.next_meeting_at if base else None
        booking = plan_booking(typed.meeting, previous_next, meetings)
        records = [r for r in (typed.new_person, typed.meeting, booking) if r is not None]
        try:
            with undoable(screen, "") as action:  # one step, named as the notice names it
                stored = repo.save_all(records)
                saved = next(r for r in stored if isinstance(r, RelationalMeeting))
                message = _saved_message(repo, clock, base, saved, typed, booking)
                if action is not None:
                    action.label = message.rstrip(".")
        except Exception as error:  # whatever went wrong, keep what was typed
            report(screen, error)
            draft = typed
            continue
        screen.notify(message, markup=False)
        return saved


def _saved_message(
    repo: Repository,
    clock: Clock,
    before: RelationalMeeting | None,
    saved: RelationalMeeting,
    typed: OneToOneDraft,
    booking: RelationalMeeting | None,
) -> str:
    name = typed.new_person.name if typed.new_person else _name(repo, saved.person_id)
    when = moment_text(saved.at, clock.tz)
    if before is None or not before.is_saved:
        verb = "Booked" if saved.status is OneToOneStatus.BOOKED else "Logged"
        message = f"{verb} a 1-2-1 with {name} on {when}"
    elif before.status is not saved.status:
        message = f"The 1-2-1 with {name} on {when} is now {STATUS_LABELS[saved.status].lower()}"
    else:
        message = f"Saved the 1-2-1 with {name} on {when}"
    if typed.new_person is not None:
        message += f"; {name} added to People"
    if booking is not None:
        message += f"; next 1-2-1 booked for {moment_text(booking.at, clock.tz)}"
    return message + "."


async def cancel_one_to_one(
    screen: Screen[Any], repo: Repository, clock: Clock, meeting: RelationalMeeting
) -> RelationalMeeting | None:
    """Ask, then mark a booked 1-2-1 cancelled; it stays in the person's history."""
    if refuse_if_read_only(screen, repo):
        return None
    if not can_cancel(meeting):
        status = STATUS_LABELS[meeting.status].lower()
        screen.notify(
            f"Only a booked 1-2-1 can be cancelled; this one is {status}.", severity="warning"
        )
        return None
    name = _name(repo, meeting.person_id)
    question = Text.assemble(
        "Cancel the 1-2-1 with ",
        (name, "bold"),
        f" on {moment_text(meeting.at, clock.tz)}?\n\n"
        "It stays in their history, marked cancelled.",
    )
    sure = await screen.app.push_screen_wait(
        ConfirmDialog("Cancel this 1-2-1?", question, yes="Cancel it", no="Keep it")
    )
    if not sure:
        return None
    done = f"Cancelled the 1-2-1 with {name}."
    try:
        with undoable(screen, done.rstrip(".")):
            saved = repo.save(meeting.evolve(status=OneToOneStatus.CANCELLED))
    except Exception as error:
        report(screen, error)
        return None
    screen.notify(undo_hint(done), markup=False)
    return saved


async def delete_one_to_one(
    screen: Screen[Any], repo: Repository, clock: Clock, meeting: RelationalMeeting
) -> bool:
    """Ask, naming the person and the day, then delete the 1-2-1 for good."""
    if refuse_if_read_only(screen, repo):
        return False
    name = _name(repo, meeting.person_id)
    question = Text.assemble(
        "Delete the 1-2-1 with ",
        (name, "bold"),
        f" on {moment_text(meeting.at, clock.tz)}?\n\n"
        "What was said and agreed is removed from this database. ",
        UNDO_WHILE_OPEN,
        " To keep a booking in their history, cancel it instead.",
    )
    return await confirm_delete(
        screen,
        "Delete this 1-2-1?",
        question,
        lambda: repo.delete(RelationalMeeting, meeting.id),
        f"Deleted the 1-2-1 with {name}.",
    )


def tick_follow_up(
    screen: Screen[Any], repo: Repository, clock: Clock, meeting: RelationalMeeting
) -> RelationalMeeting | None:
    """Tick the follow-up done today, or un-tick it; None when nothing changed."""
    if refuse_if_read_only(screen, repo):
        return None
    if not meeting.follow_up and meeting.follow_up_due is None:
        screen.notify("No follow-up was agreed at this 1-2-1.", severity="warning")
        return None
    try:
        saved = repo.save(toggle_follow_up(meeting, clock.today()))
    except Exception as error:
        report(screen, error)
        return None
    done = saved.follow_up_done_on is not None
    screen.notify("Follow-up ticked done." if done else "Follow-up marked not done yet.")
    return saved
