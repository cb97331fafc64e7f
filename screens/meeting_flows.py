"""Editing and deleting a meeting, shared by the list and the meeting's own screen."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.screen import Screen

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.meetings import open_points
from organiser.models import Campaign, Meeting, Person
from organiser.repository import Repository
from screens.form_flow import confirm_delete, save_until_done
from screens.meeting_dialog import MeetingDialog
from screens.person_flows import refuse_if_read_only, report
from screens.undo_keeper import UNDO_WHILE_OPEN


async def edit_meeting(
    screen: Screen[Any], repo: Repository, clock: Clock, meeting: Meeting | None
) -> Meeting | None:
    """Open the meeting dialog (for `meeting`, or a new one) until saved or given up."""
    if refuse_if_read_only(screen, repo):
        return None
    try:
        people = repo.list(Person)
        campaigns = repo.list(Campaign)
    except OrganiserError as error:
        report(screen, error, "Cannot open the form")
        return None
    return await save_until_done(
        screen,
        repo,
        lambda draft: MeetingDialog(
            meeting, people=people, campaigns=campaigns, now=clock.now(), zone=clock.tz, draft=draft
        ),
        meeting,
        lambda saved: saved.title,
    )


async def delete_meeting(screen: Screen[Any], repo: Repository, meeting: Meeting) -> bool:
    if refuse_if_read_only(screen, repo):
        return False
    question = Text.assemble("Delete ", (meeting.title, "bold"), "?\n")
    still_open = len(open_points(meeting))
    if meeting.action_points:
        question.append(
            f"\nIts minutes and {len(meeting.action_points):,} action points "
            f"({still_open:,} still open) go with it.\n",
            style="bold",
        )
    question.append("\n" + UNDO_WHILE_OPEN)
    return await confirm_delete(
        screen,
        "Delete this meeting?",
        question,
        lambda: repo.delete(type(meeting), meeting.id),
        f"Deleted {meeting.title}",
    )
