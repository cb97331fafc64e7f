"""A year of 1-2-1s on the organiser's working days, the ones booked ahead, and their
follow-ups. Leaders are kept in touch with on a cadence; the rest of the diary goes to
contacts and new people."""

from __future__ import annotations

import heapq
import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from organiser.demo import phrases
from organiser.demo.context import Context, new_id
from organiser.demo.institutions import QUIET_SINCE_DAYS
from organiser.demo.people import Cast
from organiser.demo.places import ONE_TO_ONE_PLACES
from organiser.models import LadderStage, OneToOneStatus, Person, RelationalMeeting

S = LadderStage
#: Days between 1-2-1s the organiser aims for, by stage (contacts are met when there is room).
CADENCE = {
    S.CORE_TEAM_LEADER: 18,
    S.LEADER: 21,
    S.EMERGING_LEADER: 28,
    S.POTENTIAL_LEADER: 42,
}
#: People waiting for their next 1-2-1: (due, tie-breaker, person), a heap.
Queue = list[tuple[date, int, Person]]
POTENTIAL = {
    S.CONTACT: (1, 2, 2, 3),
    S.POTENTIAL_LEADER: (2, 3, 3, 4),
    S.EMERGING_LEADER: (3, 4, 4),
    S.LEADER: (4, 4, 5),
    S.CORE_TEAM_LEADER: (4, 5, 5),
}
SLOT_TIMES = ((9, 30), (10, 30), (11, 30), (13, 0), (14, 0), (15, 0), (16, 30), (18, 0), (19, 0))
FOLLOW_UP_DAYS = (2, 3, 5, 7, 7, 10, 14)
#: The recent stretch kept at the seed's rate of three a day; before it, a little less.
RECENT_DAYS = 120
RECENT_RATE = 3.0
EARLIER_RATE = 2.3
HISTORY_DAYS = 364
#: Most of a day's 1-2-1s that go to leaders due, and the share kept for contacts.
LEADER_SHARE = 0.7
OPEN_SHARE = 0.25


@dataclass
class Diary:
    ctx: Context
    rng: random.Random
    cast: Cast
    meetings: list[dict[str, Any]] = field(default_factory=list)
    last_met: dict[str, date] = field(default_factory=dict)
    #: Leaders the organiser has lost touch with, from the day they stopped being met.
    cold_from: dict[str, date] = field(default_factory=dict)

    def count_for(self, mean: float) -> int:
        whole = math.floor(mean)
        count = whole + (1 if self.rng.random() < mean - whole else 0)
        if mean < 10:
            count += self.rng.choice((-1, 0, 0, 0, 1))
        return max(0, count)

    def times(self, day: date, count: int) -> list[datetime]:
        if count <= len(SLOT_TIMES):
            chosen = sorted(self.rng.sample(SLOT_TIMES, count))
        else:
            chosen = sorted(
                (self.rng.randrange(8, 21), self.rng.choice((0, 15, 30, 45))) for _ in range(count)
            )
        return [self.ctx.at(day, hour, minute) for hour, minute in chosen]


def _first_met(person: Person) -> date:
    return person.consent_to_contact.on or date.min


