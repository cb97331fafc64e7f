"""The diary export read back with icalendar: identity, sequence, status, times and kinds."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from organiser.calendar.export import DiaryChoice, build_diary
from organiser.clock import FixedClock
from organiser.models import DiaryKind, Meeting, OneToOneStatus, RelationalMeeting
from store.repository import TinyRepository
from tests.calendar_samples import AUTUMN, SPRING, Diary, components, parse, uid

TODAY = date(2026, 11, 23)


def export(repo: TinyRepository, **choice: object) -> bytes:
    files = build_diary(repo, DiaryChoice(**choice), TODAY)  # type: ignore[arg-type]
    assert len(files) == 1
    return files[0].data


def test_the_calendar_names_itself_and_invites_no_one(memory: TinyRepository, diary: Diary) -> None:
    calendar = parse(export(memory))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Organiser//Organiser diary export//EN"
    # icalendar keeps X- properties raw: the name is escaped as TEXT, as calendars read it.
    assert str(calendar["X-WR-CALNAME"]) == "Leicester\\; Together: diary"
    assert "METHOD" not in calendar
    assert all("ORGANIZER" not in c and "ATTENDEE" not in c for c in calendar.walk())


def test_every_kind_goes_in_under_a_stable_uid(memory: TinyRepository, diary: Diary) -> None:
    found = components(export(memory))
    points = diary.meeting.action_points
    agreed = diary.review.agreed_actions[0]
    expected = {
        uid("one-to-one", diary.booked.id),
        uid("one-to-one", diary.held.id),
        uid("one-to-one", diary.cancelled.id),
        uid("follow-up", diary.booked.id),
        uid("follow-up", diary.held.id),
        uid("training", diary.course.id),
        uid("training", diary.workshop.id),
        uid("action", diary.action.id),
        uid("meeting", diary.meeting.id),
        uid("action-point", diary.meeting.id, points[0].id),
        uid("action-point", diary.meeting.id, points[1].id),
        uid("supervision", diary.review.id),
        uid("agreed-action", diary.review.id, agreed.id),
        uid("renewal", diary.school.id),
        uid("invoice", diary.invoice.id),
        uid("invoice", diary.paid.id),
    }
    assert set(found) == expected  # no action point without a due day, no prospect
    assert all(c.name == "VEVENT" for c in found.values())
    assert all("DTEND" in c and "DTSTART" in c for c in found.values())


def test_a_record_edited_twice_keeps_its_uid_with_sequence_two(
    memory: TinyRepository, diary: Diary, clock: FixedClock
) -> None:
    first = components(export(memory))[uid("one-to-one", diary.booked.id)]
    assert int(first["SEQUENCE"]) == 0
    once = memory.save(diary.booked.evolve(place="Library"))
    clock.advance(hours=3)
    twice = memory.save(once.evolve(length_minutes=60))
    event = components(export(memory))[uid("one-to-one", diary.booked.id)]
    assert int(event["SEQUENCE"]) == 2
    assert event["DTSTAMP"].dt == twice.updated.astimezone(UTC)
    assert event["LAST-MODIFIED"].dt == twice.updated.astimezone(UTC)
    assert event["DTSTAMP"].dt.tzinfo is not None and event["DTSTAMP"].dt.utcoffset() == timedelta(
        0
    )
    assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(minutes=60)
    assert str(event["LOCATION"]) == "Library"


def test_the_stamp_is_the_last_change_never_the_time_of_export(
    memory: TinyRepository, diary: Diary, clock: FixedClock
) -> None:
    before = export(memory)
    clock.advance(days=30)
    assert export(memory) == before
    event = components(before)[uid("action", diary.action.id)]
    assert event["DTSTAMP"].dt == diary.action.updated.astimezone(UTC)


def test_a_cancelled_one_to_one_stays_in_as_cancelled(memory: TinyRepository, diary: Diary) -> None:
    found = components(export(memory))
    cancelled = found[uid("one-to-one", diary.cancelled.id)]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["SUMMARY"]).startswith("Cancelled: ")
    assert str(found[uid("one-to-one", diary.booked.id)]["STATUS"]) == "CONFIRMED"


def test_a_one_to_one_cancelled_later_updates_in_place(
    memory: TinyRepository, diary: Diary
) -> None:
    memory.save(diary.booked.evolve(status=OneToOneStatus.CANCELLED))
    event = components(export(memory))[uid("one-to-one", diary.booked.id)]
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1


def test_a_deleted_record_stays_in_as_cancelled(
    memory: TinyRepository, diary: Diary, clock: FixedClock
) -> None:
    edited = memory.save(diary.booked.evolve(place="Library"))  # revision 2, SEQUENCE 1
    clock.advance(days=2)
    memory.delete(RelationalMeeting, edited.id)
    memory.save_all([], deletes=[(Meeting, diary.meeting.id)])
    found = components(export(memory))
    for gone in (
        uid("one-to-one", edited.id),
        uid("follow-up", edited.id),
        uid("meeting", diary.meeting.id),
        uid("action-point", diary.meeting.id, diary.meeting.action_points[0].id),
    ):
        event = found[gone]
        assert str(event["STATUS"]) == "CANCELLED"
        assert "Amina" not in str(event["SUMMARY"])  # a tombstone keeps no one's name
        assert event["DTSTAMP"].dt == clock.now().astimezone(UTC)
    assert int(found[uid("one-to-one", edited.id)]["SEQUENCE"]) == 2  # above the last one sent
    assert int(found[uid("meeting", diary.meeting.id)]["SEQUENCE"]) == 1


def test_times_are_right_across_both_clock_changes(memory: TinyRepository, diary: Diary) -> None:
    found = components(export(memory))
    spring = found[uid("one-to-one", diary.booked.id)]["DTSTART"]
    autumn = found[uid("one-to-one", diary.held.id)]["DTSTART"]
    assert spring.params["TZID"] == autumn.params["TZID"] == "Europe/London"
    # 10:00 on the morning the clocks went forward is 09:00 UTC; in October, 10:00 UTC.
    assert spring.dt.astimezone(UTC) == datetime(2026, 3, 29, 9, 0, tzinfo=UTC)
    assert autumn.dt.astimezone(UTC) == datetime(2026, 10, 25, 10, 0, tzinfo=UTC)
    assert spring.dt == SPRING and autumn.dt == AUTUMN


def test_all_day_items_are_all_day(memory: TinyRepository, diary: Diary) -> None:
    found = components(export(memory))
    course = found[uid("training", diary.course.id)]
    assert course["DTSTART"].dt == date(2027, 1, 25)
    assert not isinstance(course["DTSTART"].dt, datetime)
    assert course["DTEND"].dt == date(2027, 1, 30)  # 35 hours: five training days
    follow_up = found[uid("follow-up", diary.booked.id)]
    assert (follow_up["DTSTART"].dt, follow_up["DTEND"].dt) == (date(2026, 4, 3), date(2026, 4, 4))
    assert str(follow_up["TRANSP"]) == "TRANSPARENT"
    workshop = found[uid("training", diary.workshop.id)]
    assert workshop["DTEND"].dt - workshop["DTSTART"].dt == timedelta(hours=2.5)


def test_done_items_stay_marked_done(memory: TinyRepository, diary: Diary) -> None:
    found = components(export(memory))
    assert str(found[uid("follow-up", diary.held.id)]["SUMMARY"]).startswith("Done: Follow up")
    paid = str(found[uid("invoice", diary.paid.id)]["SUMMARY"])
    assert paid == "Done: Invoice due: Dues 2025, £700.00"


def test_follow_ups_and_action_points_as_to_dos_when_asked(
    memory: TinyRepository, diary: Diary
) -> None:
    found = components(export(memory, todo=True))
    follow_up = found[uid("follow-up", diary.booked.id)]
    assert follow_up.name == "VTODO" and follow_up["DUE"].dt == date(2026, 4, 3)
    assert str(follow_up["STATUS"]) == "NEEDS-ACTION"
    done = found[uid("action-point", diary.meeting.id, diary.meeting.action_points[1].id)]
    assert done.name == "VTODO" and str(done["STATUS"]) == "COMPLETED" and "COMPLETED" in done
    assert found[uid("meeting", diary.meeting.id)].name == "VEVENT"
    assert found[uid("invoice", diary.invoice.id)].name == "VEVENT"


def test_kinds_and_a_period_choose_what_goes_in(memory: TinyRepository, diary: Diary) -> None:
    chosen = frozenset({DiaryKind.ONE_TO_ONE, DiaryKind.ACTION_POINT})
    found = components(
        export(memory, kinds=chosen, start=date(2026, 10, 1), end=date(2026, 11, 30))
    )
    assert set(found) == {
        uid("one-to-one", diary.held.id),
        uid("action-point", diary.meeting.id, diary.meeting.action_points[0].id),
        uid("action-point", diary.meeting.id, diary.meeting.action_points[1].id),
    }


def test_a_period_keeps_what_overlaps_it(memory: TinyRepository, diary: Diary) -> None:
    found = components(
        export(memory, kinds=frozenset({DiaryKind.TRAINING}), start=date(2027, 1, 28))
    )
    assert set(found) == {uid("training", diary.course.id)}  # 25 to 29 January


def test_one_file_per_kind_on_request(memory: TinyRepository, diary: Diary) -> None:
    files = build_diary(memory, DiaryChoice(split=True), TODAY)
    assert [f.kind for f in files] == list(DiaryKind)
    by_kind = {f.kind: f for f in files}
    meetings = parse(by_kind[DiaryKind.MEETING].data)
    assert str(meetings["X-WR-CALNAME"]) == "Leicester\\; Together: Meetings"
    assert [str(c["UID"]) for c in meetings.walk("VEVENT")] == [uid("meeting", diary.meeting.id)]
    assert sum(f.entries for f in files) == 16
