"""1-2-1s in a table: the 1-2-1s list, and a person's relational history on their screen."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, tzinfo

from rich.text import Text

from organiser.models import Institution, OneToOneStatus, Person, RelationalMeeting
from organiser.one_to_ones import (
    STATUS_LABELS,
    FollowUpState,
    follow_up_state,
    follow_up_text,
    gist,
    moment_text,
)
from organiser.people import institution_names
from screens.widgets.windowed_table import Row, TextCell, WindowedTable

SCROLLBAR = 2


@dataclass(frozen=True)
class Column:
    """A column: a fixed `width`, or a `share` (in percent) of the width the fixed ones leave."""

    label: str
    width: int = 0
    share: int = 0


#: The 1-2-1s list.
LIST_COLUMNS = (
    Column("When", width=21),
    Column("Person", share=25),
    Column("Institutions", share=30),
    Column("Status", width=9),
    Column("Potential", width=9),
    Column("Follow-up", share=45),
)
#: A person's history, on their screen.
TIMELINE_COLUMNS = (
    Column("When", width=21),
    Column("Status", width=9),
    Column("Place", share=20),
    Column("Potential", width=9),
    Column("Interests / tension", share=40),
    Column("Follow-up", share=40),
)


def column_widths(columns: Sequence[Column], width: int) -> list[int]:
    """Widths that fill a table `width` cells wide (each cell has a space either side)."""
    fixed = sum(c.width for c in columns)
    spare = max(0, width - SCROLLBAR - 2 * len(columns) - fixed)
    shares = [spare * c.share // 100 for c in columns]
    last = max(i for i, c in enumerate(columns) if c.share)
    shares[last] += spare - sum(shares)
    return [c.width or max(8, share) for c, share in zip(columns, shares, strict=True)]


def status_text(status: OneToOneStatus) -> Text:
    style = {OneToOneStatus.BOOKED: "italic", OneToOneStatus.CANCELLED: "dim strike"}
    return Text(STATUS_LABELS[status], style=style.get(status, ""))


def potential_text(potential: int | None) -> Text:
    return Text("" if potential is None else f"{potential} of 5")


def follow_up_cell(meeting: RelationalMeeting, today: date) -> Text:
    state = follow_up_state(meeting, today)
    style = {FollowUpState.OVERDUE: "bold", FollowUpState.DONE: "dim"}.get(state, "")
    return Text(follow_up_text(meeting, today), style=style)


def list_row(
    meeting: RelationalMeeting,
    person: Person | None,
    institutions_by_id: Mapping[str, Institution],
    today: date,
    zone: tzinfo,
) -> Row:
    return (
        TextCell(moment_text(meeting.at, zone)),
        TextCell(person.name if person else "(someone no longer on record)"),
        TextCell(", ".join(institution_names(person, institutions_by_id)) if person else ""),
        TextCell(status_text(meeting.status)),
        TextCell(potential_text(meeting.potential)),
        TextCell(follow_up_cell(meeting, today)),
    )


def timeline_row(meeting: RelationalMeeting, today: date, zone: tzinfo) -> Row:
    return (
        TextCell(moment_text(meeting.at, zone)),
        TextCell(status_text(meeting.status)),
        TextCell(meeting.place),
        TextCell(potential_text(meeting.potential)),
        TextCell(gist(meeting)),
        TextCell(follow_up_cell(meeting, today)),
    )


class OneToOneTable(WindowedTable):
    """1-2-1s, a window of rows at a time (see screens/widgets/windowed_table.py)."""

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:
        chosen = tuple(columns)

        def columns_for(width: int) -> list[tuple[str, int]]:
            widths = column_widths(chosen, width)
            return [(c.label, w) for c, w in zip(chosen, widths, strict=True)]

        super().__init__(columns_for, id=id)

    def load_rows(self, rows: Mapping[str, Row]) -> None:
        """Rows made already, by id (a person's few 1-2-1s)."""
        self.load(rows.keys(), rows.__getitem__)

    def show(self, ids: Sequence[str]) -> None:
        """Show exactly the 1-2-1s `ids`, in order, keeping the cursor on the same one."""
        self.show_ids(ids)
