"""Export everything held about one person (subject access): the format and where it goes.

The dialog gathers the choice; `export_subject_access` writes the file, off the main thread,
readable by the organiser alone. Private notes always go in: they are the person's data.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, Label, Select, Static

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.export_file import write_private
from organiser.files import explain
from organiser.models import Person
from organiser.repository import Repository
from organiser.subject_access import AccessFormat, file_name, gather, render
from screens.person_flows import report
from screens.supervision_export import default_folder
from screens.widgets.field_error import FieldError

FORMAT_LABELS = {
    AccessFormat.MARKDOWN: "Markdown (.md): to read, print or email to them",
    AccessFormat.JSON: "JSON (.json): for them to take to another service",
}


@dataclass(frozen=True)
class AccessChoice:
    path: Path
    fmt: AccessFormat


def path_problem(typed: str, folder: Path) -> tuple[Path | None, str]:
    """The file to write, or None and why it cannot be written there."""
    if not typed.strip():
        return None, "Say where to save the file."
    path = Path(typed.strip()).expanduser()
    path = path if path.is_absolute() else folder / path
    if path.is_dir():
        return None, f"{path} is a folder: add a file name."
    if not path.parent.is_dir():
        return None, f"There is no folder {path.parent}."
    return path, ""


class AccessDialog(ModalScreen[AccessChoice | None]):
    CSS_PATH = "data_protection.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Export", id="access.save"),
        Binding("escape", "cancel", "Cancel", id="access.cancel"),
    ]

    def __init__(self, person: Person, folder: Path, today: date) -> None:
        super().__init__(classes="dialog")
        self._person = person
        self._folder = folder
        self._today = today

    def compose(self) -> ComposeResult:
        fmt = AccessFormat.MARKDOWN
        with Vertical(id="access-dialog", classes="dialog-box"):
            yield Static(
                Text.assemble("Export everything held about ", (self._person.name, "bold")),
                classes="dialog-title",
            )
            yield Label("Format", classes="field-label")
            yield Select(
                [(Text(label), f) for f, label in FORMAT_LABELS.items()],
                value=fmt,
                allow_blank=False,
                id="access-format",
            )
            yield Label("Save to", classes="field-label")
            yield Input(
                str(self._folder / file_name(self._person, fmt, self._today)), id="access-path"
            )
            yield FieldError(id="access-path-error")
            yield Static(
                Text(
                    "A subject access export: their record, 1-2-1s, ladder moves, trainings, "
                    "meetings, conversations and every mention of them. Your private notes "
                    "about them go in too: they are their data. The file is readable by you "
                    "alone."
                ),
                classes="hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#access-path", Input).focus()

    def _format(self) -> AccessFormat:
        value = self.query_one("#access-format", Select).value
        return value if isinstance(value, AccessFormat) else AccessFormat.MARKDOWN

    @on(Select.Changed, "#access-format")
    def _format_changed(self) -> None:
        field = self.query_one("#access-path", Input)
        path = Path(field.value)
        if path.suffix.lower() in {f".{f.value}" for f in AccessFormat}:
            field.value = str(path.with_suffix(f".{self._format().value}"))

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        path, problem = path_problem(self.query_one("#access-path", Input).value, self._folder)
        self.query_one("#access-path-error", FieldError).show(problem)
        if path is not None:
            self.dismiss(AccessChoice(path, self._format()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _write(repo: Repository, clock: Clock, person: Person, choice: AccessChoice) -> Path:
    access = gather(repo, person, clock.now(), clock.tz)
    return write_private(choice.path, render(access, choice.fmt))


async def export_subject_access(
    screen: Screen[Any], repo: Repository, clock: Clock, person: Person, home: Path
) -> Path | None:
    """Ask where, then write everything held about `person`; the path written, or None."""
    folder = default_folder(home)
    choice = await screen.app.push_screen_wait(AccessDialog(person, folder, clock.today()))
    if choice is None:
        return None
    try:
        written = await asyncio.to_thread(_write, repo, clock, person, choice)
    except OSError as error:
        screen.notify(
            f"Could not write {choice.path}: {explain(error)}.",
            title="Not exported",
            severity="error",
            markup=False,
        )
        return None
    except OrganiserError as error:
        report(screen, error, "Not exported")
        return None
    screen.notify(
        f"Wrote everything held about {person.name} to {written} (readable by you alone).",
        title="Exported",
        markup=False,
    )
    return written
