"""Relational meetings (1-2-1s), and team meetings with their action points."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from organiser.models.base import (
    Line,
    Minutes,
    Moment,
    Name,
    Notes,
    Part,
    Record,
    RecordId,
    Scale,
    new_id,
)


class OneToOneStatus(StrEnum):
    BOOKED = "booked"
    HELD = "held"
    CANCELLED = "cancelled"


class RelationalMeeting(Record):
    """A 1-2-1: a short conversation to build a public relationship with one person."""

    kind = "one_to_ones"
    search_fields = ("interests", "self_interest", "story", "tension", "follow_up", "place")

    person_id: RecordId
    at: Moment
    status: OneToOneStatus = OneToOneStatus.HELD
    length_minutes: Minutes | None = None
    place: Line = ""
    interests: Notes = ""
    self_interest: Notes = ""
    story: Notes = ""
    tension: Notes = ""
    potential: Scale | None = None
    follow_up: Notes = ""
    follow_up_due: date | None = None
    follow_up_done_on: date | None = None
    next_meeting_at: Moment | None = None
    #: Set when the organiser went ahead despite a recent contact with this person.
    contact_guard_overridden: bool = False


class MeetingKind(StrEnum):
    TEAM = "team"
    LEADERSHIP_TEAM = "leadership_team"
    PLANNING_GROUP = "planning_group"
    ASSEMBLY = "assembly"
    WORKING_GROUP = "working_group"
    OTHER = "other"


class ActionPoint(Part):
    """Something a meeting agreed someone would do by a date."""

    id: RecordId = Field(default_factory=new_id)
    text: Line
    owner_id: RecordId | None = None
    due: date | None = None
    done_on: date | None = None


class Meeting(Record):
    kind = "meetings"
    search_fields = ("title", "minutes", "place")

    title: Name
    meeting_kind: MeetingKind = MeetingKind.TEAM
    at: Moment
    length_minutes: Minutes | None = None
    place: Line = ""
    campaign_id: RecordId | None = None
    attendee_ids: list[RecordId] = Field(default_factory=list, max_length=2000)
    agenda: Notes = ""
    minutes: Notes = ""
    action_points: list[ActionPoint] = Field(default_factory=list, max_length=500)
