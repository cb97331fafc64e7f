"""1-2-1s without a terminal: filters, follow-ups, the next booking and reading a form."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from organiser.clock import LONDON
from organiser.models import Institution, Membership, OneToOneStatus, Person, RelationalMeeting
from organiser.one_to_ones import (
    FollowUpState,
    OneToOneFilter,
    OneToOneFinder,
    OneToOneTexts,
    filter_one_to_ones,
    follow_up_state,
    follow_up_text,
    gist,
    listing_period,
    moment_text,
    places,
    plan_booking,
    read_texts,
    timeline,
    toggle_follow_up,
)
from organiser.periods import PeriodKind

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=LONDON)  # a Monday
TODAY = NOW.date()
SCHOOL = Institution(name="St Mary's Primary")
MOSQUE = Institution(name="Highfields Mosque")
AMINA = Person(name="Amina Khan", memberships=[Membership(institution_id=SCHOOL.id)])
ZOFIA = Person(
    name="Zofia Wójcik",
    memberships=[Membership(institution_id=SCHOOL.id), Membership(institution_id=MOSQUE.id)],
)
BILAL = Person(name="Bilal Hussain", memberships=[Membership(institution_id=MOSQUE.id)])
PEOPLE = {p.id: p for p in (AMINA, ZOFIA, BILAL)}


def meeting(person: Person, days_ago: float, **fields: object) -> RelationalMeeting:
    return RelationalMeeting.model_validate(
        {"person_id": person.id, "at": NOW - timedelta(days=days_ago), **fields}
    )


MEETINGS = [
    meeting(AMINA, 0, potential=4),  # today
    meeting(AMINA, 40, potential=2),
    meeting(ZOFIA, 3, potential=5),  # Friday last week
    meeting(BILAL, 10),
    meeting(BILAL, -3, status=OneToOneStatus.BOOKED),  # Thursday this week
    meeting(ZOFIA, 200, status=OneToOneStatus.CANCELLED, potential=3),
]


def found(wanted: OneToOneFilter) -> list[RelationalMeeting]:
    return filter_one_to_ones(MEETINGS, PEOPLE, wanted, LONDON)


def test_a_blank_filter_lists_everything_newest_first() -> None:
    listed = found(OneToOneFilter())
    assert len(listed) == len(MEETINGS)
    assert [m.at for m in listed] == sorted((m.at for m in MEETINGS), reverse=True)
    assert listed[0].status is OneToOneStatus.BOOKED  # booked ahead comes first
    assert OneToOneFilter().is_blank
    assert OneToOneFilter(person="  ").is_blank
    assert not OneToOneFilter(status=OneToOneStatus.HELD).is_blank


def test_filter_by_part_of_a_name_ignores_case_and_accents() -> None:
    assert {m.person_id for m in found(OneToOneFilter(person="wojc"))} == {ZOFIA.id}
    assert len(found(OneToOneFilter(person="KHAN am"))) == 2
    assert found(OneToOneFilter(person="nobody")) == []


def test_filter_by_institution_follows_the_persons_memberships() -> None:
    at_school = found(OneToOneFilter(institution_id=SCHOOL.id))
    assert {m.person_id for m in at_school} == {AMINA.id, ZOFIA.id}
    at_mosque = found(OneToOneFilter(institution_id=MOSQUE.id))
    assert {m.person_id for m in at_mosque} == {ZOFIA.id, BILAL.id}
    assert len(at_mosque) == 4


def test_filter_by_period_status_and_potential() -> None:
    week = listing_period(PeriodKind.THIS_WEEK, TODAY)
    this_week = found(OneToOneFilter(since=week.start, until=week.end))
    assert len(this_week) == 2  # today's, and Thursday's booking
    four = listing_period(PeriodKind.LAST_4_WEEKS, TODAY)
    last_four = found(OneToOneFilter(since=four.start, until=four.end))
    assert len(last_four) == 3  # the booking ahead is after today
    assert len(found(OneToOneFilter(since=TODAY - timedelta(days=3)))) == 3
    assert len(found(OneToOneFilter(until=TODAY - timedelta(days=11)))) == 2
    assert len(found(OneToOneFilter(status=OneToOneStatus.HELD))) == 4
    assert len(found(OneToOneFilter(status=OneToOneStatus.CANCELLED))) == 1
    assert [m.potential for m in found(OneToOneFilter(min_potential=4))] == [4, 5]
    both = OneToOneFilter(person="zofia", min_potential=3, status=OneToOneStatus.HELD)
    assert [m.potential for m in found(both)] == [5]


def test_the_day_is_the_organisers_day_not_utc() -> None:
    late = RelationalMeeting(person_id=AMINA.id, at=datetime(2026, 6, 30, 23, 30, tzinfo=LONDON))
    # 23:30 UTC on 30 June, but in London (summer time) already 1 July.
    early = RelationalMeeting(person_id=AMINA.id, at=datetime(2026, 7, 1, 0, 30, tzinfo=LONDON))
    finder = OneToOneFinder([late, early], PEOPLE, LONDON)
    assert finder.matching(OneToOneFilter(since=date(2026, 7, 1))) == [early]
    assert finder.matching(OneToOneFilter(until=date(2026, 6, 30))) == [late]


def test_listing_periods_run_to_their_end() -> None:
    assert listing_period(PeriodKind.THIS_WEEK, TODAY).start == date(2026, 11, 23)
    assert listing_period(PeriodKind.THIS_WEEK, TODAY).end == date(2026, 11, 29)
    quarter = listing_period(PeriodKind.THIS_QUARTER, TODAY)
    assert (quarter.start, quarter.end) == (date(2026, 10, 1), date(2026, 12, 31))
    spring = listing_period(PeriodKind.THIS_QUARTER, date(2026, 5, 2))
    assert (spring.start, spring.end) == (date(2026, 4, 1), date(2026, 6, 30))
    assert listing_period(PeriodKind.THIS_YEAR, TODAY).end == date(2026, 12, 31)
    assert listing_period(PeriodKind.LAST_4_WEEKS, TODAY).end == TODAY
    with pytest.raises(ValueError):
        listing_period(PeriodKind.CUSTOM, TODAY)


def test_a_finder_over_thousands_filters_quickly() -> None:
    import time

    many = [meeting(PEOPLE_LIST[n % 3], n / 3, potential=1 + n % 5) for n in range(5000)]
    finder = OneToOneFinder(many, PEOPLE, LONDON)
    started = time.perf_counter()
    for text in ("a", "am", "ami", "amin", "amina", "zof", ""):
        finder.matching(OneToOneFilter(person=text, min_potential=2))
    assert (time.perf_counter() - started) / 7 < 0.05


PEOPLE_LIST = [AMINA, ZOFIA, BILAL]


def test_timeline_is_one_persons_history_newest_first() -> None:
    history = timeline(MEETINGS, ZOFIA.id)
    assert [m.potential for m in history] == [5, 3]


def test_follow_up_states_and_text() -> None:
    open_one = meeting(AMINA, 1, follow_up="Invite to training", follow_up_due=TODAY)
    assert follow_up_state(open_one, TODAY) is FollowUpState.DUE_TODAY
    assert follow_up_state(open_one, TODAY - timedelta(days=1)) is FollowUpState.OPEN
    assert follow_up_state(open_one, TODAY + timedelta(days=1)) is FollowUpState.OVERDUE
    assert follow_up_text(open_one, TODAY + timedelta(days=1)) == (
        "OVERDUE Mon 23 Nov 2026 · Invite to training"
    )
    done = toggle_follow_up(open_one, TODAY)
    assert done.follow_up_done_on == TODAY
    assert follow_up_state(done, TODAY + timedelta(days=9)) is FollowUpState.DONE
    assert follow_up_text(done, TODAY) == "done Mon 23 Nov 2026 · Invite to training"
    assert toggle_follow_up(done, TODAY).follow_up_done_on is None
    assert follow_up_state(meeting(AMINA, 1), TODAY) is FollowUpState.NONE
    assert follow_up_text(meeting(AMINA, 1), TODAY) == ""
    cancelled = open_one.evolve(status=OneToOneStatus.CANCELLED)
    assert follow_up_state(cancelled, TODAY + timedelta(days=5)) is FollowUpState.OPEN


def test_gist_and_places() -> None:
    talk = meeting(AMINA, 1, interests="Her kids' school\nand more", tension="Damp flat")
    assert gist(talk) == "Her kids' school / Damp flat"
    assert gist(meeting(AMINA, 1, tension="Rent")) == "Rent"
    cafe = [meeting(AMINA, 5, place="Café Rio"), meeting(AMINA, 1, place="café rio")]
    assert places([*cafe, meeting(AMINA, 2, place="Library")]) == ["café rio", "Library"]


def test_the_next_meeting_books_one_once_and_moves_it_when_it_moves() -> None:
    held = meeting(AMINA, 0, next_meeting_at=NOW + timedelta(days=7))
    booking = plan_booking(held, None, [held])
    assert booking is not None
    assert (booking.person_id, booking.at, booking.status) == (
        AMINA.id,
        NOW + timedelta(days=7),
        OneToOneStatus.BOOKED,
    )
    assert plan_booking(held, None, [held, booking]) is None  # already booked
    moved = held.evolve(next_meeting_at=NOW + timedelta(days=8))
    again = plan_booking(moved, held.next_meeting_at, [held, booking])
    assert again is not None and again.id == booking.id and again.at == NOW + timedelta(days=8)
    assert plan_booking(meeting(AMINA, 0), None, []) is None


def test_reading_a_form() -> None:
    texts = OneToOneTexts(
        at="yesterday 14:30",
        length_minutes="40",
        place="Café Rio",
        interests="Her kids",
        potential="4",
        follow_up="Invite to training",
        follow_up_due="fri",
        next_meeting_at="next mon 10am",
    )
    read, errors = read_texts(texts, person_id=AMINA.id, status=OneToOneStatus.HELD, now=NOW)
    assert errors == {}
    assert read is not None
    assert read.at == datetime(2026, 11, 22, 14, 30, tzinfo=LONDON)
    assert (read.length_minutes, read.potential, read.place) == (40, 4, "Café Rio")
    assert read.follow_up_due == date(2026, 11, 27)
    assert read.next_meeting_at == datetime(2026, 11, 30, 10, 0, tzinfo=LONDON)
    # What a form shows for a 1-2-1 reads back as the same 1-2-1.
    again, errors = read_texts(
        OneToOneTexts.of(read, LONDON),
        person_id=AMINA.id,
        status=OneToOneStatus.HELD,
        now=NOW,
        base=read,
    )
    assert errors == {} and again == read


@pytest.mark.parametrize(
    ("texts", "status", "field", "message"),
    [
        (OneToOneTexts(at="blursday"), OneToOneStatus.HELD, "at", "Date and time: “blursday”"),
        (OneToOneTexts(at=""), OneToOneStatus.HELD, "at", "Date and time: say when"),
        (OneToOneTexts(at="tomorrow"), OneToOneStatus.HELD, "at", "still to come"),
        (OneToOneTexts(at="yesterday"), OneToOneStatus.BOOKED, "at", "a booking is for"),
        (OneToOneTexts(at="now", potential="7"), OneToOneStatus.HELD, "potential", "at most 5"),
        (OneToOneTexts(at="now", potential="0"), OneToOneStatus.HELD, "potential", "at least 1"),
        (OneToOneTexts(at="now", length_minutes="2000"), OneToOneStatus.HELD, "length_minutes",
         "Length in minutes must be at most 1,440"),
        (OneToOneTexts(at="now", follow_up_due="31/2"), OneToOneStatus.HELD, "follow_up_due",
         "Follow-up due: there is no 31 February"),
        (OneToOneTexts(at="now", follow_up_due="fri"), OneToOneStatus.HELD, "follow_up",
         "say what was agreed"),
        (OneToOneTexts(at="now", next_meeting_at="yesterday"), OneToOneStatus.HELD,
         "next_meeting_at", "must come after this one"),
        (OneToOneTexts(at="now", place="a\nb"), OneToOneStatus.HELD, "place", "Place cannot"),
    ],
)  # fmt: skip
def test_a_form_refuses(
    texts: OneToOneTexts, status: OneToOneStatus, field: str, message: str
) -> None:
    read, errors = read_texts(texts, person_id=AMINA.id, status=status, now=NOW)
    assert read is None
    assert message in errors[field], errors


def test_a_form_needs_a_person_and_keeps_what_it_does_not_show() -> None:
    read, errors = read_texts(
        OneToOneTexts(at="now"), person_id=None, status=OneToOneStatus.HELD, now=NOW
    )
    assert read is None and list(errors) == ["person_id"]
    booked = meeting(AMINA, -2, status=OneToOneStatus.BOOKED, interests="kept", potential=3)
    texts = OneToOneTexts.of(booked, LONDON)
    moved = OneToOneTexts(at="wed 11am", place="Library", interests="ignored when booking")
    read, errors = read_texts(
        moved, person_id=AMINA.id, status=OneToOneStatus.BOOKED, now=NOW, base=booked
    )
    assert errors == {} and read is not None
    kept = (read.id, read.interests, read.potential, read.place)
    assert kept == (booked.id, "kept", 3, "Library")
    # A booking whose time has passed can still be edited without moving it.
    late = booked.evolve(at=NOW - timedelta(hours=1))
    same_time = OneToOneTexts.of(late, LONDON)
    read, errors = read_texts(
        same_time, person_id=AMINA.id, status=OneToOneStatus.BOOKED, now=NOW, base=late
    )
    assert errors == {}, errors
    assert texts.at == moment_text(booked.at, LONDON)
