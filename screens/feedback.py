"""Telling the organiser what happened: a refused save, a failed task, a read-only database.

Every message is plain words in a notification, never a traceback.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.worker import Worker, WorkerState

from organiser.errors import OrganiserError
from organiser.repository import Repository
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
