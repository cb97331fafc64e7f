"""Editing and deleting a person, shared by the People list and a person's own screen.

Each flow reads top to bottom: ask in a dialog, then save through the repository. A save
the store refuses is reported and the dialog opens again with everything as it was typed.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Institution, Person
from organiser.people import fold
from organiser.removal import plan_removal, remove
from organiser.repository import Repository
from screens.confirm import ConfirmDialog
from screens.person_dialog import PersonDialog
from screens.widgets.read_only_banner import READ_ONLY_MESSAGE


def refuse_if_read_only(screen: Screen[Any], repo: Repository) -> bool:
    """True (and say so) when nothing can be saved."""
    if repo.read_only:
        screen.notify(READ_ONLY_MESSAGE, title="Read-only", severity="warning", markup=False)
    return repo.read_only


def report(screen: Screen[Any], error: BaseException, title: str = "Not saved") -> None:
    """An error as a notification a person can read; never a traceback."""
    message = str(error) if isinstance(error, OrganiserError) else f"Something went wrong: {error}"
    screen.notify(message or type(error).__name__, title=title, severity="error", markup=False)


def report_failed_worker(screen: Screen[Any], event: Worker.StateChanged) -> None:
    """For a screen's `Worker.StateChanged` handler: a task that failed says so in words.

    The screens' workers run with `exit_on_error=False`, so the app carries on.
    """
    if event.state == WorkerState.ERROR and event.worker.error is not None:
        report(screen, event.worker.error, "Something went wrong")


async def edit_person(
    screen: Screen[Any], repo: Repository, clock: Clock, person: Person | None
) -> Person | None:
    """Open the person dialog (for `person`, or a new one) until saved or given up."""
    if refuse_if_read_only(screen, repo):
        return None
    try:
        institutions = sorted(repo.list(Institution), key=lambda i: fold(i.name))
        profile = repo.profile()
    except OrganiserError as error:
        report(screen, error, "Cannot open the form")
        return None
    draft = person
    while True:
        dialog = PersonDialog(
            person, institutions=institutions, profile=profile, today=clock.today(), draft=draft
        )
        typed = await screen.app.push_screen_wait(dialog)
        if typed is None:
            return None
        try:
            saved = repo.save(typed)
        except Exception as error:  # whatever went wrong, keep what was typed
            report(screen, error)
            draft = typed
            continue
        screen.notify(f"Saved {saved.name}", markup=False)
        return saved


async def delete_person(screen: Screen[Any], repo: Repository, person: Person) -> bool:
    """Ask, naming the person, then delete them for good; True when they were deleted."""
    if refuse_if_read_only(screen, repo):
        return False
    try:
        removal = plan_removal(repo, person)
    except OrganiserError as error:
        report(screen, error, "Cannot delete")
        return False
    consequences = removal.summary()
    question = Text.assemble(
        "Delete ",
        (person.name, "bold"),
        "?\n\nThis is permanent: their record, contact details, consents and notes "
        "are removed from this database and cannot be brought back.",
        f"\n\n{consequences}" if consequences else "",
        "\n\nTo erase them completely instead (also from notes that mention them and from "
        "the backups, keeping your figures right), press E on their screen.",
    )
    sure = await screen.app.push_screen_wait(
        ConfirmDialog("Delete this person?", question, yes="Delete", no="Keep", dangerous=True)
    )
    if not sure:
        return False
    try:
        remove(repo, removal)
    except Exception as error:
        report(screen, error, "Not deleted")
        return False
    screen.notify(f"Deleted {person.name}", markup=False)
    return True
