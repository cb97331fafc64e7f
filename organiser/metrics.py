"""The organiser's numbers: the 1-2-1 rate, who is going cold, and follow-ups due."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from organiser.models import LadderStage, OneToOneStatus, Person, Profile, RelationalMeeting
from organiser.periods import Period, working_days


@dataclass(frozen=True)
class Rate:
    """Held 1-2-1s per working day over a period, against the Profile's target."""

    period: Period
    held: int
    working_days: int
    target_per_day: float

    @property
    def per_day(self) -> float:
        return self.held / self.working_days if self.working_days else 0.0

    @property
    def target_total(self) -> float:
        return self.target_per_day * self.working_days

    @property
    def on_target(self) -> bool:
        return self.per_day >= self.target_per_day


def held_in(meetings: Iterable[RelationalMeeting], period: Period) -> list[RelationalMeeting]:
    return [m for m in meetings if m.status is OneToOneStatus.HELD and m.at.date() in period]


def one_to_one_rate(
    meetings: Iterable[RelationalMeeting], period: Period, profile: Profile
) -> Rate:
    """Held 1-2-1s in `period` per working day of the Profile's pattern, leave excluded.

    Meetings held on a day off still count towards the total: the work was done.
    """
    days = working_days(period, profile.working_days, profile.leave_days)
    return Rate(period, len(held_in(meetings, period)), days, profile.one_to_ones_per_day)


def last_held(meetings: Iterable[RelationalMeeting]) -> dict[str, date]:
    """Each person's most recent held 1-2-1, by person id."""
    latest: dict[str, date] = {}
    for meeting in meetings:
        if meeting.status is not OneToOneStatus.HELD:
            continue
        day = meeting.at.date()
        if day > latest.get(meeting.person_id, date.min):
            latest[meeting.person_id] = day
    return latest


@dataclass(frozen=True)
class Cold:
    """A leader who has gone too long without a 1-2-1."""

    person: Person
    last_held: date | None
    days_since: int | None


def going_cold(
    people: Iterable[Person],
    meetings: Iterable[RelationalMeeting],
    today: date,
    weeks: int,
    from_stage: LadderStage = LadderStage.POTENTIAL_LEADER,
) -> list[Cold]:
    """People at or above `from_stage` with no held 1-2-1 in the last `weeks` weeks.

    Those never met come first, then the longest since their last 1-2-1.
    """
    latest = last_held(meetings)
    cutoff = today - timedelta(weeks=weeks)
    cold = [
        Cold(p, latest.get(p.id), (today - latest[p.id]).days if p.id in latest else None)
        for p in people
        if p.ladder_stage.rank >= from_stage.rank and latest.get(p.id, date.min) <= cutoff
    ]
    return sorted(
        cold, key=lambda c: (c.days_since is not None, -(c.days_since or 0), c.person.name)
    )


@dataclass(frozen=True)
class FollowUps:
    due_today: list[RelationalMeeting]
    overdue: list[RelationalMeeting]
    done: list[RelationalMeeting]


def follow_ups(meetings: Sequence[RelationalMeeting], today: date) -> FollowUps:
    """Agreed follow-ups with a due date: due today, overdue (oldest first) and done."""
    due_today: list[RelationalMeeting] = []
    overdue: list[RelationalMeeting] = []
    done: list[RelationalMeeting] = []
    for meeting in meetings:
        if not meeting.follow_up or meeting.follow_up_due is None:
            continue
        if meeting.status is OneToOneStatus.CANCELLED:
            continue
        if meeting.follow_up_done_on is not None:
            done.append(meeting)
        elif meeting.follow_up_due == today:
            due_today.append(meeting)
        elif meeting.follow_up_due < today:
            overdue.append(meeting)
    overdue.sort(key=lambda m: m.follow_up_due or today)
    done.sort(key=lambda m: m.follow_up_done_on or today, reverse=True)
    return FollowUps(due_today, overdue, done)
