"""Training against its targets: leaders trained in a year, and the organiser's training days."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol, TypeVar

from organiser.models import Participation, ParticipationStatus, Profile, TrainingSession
from organiser.periods import Period

FULL_TIME_DAYS_PER_WEEK = 5


class Session(Protocol):
    """What the training figures read of a session: a TrainingSession, or the facts of one a
    supervisor's login may read on a team database (organiser.team_work)."""

    @property
    def starts(self) -> datetime: ...
    @property
    def participations(self) -> Sequence[Participation]: ...
    @property
    def organiser_days(self) -> float: ...


S = TypeVar("S", bound=Session)


def sessions_in(sessions: Iterable[S], period: Period) -> list[S]:
    return sorted((s for s in sessions if s.starts.date() in period), key=lambda s: s.starts)


def leaders_trained(sessions: Iterable[Session], period: Period) -> set[str]:
    """Distinct people who completed a session held in `period`: trained twice counts once."""
    return {
        p.person_id
        for s in sessions_in(sessions, period)
        for p in s.participations
        if p.status is ParticipationStatus.COMPLETED
    }


def training_days(sessions: Iterable[Session], period: Period) -> float:
    """The organiser's days preparing, delivering and evaluating the sessions held in `period`."""
    return sum(s.organiser_days for s in sessions_in(sessions, period))


def year_of(day: date) -> Period:
    return Period(date(day.year, 1, 1), date(day.year, 12, 31), str(day.year))


@dataclass(frozen=True)
class TrainingTargets:
    """The year's training figures against the Profile's targets, pro rata where due."""

    year: Period
    leaders_trained: int
    leaders_target: int
    days: float
    days_target: float
    #: How far through the year `today` is (0 to 1), for "on track" judgements.
    elapsed: float

    @property
    def leaders_on_track(self) -> bool:
        return self.leaders_trained >= self.leaders_target * self.elapsed

    @property
    def days_on_track(self) -> bool:
        return self.days >= self.days_target * self.elapsed


def days_target(profile: Profile) -> float:
    """The yearly training-days target, pro rata to the working pattern (10 days full time)."""
    share = min(profile.working_days_per_week, FULL_TIME_DAYS_PER_WEEK) / FULL_TIME_DAYS_PER_WEEK
    return profile.training_days_per_year * share


def training_targets(
    sessions: Iterable[TrainingSession], profile: Profile, today: date
) -> TrainingTargets:
    year = year_of(today)
    pool = list(sessions)
    so_far = Period(year.start, today)
    return TrainingTargets(
        year=year,
        leaders_trained=len(leaders_trained(pool, year)),
        leaders_target=profile.leaders_trained_per_year,
        days=training_days(pool, year),
        days_target=days_target(profile),
        elapsed=so_far.length / year.length,
    )
