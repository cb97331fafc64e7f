"""Editing, deleting and nominating for a training session, shared by the list and the
session's own screen.

Each flow reads top to bottom: ask in a dialog, then save through the repository. A save the
store refuses is reported and the dialog opens again with everything as it was typed.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.screen import Screen

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Institution, Person, TrainingSession
from organiser.repository import Repository
from organiser.trainings import add_participant, counts
from screens.form_flow import confirm_delete, save_until_done
from screens.person_flows import refuse_if_read_only, report
from screens.training_dialog import TrainingDialog
from screens.training_participant import ParticipantDialog
from screens.undo_keeper import UNDO_WHILE_OPEN


async def edit_training(
    screen: Screen[Any], repo: Repository, clock: Clock, session: TrainingSession | None
) -> TrainingSession | None:
    """Open the training dialog (for `session`, or a new one) until saved or given up."""
    if refuse_if_read_only(screen, repo):
        return None
    try:
        people = repo.list(Person)
        profile = repo.profile()
    except OrganiserError as error:
        report(screen, error, "Cannot open the form")
        return None
    return await save_until_done(
        screen,
        repo,
        lambda draft: TrainingDialog(
            session,
            people=people,
            now=clock.now(),
            zone=clock.tz,
            organiser_name=profile.organiser_name if profile else "",
            draft=draft,
        ),
        session,
        lambda saved: saved.name,
    )


async def delete_training(screen: Screen[Any], repo: Repository, session: TrainingSession) -> bool:
    """Ask, saying how many participants go with it, then delete it."""
    if refuse_if_read_only(screen, repo):
        return False
    question = Text.assemble("Delete ", (session.name, "bold"), "?\n")
    numbers = counts(session)
    if numbers.nominated:
        people = "person" if numbers.nominated == 1 else "people"
        question.append(
            f"\nIts record of {numbers.nominated:,} {people} nominated, "
            f"{numbers.attended:,} attended and {numbers.completed:,} completed goes with it, "
            "and they no longer count towards the year's leaders trained.\n",
            style="bold",
        )
    question.append("\n" + UNDO_WHILE_OPEN)
    return await confirm_delete(
        screen,
        "Delete this training?",
        question,
        lambda: repo.delete(type(session), session.id),
        f"Deleted {session.name}",
    )


async def nominate(
    screen: Screen[Any], repo: Repository, clock: Clock, session: TrainingSession
) -> tuple[TrainingSession, Person] | None:
    """Ask who to nominate, then save them on the session (and a new person with it)."""
    if refuse_if_read_only(screen, repo):
        return None
    try:
        on_it = {p.person_id for p in session.participations}
        people = [p for p in repo.list(Person) if p.id not in on_it]
        institutions = {i.id: i for i in repo.list(Institution)}
    except OrganiserError as error:
        report(screen, error, "Cannot nominate")
        return None
    person = await screen.app.push_screen_wait(
        ParticipantDialog(session.name, people, institutions)
    )
    if person is None:
        return None
    changed = add_participant(session, person.id, clock.today())
    try:
        if person.is_saved:
            saved = repo.save(changed)
        else:
            stored = repo.save_all([person, changed])
            person = next(r for r in stored if isinstance(r, Person))
            saved = next(r for r in stored if isinstance(r, TrainingSession))
    except Exception as error:
        report(screen, error, "Not nominated")
        return None
    screen.notify(f"Nominated {person.name}", markup=False)
    return saved, person
