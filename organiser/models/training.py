"""Training sessions and who was nominated for, attended and completed them."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from organiser.models.base import Line, Moment, Name, Notes, Part, Record, RecordId


class TrainingKind(StrEnum):
    LOCAL_TASTER = "local_taster"
    INSTITUTION_WORKSHOP = "institution_workshop"
    NATIONAL_LEADERSHIP = "national_leadership"
    OTHER = "other"


class ParticipationStatus(StrEnum):
    NOMINATED = "nominated"
    CONFIRMED = "confirmed"
    ATTENDED = "attended"
    COMPLETED = "completed"
    DID_NOT_ATTEND = "did_not_attend"


class Participation(Part):
    person_id: RecordId
    status: ParticipationStatus = ParticipationStatus.NOMINATED
    nominated_on: date | None = None


Days = Annotated[float, Field(ge=0, le=366, allow_inf_nan=False)]


class TrainingSession(Record):
    kind = "trainings"
    search_fields = ("name", "curriculum", "notes", "venue", "what_worked", "what_to_change")

    name: Name
    training_kind: TrainingKind = TrainingKind.LOCAL_TASTER
    starts: Moment
    length_hours: Annotated[float, Field(gt=0, le=24 * 30, allow_inf_nan=False)] = 2.0
    all_day: bool = False
    venue: Line = ""
    trainer_ids: list[RecordId] = Field(default_factory=list, max_length=50)
    organiser_is_trainer: bool = False
    curriculum: Notes = ""
    notes: Notes = ""
    what_worked: Notes = ""
    what_to_change: Notes = ""
    participations: list[Participation] = Field(default_factory=list, max_length=1000)
    #: The organiser's own time on this session, in working days.
    preparing_days: Days = 0
    delivering_days: Days = 0
    evaluating_days: Days = 0

    @property
    def organiser_days(self) -> float:
        return self.preparing_days + self.delivering_days + self.evaluating_days
