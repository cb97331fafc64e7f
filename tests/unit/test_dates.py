"""Reading dates and times as organisers type them (organiser.dates)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from organiser.dates import format_day, parse_day, parse_moment
from organiser.models.base import optional_date

LONDON = ZoneInfo("Europe/London")
MONDAY = date(2026, 11, 23)
FRIDAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 23, 9, 30, 15, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("2026-1-5", date(2026, 1, 5)),
        ("1/12/2026", date(2026, 12, 1)),  # day first
        ("01/12/2026", date(2026, 12, 1)),
        ("1.12.2026", date(2026, 12, 1)),
        ("1-12-2026", date(2026, 12, 1)),
        ("1/12/26", date(2026, 12, 1)),
        ("1/12", date(2026, 12, 1)),  # this year
        ("1 Dec 2026", date(2026, 12, 1)),
        ("1 December 2026", date(2026, 12, 1)),
        ("1st December 2026", date(2026, 12, 1)),
        ("1 dec", date(2026, 12, 1)),
        ("1 Sept 2026", date(2026, 9, 1)),
        ("December 1, 2026", date(2026, 12, 1)),
        ("Tue 1 Dec 2026", date(2026, 12, 1)),
        ("Tue, 1 December 2026", date(2026, 12, 1)),
        ("Mon 23 Nov 2026", MONDAY),  # the way lists show dates
        ("  today ", MONDAY),
        ("TODAY", MONDAY),
        ("yesterday", date(2026, 11, 22)),
        ("tomorrow", date(2026, 11, 24)),
    ],
)
def test_dates(text: str, expected: date) -> None:
    assert parse_day(text, MONDAY) == expected


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("fri", MONDAY, FRIDAY),
        ("friday", MONDAY, FRIDAY),
        ("Fri", FRIDAY, FRIDAY),  # a weekday name is today when today is that day
        ("mon", MONDAY, MONDAY),
        ("sun", MONDAY, date(2026, 11, 29)),
        ("tues", MONDAY, date(2026, 11, 24)),
        ("thurs", MONDAY, date(2026, 11, 26)),
        ("next fri", MONDAY, FRIDAY),
        ("next fri", FRIDAY, date(2026, 12, 4)),  # never today
        ("next mon", MONDAY, date(2026, 11, 30)),
        ("last fri", MONDAY, date(2026, 11, 20)),
        ("last fri", FRIDAY, date(2026, 11, 20)),  # never today
        ("last sun", MONDAY, date(2026, 11, 22)),
        ("this wed", MONDAY, date(2026, 11, 25)),
    ],
)
def test_weekdays(text: str, today: date, expected: date) -> None:
    assert parse_day(text, today) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "type a date"),
        ("   ", "type a date"),
        ("soon", "“soon” is not a date I can read (try 2026-12-01"),
        ("31/2/2026", "there is no 31 February 2026"),
        ("29 Feb 2026", "there is no 29 February 2026"),
        ("0/1/2026", "days of the month start at 1"),
        ("1/13/2026", "there is no month 13"),
        ("2026-13-01", "there is no month 13"),
        ("12/25/2026", "there is no month 25"),  # American order is caught, not misread
        ("Mon 1 Dec 2026", "1 December 2026 is a Tuesday, not a Monday"),
        ("1 Decembre 2026", "is not a date I can read"),
        ("next", "is not a date I can read"),
        ("1/12/026", "is not a date I can read"),
    ],
)
def test_mistakes_are_explained(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        parse_day(text, MONDAY)


def test_a_long_mistake_is_quoted_short() -> None:
    with pytest.raises(ValueError) as caught:
        parse_day("x" * 500, MONDAY)
    assert len(str(caught.value)) < 150


def test_the_edges_of_the_calendar_are_a_value_error() -> None:
    with pytest.raises(ValueError, match="outside the calendar"):
        parse_day("tomorrow", date.max)
    with pytest.raises(ValueError, match="outside the calendar"):
        parse_day("yesterday", date.min)
    with pytest.raises(ValueError, match="outside the calendar"):
        parse_day("sat", date.max)  # 31 Dec 9999 is a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", NOW),
        ("today 14:30", datetime(2026, 11, 23, 14, 30, tzinfo=LONDON)),
        ("today at 14:30", datetime(2026, 11, 23, 14, 30, tzinfo=LONDON)),
        ("tomorrow 9am", datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)),
        ("tomorrow 9 am", datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)),
        ("tomorrow 9:15pm", datetime(2026, 11, 24, 21, 15, tzinfo=LONDON)),
        ("tomorrow 12pm", datetime(2026, 11, 24, 12, 0, tzinfo=LONDON)),
        ("tomorrow 12am", datetime(2026, 11, 24, 0, 0, tzinfo=LONDON)),
        ("fri noon", datetime(2026, 11, 27, 12, 0, tzinfo=LONDON)),
        ("fri midnight", datetime(2026, 11, 27, 0, 0, tzinfo=LONDON)),
        ("2026-12-01 14:30", datetime(2026, 12, 1, 14, 30, tzinfo=LONDON)),
        ("2026-12-01T14:30", datetime(2026, 12, 1, 14, 30, tzinfo=LONDON)),
        ("2026-12-01T14:30:05", datetime(2026, 12, 1, 14, 30, 5, tzinfo=LONDON)),
        ("1/12/2026 9.30", datetime(2026, 12, 1, 9, 30, tzinfo=LONDON)),
        ("1 Dec 2026 at 6pm", datetime(2026, 12, 1, 18, 0, tzinfo=LONDON)),
        ("14:30", datetime(2026, 11, 23, 14, 30, tzinfo=LONDON)),  # today
        ("9am", datetime(2026, 11, 23, 9, 0, tzinfo=LONDON)),
        # A day alone keeps the time of day, to the minute: this time yesterday.
        ("yesterday", datetime(2026, 11, 22, 9, 30, tzinfo=LONDON)),
        ("2026-12-01", datetime(2026, 12, 1, 9, 30, tzinfo=LONDON)),
    ],
)
def test_moments(text: str, expected: datetime) -> None:
    found = parse_moment(text, NOW)
    assert found == expected
    assert found.tzinfo is LONDON


def test_moments_across_the_clock_change() -> None:
    before = datetime(2026, 3, 28, 12, 0, tzinfo=LONDON)  # the day before clocks go forward
    summer = parse_moment("tomorrow 14:00", before)
    assert summer.utcoffset() == timedelta(hours=1)
    assert summer.astimezone(UTC).hour == 13
    skipped = parse_moment("tomorrow 1:30", before)  # 01:30 never happens that night
    assert (skipped.hour, skipped.minute) == (2, 30)
    assert skipped.utcoffset() == timedelta(hours=1)
    autumn = datetime(2026, 10, 24, 12, 0, tzinfo=LONDON)
    twice = parse_moment("tomorrow 1:30", autumn)  # 01:30 happens twice: the first
    assert twice.utcoffset() == timedelta(hours=1)


def test_moments_keep_a_fixed_offset_zone() -> None:
    now = datetime(2026, 11, 23, 9, 30, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    found = parse_moment("today 14:30", now)
    assert found.utcoffset() == timedelta(hours=5, minutes=30)
    assert (found.hour, found.minute) == (14, 30)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "type a date and time"),
        ("soon", "“soon” is not a date and time I can read (try today 14:30"),
        ("today 25:00", "25:00 is not a time"),
        ("today 14:75", "14:75 is not a time"),
        ("today 13pm", "13pm is not a time"),
        ("today 0am", "0am is not a time"),
        ("31/2/2026 14:00", "there is no 31 February 2026"),
        ("someday 14:00", "“someday” is not a date I can read"),
    ],
)
def test_moment_mistakes_are_explained(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        parse_moment(text, NOW)


def test_a_moment_needs_an_aware_now() -> None:
    with pytest.raises(ValueError, match="time zone"):
        parse_moment("today 14:30", datetime(2026, 11, 23, 9, 30))


def test_format_day_reads_back() -> None:
    assert format_day(date(2026, 12, 1)) == "1 Dec 2026"
    assert parse_day(format_day(date(2026, 12, 1)), MONDAY) == date(2026, 12, 1)


# Properties ---------------------------------------------------------------------------------

DAYS = st.dates(min_value=date(1000, 1, 1), max_value=date(9998, 12, 31))
TODAYS = st.dates(min_value=date(1000, 1, 8), max_value=date(9998, 12, 24))
ZONES = st.sampled_from([LONDON, ZoneInfo("America/New_York"), ZoneInfo("Asia/Kolkata"), UTC])


@given(text=st.text(max_size=60), today=st.dates())
@example(text="tomorrow", today=date.max)
@example(text="99/99/9999", today=MONDAY)
@example(text="0001-01-01", today=MONDAY)
@example(text="\x00\u202e1/1/2026", today=MONDAY)
def test_any_text_is_a_date_or_a_value_error(text: str, today: date) -> None:
    try:
        parsed = parse_day(text, today)
    except ValueError as error:
        assert str(error)
    else:
        assert isinstance(parsed, date)


@given(
    text=st.text(
        alphabet=st.sampled_from(list("0123456789/:.- apmtodayesrwnxfiuhcvbgkl")), max_size=40
    )
    | st.text(max_size=40),
    now=st.datetimes(
        min_value=datetime(1, 1, 3), max_value=datetime(9999, 12, 29), timezones=ZONES
    ),
)
@example(text="tomorrow 9am", now=datetime(9999, 12, 31, 23, 0, tzinfo=UTC))
@example(text="yesterday 1am", now=datetime(1, 1, 1, 1, 0, tzinfo=ZoneInfo("Asia/Kolkata")))
def test_any_text_is_a_moment_or_a_value_error(text: str, now: datetime) -> None:
    try:
        parsed = parse_moment(text, now)
    except ValueError as error:
        assert str(error)
    else:
        assert parsed.tzinfo is not None and parsed.utcoffset() is not None


@given(day=DAYS, today=TODAYS)
def test_every_way_of_writing_a_day_reads_back(day: date, today: date) -> None:
    for text in (
        day.isoformat(),
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day}.{day.month}.{day.year}",
        format_day(day),
        f"{day.day} {day:%B} {day.year}",
        optional_date(day),  # "Mon 23 Nov 2026", as lists show it
    ):
        assert parse_day(text, today) == day, text


@given(today=TODAYS, weekday=st.integers(0, 6))
def test_weekday_names_look_at_most_a_week_ahead(today: date, weekday: int) -> None:
    name = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[weekday]
    plain = parse_day(name, today)
    following = parse_day(f"next {name}", today)
    previous = parse_day(f"last {name}", today)
    assert plain.weekday() == following.weekday() == previous.weekday() == weekday
    assert 0 <= (plain - today).days <= 6
    assert 1 <= (following - today).days <= 7
    assert 1 <= (today - previous).days <= 7


@given(
    day=st.dates(min_value=date(1900, 1, 2), max_value=date(2999, 12, 30)),
    at=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    zone=ZONES,
)
def test_iso_moments_read_back(day: date, at: time, zone: ZoneInfo) -> None:
    now = datetime(2026, 11, 23, 9, 30, tzinfo=zone)
    parsed = parse_moment(f"{day.isoformat()} {at:%H:%M}", now)
    wall = datetime.combine(day, at, tzinfo=zone)
    assert parsed == wall.astimezone(UTC).astimezone(zone)
    assert parsed.tzinfo is zone


def test_leave_days_read_dates_and_ranges_and_write_back_the_same() -> None:
    from organiser.dates import format_days, parse_days

    today = date(2026, 11, 23)
    days = parse_days("24/12/2026 to 1/1/2027; 14 Feb 2027\n2026-12-01..2026-12-02", today)
    assert len(days) == 12 and days[0] == date(2026, 12, 1) and days[-1] == date(2027, 2, 14)
    assert format_days(days) == "01/12/2026 to 02/12/2026; 24/12/2026 to 01/01/2027; 14/02/2027"
    assert parse_days(format_days(days), today) == days
    assert parse_days("  ", today) == []
    for bad, why in [
        ("1/1/2027 to 24/12/2026", "ends before it starts"),
        ("1/1/2026 to 1/1/2028", "more than a year long"),
        ("soon", "is not a date I can read"),
    ]:
        with pytest.raises(ValueError, match=why):
            parse_days(bad, today)
