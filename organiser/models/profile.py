"""The organiser's own settings: who they are, their working pattern and their targets."""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar
from zoneinfo import ZoneInfo, available_timezones

from pydantic import AfterValidator, Field, StrictInt

from organiser.models.base import Line, Name, Pence, Record, RecordId
from organiser.models.campaigns import DEFAULT_CYCLE_NAMES, CycleStage
from organiser.models.diary import DiaryFile
from organiser.models.people import DEFAULT_STAGE_NAMES, LadderStage

#: Days between 1-2-1s for a ladder stage: at least daily, at most yearly.
CadenceDays = Annotated[StrictInt, Field(ge=1, le=365)]
#: The keep-in-touch cadence each stage starts with: leaders most often, contacts not at all.
DEFAULT_CADENCE_DAYS: dict[LadderStage, int | None] = {
    LadderStage.CONTACT: None,
    LadderStage.POTENTIAL_LEADER: 30,
    LadderStage.EMERGING_LEADER: 21,
    LadderStage.LEADER: 14,
    LadderStage.CORE_TEAM_LEADER: 14,
}

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _zone(name: str) -> str:
    if name not in available_timezones():
        raise ValueError(f"{name!r} is not a time zone (try Europe/London)")
    return name


def _weekdays(days: list[int]) -> list[int]:
    if not days:
        raise ValueError("choose at least one working day")
    if any(d < 0 or d > 6 for d in days):
        raise ValueError("working days are 0 (Monday) to 6 (Sunday)")
    return sorted(set(days))


class Profile(Record):
    """One per database: the organiser and the targets their work is measured against."""

    kind = "profile"
    #: The Profile's fixed id: there is only ever one.
    SINGLETON_ID: ClassVar[str] = "0" * 32

    id: RecordId = SINGLETON_ID
    organiser_name: Name
    alliance_name: Line = ""
    timezone: Annotated[str, AfterValidator(_zone)] = "Europe/London"
    working_days: Annotated[list[int], AfterValidator(_weekdays)] = Field(
        default_factory=lambda: [0, 1, 2, 3, 4]
    )
    leave_days: list[date] = Field(default_factory=list, max_length=2000)
    one_to_ones_per_day: Annotated[float, Field(ge=0, le=50, allow_inf_nan=False)] = 3.0
    leaders_trained_per_year: Annotated[StrictInt, Field(ge=0, le=10_000)] = 25
    fundraising_pence_per_year: Pence = 3_000_000
    hard_money_percent: Annotated[StrictInt, Field(ge=0, le=100)] = 50
    training_days_per_year: Annotated[float, Field(ge=0, le=366, allow_inf_nan=False)] = 10.0
    #: No longer used (the losing-touch list goes by `cadence_days`); kept so old databases load.
    going_cold_weeks: Annotated[StrictInt, Field(ge=1, le=104)] = 4
    #: How often each ladder stage should have a 1-2-1, in days; None: not watched.
    cadence_days: dict[LadderStage, CadenceDays | None] = Field(
        default_factory=lambda: dict(DEFAULT_CADENCE_DAYS)
    )
    #: Booking or logging a 1-2-1 this many days from another contact asks first; 0: never.
    contact_guard_days: Annotated[StrictInt, Field(ge=0, le=365)] = 7
    #: A member institution is at risk when its dues are this many days past due, unpaid…
    at_risk_dues_days: Annotated[StrictInt, Field(ge=0, le=365)] = 30
    #: …and none of its people has had a 1-2-1 in this many days.
    at_risk_quiet_days: Annotated[StrictInt, Field(ge=1, le=3650)] = 90
    #: The retention sweep lists people with no activity for this many months.
    retention_months: Annotated[StrictInt, Field(ge=1, le=240)] = 24
    ladder_names: dict[LadderStage, Name] = Field(default_factory=lambda: dict(DEFAULT_STAGE_NAMES))
    cycle_names: dict[CycleStage, Name] = Field(default_factory=lambda: dict(DEFAULT_CYCLE_NAMES))
    #: The calendar file rewritten after every change; None when the organiser keeps none.
    diary_file: DiaryFile | None = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def working_days_per_week(self) -> int:
        return len(self.working_days)

    def stage_name(self, stage: LadderStage) -> str:
        return self.ladder_names.get(stage, DEFAULT_STAGE_NAMES[stage])

    def cadence(self, stage: LadderStage) -> int | None:
        """Days between 1-2-1s for `stage`, or None when it is not watched."""
        return self.cadence_days.get(stage, DEFAULT_CADENCE_DAYS[stage])

    def cycle_name(self, stage: CycleStage) -> str:
        return self.cycle_names.get(stage, DEFAULT_CYCLE_NAMES[stage])
