"""Editing and deleting a person, shared by the People list and a person's own screen.

Each flow reads top to bottom: ask in a dialog, then save through the repository. A save
the store refuses is reported and the dialog opens again with everything as it was typed.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.screen import Screen

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Institution, Person
from organiser.people import fold
from organiser.removal import plan_removal, remove
from organiser.repository import Repository
from screens.feedback import refuse_if_read_only, report, report_failed_worker
from screens.form_flow import confirm_delete, save_until_done
from screens.person_dialog import PersonDialog
from screens.undo_keeper import UNDO_WHILE_OPEN

# Where every area's flows have long found them.
__all__ = ["delete_person", "edit_person", "refuse_if_read_only", "report", "report_failed_worker"]


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
    return await save_until_done(
        screen,
        repo,
        lambda draft: PersonDialog(
            person, institutions=institutions, profile=profile, today=clock.today(), draft=draft
        ),
        person,
        lambda saved: saved.name,
    )


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
        "?\n\nTheir record, contact details, consents and notes are removed from this "
        "database. ",
        UNDO_WHILE_OPEN,
        f"\n\n{consequences}" if consequences else "",
        "\n\nTo erase them completely instead (also from notes that mention them and from "
        "the backups, keeping your figures right), press E on their screen.",
    )
    return await confirm_delete(
        screen,
        "Delete this person?",
        question,
        lambda: remove(repo, removal),
        f"Deleted {person.name}",
    )
