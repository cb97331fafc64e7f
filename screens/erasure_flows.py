"""Erasing a person, from their screen or the retention sweep, read top to bottom:

1. work out what erasing them changes (off the main thread);
2. say it is final and what happens, and ask why (`ErasureDialog`);
3. step through each mention of them in notes (`MentionReview`);
4. ask once more, then erase as one change, with its audit entry;
5. fold the journal away and rewrite every backup without them (off the main thread).

Nothing changes until step 4; stopping anywhere before it leaves everything as it was.
"""

from __future__ import annotations

import asyncio
from typing import Any

from rich.text import Text
from textual.screen import Screen

from organiser.clock import Clock
from organiser.erasure import Erasure, ErasurePlan, erase, everything, forget, plan_erasure
from organiser.errors import OrganiserError
from organiser.mentions import MentionKey
from organiser.models import Person
from organiser.repository import Repository
from organiser.undo import history_of
from screens.confirm import ConfirmDialog
from screens.erasure_dialogs import ErasureDialog, MentionReview
from screens.person_flows import refuse_if_read_only, report

#: What the audit trail says when the organiser gives no other reason.
ASKED = "Asked to be erased"


def _plan(repo: Repository, erasure: Erasure) -> ErasurePlan:
    return plan_erasure(erasure, everything(repo))


def _last_question(name: str, kept: int, replaced: int) -> Text:
    parts = []
    if replaced:
        parts.append(f"{replaced:,} mention{'s' if replaced != 1 else ''} replaced")
    if kept:
        parts.append(f"{kept:,} kept as not about them")
    done = f" ({' and '.join(parts)})" if parts else ""
    return Text.assemble(
        "Erase ",
        (name, "bold"),
        f" now{done}? This cannot be undone: not with u, not from the journal, not from a backup.",
    )


async def erase_person(
    screen: Screen[Any], repo: Repository, clock: Clock, person: Person, reason: str = ASKED
) -> bool:
    """Erase `person` completely, asking first; True when they were erased."""
    if refuse_if_read_only(screen, repo):
        return False
    erasure = Erasure.of(person, clock.now())
    try:
        plan = await asyncio.to_thread(_plan, repo, erasure)
    except OrganiserError as error:
        report(screen, error, "Cannot erase")
        return False
    given = await screen.app.push_screen_wait(ErasureDialog(person.name, plan, reason))
    if given is None:
        return False
    kept: frozenset[MentionKey] = frozenset()
    if plan.mentions:
        decided = await screen.app.push_screen_wait(MentionReview(erasure, plan.mentions))
        if decided is None:
            screen.notify("Nothing was erased.", markup=False)
            return False
        kept = decided
    question = _last_question(person.name, len(kept), len(plan.mentions) - len(kept))
    sure = await screen.app.push_screen_wait(
        ConfirmDialog("Erase for good?", question, yes="Erase", no="Stop", dangerous=True)
    )
    if not sure:
        screen.notify("Nothing was erased.", markup=False)
        return False
    erasure = erasure.skipping(kept)
    try:
        erase(repo, erasure, given, clock.now())
    except (OrganiserError, ValueError) as error:
        report(screen, error, "Not erased")
        return False
    # Final: no step of the undo history may hold them, nor undo the erasure itself.
    history = history_of(repo)
    if history is not None:
        history.forget_person(erasure.person_id, erasure.patterns)
    screen.notify("Erased. Rewriting the backups without them…", markup=False)
    try:
        messages = await asyncio.to_thread(forget, repo, erasure)
    except OrganiserError as error:
        report(screen, error, "The backups could not be rewritten")
        return True
    for message in messages:
        screen.notify(message, title="Backups", severity="warning", timeout=20, markup=False)
    screen.notify(
        "Erased completely: the records, the journal and every backup.",
        title="Erased",
        markup=False,
    )
    return True
