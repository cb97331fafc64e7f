"""Dates and times as organisers type them: `2026-12-01`, `1 Dec`, `fri`, `tomorrow 9am`.

Numeric dates are British, day first: `1/12/2026` is the first of December. A year may be
left out (`1 Dec`, `1/12`: this year) or written with two digits (`1/12/26`: 2026).

Weekday names look forward, because a date typed into a form is most often a day coming up:

- `fri` (or `friday`) is today if today is a Friday, otherwise the coming Friday;
- `next fri` is the Friday after today, from 1 to 7 days ahead (never today);
- `last fri` is the most recent Friday before today, from 1 to 7 days back.

A weekday in front of a full date (`Tue 1 Dec 2026`, the way lists show dates) is checked
against the date, so a slip in either half is caught rather than saved.

Times: `14:30`, `14.30`, `9am`, `9:30pm`, `noon`, `midnight`. A moment with no time keeps the
time of day it is now, so `yesterday` is this time yesterday. Times are read in the zone of
the `now` given; a time the clocks skip in spring is moved on by the gap (01:30 on the night
British clocks go forward is 02:30), and a time that happens twice in autumn is the first one.

Every mistake raises ValueError with a message that says what to type instead.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo

_EXAMPLES_DAY = "try 2026-12-01, 1/12/2026, 1 Dec 2026, today, tomorrow or fri"
_EXAMPLES_MOMENT = "try today 14:30, tomorrow 9am, 2026-12-01 14:30 or now"

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_WEEKDAYS = {
    "mon": 0, "monday": 0,
    "tue": 1, "tues": 1, "tuesday": 1,
    "wed": 2, "weds": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
    "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5,
    "sun": 6, "sunday": 6,
}  # fmt: skip
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}

_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_NUMERIC = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})(?:[/.\-]([0-9]{4}|[0-9]{2}))?")
_NAMED = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?(?:\s+([0-9]{4}|[0-9]{2}))?")
_NAMED_US = re.compile(r"([a-z]{3,9})\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?(?:\s+([0-9]{4}))?")

_CLOCK = re.compile(r"([0-9]{1,2})[:.]([0-9]{2})(?::([0-9]{2}))?")
_TWELVE_HOUR = re.compile(r"([0-9]{1,2})(?:[:.]([0-9]{2}))?\s*(am|pm|a\.m\.|p\.m\.)")
_NAMED_TIMES = {"noon": time(12), "midday": time(12), "midnight": time(0)}


def _normalise(text: str) -> str:
    return " ".join(text.replace(",", " ").split()).casefold()


def _shift(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        raise ValueError("that date is outside the calendar this program can keep") from None


def _month(word: str) -> int | None:
    """1 to 12 for a month's name or its first three letters or more ("sept" too)."""
    word = word.rstrip(".")
    if len(word) < 3:
        return None
    if word == "sept":
        return 9
    for number, name in enumerate(_MONTH_NAMES, 1):
        if name.casefold().startswith(word):
            return number
    return None


def _year(text: str | None, today: date) -> int:
    if text is None:
        return today.year
    if len(text) == 2:
        return 2000 + int(text)
    return int(text)


