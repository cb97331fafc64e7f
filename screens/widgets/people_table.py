"""The People list: one row per person, filtered as the organiser types."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from organiser.models import Institution, LadderStage, Person
from organiser.people import institution_names
from screens.widgets.windowed_table import WINDOW, Row, TextCell, WindowedTable

__all__ = ["WINDOW", "PeopleTable", "column_widths"]

#: Each column and its share of the width left once the fixed ones have theirs.
COLUMNS = (
    ("Name", 34),
    ("Institutions", 33),
    ("Ladder stage", 0),
    ("Phone", 0),
    ("Email", 33),
    ("Consent", 0),
)
FIXED = {"Ladder stage": 16, "Phone": 16, "Consent": 7}
#: The Consent column's word for someone whose consent has lapsed.
LAPSED = "lapsed"

SCROLLBAR = 2


def column_widths(width: int) -> list[int]:
    """Widths that fill a table `width` cells wide (each cell has a space either side)."""
    spare = max(0, width - SCROLLBAR - 2 * len(COLUMNS) - sum(FIXED.values()))
    shares = [spare * share // 100 for _, share in COLUMNS]
    shares[-1] += spare - sum(shares)
    pairs = zip(COLUMNS, shares, strict=True)
    return [FIXED.get(label, max(10, share)) for (label, _), share in pairs]


def people_columns(width: int) -> list[tuple[str, int]]:
    return [(label, w) for (label, _), w in zip(COLUMNS, column_widths(width), strict=True)]


class PeopleTable(WindowedTable):
    """The People list: rows made for a window of the matches, as the organiser types."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(people_columns, id=id)

    def load_people(
        self,
        people: Sequence[Person],
        institutions_by_id: Mapping[str, Institution],
        stage_name: Callable[[LadderStage], str],
        lapsed: Collection[str] = (),
    ) -> None:
        """Everyone who may be shown; `show` then picks who appears. Those whose ids are in
        `lapsed` are marked in the Consent column."""
        by_id = {person.id: person for person in people}

        def row(person_id: str) -> Row:
            person = by_id[person_id]
            return (
                TextCell(person.name),
                TextCell(", ".join(institution_names(person, institutions_by_id))),
                TextCell(stage_name(person.ladder_stage)),
                TextCell(person.phone),
                TextCell(person.email),
                TextCell(LAPSED, "bold red") if person.id in lapsed else TextCell(""),
            )

        self.load(by_id.keys(), row)

    def show(self, people: Sequence[Person]) -> None:
        """Show exactly `people`, in order, keeping the cursor on the same person."""
        self.show_ids([person.id for person in people])

    def move_to(self, person_id: str) -> bool:
        """Put the cursor on `person_id` if they are shown, adding rows down to them."""
        return self.go_to(person_id)
