"""Reading every record once, in a thread, soon after the app opens.

It does two jobs. Each record is validated and kept ready, so the first look at a long list
costs no validation; and a record damaged outside the program (a hand edit, a disk fault) is
found at once rather than when someone happens to open its screen. Then the organiser is
offered to quit and restore the newest good backup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from organiser.errors import DatabaseCorrupt, OrganiserError
from organiser.models import RECORD_TYPES
from organiser.repository import Repository
from screens.confirm import ConfirmDialog

if TYPE_CHECKING:
    from textual.app import App

#: What the app returns to the command line when the organiser chose to restore a backup.
RESTORE = "restore"


def read_every_record(repo: Repository) -> DatabaseCorrupt | None:
    """Validate every stored record; the first damaged one's error, or None."""
    try:
        for kind in RECORD_TYPES:
            repo.list(kind)
    except DatabaseCorrupt as error:
        return error
    except OrganiserError:
        return None  # other trouble is reported where it happens
    return None


def offer_restore(app: App[str | None], error: DatabaseCorrupt) -> None:
    """Say what is damaged and offer to quit so the command line restores a backup."""

    def answered(restore: bool | None) -> None:
        if restore:
            app.exit(RESTORE)

    question = Text.assemble(
        str(error),
        "\n\nQuit now and restore the newest good daily backup? Changes made since that "
        "backup will be missing; the damaged file is kept beside it.",
    )
    app.push_screen(
        ConfirmDialog("The database is damaged", question, yes="Quit and restore", no="Carry on"),
        answered,
    )
