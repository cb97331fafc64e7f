"""The two shapes every area's flows share: a form kept open until its record is saved, and
a deletion asked about first.

A refused save (a conflict, a full disk, anything) is reported and the form opens again
with what was typed, so nothing typed is lost. A deletion says what goes with the record
before anything is removed, and what went after.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from rich.text import Text
from textual.screen import ModalScreen, Screen

from organiser.models import Record
from organiser.repository import Repository
from screens.confirm import ConfirmDialog
from screens.feedback import report
from screens.undo_keeper import undo_hint, undoable

R = TypeVar("R", bound=Record)


async def save_until_done(
    screen: Screen[Any],
    repo: Repository,
    form: Callable[[R | None], ModalScreen[R | None]],
    start: R | None,
    name: Callable[[R], str],
) -> R | None:
    """Open `form(draft)` until what is typed is saved (the saved record) or given up
    (None). `form` is given the record as it was typed last, or `start` the first time."""
    draft = start
    while True:
        typed = await screen.app.push_screen_wait(form(draft))
        if typed is None:
            return None
        try:
            with undoable(screen, "") as step:
                saved = repo.save(typed)
                if step is not None:
                    step.label = f"Saved {name(saved)}"
        except Exception as error:  # whatever went wrong, keep what was typed
            report(screen, error)
            draft = typed
            continue
        screen.notify(f"Saved {name(saved)}", markup=False)
        return saved


async def confirm_delete(
    screen: Screen[Any],
    title: str,
    question: Text,
    delete: Callable[[], object],
    done: str,
) -> bool:
    """Ask `question` under `title`; if the organiser is sure, run `delete` (one change in
    the repository) and say `done`. True when it was deleted."""
    sure = await screen.app.push_screen_wait(
        ConfirmDialog(title, question, yes="Delete", no="Keep", dangerous=True)
    )
    if not sure:
        return False
    try:
        with undoable(screen, done.rstrip(".")):
            delete()
    except Exception as error:
        report(screen, error, "Not deleted")
        return False
    screen.notify(undo_hint(done), markup=False)
    return True
