"""Nominate someone for a training: type part of their name, or name someone new."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static

from organiser.models import Institution, Person
from screens.widgets.person_picker import PersonPicker


class ParticipantDialog(ModalScreen[Person | None]):
    """Dismisses with the person picked, or a new (unsaved) Person when one is named; None
    when cancelled. People already on the session are not offered."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="participant.cancel")]

    def __init__(
        self,
        session_name: str,
        people: Sequence[Person],
        institutions_by_id: Mapping[str, Institution],
    ) -> None:
        super().__init__(classes="dialog")
        self._session_name = session_name
        self._people = list(people)
        self._institutions = institutions_by_id

    def compose(self) -> ComposeResult:
        with Vertical(id="participant-dialog", classes="dialog-box"):
            yield Static(
                Text.assemble("Nominate someone for ", (self._session_name, "bold")),
                classes="dialog-title",
            )
            yield PersonPicker(self._people, self._institutions, id="participant-picker")
            yield Static(Text("Type part of a name, then enter. Esc closes."), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        picker = self.query_one(PersonPicker)
        picker.query_one(
            "#person-input", Input
        ).placeholder = "Who is nominated? Type part of their name"
        picker.focus_input()

    @on(PersonPicker.Picked)
    def _picked(self, event: PersonPicker.Picked) -> None:
        picker = event.picker
        if picker.chosen is not None:
            self.dismiss(picker.chosen)
        elif picker.new_name:
            self.dismiss(Person(name=picker.new_name))

    def action_cancel(self) -> None:
        self.dismiss(None)
