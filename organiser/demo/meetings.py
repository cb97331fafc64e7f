"""Meetings past and to come: core teams, the Leadership Team, Planning Groups, a working
group and the delegates' Assembly, with minutes and action points."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from organiser.demo import phrases
from organiser.demo.campaigns import Campaigns
from organiser.demo.context import Context, new_id
from organiser.demo.institutions import Alliance
from organiser.demo.people import Cast
from organiser.models import ActionPoint, LadderStage, Meeting, MeetingKind, Person

K = MeetingKind


@dataclass(frozen=True)
class Plan:
    title: str
    kind: MeetingKind
    #: Days from today: negative in the past.
    offset: int
    hour: int
    minute: int
    length: int
    place: str
    #: Who comes: "leadership", "housing", "work", "core:<n>" (the n-th member's core
    #: team) or "assembly".
    who: str


PLANS = (
    Plan("Leadership Team", K.LEADERSHIP_TEAM, -110, 18, 30, 90, "Alliance office", "leadership"),
    Plan("Leadership Team", K.LEADERSHIP_TEAM, -82, 18, 30, 90, "Alliance office", "leadership"),
    Plan("Leadership Team", K.LEADERSHIP_TEAM, -54, 18, 30, 90, "Alliance office", "leadership"),
    Plan("Leadership Team", K.LEADERSHIP_TEAM, -26, 18, 30, 90, "Alliance office", "leadership"),
    Plan("Leadership Team", K.LEADERSHIP_TEAM, 2, 18, 30, 90, "Alliance office", "leadership"),
    Plan(
        "Housing Planning Group",
        K.PLANNING_GROUP,
        -60,
        19,
        0,
        90,
        "Holy Trinity Parish Church, vestry",
        "housing",
    ),
    Plan(
        "Housing Planning Group: evaluation",
        K.PLANNING_GROUP,
        -12,
        19,
        0,
        90,
        "Holy Trinity Parish Church, vestry",
        "housing",
    ),
    Plan(
        "Care workers' Planning Group",
        K.PLANNING_GROUP,
        -45,
        18,
        0,
        75,
        "Union office, Charles Street",
        "work",
    ),
    Plan(
        "Care workers' Planning Group",
        K.PLANNING_GROUP,
        -17,
        18,
        0,
        75,
        "Union office, Charles Street",
        "work",
    ),
    Plan(
        "Care workers' Planning Group",
        K.PLANNING_GROUP,
        9,
        18,
        0,
        75,
        "Union office, Charles Street",
        "work",
    ),
    Plan("Care workers' working group", K.WORKING_GROUP, -31, 13, 0, 60, "video call", "work"),
    Plan("Core team meeting", K.TEAM, -38, 15, 30, 60, "", "core:0"),
    Plan("Core team meeting", K.TEAM, -9, 15, 30, 60, "", "core:0"),
    Plan("Core team meeting", K.TEAM, -20, 19, 30, 60, "", "core:1"),
    Plan("Core team meeting", K.TEAM, 6, 19, 30, 60, "", "core:1"),
    Plan("Core team meeting", K.TEAM, -4, 11, 0, 60, "", "core:2"),
    Plan(
        "Delegates' Assembly",
        K.ASSEMBLY,
        -96,
        14,
        0,
        150,
        "Riverside University, Great Hall",
        "assembly",
    ),
    Plan(
        "Delegates' Assembly",
        K.ASSEMBLY,
        48,
        14,
        0,
        150,
        "Riverside University, Great Hall",
        "assembly",
    ),
)


#: A Meeting lists at most 2,000 attendees; the biggest alliance's room holds fewer.
MAX_ATTENDEES = 1_000


def _season(day: date) -> str:
    return ("Winter", "Spring", "Summer", "Autumn")[(day.month % 12) // 3]


def _attendees(
    plan: Plan,
    ctx: Context,
    rng: random.Random,
    alliance: Alliance,
    cast: Cast,
    campaigns: Campaigns,
) -> tuple[list[Person], str]:
    """Who comes to a planned meeting, and where it is when the plan leaves that open."""
    by_id = {p.id: p for p in cast.people}
    if plan.who == "leadership":
        chosen = cast.at_least(LadderStage.LEADER)
        # A leadership team stays a team, however many leaders the alliance has.
        return rng.sample(chosen, min(len(chosen), ctx.scaled(9, minimum=3), 60)), plan.place
    if plan.who in ("housing", "work"):
        campaign = campaigns.housing if plan.who == "housing" else campaigns.work
        ids = campaign.leader_ids if campaign else []
        came = [by_id[i] for i in ids if rng.random() < 0.85]
        return came or [by_id[i] for i in ids], plan.place
    if plan.who.startswith("core:"):
        members = [i for i in alliance.members() if cast.core_teams.get(i.id)]
        if not members:
            return [], plan.place
        institution = members[int(plan.who[5:]) % len(members)]
        team = [by_id[i] for i in cast.core_teams[institution.id]]
        return team, institution.name
    pool = cast.at_least(LadderStage.POTENTIAL_LEADER)
    # However big the alliance, a hall seats a thousand at most.
    return rng.sample(pool, min(len(pool), ctx.scaled(45, minimum=5), 1_000)), plan.place


def build_meetings(
    ctx: Context, alliance: Alliance, cast: Cast, campaigns: Campaigns
) -> list[Meeting]:
    rng = ctx.stream("meetings")
    meetings: list[Meeting] = []
    for plan in PLANS:
        people, place = _attendees(plan, ctx, rng, alliance, cast, campaigns)
        people = people[:MAX_ATTENDEES]
        day = ctx.days_ahead(plan.offset)
        # Assemblies on Saturdays, the rest on weekdays; none over Christmas.
        later = plan.offset > 0
        if plan.kind is K.ASSEMBLY:
            day = ctx.on_weekday(day, 5, later=later)
        else:
            weekday = 0 if day.weekday() >= 5 else day.weekday()
            day = ctx.on_weekday(day, weekday, later=later)
        past = plan.offset < 0
        title = plan.title
        if plan.who.startswith("core:"):
            title = f"Core team: {place}"
        elif plan.kind is K.ASSEMBLY:
            title = f"{_season(day)} delegates' Assembly"
        minutes = ""
        points: list[ActionPoint] = []
        if past:
            slots = {"n": str(rng.randrange(4, 40)), "inst": place or "the institution"}
            minutes = rng.choice(phrases.MINUTES[plan.kind.value]).format_map(slots)
            for text in rng.sample(phrases.ACTION_POINT_TEXTS, rng.randrange(2, 5)):
                due = day + timedelta(days=rng.randrange(5, 22))
                done = None
                if due < ctx.today and rng.random() < 0.7:
                    done = min(ctx.days_ago(1), due - timedelta(days=rng.randrange(0, 4)))
                    done = max(done, day)
                elif rng.random() < 0.2:
                    done = min(ctx.days_ago(1), day + timedelta(days=rng.randrange(1, 4)))
                points.append(
                    ActionPoint(
                        id=new_id(rng),
                        text=text,
                        owner_id=rng.choice(people).id if people else None,
                        due=due,
                        done_on=done,
                    )
                )
        meetings.append(
            Meeting(
                id=new_id(rng),
                title=title,
                meeting_kind=plan.kind,
                at=ctx.at(day, plan.hour, plan.minute),
                length_minutes=plan.length,
                place=place,
                attendee_ids=[p.id for p in people],
                minutes=minutes,
                action_points=points,
            )
        )
    return meetings
