"""Which years a diary's time-zone part must cover: the quick count agrees with the plain one
at New Year, where a local day falls in another year from the stored one."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from organiser.calendar.entries import Entry
from organiser.calendar.writer import years_of
from organiser.models import DiaryKind

ZONES = ["Europe/London", "Pacific/Auckland", "America/Los_Angeles", "Pacific/Kiritimati"]
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


def timed(start: datetime, minutes: int = 45) -> Entry:
    end = start + timedelta(minutes=minutes)
    return Entry("one-to-one-x", DiaryKind.ONE_TO_ONE, 0, STAMP, "1-2-1", start, end)


def all_day(day: date) -> Entry:
    return Entry("follow-up-x", DiaryKind.FOLLOW_UP, 0, STAMP, "Follow up", day, day + timedelta(1))


def plain(entries: list[Entry], zone: ZoneInfo) -> tuple[int, int]:
    return (
        min(e.first_day(zone) for e in entries).year,
        max(e.last_day(zone) for e in entries).year,
    )


#: Entries on either side of two New Years, stored in UTC and in a zone far ahead.
EDGES: list[Entry] = [
    timed(datetime(2025, 12, 31, 23, 30, tzinfo=UTC)),
    timed(datetime(2026, 1, 1, 0, 30, tzinfo=UTC)),
    timed(datetime(2026, 12, 31, 20, 0, tzinfo=UTC), minutes=300),
    timed(datetime(2027, 1, 1, 6, 0, tzinfo=ZoneInfo("Pacific/Auckland"))),
    timed(datetime(2026, 6, 1, 9, 0, tzinfo=UTC)),
    all_day(date(2025, 12, 31)),
    all_day(date(2026, 12, 31)),
    all_day(date(2026, 6, 1)),
]


@pytest.mark.parametrize("zone", ZONES)
def test_the_quick_count_agrees_with_the_plain_one_at_new_year(zone: str) -> None:
    where = ZoneInfo(zone)
    for size in (1, 2, 3):
        for chosen in itertools.combinations(EDGES, size):
            assert years_of(list(chosen), where) == plain(list(chosen), where), chosen


def test_no_entries_no_years() -> None:
    assert years_of([], ZoneInfo("Europe/London")) is None
