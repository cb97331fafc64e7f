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


class FigureUnit(StrEnum):
    """How a figure's value is read: a count, a rate per working day, days, pence or a percent."""

    COUNT = "count"
    RATE = "rate"
    DAYS = "days"
    PENCE = "pence"
    PERCENT = "percent"


class Figure(Part):
    """One frozen figure of a review: its value, its target and the previous period's value."""

    key: Line
    label: Line
    value: float
    target: float | None = None
    previous: float | None = None
    unit: FigureUnit = FigureUnit.COUNT


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
    #: The program's suggestions for what moved and what stalled, not yet kept or dropped.
    suggested_moved: list[Line] = Field(default_factory=list, max_length=200)
    suggested_stalled: list[Line] = Field(default_factory=list, max_length=200)
    #: Suggestions the organiser dropped, so refreshing the figures does not offer them again.
    dropped: list[Line] = Field(default_factory=list, max_length=1000)
    #: The period's top concerns from listening conversations, "Damp housing (12)".
    concerns: list[Line] = Field(default_factory=list, max_length=20)
    #: Agreed actions of earlier reviews (by their ids) brought into this one to check.
    carried: list[RecordId] = Field(default_factory=list, max_length=400)
