"""Editing and deleting a public action, shared by the list and the action's own screen.

A save the store refuses is reported and the dialog opens again with everything as typed.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.screen import Screen

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Campaign, PublicAction
from organiser.repository import Repository
from screens.action_dialog import ActionDialog
from screens.form_flow import confirm_delete, save_until_done
from screens.person_flows import refuse_if_read_only, report
from screens.undo_keeper import UNDO_WHILE_OPEN


async def edit_action(
    screen: Screen[Any], repo: Repository, clock: Clock, action: PublicAction | None
) -> PublicAction | None:
    """Open the action dialog (for `action`, or a new one) until saved or given up."""
    if refuse_if_read_only(screen, repo):
        return None
    try:
        campaigns = repo.list(Campaign)
    except OrganiserError as error:
        report(screen, error, "Cannot open the form")
        return None
    return await save_until_done(
        screen,
        repo,
        lambda draft: ActionDialog(
            action, campaigns=campaigns, now=clock.now(), zone=clock.tz, draft=draft
        ),
        action,
        lambda saved: saved.name,
    )


async def delete_action(screen: Screen[Any], repo: Repository, action: PublicAction) -> bool:
    if refuse_if_read_only(screen, repo):
        return False
    question = Text.assemble(
        "Delete ",
        (action.name, "bold"),
        "?\n\nIts turnout, leaders' roles and evaluation go with it. ",
        UNDO_WHILE_OPEN,
    )
    return await confirm_delete(
        screen,
        "Delete this action?",
        question,
        lambda: repo.delete(type(action), action.id),
        f"Deleted {action.name}",
    )
