"""Time, injected: the app, metrics and reports ask a clock instead of the system."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


class Clock(Protocol):
    """Something that knows the time in the organiser's zone."""

    @property
    def tz(self) -> ZoneInfo: ...

    def now(self) -> datetime: ...

    def today(self) -> date: ...


@dataclass(frozen=True)
class SystemClock:
    """The real time, in the organiser's zone."""

    tz: ZoneInfo = LONDON

    def now(self) -> datetime:
        return datetime.now(self.tz)

    def today(self) -> date:
        return self.now().date()


@dataclass
class FixedClock:
    """A clock for tests and snapshots: stands still until told to move."""

    at: datetime
    tz: ZoneInfo = field(default=LONDON)

    def now(self) -> datetime:
        return self.at.astimezone(self.tz)

    def today(self) -> date:
        return self.now().date()

    def advance(self, **delta: float) -> None:
        self.at = self.at + timedelta(**delta)
