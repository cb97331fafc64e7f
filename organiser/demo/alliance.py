"""`build_demo`: a whole, believable alliance for the demo, screenshots, tests and benchmarks."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from organiser.clock import LONDON
from organiser.demo.campaigns import build_campaigns
from organiser.demo.context import Context
from organiser.demo.fundraising import build_fundraising
from organiser.demo.institutions import build_institutions, with_core_teams
from organiser.demo.links import build_links
from organiser.demo.listening import build_listening
from organiser.demo.meetings import build_meetings
from organiser.demo.one_to_ones import build_one_to_ones
from organiser.demo.people import build_people
from organiser.demo.supervision import build_supervision
from organiser.demo.training import build_trainings
from organiser.models import (
    RECORD_TYPES,
    AuditEntry,
    Institution,
    Person,
    Profile,
    Record,
    RelationalMeeting,
    Tombstone,
)
from organiser.review_records import Records

R = TypeVar("R", bound=Record)

ORGANISER = "Sam Adeyemi"
ALLIANCE = "Leicester Together"
#: Monday, Tuesday and Thursday: the seed role's three days a week.
WORKING_DAYS = (0, 1, 3)
MAX_SCALE = 400.0


@dataclass(frozen=True)
class DemoAlliance:
    """Every record of the demo alliance, the Profile first, ready for `repo.save_all`."""

    profile: Profile
    records: list[Record]

    def of(self, kind: type[R]) -> list[R]:
        """The records of one type, in the order they were made."""
        return [r for r in self.records if isinstance(r, kind)]

    @property
    def counts(self) -> dict[str, int]:
        """How many records of each type, by type name ("Person": 130), in `RECORD_TYPES` order
        (Tombstones and the audit trail are bookkeeping, never demo records)."""
        tally = Counter(type(r).__name__ for r in self.records)
        kept = (t for t in RECORD_TYPES if t not in (Tombstone, AuditEntry))
        return {t.__name__: tally[t.__name__] for t in kept}

    @property
    def people(self) -> int:
        return sum(1 for r in self.records if isinstance(r, Person))

    @property
    def institutions(self) -> int:
        return sum(1 for r in self.records if isinstance(r, Institution))

    @property
    def one_to_ones(self) -> int:
        return sum(1 for r in self.records if isinstance(r, RelationalMeeting))


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _leave(today: date, working_days: tuple[int, ...]) -> frozenset[date]:
    """Two weeks' holiday in the past year (one of them in the recent stretch), Christmas,
    and a week booked ahead: the working days in them."""
    days: set[date] = set()
    for monday in (
        _monday(today - timedelta(weeks=7)),
        _monday(today - timedelta(weeks=30)),
        _monday(today + timedelta(weeks=9)),
    ):
        days.update(monday + timedelta(days=n) for n in range(7))
    for year in (today.year - 1, today.year):
        christmas = date(year, 12, 24)
        days.update(christmas + timedelta(days=n) for n in range(9))
    return frozenset(d for d in days if d.weekday() in working_days)


def build_demo(
    today: date, *, scale: float = 1.0, seed: int = 2026, tz: ZoneInfo = LONDON
) -> DemoAlliance:
    """A fictional alliance ("Leicester Together") as it stands on `today`.

    The same `today`, `scale`, `seed` and `tz` always give the same records, ids included.
    `scale` multiplies the people, institutions, 1-2-1s, conversations and the ladder
    history (about 130 people and 390 1-2-1s at 1; 5,000 and 15,000 at 40).
    """
    if not 0 < scale <= MAX_SCALE:
        raise ValueError(f"scale must be above 0 and at most {MAX_SCALE:g}")
    ctx = Context(
        today=today,
        tz=tz,
        scale=scale,
        seed=seed,
        working_days=WORKING_DAYS,
        leave=_leave(today, WORKING_DAYS),
    )
    profile = Profile(
        organiser_name=ORGANISER,
        alliance_name=ALLIANCE,
        timezone=tz.key,
        working_days=list(WORKING_DAYS),
        leave_days=sorted(ctx.leave),
    )
    alliance = build_institutions(ctx)
    cast = build_people(ctx, alliance)
    institutions = with_core_teams(alliance, cast.core_teams)
    one_to_ones = build_one_to_ones(ctx, cast, alliance.drifting_ids())
    listening = build_listening(ctx, alliance, cast)
    campaigns = build_campaigns(ctx, alliance, cast, listening)
    meetings = build_meetings(ctx, alliance, cast, campaigns)
    trainings = build_trainings(ctx, cast)
    target, items = build_fundraising(ctx, alliance, cast)
    sources = Records(
        profile=profile,
        people=cast.people,
        one_to_ones=one_to_ones,
        ladder_moves=cast.ladder_moves,
        trainings=trainings,
        conversations=listening.conversations,
        campaigns=campaigns.campaigns,
        actions=campaigns.actions,
        meetings=meetings,
        fundraising_items=items,
        fundraising_targets=[target],
    )
    reviews = build_supervision(ctx, sources, ORGANISER.split()[0])
    linked = build_links(ctx, cast, institutions, campaigns.power_map)
    records: list[Record] = [
        profile,
        *cast.people,
        *institutions,
        *one_to_ones,
        *cast.ladder_moves,
        listening.campaign,
        *listening.conversations,
        *campaigns.campaigns,
        *linked.power_map,
        *campaigns.actions,
        *meetings,
        *trainings,
        target,
        *items,
        *reviews,
        *linked.people,
        *linked.links,
    ]
    return DemoAlliance(profile=profile, records=records)
