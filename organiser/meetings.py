"""Team meetings and their action points: who does what by when, and what is due now."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from organiser.models import ActionPoint, Meeting, MeetingKind

KIND_LABELS: dict[MeetingKind, str] = {
    MeetingKind.TEAM: "Team",
    MeetingKind.LEADERSHIP_TEAM: "Leadership team",
    MeetingKind.PLANNING_GROUP: "Planning Group",
    MeetingKind.ASSEMBLY: "Assembly",
    MeetingKind.WORKING_GROUP: "Working group",
    MeetingKind.OTHER: "Other",
}


def open_points(meeting: Meeting) -> list[ActionPoint]:
    return [p for p in meeting.action_points if p.done_on is None]


def is_due(point: ActionPoint, today: date) -> bool:
    """Open and due today or before."""
    return point.done_on is None and point.due is not None and point.due <= today


@dataclass(frozen=True)
class DuePoint:
    meeting: Meeting
    point: ActionPoint

    def is_overdue(self, today: date) -> bool:
        return self.point.due is not None and self.point.due < today


def due_points(meetings: Iterable[Meeting], today: date) -> list[DuePoint]:
    """Open action points due today or overdue, oldest due date first."""
    found = [DuePoint(m, p) for m in meetings for p in m.action_points if is_due(p, today)]
    return sorted(found, key=lambda d: (d.point.due or today, d.meeting.at, d.point.text))


def add_point(
    meeting: Meeting, text: str, owner_id: str | None, due: date | None
) -> tuple[Meeting, ActionPoint]:
    point = ActionPoint(text=text, owner_id=owner_id, due=due)
    return meeting.evolve(action_points=[*meeting.action_points, point]), point


def toggle_done(meeting: Meeting, point_id: str, today: date) -> Meeting:
    """Tick an open point done today, or untick a done one."""
    points = [
        p.model_copy(update={"done_on": None if p.done_on else today}) if p.id == point_id else p
        for p in meeting.action_points
    ]
    return meeting.evolve(action_points=[p.model_dump() for p in points])


def mark_done(meeting: Meeting, point_id: str, today: date) -> Meeting:
    point = find_point(meeting, point_id)
    if point is None or point.done_on is not None:
        return meeting
    return toggle_done(meeting, point_id, today)


def remove_point(meeting: Meeting, point_id: str) -> Meeting:
    return meeting.evolve(action_points=[p for p in meeting.action_points if p.id != point_id])


def find_point(meeting: Meeting, point_id: str) -> ActionPoint | None:
    return next((p for p in meeting.action_points if p.id == point_id), None)


def in_list_order(meetings: Iterable[Meeting]) -> list[Meeting]:
    """Most recent (or furthest ahead) first."""
    return sorted(meetings, key=lambda m: m.at, reverse=True)
