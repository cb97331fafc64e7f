"""Training sessions as the screens and Today need them: labels, order, counts, participants.

The figures against targets live in `organiser.training`; this module adds what a list, a
form and an attendance checklist need, with no terminal in sight.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from organiser.models import (
    Participation,
    ParticipationStatus,
    TrainingKind,
    TrainingSession,
)

KIND_LABELS: dict[TrainingKind, str] = {
    TrainingKind.LOCAL_TASTER: "Local taster",
    TrainingKind.INSTITUTION_WORKSHOP: "Workshop in an institution",
    TrainingKind.NATIONAL_LEADERSHIP: "National Community Leadership Training",
    TrainingKind.OTHER: "Other",
}
STATUS_LABELS: dict[ParticipationStatus, str] = {
    ParticipationStatus.NOMINATED: "Nominated",
    ParticipationStatus.CONFIRMED: "Confirmed",
    ParticipationStatus.ATTENDED: "Attended",
    ParticipationStatus.COMPLETED: "Completed",
    ParticipationStatus.DID_NOT_ATTEND: "Did not attend",
}
#: The hours of one training day: an all-day session with no length given lasts this long.
ALL_DAY_HOURS = 7.0
#: How far ahead Today looks for trainings.
TODAY_WINDOW_DAYS = 7
#: Statuses that mean the person was there.
WERE_THERE = frozenset({ParticipationStatus.ATTENDED, ParticipationStatus.COMPLETED})


def days_long(session: TrainingSession) -> int:
    """How many days an all-day session spans: its hours in training days, at least one."""
    return max(1, int(session.length_hours / ALL_DAY_HOURS + 0.5))


def local_day(session: TrainingSession, zone: ZoneInfo) -> date:
    return session.starts.astimezone(zone).date()


def is_upcoming(session: TrainingSession, today: date, zone: ZoneInfo) -> bool:
    """Held today or later."""
    return local_day(session, zone) >= today


def in_list_order(
    sessions: Iterable[TrainingSession], today: date, zone: ZoneInfo
) -> list[TrainingSession]:
    """Upcoming sessions first, soonest first; then past ones, most recent first."""
    pool = list(sessions)
    upcoming = sorted((s for s in pool if is_upcoming(s, today, zone)), key=lambda s: s.starts)
    past = sorted(
        (s for s in pool if not is_upcoming(s, today, zone)), key=lambda s: s.starts, reverse=True
    )
    return upcoming + past


@dataclass(frozen=True)
class Counts:
    """How many were nominated (everyone put forward), attended (there) and completed."""

    nominated: int
    attended: int
    completed: int


def counts(session: TrainingSession) -> Counts:
    statuses = [p.status for p in session.participations]
    return Counts(
        nominated=len(statuses),
        attended=sum(1 for s in statuses if s in WERE_THERE),
        completed=sum(1 for s in statuses if s is ParticipationStatus.COMPLETED),
    )


def participant(session: TrainingSession, person_id: str) -> Participation | None:
    return next((p for p in session.participations if p.person_id == person_id), None)


def add_participant(session: TrainingSession, person_id: str, today: date) -> TrainingSession:
    """`session` with the person nominated (unchanged when they are on it already)."""
    if participant(session, person_id) is not None:
        return session
    added = Participation(person_id=person_id, nominated_on=today)
    return session.evolve(participations=[*session.participations, added])


def set_status(
    session: TrainingSession, person_id: str, status: ParticipationStatus
) -> TrainingSession:
    """`session` with the person's status changed; ValueError when they are not on it."""
    if participant(session, person_id) is None:
        raise ValueError("that person is not on this training")
    return session.evolve(
        participations=[
            p.model_copy(update={"status": status}) if p.person_id == person_id else p
            for p in session.participations
        ]
    )


def remove_participant(session: TrainingSession, person_id: str) -> TrainingSession:
    return session.evolve(
        participations=[p for p in session.participations if p.person_id != person_id]
    )


def confirm(session: TrainingSession, person_id: str) -> TrainingSession:
    """Nominated becomes confirmed; any other status is left as it is."""
    found = participant(session, person_id)
    if found is None or found.status is not ParticipationStatus.NOMINATED:
        return session
    return set_status(session, person_id, ParticipationStatus.CONFIRMED)


def coming_up(
    sessions: Iterable[TrainingSession], today: date, zone: ZoneInfo, days: int = TODAY_WINDOW_DAYS
) -> list[TrainingSession]:
    """Sessions from today to `days` ahead, soonest first."""
    last = today + timedelta(days=days)
    return sorted(
        (s for s in sessions if today <= local_day(s, zone) <= last), key=lambda s: s.starts
    )


@dataclass(frozen=True)
class Nomination:
    """Someone nominated for an upcoming session who has not yet confirmed."""

    session: TrainingSession
    person_id: str


def unconfirmed(
    sessions: Iterable[TrainingSession], today: date, zone: ZoneInfo
) -> list[Nomination]:
    """People still only nominated for a session today or later, soonest session first."""
    return [
        Nomination(s, p.person_id)
        for s in sorted(sessions, key=lambda s: s.starts)
        if is_upcoming(s, today, zone)
        for p in s.participations
        if p.status is ParticipationStatus.NOMINATED
    ]


def parse_days(text: str) -> float:
    """Working days as typed: "", "0.5", "1,5", "½". Raises ValueError in words."""
    cleaned = text.strip().replace(",", ".").replace("½", ".5")
    if not cleaned:
        return 0.0
    if cleaned.startswith("."):
        cleaned = "0" + cleaned
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"“{text.strip()}” is not a number of days (try 0.5 or 2)") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("type a number of days, such as 0.5 or 2")
    if value < 0:
        raise ValueError("cannot be negative")
    return value


def parse_hours(text: str) -> float:
    """A length in hours: "2", "1.5", "1,5". Raises ValueError in words."""
    cleaned = text.strip().replace(",", ".").removesuffix("h").removesuffix("hours").strip()
    if not cleaned:
        raise ValueError("type how many hours it lasts (e.g. 2 or 1.5), or tick “All day”")
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"“{text.strip()}” is not a number of hours (try 2 or 1.5)") from None
    if not value > 0 or value == float("inf"):
        raise ValueError("must be more than 0 hours")
    return value


def format_number(value: float) -> str:
    """2.0 → "2", 0.5 → "0.5"."""
    return f"{value:g}"


def format_starts(moment: datetime, zone: ZoneInfo) -> str:
    """The way `parse_moment` reads it back: "1 Dec 2026 14:30"."""
    local = moment.astimezone(zone)
    return f"{local.day} {local:%b %Y %H:%M}"
