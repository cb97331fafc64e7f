"""What the organiser should do today, assembled from the records: the Today screen's content."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from organiser.cadence import LosingTouch, losing_touch
from organiser.fundraising import SOURCE_LABELS, Owed, overdue_invoices
from organiser.institution_health import AtRisk, institutions_at_risk
from organiser.institutions import RENEWAL_WINDOW_DAYS as RENEWAL_WINDOW_DAYS
from organiser.institutions import renewals_due as renewals_due
from organiser.meetings import DuePoint, due_points
from organiser.metrics import FollowUps, Rate, follow_ups, one_to_one_rate
from organiser.models import (
    FundingSource,
    FundraisingItem,
    Institution,
    LadderMove,
    Meeting,
    OneToOneStatus,
    Person,
    Profile,
    RelationalMeeting,
    SupervisionReview,
    TrainingSession,
)
from organiser.money import format_pounds
from organiser.periods import Period, PeriodKind
from organiser.repository import Repository
from organiser.supervision import OpenAction, open_actions
from organiser.text import day_count, where
from organiser.trainings import TODAY_WINDOW_DAYS, Nomination, coming_up, unconfirmed


@dataclass(frozen=True)
class TodaySummary:
    day: date
    booked: list[RelationalMeeting]
    follow_ups: FollowUps
    #: People overdue a 1-2-1 against their ladder stage's cadence, most overdue first.
    losing_touch: list[LosingTouch]
    renewals: list[Institution]
    rate: Rate
    people: dict[str, Person]
    #: Training sessions from today to TODAY_WINDOW_DAYS ahead, soonest first.
    trainings: list[TrainingSession] = field(default_factory=list)
    #: People nominated for an upcoming session who have not confirmed.
    nominations: list[Nomination] = field(default_factory=list)
    #: Open meeting action points due today or overdue, oldest first.
    action_points: list[DuePoint] = field(default_factory=list)
    #: Actions agreed in finished supervision reviews and not yet done, soonest due first.
    agreed_actions: list[OpenAction] = field(default_factory=list)
    #: Invoices (dues, mostly) past their due date and not paid, longest overdue first.
    dues_overdue: list[Owed] = field(default_factory=list)
    #: Member institutions with dues unpaid and no 1-2-1 with their people for months.
    at_risk: list[AtRisk] = field(default_factory=list)

    def name_of(self, person_id: str) -> str:
        person = self.people.get(person_id)
        return person.name if person else "(someone no longer on record)"


def build_today(repo: Repository, profile: Profile, today: date) -> TodaySummary:
    meetings = repo.list(RelationalMeeting)
    people = {p.id: p for p in repo.list(Person)}
    sessions = repo.list(TrainingSession)
    institutions = repo.list(Institution)
    items = repo.list(FundraisingItem)
    booked = sorted(
        (m for m in meetings if m.status is OneToOneStatus.BOOKED and m.at.date() == today),
        key=lambda m: m.at,
    )
    return TodaySummary(
        day=today,
        booked=booked,
        follow_ups=follow_ups(meetings, today),
        losing_touch=losing_touch(
            people.values(), meetings, repo.list(LadderMove), today, profile.cadence
        ),
        renewals=renewals_due(institutions, today),
        rate=one_to_one_rate(meetings, Period.named(PeriodKind.THIS_WEEK, today), profile),
        people=people,
        trainings=coming_up(sessions, today, profile.zone),
        nominations=unconfirmed(sessions, today, profile.zone),
        action_points=due_points(repo.list(Meeting), today),
        agreed_actions=open_actions(repo.list(SupervisionReview)),
        dues_overdue=overdue_invoices(items, today, {i.id: i for i in institutions}, people),
        at_risk=institutions_at_risk(
            institutions, people.values(), lambda: meetings, items, profile, today
        ),
    )


def _when(day: date | None, today: date) -> str:
    if day is None:
        return "never"
    days = (today - day).days
    return f"{day:%d %b} ({day_count(days)} ago)" if days else "today"


def as_text(summary: TodaySummary, profile: Profile) -> str:
    """The Today summary as plain text for the shell."""
    today = summary.day
    rate = summary.rate
    lines = [
        f"Today, {today:%A %d %B %Y}",
        "",
        f"1-2-1s this week: {rate.held} held over {rate.working_days} working "
        f"{'day' if rate.working_days == 1 else 'days'} "
        f"= {rate.per_day:.1f} a day (target {rate.target_per_day:g})",
        "",
        f"1-2-1s booked today ({len(summary.booked)}):",
    ]
    lines += [
        f"  {m.at.astimezone(profile.zone):%H:%M}  {summary.name_of(m.person_id)}"
        f"{'  ' + where(m.place) if m.place else ''}"
        for m in summary.booked
    ]
    lines += ["", f"Follow-ups due today ({len(summary.follow_ups.due_today)}):"]
    lines += [
        f"  {summary.name_of(m.person_id)}: {m.follow_up}" for m in summary.follow_ups.due_today
    ]
    lines += ["", f"Follow-ups overdue ({len(summary.follow_ups.overdue)}):"]
    lines += [
        f"  due {m.follow_up_due:%d %b}  {summary.name_of(m.person_id)}: {m.follow_up}"
        for m in summary.follow_ups.overdue
    ]
    lines += ["", f"Losing touch ({len(summary.losing_touch)}), most overdue first:"]
    lines += [
        f"  {t.person.name} ({profile.stage_name(t.person.ladder_stage)}), "
        f"{day_count(t.days_overdue(today))} overdue, last 1-2-1 {_when(t.last_held, today)}"
        for t in summary.losing_touch
    ]
    lines += ["", f"Institutions at risk ({len(summary.at_risk)}):"]
    lines += [f"  {r.institution.name}: {r.reason}" for r in summary.at_risk]
    lines += ["", f"Renewals due in the next {RENEWAL_WINDOW_DAYS} days ({len(summary.renewals)}):"]
    lines += [f"  {i.renewal_date:%d %b %Y}  {i.name}" for i in summary.renewals]
    lines += ["", f"Dues and invoices overdue ({len(summary.dues_overdue)}):"]
    lines += [_owed(o, today) for o in summary.dues_overdue]
    lines += ["", f"Trainings in the next {TODAY_WINDOW_DAYS} days ({len(summary.trainings)}):"]
    lines += [
        f"  {s.starts.astimezone(profile.zone):%a %d %b %H:%M}  {s.name}"
        f"{'  ' + where(s.venue) if s.venue else ''}"
        for s in summary.trainings
    ]
    lines += ["", f"Nominated, not yet confirmed ({len(summary.nominations)}):"]
    lines += [
        f"  {summary.name_of(n.person_id)}: {n.session.name}, "
        f"{n.session.starts.astimezone(profile.zone):%a %d %b}"
        for n in summary.nominations
    ]
    lines += ["", f"Action points due ({len(summary.action_points)}):"]
    lines += [
        f"  {_due(d, today)}  {d.point.text}"
        f"{'  (' + summary.name_of(d.point.owner_id) + ')' if d.point.owner_id else ''}"
        f"  from {d.meeting.title}"
        for d in summary.action_points
    ]
    lines += ["", f"Agreed in supervision, not yet done ({len(summary.agreed_actions)}):"]
    lines += [
        f"  {'due ' + f'{o.action.due:%d %b}' if o.action.due else 'no date'}  {o.action.text}"
        f"{'  (' + o.action.owner + ')' if o.action.owner else ''}"
        f"  from {o.review.at:%d %b} with {o.review.supervisor}"
        for o in summary.agreed_actions
    ]
    return "\n".join(lines) + "\n"


def _owed(owed: Owed, today: date) -> str:
    item = owed.item
    source = "" if item.source is FundingSource.MEMBER_DUES else f"  {SOURCE_LABELS[item.source]}"
    return (
        f"  due {item.due_on:%d %b %Y}  {owed.name}  {format_pounds(item.amount_pence)}{source}"
        f"  ({owed.days_overdue(today)} day{'' if owed.days_overdue(today) == 1 else 's'} overdue)"
    )


def _due(due: DuePoint, today: date) -> str:
    day = due.point.due
    return f"due {day:%d %b}" if day is not None and day < today else "due today"


def as_json(summary: TodaySummary) -> dict[str, Any]:
    """The Today summary as plain data for scripts."""
    rate = summary.rate
    return {
        "date": summary.day.isoformat(),
        "rate": {
            "period_start": rate.period.start.isoformat(),
            "period_end": rate.period.end.isoformat(),
            "held": rate.held,
            "working_days": rate.working_days,
            "per_day": round(rate.per_day, 2),
            "target_per_day": rate.target_per_day,
        },
        "booked": [
            {
                "id": m.id,
                "person": summary.name_of(m.person_id),
                "at": m.at.isoformat(),
                "place": m.place,
            }
            for m in summary.booked
        ],
        "follow_ups_due_today": [_follow_up(summary, m) for m in summary.follow_ups.due_today],
        "follow_ups_overdue": [_follow_up(summary, m) for m in summary.follow_ups.overdue],
        "losing_touch": [
            {
                "id": t.person.id,
                "person": t.person.name,
                "stage": t.person.ladder_stage.value,
                "cadence_days": t.cadence_days,
                "last_1_2_1": t.last_held.isoformat() if t.last_held else None,
                "days_since": t.days_since(summary.day),
                "days_overdue": t.days_overdue(summary.day),
            }
            for t in summary.losing_touch
        ],
        "institutions_at_risk": [
            {
                "id": r.institution.id,
                "institution": r.institution.name,
                "unpaid_pence": r.unpaid_pence,
                "unpaid_since": r.unpaid_since.isoformat(),
                "last_1_2_1": r.last_held.isoformat() if r.last_held else None,
                "reason": r.reason,
            }
            for r in summary.at_risk
        ],
        "renewals_due": [
            {
                "id": i.id,
                "institution": i.name,
                "renewal_date": i.renewal_date.isoformat() if i.renewal_date else None,
            }
            for i in summary.renewals
        ],
        "dues_overdue": [
            {
                "id": o.item.id,
                "from": o.name,
                "source": o.item.source.value,
                "amount_pence": o.item.amount_pence,
                "year": o.item.year,
                "due": o.item.due_on.isoformat() if o.item.due_on else None,
                "days_overdue": o.days_overdue(summary.day),
            }
            for o in summary.dues_overdue
        ],
        "trainings": [
            {"id": s.id, "name": s.name, "starts": s.starts.isoformat(), "venue": s.venue}
            for s in summary.trainings
        ],
        "nominated_not_confirmed": [
            {
                "training_id": n.session.id,
                "training": n.session.name,
                "starts": n.session.starts.isoformat(),
                "person_id": n.person_id,
                "person": summary.name_of(n.person_id),
            }
            for n in summary.nominations
        ],
        "action_points_due": [
            {
                "meeting_id": d.meeting.id,
                "meeting": d.meeting.title,
                "id": d.point.id,
                "text": d.point.text,
                "owner_id": d.point.owner_id,
                "owner": summary.name_of(d.point.owner_id) if d.point.owner_id else None,
                "due": d.point.due.isoformat() if d.point.due else None,
            }
            for d in summary.action_points
        ],
        "agreed_actions": [
            {
                "review_id": o.review.id,
                "id": o.action.id,
                "text": o.action.text,
                "owner": o.action.owner,
                "due": o.action.due.isoformat() if o.action.due else None,
                "supervisor": o.review.supervisor,
            }
            for o in summary.agreed_actions
        ],
    }


def _follow_up(summary: TodaySummary, meeting: RelationalMeeting) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "person": summary.name_of(meeting.person_id),
        "follow_up": meeting.follow_up,
        "due": meeting.follow_up_due.isoformat() if meeting.follow_up_due else None,
    }
