"""An institution's people: their role there, ladder stage, core team place and last 1-2-1."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from organiser.institutions import Member
from organiser.models import LadderStage
from organiser.models.base import optional_date

COLUMNS = (
    ("Name", 30),
    ("Role there", 28),
    ("Ladder stage", 18),
    ("Core team", 9),
    ("Last 1-2-1", 16),
)


def _cell(text: str) -> Text:
    return Text(text, no_wrap=True, overflow="ellipsis")


class InstitutionPeople(DataTable[Text], inherit_bindings=False):
    """One row per person; the screen opens the one under the cursor with `enter`."""

    BINDINGS = [
        binding
        for binding in DataTable.BINDINGS
        if not (isinstance(binding, Binding) and binding.key == "enter")
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._ids: list[str] = []

    def on_mount(self) -> None:
        for label, width in COLUMNS:
            self.add_column(label, width=width, key=label.lower())

    def show(
        self,
        members: Sequence[Member],
        *,
        core_team: Collection[str],
        stage_name: Callable[[LadderStage], str],
        last_held: Mapping[str, date],
    ) -> None:
        keep = self.current_id
        self.clear()
        for member in members:
            person = member.person
            self.add_row(
                _cell(person.name),
                _cell(member.role),
                _cell(stage_name(person.ladder_stage)),
                _cell("yes" if person.id in core_team else ""),
                _cell(optional_date(last_held.get(person.id))),
                key=person.id,
            )
        self._ids = [m.person.id for m in members]
        if keep in self._ids:
            self.move_cursor(row=self._ids.index(keep), animate=False)

    @property
    def current_id(self) -> str | None:
        """The id of the person under the cursor, or None when the table is empty."""
        if not self._ids or not 0 <= self.cursor_row < len(self._ids):
            return None
        return self._ids[self.cursor_row]
