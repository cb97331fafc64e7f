"""Quick capture, step two: names and tags looked up, the 1-2-1 checked as the form checks it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from organiser.capture import Problems
from organiser.capture_plan import Directory, Planned, plan_line
from organiser.clock import LONDON
from organiser.models import (
    Institution,
    Membership,
    OneToOneStatus,
    Person,
    RelationalMeeting,
)

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=LONDON)  # a Monday
SCHOOL = Institution(name="St Mary's Primary", tag="stmarys")
MOSQUE = Institution(name="Highfields Mosque", tag="highfields")
INSTITUTIONS = [SCHOOL, MOSQUE]
AMINA = Person(name="Amina Khan", memberships=[Membership(institution_id=SCHOOL.id)])
AMIR = Person(name="Amir Patel", memberships=[Membership(institution_id=MOSQUE.id)])
AMINA_B = Person(name="Amina Begum", memberships=[Membership(institution_id=MOSQUE.id)])
ZOFIA = Person(name="Zofia Wójcik")
PEOPLE = [AMINA, AMIR, AMINA_B, ZOFIA]
DIRECTORY = Directory(PEOPLE, INSTITUTIONS)


def no_meetings() -> list[RelationalMeeting]:
    return []


def planned(line: str, meetings: list[RelationalMeeting] | None = None) -> Planned:
    found = plan_line(line, DIRECTORY, lambda: meetings or [], NOW)
    assert isinstance(found, Planned), found
    return found


def refused(line: str) -> tuple[str, ...]:
    found = plan_line(line, DIRECTORY, no_meetings, NOW)
    assert isinstance(found, Problems), found
    return found.messages


def test_the_example_becomes_a_1_2_1_held_now_with_its_follow_up() -> None:
    found = planned(
        '121 @Amina #stmarys 40m tension:"damp flats" next:"invite to training" due:fri'
    )
    meeting = found.meeting
    assert (meeting.person_id, meeting.status, meeting.at) == (AMINA.id, OneToOneStatus.HELD, NOW)
    assert meeting.length_minutes == 40
    assert meeting.tension == "damp flats"
    assert meeting.follow_up == "invite to training"
    assert meeting.follow_up_due == date(2026, 11, 27)
    assert found.institution == SCHOOL
    assert found.booking is None
    assert found.summary == (
        "1-2-1 with Amina Khan (St Mary's Primary), now, 40 min, tension “damp flats”, "
        "follow-up “invite to training” due Fri 27 Nov"
    )


def test_the_tag_narrows_whom_a_name_can_mean() -> None:
    assert refused("121 @Amina")[0].startswith('"Amina" matches 2 people')
    found = planned("121 @Amina #highfields")
    assert found.person == AMINA_B
    assert found.meeting.person_id == AMINA_B.id


def test_an_ambiguous_name_lists_each_candidate_with_their_institution() -> None:
    (message,) = refused("121 @Am")
    assert message == (
        '"Am" matches 3 people: Amina Begum (Highfields Mosque), Amina Khan (St Mary\'s '
        "Primary), Amir Patel (Highfields Mosque). Be more specific. Write more of the name, "
        'e.g. @"Amina Begum".'
    )
    (narrowed,) = refused("121 @Am #highfields")
    assert narrowed.startswith('"Am" matches 2 people: Amina Begum (Highfields Mosque), Amir')


def test_an_unknown_name_suggests_the_closest() -> None:
    assert refused("121 @Zofa") == ('No one matches "Zofa". Did you mean Zofia Wójcik?',)
    assert refused("121 @Qqqq") == ('No one matches "Qqqq".',)


def test_a_name_at_another_institution_says_where_they_are() -> None:
    assert refused("121 @Zofia #stmarys") == (
        'No one at St Mary\'s Primary matches "Zofia"; elsewhere: Zofia Wójcik.',
    )


def test_an_unknown_tag_suggests_the_closest() -> None:
    assert refused("121 @Amina #stmary") == (
        "No institution has the tag #stmary; did you mean #stmarys (St Mary's Primary)?",
    )
    assert refused("121 @Amina #zzz")[0].startswith("No institution has the tag #zzz (an")


def test_a_time_still_to_come_books_the_1_2_1() -> None:
    found = planned('121 @Zofia at:"fri 14:00" 45m place:"Community café"')
    assert found.meeting.status is OneToOneStatus.BOOKED
    assert found.meeting.at == datetime(2026, 11, 27, 14, 0, tzinfo=LONDON)
    assert found.summary == (
        "1-2-1 booked with Zofia Wójcik, Fri 27 Nov 2026 14:00, 45 min, at Community café"
    )


def test_a_booking_refuses_what_only_a_held_1_2_1_keeps() -> None:
    assert refused('book @Zofia at:fri tension:"rent" worried') == (
        "A booked 1-2-1 has not happened yet: notes, tension: can wait until it is held "
        "(or leave out at: to log one held now).",
    )


def test_a_booking_in_the_past_is_refused() -> None:
    assert refused("book @Zofia at:yesterday") == (
        "Date and time: a booking is for a time still to come",
    )


def test_notes_go_to_what_they_care_about() -> None:
    found = planned("121 @Zofia interests:housing worried about rent notes:kids")
    assert found.meeting.interests == "housing\nkids\nworried about rent"


def test_due_without_a_follow_up_is_refused() -> None:
    assert refused("121 @Zofia due:fri") == (
        'due: is when the follow-up is due; say what it is with next:"…".',
    )


def test_the_form_s_own_checks_apply() -> None:
    assert refused("121 @Zofia 25h") == ("Length in minutes must be at most 1,440",)
    assert refused("121 @Zofia at:yesterday again:yesterday") == (
        "Next 1-2-1 must come after this one",
    )


def test_again_books_the_next_1_2_1_with_it_unless_it_is_already_booked() -> None:
    found = planned("121 @Zofia again:fri 10am")
    assert found.booking is not None
    assert found.booking.status is OneToOneStatus.BOOKED
    assert found.booking.at == datetime(2026, 11, 27, 10, 0, tzinfo=LONDON)
    assert found.records == [found.meeting, found.booking]
    already = found.booking
    assert planned("121 @Zofia again:fri 10am", [already]).booking is None


@pytest.mark.parametrize("line", ["121 @Zofia pot:5", "121 @Zofia potential:1"])
def test_potential(line: str) -> None:
    assert planned(line).meeting.potential == int(line[-1])


def test_the_summary_says_what_was_heard() -> None:
    found = planned('121 @Zofia self:"her kids" story:"came in 2004" worried about the bins')
    assert found.summary == (
        "1-2-1 with Zofia Wójcik, now, cares about “worried about the bins”, "
        "self-interest “her kids”, story “came in 2004”"
    )
