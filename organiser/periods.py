"""Periods the organiser's numbers are measured over, and the working days inside them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class PeriodKind(StrEnum):
    THIS_WEEK = "this_week"
    LAST_4_WEEKS = "last_4_weeks"
    THIS_QUARTER = "this_quarter"
    THIS_YEAR = "this_year"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        return {
            PeriodKind.THIS_WEEK: "This week",
            PeriodKind.LAST_4_WEEKS: "Last 4 weeks",
            PeriodKind.THIS_QUARTER: "This quarter",
            PeriodKind.THIS_YEAR: "This year",
            PeriodKind.CUSTOM: "Custom",
        }[self]


@dataclass(frozen=True)
class Period:
    """The days from `start` to `end`, both included."""

    start: date
    end: date
    label: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period cannot end before it starts")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def days(self) -> Iterable[date]:
        day = self.start
        while day <= self.end:
            yield day
            day += timedelta(days=1)

    @property
    def length(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.length - 1), end, f"before {self.label}".strip())

    @classmethod
    def named(cls, kind: PeriodKind, today: date) -> Period:
        """A standard period ending today (the custom kind needs its own dates)."""
        if kind is PeriodKind.THIS_WEEK:
            start = today - timedelta(days=today.weekday())
        elif kind is PeriodKind.LAST_4_WEEKS:
            start = today - timedelta(days=27)
        elif kind is PeriodKind.THIS_QUARTER:
            start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        elif kind is PeriodKind.THIS_YEAR:
            start = date(today.year, 1, 1)
        else:
            raise ValueError("a custom period needs a start and an end")
        return cls(start, today, kind.label)


def working_days(period: Period, weekdays: Iterable[int], leave: Iterable[date] = ()) -> int:
    """Days in `period` that fall on the working pattern and are not leave or holiday."""
    pattern = set(weekdays)
    off = set(leave)
    return sum(1 for day in period.days() if day.weekday() in pattern and day not in off)
