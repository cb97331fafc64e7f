"""The attendance checklist: one row per participant with their status, keyed by person."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from organiser.models import Participation, ParticipationStatus, Person
from organiser.models.base import optional_date
from organiser.trainings import STATUS_LABELS

MARKS: dict[ParticipationStatus, tuple[str, str]] = {
    ParticipationStatus.NOMINATED: ("[ ]", ""),
    ParticipationStatus.CONFIRMED: ("[·]", ""),
    ParticipationStatus.ATTENDED: ("[✓]", "green"),
    ParticipationStatus.COMPLETED: ("[★]", "bold green"),
    ParticipationStatus.DID_NOT_ATTEND: ("[✗]", "red"),
}


def participant_row(participation: Participation, person: Person | None) -> list[Text]:
    mark, style = MARKS[participation.status]
    return [
        Text(mark, style=style),
        Text(person.name if person else "(someone no longer on record)"),
        Text(STATUS_LABELS[participation.status], style=style),
        Text(optional_date(participation.nominated_on)),
    ]


class TrainingChecklist(DataTable[Text], inherit_bindings=False):
    """The participants, in the order they were added; the screen's keys act on the row."""

    BINDINGS = [
        binding
        for binding in DataTable.BINDINGS
        if not (isinstance(binding, Binding) and binding.key == "enter")
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._shown: list[str] = []

    def on_mount(self) -> None:
        self.add_column("", width=3, key="mark")
        self.add_column("Person", width=40, key="person")
        self.add_column("Status", width=16, key="status")
        self.add_column("Nominated on", width=16, key="nominated")

    def show(self, participations: Sequence[Participation], people: Mapping[str, Person]) -> None:
        """Show every participant, keeping the cursor on the same person where possible."""
        keep_id = self.current_id
        keep_row = self.cursor_row
        self.clear()
        for participation in participations:
            self.add_row(
                *participant_row(participation, people.get(participation.person_id)),
                key=participation.person_id,
            )
        self._shown = [p.person_id for p in participations]
        if keep_id in self._shown:
            self.move_cursor(row=self._shown.index(keep_id), animate=False)
        elif self._shown:
            self.move_cursor(row=max(0, min(keep_row, len(self._shown) - 1)), animate=False)

    def go_to(self, person_id: str) -> bool:
        if person_id not in self._shown:
            return False
        self.move_cursor(row=self._shown.index(person_id), animate=False)
        return True

    @property
    def shown_ids(self) -> list[str]:
        return self._shown

    @property
    def current_id(self) -> str | None:
        if not self._shown or not 0 <= self.cursor_row < len(self._shown):
            return None
        return self._shown[self.cursor_row]
