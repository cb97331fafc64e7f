"""The diary export read by readers other than icalendar: vobject (its own parser, its own
reading of our VTIMEZONE through dateutil) and recurring-ical-events (what a calendar shows
in a window of days)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import recurring_ical_events
import vobject

from organiser.calendar.export import DiaryChoice, build_diary
from organiser.clock import FixedClock
from organiser.models import DiaryKind, RelationalMeeting
from store.repository import TinyRepository
from tests.calendar_samples import AWKWARD, Diary, parse, uid

TODAY = date(2026, 11, 23)


def export(repo: TinyRepository, **choice: object) -> bytes:
    return build_diary(repo, DiaryChoice(**choice), TODAY)[0].data  # type: ignore[arg-type]


def test_vobject_reads_every_entry_and_our_timezone(memory: TinyRepository, diary: Diary) -> None:
    # Renamed, so vobject cannot know the zone by name: our VTIMEZONE's rules alone place
    # the times (through dateutil's reading of them).
    data = export(memory, include_private=True).replace(b"Europe/London", b"Organiser/Tz1")
    calendar = vobject.readOne(data.decode("utf-8"))
    assert calendar.x_wr_calname.value == "Leicester; Together: diary"
    zone = calendar.vtimezone.gettzinfo()
    assert type(zone).__module__.startswith("dateutil")
    events = {e.uid.value: e for e in calendar.vevent_list}
    assert len(events) == 16

    def utc(value: datetime) -> datetime:
        return value.replace(tzinfo=zone).astimezone(UTC)

    spring = events[uid("one-to-one", diary.booked.id)]
    autumn = events[uid("one-to-one", diary.held.id)]
    assert utc(spring.dtstart.value) == datetime(2026, 3, 29, 9, 0, tzinfo=UTC)
    assert utc(spring.dtend.value) == datetime(2026, 3, 29, 9, 40, tzinfo=UTC)
    assert utc(autumn.dtstart.value) == datetime(2026, 10, 25, 10, 0, tzinfo=UTC)
    assert utc(datetime(2026, 10, 25, 0, 30)) == datetime(2026, 10, 24, 23, 30, tzinfo=UTC)
    assert spring.location.value == "Café; Narborough Road, Leicester"
    assert f"Interests: {AWKWARD}" in spring.description.value
    assert int(spring.sequence.value) == 0
    course = events[uid("training", diary.course.id)]
    assert (course.dtstart.value, course.dtend.value) == (date(2027, 1, 25), date(2027, 1, 30))


def test_a_calendar_window_shows_the_right_events(memory: TinyRepository, diary: Diary) -> None:
    calendar = parse(export(memory))
    # The week of the clock change in October, seen as a calendar app would.
    shown = recurring_ical_events.of(calendar).between(date(2026, 10, 19), date(2026, 10, 26))
    assert [(str(e["UID"]), e["DTSTART"].dt.astimezone(UTC)) for e in shown] == [
        (uid("one-to-one", diary.held.id), datetime(2026, 10, 25, 10, 0, tzinfo=UTC))
    ]
    november = recurring_ical_events.of(calendar).between(date(2026, 11, 9), date(2026, 11, 21))
    assert {str(e["UID"]) for e in november} == {
        uid("meeting", diary.meeting.id),
        uid("action-point", diary.meeting.id, diary.meeting.action_points[0].id),
        uid("action-point", diary.meeting.id, diary.meeting.action_points[1].id),
        uid("supervision", diary.review.id),
    }


def test_a_window_sees_a_deleted_record_as_cancelled(
    memory: TinyRepository, diary: Diary, clock: FixedClock
) -> None:
    memory.delete(RelationalMeeting, diary.cancelled.id)
    calendar = parse(export(memory, kinds=frozenset({DiaryKind.ONE_TO_ONE})))
    shown = recurring_ical_events.of(calendar).at(clock.today())
    assert [(str(e["UID"]), str(e["STATUS"])) for e in shown] == [
        (uid("one-to-one", diary.cancelled.id), "CANCELLED")
    ]


def test_to_dos_are_read_as_to_dos(memory: TinyRepository, diary: Diary) -> None:
    calendar = vobject.readOne(export(memory, todo=True).decode("utf-8"))
    todos = {t.uid.value: t for t in calendar.vtodo_list}
    assert set(todos) == {
        uid("follow-up", diary.booked.id),
        uid("follow-up", diary.held.id),
        uid("action-point", diary.meeting.id, diary.meeting.action_points[0].id),
        uid("action-point", diary.meeting.id, diary.meeting.action_points[1].id),
        uid("agreed-action", diary.review.id, diary.review.agreed_actions[0].id),
    }
    assert todos[uid("follow-up", diary.held.id)].status.value == "COMPLETED"
