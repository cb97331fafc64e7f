"""A VTIMEZONE for the organiser's zone, in the classic form Outlook understands: one STANDARD
and one DAYLIGHT part, each with a yearly rule ("the last Sunday of March at 01:00").

The rules are read from the zone itself (the tz database), not typed in: for each year the
diary covers, find the moments the offset changes, describe each as "the nth (or last)
weekday of a month at a local time", and write one part per change for each run of years
that follow the same rules. Europe/London comes out as BST from the last Sunday of March at
01:00 GMT and GMT from the last Sunday of October at 02:00 BST; a zone without summer time
comes out as one STANDARD part.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:  # icalendar is imported when a diary is written, not when the app starts
    from icalendar import TimezoneDaylight, TimezoneStandard

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Onset:
    """One change of offset: the local time it happens (on the clock before the change)."""

    local: datetime
    at_utc: datetime
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool

    @property
    def byday(self) -> frozenset[str]:
        """Every way to name its day in a yearly rule: "2SU" and, in a month's last week, "-1SU"."""
        weekday = _WEEKDAYS[self.local.weekday()]
        names = {f"{(self.local.day - 1) // 7 + 1}{weekday}"}
        if self.local.day + 7 > calendar.monthrange(self.local.year, self.local.month)[1]:
            names.add(f"-1{weekday}")
        return frozenset(names)

    @property
    def shape(self) -> tuple[object, ...]:
        """What must match, year after year, for one rule to describe the onsets."""
        return (
            self.local.month,
            self.local.time(),
            self.offset_from,
            self.offset_to,
            self.name,
            self.daylight,
        )


def _state(zone: ZoneInfo, moment: datetime) -> tuple[timedelta, str, timedelta]:
    local = moment.astimezone(zone)
    return local.utcoffset() or timedelta(0), local.tzname() or "", local.dst() or timedelta(0)


def _daylight(before: timedelta, after: timedelta) -> bool:
    """Summer time, as calendars mean it. Ireland's and Morocco's rules have summer as the
    standard time and "negative" daylight saving in winter; calendars want it the other way."""
    zero = timedelta(0)
    return after > zero or (after == zero and before < zero)


@lru_cache(maxsize=512)
def onsets(zone: ZoneInfo, year: int) -> tuple[Onset, ...]:
    """The offset changes in `year`, found day by day and narrowed to the second."""
    found: list[Onset] = []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    state = _state(zone, moment)
    while moment < end:
        after = min(moment + _DAY, end)
        later = _state(zone, after)
        if later[0] != state[0]:
            low, high = int(moment.timestamp()), int(after.timestamp())
            while high - low > 1:  # whole seconds: the tz database has nothing finer
                middle = (low + high) // 2
                if _state(zone, datetime.fromtimestamp(middle, UTC))[0] == state[0]:
                    low = middle
                else:
                    high = middle
            change = datetime.fromtimestamp(high, UTC)
            offset, name, dst = _state(zone, change)
            local = (change + state[0]).replace(tzinfo=None)
            daylight = _daylight(state[2], dst)
            found.append(Onset(local, change, state[0], offset, name, daylight))
        state = later
        moment = after
    return tuple(found)


def _eras(zone: ZoneInfo, first: int, last: int) -> list[tuple[int, int]]:
    """Runs of years whose onsets one yearly rule each can describe."""
    eras: list[tuple[int, int]] = []
    for year in range(first, last + 1):
        if eras and _same_rules(zone, eras[-1][0], year):
            eras[-1] = (eras[-1][0], year)
        else:
            eras.append((year, year))
    return eras


def _same_rules(zone: ZoneInfo, first: int, year: int) -> bool:
    ours, theirs = onsets(zone, first), onsets(zone, year)
    return len(ours) == len(theirs) and all(
        a.shape == b.shape and a.byday & b.byday for a, b in zip(ours, theirs, strict=True)
    )


def _part(
    onset: Onset, last: Onset | None, byday: str | None
) -> TimezoneStandard | TimezoneDaylight:
    from icalendar import TimezoneDaylight, TimezoneStandard

    part = TimezoneDaylight() if onset.daylight else TimezoneStandard()
    part.add("DTSTART", onset.local)
    if byday is not None:
        rule: dict[str, object] = {"FREQ": "YEARLY", "BYMONTH": onset.local.month}
        rule["BYDAY"] = byday
        if last is not None:
            # A day after the last onset: some readers compare UNTIL (UTC) with local times,
            # and any moment before next year's onset means the same.
            rule["UNTIL"] = last.at_utc + _DAY
        part.add("RRULE", rule)
    part.add("TZNAME", onset.name)
    part.add("TZOFFSETFROM", onset.offset_from)
    part.add("TZOFFSETTO", onset.offset_to)
    return part


@lru_cache(maxsize=64)
def vtimezone(zone: ZoneInfo, first: int, last: int) -> bytes:
    """The VTIMEZONE for `zone`, right for every moment from `first` + 1 to `last` (a year
    earlier than the first entry, so the first entry follows an onset)."""
    from icalendar import Timezone

    component = Timezone()
    component.add("TZID", zone.key)
    eras = _eras(zone, first, last)
    for number, (start, end) in enumerate(eras):
        opening = onsets(zone, start)
        if not opening:
            if number == 0:  # no changes yet: the zone's offset as it stands
                offset, name, dst = _state(zone, datetime(start, 1, 1, tzinfo=UTC))
                daylight = dst > timedelta(0)
                steady = Onset(
                    datetime(start, 1, 1),
                    datetime(start, 1, 1, tzinfo=UTC),
                    offset,
                    offset,
                    name,
                    daylight,
                )
                component.add_component(_part(steady, None, None))
            continue
        closing = onsets(zone, end)
        final = number == len(eras) - 1
        for position, onset in enumerate(opening):
            if start == end and not final:
                component.add_component(_part(onset, None, None))
                continue
            names = onset.byday
            for year in range(start, end + 1):
                names &= onsets(zone, year)[position].byday
            byday = min(names, key=lambda n: (not n.startswith("-"), n))
            component.add_component(_part(onset, None if final else closing[position], byday))
    return bytes(component.to_ical())