def build_one_to_ones(
    ctx: Context, cast: Cast, drifting: frozenset[str] = frozenset()
) -> list[RelationalMeeting]:
    """The diary; no one belonging to a `drifting` institution (by id) is met after
    `QUIET_SINCE_DAYS` ago, so that member has gone quiet."""
    rng = ctx.stream("one_to_ones")
    diary = Diary(ctx, rng, cast)
    leaders = cast.at_least(S.EMERGING_LEADER)
    for person in rng.sample(leaders, min(len(leaders), ctx.scaled(3))):
        diary.cold_from[person.id] = ctx.days_ago(rng.randrange(36, 70))
    quiet_from = ctx.days_ago(QUIET_SINCE_DAYS)
    for person in cast.people:
        if drifting.intersection(person.institution_ids):
            diary.cold_from[person.id] = min(diary.cold_from.get(person.id, quiet_from), quiet_from)

    # People on a cadence wait in queues by the day they are next due: leaders first, then
    # potential leaders; a share of every day is kept for contacts and new people.
    start = ctx.days_ago(HISTORY_DAYS)
    leader_queue = _queue(rng, cast.at_least(S.EMERGING_LEADER), start)
    potential_queue = _queue(
        rng, [p for p in cast.people if p.ladder_stage is S.POTENTIAL_LEADER], start
    )
    contacts = [p for p in cast.people if p.ladder_stage is S.CONTACT] or cast.people
    #: The contacts still met once the drifting members have gone quiet.
    warm = [p for p in contacts if p.id not in diary.cold_from] or contacts

    previous: list[Person] = []
    for number, day in enumerate(ctx.working_days_from(start, ctx.days_ago(1))):
        recent = (ctx.today - day).days <= RECENT_DAYS
        count = diary.count_for((RECENT_RATE if recent else EARLIER_RATE) * ctx.scale)
        if count == 0:
            continue
        chosen: list[tuple[Person, bool]] = []
        open_slots = round(count * OPEN_SHARE)
        _serve(diary, leader_queue, day, chosen, math.ceil(count * LEADER_SHARE))
        _serve(diary, potential_queue, day, chosen, count - open_slots)
        seen = {p.id for p, _ in chosen}
        if previous and number % 50 == 17:
            # Back again within days (a crisis, a deadline): the organiser overrode the warning.
            again = [p for p in previous if p.id not in seen and _met_on(diary, p, day)]
            if again:
                chosen.append((rng.choice(again), True))
                seen.add(chosen[-1][0].id)
                count += 1
        pool = contacts if day < quiet_from else warm
        while len(chosen) < count:
            person = pool[0]
            for _ in range(5):
                person = rng.choice(pool)
                met = diary.last_met.get(person.id)
                if (
                    person.id not in seen
                    and _first_met(person) <= day
                    and (met is None or (day - met).days > 21)
                ):
                    break
            met = diary.last_met.get(person.id)
            chosen.append((person, met is not None and (day - met).days <= 7))
            seen.add(person.id)
        for (person, overridden), at in zip(chosen, diary.times(day, len(chosen)), strict=True):
            diary.meetings.append(_held(diary, person, at, overridden))
            diary.last_met[person.id] = day
        previous = [p for p, _ in chosen]

    _cancel_a_few(diary)
    _follow_ups_due_today(diary)
    _book_ahead(diary, leader_queue + potential_queue)
    _link_next_meetings(diary.meetings)
    return [RelationalMeeting(**fields) for fields in diary.meetings]


def _met_on(diary: Diary, person: Person, day: date) -> bool:
    """Whether `person` is still in the diary on `day` (not gone cold by then)."""
    cold = diary.cold_from.get(person.id)
    return cold is None or day < cold


def _queue(rng: random.Random, people: list[Person], start: date) -> Queue:
    queue = [
        (max(start + timedelta(days=rng.randrange(CADENCE[p.ladder_stage])), _first_met(p)), n, p)
        for n, p in enumerate(people)
    ]
    heapq.heapify(queue)
    return queue


def _serve(
    diary: Diary, queue: Queue, day: date, chosen: list[tuple[Person, bool]], limit: int
) -> None:
    """Take people due by `day` off `queue` until `chosen` holds `limit`; requeue them."""
    deferred: Queue = []
    while queue and queue[0][0] <= day and len(chosen) < limit:
        due, number, person = heapq.heappop(queue)
        if not _met_on(diary, person, day):
            continue  # dropped out of the diary: losing touch
        if _first_met(person) > day:
            deferred.append((due, number, person))
            continue
        chosen.append((person, False))
        gap = CADENCE[person.ladder_stage] * diary.rng.uniform(0.85, 1.1)
        heapq.heappush(queue, (day + timedelta(days=round(gap)), number, person))
    for item in deferred:
        heapq.heappush(queue, item)


def _held(diary: Diary, person: Person, at: datetime, overridden: bool) -> dict[str, Any]:
    rng = diary.rng
    ctx = diary.ctx
    day = at.date()
    slots = diary.cast.slots(person, rng)
    fields: dict[str, Any] = {
        "id": new_id(rng),
        "person_id": person.id,
        "at": at,
        "status": OneToOneStatus.HELD,
        "length_minutes": rng.choice((30, 30, 35, 40, 45, 45)),
        "place": phrases.fill(rng.choice(ONE_TO_ONE_PLACES), rng, slots),
        "contact_guard_overridden": overridden,
    }
    if not person.consent_to_record.valid_on(day):
        return fields  # met, but nothing about them may be written down
    fields.update(
        interests=phrases.interests(rng, slots),
        self_interest=phrases.fill(rng.choice(phrases.SELF_INTERESTS), rng, slots),
        story=phrases.story(rng, slots),
        tension=rng.choice(phrases.TENSIONS),
        potential=rng.choice(POTENTIAL[person.ladder_stage]),
    )
    if rng.random() < 0.8:
        due = day + timedelta(days=rng.choice(FOLLOW_UP_DAYS))
        fields["follow_up"] = phrases.fill(rng.choice(phrases.FOLLOW_UPS), rng, slots)
        fields["follow_up_due"] = due
        age = (ctx.today - day).days
        if due < ctx.today and rng.random() < (0.9 if age > 30 else 0.6):
            done = day + timedelta(days=rng.randrange(1, (due - day).days + 4))
            fields["follow_up_done_on"] = min(done, ctx.days_ago(1))
    return fields