def _make(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise ValueError(f"there is no month {month} (months run 1 to 12; {_EXAMPLES_DAY})")
    if year < 1:
        raise ValueError(f"the year {year} is not one this program can keep")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(
            f"there is no {day} {_MONTH_NAMES[month - 1]} {year}"
            if day >= 1
            else "days of the month start at 1"
        ) from None


def _weekday(text: str, today: date) -> date | None:
    words = text.split()
    if len(words) == 1 and words[0] in _WEEKDAYS:
        return _shift(today, (_WEEKDAYS[words[0]] - today.weekday()) % 7)
    if len(words) == 2 and words[1] in _WEEKDAYS:
        ahead = (_WEEKDAYS[words[1]] - today.weekday()) % 7
        if words[0] == "next":
            return _shift(today, ahead or 7)
        if words[0] == "last":
            return _shift(today, -((-ahead) % 7 or 7))
        if words[0] == "this":
            return _shift(today, ahead)
    return None


def _absolute(text: str, today: date) -> date | None:
    if match := _ISO.fullmatch(text):
        return _make(int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC.fullmatch(text):
        return _make(_year(match[3], today), int(match[2]), int(match[1]))
    if (match := _NAMED.fullmatch(text)) and (month := _month(match[2])):
        return _make(_year(match[3], today), month, int(match[1]))
    if (match := _NAMED_US.fullmatch(text)) and (month := _month(match[1])):
        return _make(_year(match[3], today), month, int(match[2]))
    return None


def parse_day(text: str, today: date) -> date:
    """The day `text` names, reading relative words from `today`.

    Raises ValueError, with a message to show next to the field, when it names no day.
    """
    cleaned = _normalise(text)
    if not cleaned:
        raise ValueError(f"type a date ({_EXAMPLES_DAY})")
    if cleaned in _RELATIVE:
        return _shift(today, _RELATIVE[cleaned])
    found = _weekday(cleaned, today)
    if found is not None:
        return found
    found = _absolute(cleaned, today)
    if found is not None:
        return found
    # A weekday in front of a full date, as lists show them: "Tue 1 Dec 2026".
    first, _, rest = cleaned.partition(" ")
    if first.rstrip(".") in _WEEKDAYS and rest:
        found = _absolute(rest, today)
        if found is not None:
            said = _WEEKDAYS[first.rstrip(".")]
            if found.weekday() != said:
                raise ValueError(
                    f"{found.day} {_MONTH_NAMES[found.month - 1]} {found.year} is a "
                    f"{_WEEKDAY_NAMES[found.weekday()]}, not a {_WEEKDAY_NAMES[said]}"
                )
            return found
    raise _Unreadable(f"{_quote(text)} is not a date I can read ({_EXAMPLES_DAY})")


class _Unreadable(ValueError):
    """The text looks like no date at all (as opposed to an impossible one)."""


def _quote(text: str) -> str:
    shown = " ".join(text.split())
    if len(shown) > 30:
        shown = shown[:29] + "…"
    return f"“{shown}”"


def _clock(text: str) -> time | None:
    """A time of day, or None when `text` is not one; ValueError when it is out of range."""
    if text in _NAMED_TIMES:
        return _NAMED_TIMES[text]
    if match := _TWELVE_HOUR.fullmatch(text):
        hour, minute = int(match[1]), int(match[2] or 0)
        if not 1 <= hour <= 12:
            raise ValueError(f"{hour}{match[3]} is not a time (with am or pm, hours run 1 to 12)")
        if minute > 59:
            raise ValueError("minutes run 0 to 59")
        hour = hour % 12 + (12 if match[3].startswith("p") else 0)
        return time(hour, minute)
    if match := _CLOCK.fullmatch(text):
        hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
        if hour > 23 or minute > 59 or second > 59:
            raise ValueError(f"{match[0]} is not a time (try 14:30 or 9am)")
        return time(hour, minute, second)
    return None


def _split_time(text: str) -> tuple[str, time | None]:
    """("tomorrow", 09:00) from "tomorrow 9am"; the time may be one or two words at the end."""
    words = text.split()
    for size in (2, 1):
        if len(words) < size:
            continue
        tail = " ".join(words[-size:])
        if size == 2 and words[-1].rstrip(".") not in ("am", "pm", "a.m", "p.m"):
            continue
        found = _clock(tail.replace(" ", "") if size == 2 else tail)
        if found is not None:
            head = words[:-size]
            if head and head[-1] == "at":
                head = head[:-1]
            return " ".join(head), found
    return text, None


def parse_moment(text: str, now: datetime) -> datetime:
    """The moment `text` names, in `now`'s time zone (`now` must be timezone-aware).

    Raises ValueError, with a message to show next to the field, when it names no moment.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("the current time must carry a time zone")
    cleaned = _normalise(text)
    if not cleaned:
        raise ValueError(f"type a date and time ({_EXAMPLES_MOMENT})")
    if cleaned == "now":
        return now
    if _ISO_MOMENT.fullmatch(cleaned):
        cleaned = cleaned.replace("t", " ", 1)
    day_text, at = _split_time(cleaned)
    if at is None:
        at = now.time().replace(second=0, microsecond=0, tzinfo=None, fold=0)
    try:
        day = parse_day(day_text, now.date()) if day_text else now.date()
    except _Unreadable:
        if day_text != cleaned:
            raise
        raise ValueError(
            f"{_quote(text)} is not a date and time I can read ({_EXAMPLES_MOMENT})"
        ) from None
    wall = datetime.combine(day, at, tzinfo=now.tzinfo)
    try:
        # Through UTC and back: a wall time the clocks skip moves on by the gap.
        return wall.astimezone(UTC).astimezone(now.tzinfo)
    except OverflowError:
        raise ValueError("that moment is outside the calendar this program can keep") from None


_ISO_MOMENT = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}t[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?")


def format_when(at: datetime, zone: tzinfo | None = None) -> str:
    """A moment as the app shows when something happened: "Mon 23 Nov 14:02", in `zone`
    (the moment's own zone when none is given)."""
    shown = at.astimezone(zone) if zone is not None else at
    return f"{shown:%a} {shown.day} {shown:%b %H:%M}"


def format_day(day: date) -> str:
    """A day the way people type it and `parse_day` reads it back: "1 Dec 2026"."""
    return f"{day.day} {_MONTH_NAMES[day.month - 1][:3]} {day.year:04d}"


MAX_RANGE_DAYS = 366
_RANGE = re.compile(r"\s+(?:to|until|-|–)\s+|\s*\.\.\s*")


def parse_days(text: str, today: date) -> list[date]:
    """Days off as typed in the Profile: dates and ranges separated by semicolons or new
    lines, e.g. `24/12/2026 to 1/1/2027; 14 Feb 2027`. Sorted, without repeats."""
    days: set[date] = set()
    for part in re.split(r"[;\n]+", text):
        piece = part.strip()
        if not piece:
            continue
        ends = _RANGE.split(piece, maxsplit=1)
        start = parse_day(ends[0], today)
        end = parse_day(ends[1], today) if len(ends) > 1 else start
        if end < start:
            raise ValueError(f"{_quote(piece)} ends before it starts")
        if (end - start).days > MAX_RANGE_DAYS:
            raise ValueError(f"{_quote(piece)} is more than a year long")
        days.update(start + timedelta(days=n) for n in range((end - start).days + 1))
    return sorted(days)


def format_days(days: list[date]) -> str:
    """Days off written back as the shortest text `parse_days` reads: runs become ranges."""
    runs: list[tuple[date, date]] = []
    for day in sorted(set(days)):
        if runs and day - runs[-1][1] == timedelta(days=1):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return "; ".join(
        f"{a:%d/%m/%Y}" if a == b else f"{a:%d/%m/%Y} to {b:%d/%m/%Y}" for a, b in runs
    )
