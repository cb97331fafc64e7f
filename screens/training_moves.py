"""A training's completers up the ladder: what the session suggests (shown on its detail
view) and `M` to make those moves, asked first, saved as one change that `u` can undo.

The rules are organiser/training_ladder.py; the moves are the ladder's own (organiser/ladder.py
`move`), each a LadderMove whose reason names the training.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.screen import Screen

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import (
    LadderMove,
    LadderStage,
    Person,
    Profile,
    Record,
    TrainingSession,
)
from organiser.models.people import DEFAULT_STAGE_NAMES
from organiser.repository import Repository
from organiser.training_ladder import Suggestion, apply_suggestions, suggested_moves
from screens.confirm import ConfirmDialog
from screens.feedback import refuse_if_read_only, report
from screens.undo_keeper import undo_hint, undoable

#: The key on a training's detail view that makes the suggested moves.
MOVE_KEY = "M"


def stage_name(profile: Profile | None, stage: LadderStage) -> str:
    return profile.stage_name(stage) if profile else DEFAULT_STAGE_NAMES[stage]


def read_suggestions(repo: Repository, clock: Clock, session: TrainingSession) -> list[Suggestion]:
    """What completing `session` suggests, from the people and moves as stored now."""
    people = {p.id: p for p in repo.list(Person)}
    return suggested_moves(session, people, repo.list(LadderMove), clock.tz)


def suggestions_text(suggestions: Sequence[Suggestion], profile: Profile | None) -> Text:
    """ "Up the ladder (M makes these moves): Amina Begum → Emerging leader, …" """
    if not suggestions:
        return Text(
            "Up the ladder: nothing to suggest (no one has completed it, or those who did "
            "have moved up since or are on the top rung).",
            style="dim",
        )
    moves = ", ".join(f"{s.person.name} → {stage_name(profile, s.to_stage)}" for s in suggestions)
    return Text.assemble(("Up the ladder", "bold"), f" ({MOVE_KEY} makes these moves): ", moves)


async def move_completers(
    screen: Screen[Any], repo: Repository, clock: Clock, session: TrainingSession
) -> int:
    """Ask, then move each completer up one rung; how many were moved."""
    if refuse_if_read_only(screen, repo):
        return 0
    try:
        suggestions = read_suggestions(repo, clock, session)
        profile = repo.profile()
    except OrganiserError as error:
        report(screen, error, "Cannot read the ladder")
        return 0
    if not suggestions:
        screen.notify(
            "No one to move up: no one has completed this training, or those who did have "
            "moved up since or are on the top rung.",
            severity="warning",
            markup=False,
        )
        return 0
    question = Text(f"Completed “{session.name}”, so up the ladder:\n\n")
    for s in suggestions:
        now = stage_name(profile, s.person.ladder_stage)
        question.append_text(
            Text.assemble(
                "  ", (s.person.name, "bold"), f": {now} → {stage_name(profile, s.to_stage)}\n"
            )
        )
    question.append(f"\nEach move records why: {suggestions[0].reason}.")
    sure = await screen.app.push_screen_wait(
        ConfirmDialog("Move them up the ladder?", question, yes="Move them", no="Not now")
    )
    if not sure:
        return 0
    moves = apply_suggestions(suggestions, clock.today())
    records: list[Record] = [r for m in moves for r in (m.person, m.record)]
    count = len(moves)
    done = (
        f"Moved {count} {'person' if count == 1 else 'people'} up the ladder after {session.name}"
    )
    try:
        with undoable(screen, done):
            repo.save_all(records)
    except Exception as error:  # a conflict, a full disk: nothing was moved
        report(screen, error, "Not moved")
        return 0
    screen.notify(undo_hint(done), title="Saved", markup=False)
    return count
