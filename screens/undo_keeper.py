"""Undo in the app: `u` from any screen takes back the last change (organiser/undo.py), and
each destructive action says it can.

    with undoable(screen, "Deleted the 1-2-1 with Amina Begum"):
        repo.delete(RelationalMeeting, meeting.id)     # one step, however many writes
    screen.notify(undo_hint("Deleted the 1-2-1 with Amina Begum"))

The history is the app's (`app.undo_history`), kept in memory only and gone when the app
closes; a screen running without it (a test's bare screen) just saves.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from textual.screen import ModalScreen, Screen

from organiser.undo import Action, UndoHistory, UndoRefused
from screens.feedback import refuse_if_read_only, report

#: The key that takes back the last change, as notices name it.
UNDO_KEY = "u"
#: What a question before a deletion says about getting it back.
UNDO_WHILE_OPEN = (
    f"Press {UNDO_KEY} to undo it while Organiser stays open; after that it is permanent."
)


def history_for(screen: Screen[Any]) -> UndoHistory | None:
    """The app's undo history, if it keeps one."""
    history = getattr(screen.app, "undo_history", None)
    return history if isinstance(history, UndoHistory) else None


@contextmanager
def undoable(screen: Screen[Any], label: str) -> Iterator[Action | None]:
    """The writes inside are one step of the undo history, called `label` (which the
    action's `label` may change once the words are known)."""
    history = history_for(screen)
    if history is None:
        yield None
        return
    with history.action(label) as action:
        yield action


def undo_hint(message: str) -> str:
    """ "Deleted Amina Begum — u to undo" """
    return f"{message.rstrip('.')} — {UNDO_KEY} to undo"


def undo_last(screen: Screen[Any], history: UndoHistory) -> bool:
    """Take back the last change and say what it was; True when something was undone.

    Whatever was open over the area's list is closed afterwards and the list read again,
    so nothing on screen shows a record as it was before the undo."""
    if isinstance(screen, ModalScreen):
        screen.notify(
            "Finish or close this first; then u undoes the last change.",
            title="Not undone",
            severity="warning",
            markup=False,
        )
        return False
    if refuse_if_read_only(screen, history):
        return False
    try:
        label = history.undo()
    except UndoRefused as refused:
        screen.notify(str(refused), title="Not undone", severity="warning", markup=False)
        return False
    except Exception as error:  # the store refused: nothing was undone
        report(screen, error, "Not undone")
        return False
    screen.notify(f"Undid: {label}", markup=False)
    _show_again(screen)
    return True


def _show_again(screen: Screen[Any]) -> None:
    """Back to the area's list (as its key does), read again."""
    base = screen.app.screen_stack[0]
    if base is not screen:
        base.pop_until_active()  # its on_screen_resume, where it has one, reads again
        if hasattr(base, "on_screen_resume"):
            return
    for name in ("load", "refresh_summary", "on_screen_resume"):
        again = getattr(base, name, None)
        if callable(again):
            again()
            return
