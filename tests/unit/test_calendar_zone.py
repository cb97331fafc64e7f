"""The VTIMEZONE is written from the zone's own rules, in the classic yearly-rule form."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Timezone

from organiser.calendar.vtimezone import onsets, vtimezone

LONDON_2025_2027 = (
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/London\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "DTSTART:20250330T010000\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
    "TZNAME:BST\r\n"
    "TZOFFSETFROM:+0000\r\n"
    "TZOFFSETTO:+0100\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:20251026T020000\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
    "TZNAME:GMT\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0000\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
)


def test_london_is_bst_from_the_last_sunday_of_march_to_the_last_of_october() -> None:
    assert vtimezone(ZoneInfo("Europe/London"), 2025, 2027).decode() == LONDON_2025_2027


def test_the_onsets_are_the_real_moments_the_clocks_change() -> None:
    spring, autumn = onsets(ZoneInfo("Europe/London"), 2026)
    assert spring.at_utc == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert autumn.at_utc == datetime(2026, 10, 25, 1, 0, tzinfo=UTC)
    assert (spring.name, spring.daylight, autumn.name, autumn.daylight) == (
        "BST",
        True,
        "GMT",
        False,
    )


def _read_back(zone: ZoneInfo, first: int, last: int) -> object:
    """The zone a calendar builds from our VTIMEZONE alone, not from its own tz database."""
    component = Calendar.from_ical(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        + vtimezone(zone, first, last)
        + b"END:VCALENDAR\r\n"
    ).walk("VTIMEZONE")[0]
    assert isinstance(component, Timezone)
    return component.to_tz(lookup_tzid=False)


@pytest.mark.parametrize(
    ("name", "first", "last"),
    [
        ("Europe/London", 2024, 2028),
        ("Europe/Dublin", 2024, 2027),  # summer is "standard" in the tz database
        ("America/New_York", 2004, 2009),  # the rules changed in 2007
        ("Australia/Sydney", 2024, 2027),  # summer time over new year
        ("Asia/Tokyo", 2025, 2026),  # no summer time at all
        ("America/Sao_Paulo", 2017, 2021),  # summer time abolished in 2019
    ],
)
def test_a_calendar_reading_only_our_vtimezone_agrees_every_hour(
    name: str, first: int, last: int
) -> None:
    zone = ZoneInfo(name)
    theirs = _read_back(zone, first, last)
    moment = datetime(first + 1, 1, 1, tzinfo=UTC)
    while moment < datetime(last + 1, 1, 1, tzinfo=UTC):
        ours = moment.astimezone(zone).utcoffset()
        assert moment.astimezone(theirs).utcoffset() == ours, moment  # type: ignore[arg-type]
        moment += timedelta(hours=1)


def test_a_zone_without_summer_time_has_one_standard_part() -> None:
    text = vtimezone(ZoneInfo("Asia/Tokyo"), 2025, 2026).decode()
    assert text.count("BEGIN:STANDARD") == 1 and "DAYLIGHT" not in text
    assert "TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900" in text


def test_old_rules_end_before_the_new_ones_begin() -> None:
    text = vtimezone(ZoneInfo("America/New_York"), 2005, 2008).decode()
    assert "RRULE:FREQ=YEARLY;UNTIL=20060403T070000Z;BYDAY=1SU;BYMONTH=4" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3" in text
