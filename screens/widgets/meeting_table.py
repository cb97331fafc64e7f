"""The meetings list and a meeting's action points, one row per record."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from zoneinfo import ZoneInfo

from rich.text import Text

from organiser.meetings import KIND_LABELS, open_points
from organiser.models import ActionPoint, Meeting, Person
from organiser.models.base import optional_date
from screens.widgets.action_table import KeyedTable, cell

MEETING_COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("Date", 22),
    ("Title", 50),
    ("Kind", 16),
    ("Open action points", 18),
)
POINT_COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("Done", 14),
    ("Action point", 46),
    ("Owner", 24),
    ("Due", 16),
)


def meeting_row(meeting: Meeting, zone: ZoneInfo) -> list[Text]:
    still_open = len(open_points(meeting))
    return [
        cell(f"{meeting.at.astimezone(zone):%a %d %b %Y %H:%M}"),
        cell(meeting.title),
        cell(KIND_LABELS[meeting.meeting_kind]),
        cell(f"{still_open:,}" if still_open else "–", right=True),
    ]


def point_row(point: ActionPoint, people: Mapping[str, Person], today: date) -> list[Text]:
    owner = ""
    if point.owner_id is not None:
        found = people.get(point.owner_id)
        owner = found.name if found else "(no longer on record)"
    done = cell(f"✓ {point.done_on:%d %b %Y}" if point.done_on else "☐ open")
    due = cell(optional_date(point.due))
    if point.done_on is None and point.due is not None and point.due < today:
        due.stylize("bold red")
    return [done, cell(point.text), cell(owner), due]


class MeetingTable(KeyedTable):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(MEETING_COLUMNS, id=id)


class ActionPointTable(KeyedTable):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(POINT_COLUMNS, id=id)
