"""Supervision review sessions between an organiser and their supervisor."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from organiser.models.base import Line, Moment, Name, Notes, Part, Record, RecordId, new_id


class AgreedAction(Part):
    id: RecordId = Field(default_factory=new_id)
    text: Line
    owner: Line = ""
    due: date | None = None
    done_on: date | None = None


class Figure(Part):
    """One frozen figure of a review: its value, its target and the previous period's value."""

    key: Line
    label: Line
    value: float
    target: float | None = None
    previous: float | None = None


class ReviewStatus(StrEnum):
    DRAFT = "draft"
    FINISHED = "finished"


class SupervisionReview(Record):
    kind = "supervision_reviews"
    search_fields = ("supervisor", "went_well", "weakness", "supervisor_notes")

    at: Moment
    supervisor: Name
    period_start: date
    period_end: date
    status: ReviewStatus = ReviewStatus.DRAFT
    figures: list[Figure] = Field(default_factory=list, max_length=200)
    moved: list[Line] = Field(default_factory=list, max_length=200)
    stalled: list[Line] = Field(default_factory=list, max_length=200)
    went_well: Notes = ""
    weakness: Notes = ""
    supervisor_notes: Notes = ""
    private_notes: Notes = ""
    agreed_actions: list[AgreedAction] = Field(default_factory=list, max_length=200)
