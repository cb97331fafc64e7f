"""What every part of the demo builder shares: the day it is built for, the random stream,
the organiser's working pattern, and deterministic ids."""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo


def new_id(rng: random.Random) -> str:
    """A record id drawn from `rng`: looks like a uuid4, repeats with the seed."""
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def pick_weighted(rng: random.Random, weights: Mapping[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass(frozen=True)
class Context:
    """The fixed facts of one build. Each builder takes its own random stream from `stream`."""

    today: date
    tz: ZoneInfo
    scale: float
    seed: int
    working_days: tuple[int, ...]
    leave: frozenset[date]

    def stream(self, name: str) -> random.Random:
        """An independent random stream per builder, so that one builder drawing more numbers
        (a larger scale, a new field) does not reshuffle every builder after it."""
        return random.Random(f"organiser-demo/{self.seed}/{name}")

    def scaled(self, base: float, minimum: int = 1) -> int:
        return max(minimum, round(base * self.scale))

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=self.tz)

    def days_ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def days_ahead(self, days: int) -> date:
        return self.today + timedelta(days=days)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() in self.working_days and day not in self.leave

    def working_days_from(self, start: date, end: date) -> list[date]:
        """Working days from `start` to `end`, both included."""
        days = []
        day = start
        while day <= end:
            if self.is_working_day(day):
                days.append(day)
            day += timedelta(days=1)
        return days

    def working_day_on_or_after(self, day: date) -> date:
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def working_day_on_or_before(self, day: date) -> date:
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def outside_christmas(self, day: date, *, later: bool) -> date:
        """`day`, or the nearest day outside 21 December to 4 January (`later` or earlier)
        for anything an alliance would not hold over Christmas."""
        if day.month == 12 and day.day >= 21:
            start = date(day.year, 12, 21)
        elif day.month == 1 and day.day <= 4:
            start = date(day.year - 1, 12, 21)
        else:
            return day
        return start + timedelta(days=15) if later else start - timedelta(days=1)

    def on_weekday(self, day: date, weekday: int, *, later: bool) -> date:
        """The first `weekday` (0 is Monday) on or after `day`, kept out of Christmas."""
        day += timedelta(days=(weekday - day.weekday()) % 7)
        moved = self.outside_christmas(day, later=later)
        step = timedelta(days=1 if later else -1)
        while moved.weekday() != weekday:
            moved += step
        return moved