def _cancel_a_few(diary: Diary) -> None:
    """A couple of 1-2-1s that did not happen: nothing recorded but the booking."""
    meetings = diary.meetings
    if not meetings:
        return
    count = max(2, round(len(meetings) * 0.012))
    for index in diary.rng.sample(range(len(meetings)), min(count, len(meetings))):
        kept = {k: meetings[index][k] for k in ("id", "person_id", "at", "place")}
        meetings[index] = {**kept, "status": OneToOneStatus.CANCELLED}


def _follow_ups_due_today(diary: Diary) -> None:
    """Some recent follow-ups fall due today and are not done yet."""
    ctx = diary.ctx
    recent = [
        m for m in diary.meetings if m.get("follow_up") and (ctx.today - m["at"].date()).days <= 14
    ]
    for meeting in diary.rng.sample(recent, min(len(recent), ctx.scaled(3))):
        meeting["follow_up_due"] = ctx.today
        meeting.pop("follow_up_done_on", None)


def _book_ahead(diary: Diary, queue: Queue) -> None:
    """1-2-1s booked from today to four weeks ahead: mostly the next one agreed at a recent
    1-2-1 (those due on their cadence first), and some first meetings."""
    ctx = diary.ctx
    rng = diary.rng
    by_id = {p.id: p for p in diary.cast.people}

    def reachable(person: Person) -> bool:
        return person.consent_to_contact.valid_on(ctx.today) and person.id not in diary.cold_from

    due_on = {p.id: due for due, _, p in queue}
    recent = [
        by_id[pid]
        for pid, day in diary.last_met.items()
        if (ctx.today - day).days <= 42 and reachable(by_id[pid])
    ]
    recent.sort(key=lambda p: (due_on.get(p.id, diary.last_met[p.id] + timedelta(days=42)), p.id))
    anyone = [p for p in diary.cast.people if reachable(p)]
    if not anyone:
        return
    booked: set[str] = set()
    monday = ctx.today - timedelta(days=ctx.today.weekday())
    for day in ctx.working_days_from(ctx.today, monday + timedelta(days=27)):
        week = (day - monday).days // 7
        per_day = 3.0 if day == ctx.today else (3.0, 2.2, 1.5, 0.7)[week]
        count = max(2 if day == ctx.today else 0, diary.count_for(per_day * ctx.scale))
        for at in diary.times(day, count):
            person = anyone[0]
            for _ in range(6):
                follow_on = recent and rng.random() < 0.75
                person = recent.pop(0) if follow_on else rng.choice(anyone)
                if person.id not in booked:
                    break
            else:
                continue
            booked.add(person.id)
            slots = diary.cast.slots(person, rng)
            diary.meetings.append(
                {
                    "id": new_id(rng),
                    "person_id": person.id,
                    "at": at,
                    "status": OneToOneStatus.BOOKED,
                    "length_minutes": 45,
                    "place": phrases.fill(rng.choice(ONE_TO_ONE_PLACES), rng, slots),
                }
            )


def _link_next_meetings(meetings: list[dict[str, Any]]) -> None:
    """A held 1-2-1 points at the next one with the same person when it was booked there and
    then: always when that next one is still ahead, often when it has happened."""
    by_person: dict[str, list[dict[str, Any]]] = {}
    for meeting in meetings:
        if meeting["status"] is not OneToOneStatus.CANCELLED:
            by_person.setdefault(meeting["person_id"], []).append(meeting)
    for own in by_person.values():
        own.sort(key=lambda m: m["at"])
        for this, following in zip(own, own[1:], strict=False):
            if this["status"] is not OneToOneStatus.HELD:
                continue
            close = following["at"] - this["at"] <= timedelta(days=70)
            ahead = following["status"] is OneToOneStatus.BOOKED
            # Deterministic: decided by the meeting's own id, not by drawing again.
            if close and (ahead or int(this["id"][:2], 16) % 5 < 3):
                this["next_meeting_at"] = following["at"]
