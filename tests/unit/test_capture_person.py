"""Quick capture of someone new: `person Sam Lee #stmarys role:… phone:… email:…`."""

from __future__ import annotations

from datetime import datetime

from organiser.capture import Capture, CaptureKind, Problems, parse
from organiser.capture_plan import Directory, NewPerson, plan_line
from organiser.clock import LONDON
from organiser.models import Institution, LadderStage, Membership, Person

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=LONDON)
SCHOOL = Institution(name="St Mary's Primary", tag="stmarys")
ZOFIA = Person(name="Zofia Wójcik", memberships=[Membership(institution_id=SCHOOL.id)])
DIRECTORY = Directory([ZOFIA], [SCHOOL])


def added(line: str) -> NewPerson:
    found = plan_line(line, DIRECTORY, list, NOW)
    assert isinstance(found, NewPerson), found
    return found


def refused(line: str) -> tuple[str, ...]:
    found = plan_line(line, DIRECTORY, list, NOW)
    assert isinstance(found, Problems), found
    return found.messages


def test_the_words_after_person_are_the_name() -> None:
    found = parse('person Sam Lee #stmarys role:"parent governor" phone:"07700 900123"', NOW)
    assert found == Capture(
        kind=CaptureKind.PERSON,
        person="Sam Lee",
        tag="stmarys",
        texts={"role": "parent governor", "phone": "07700 900123"},
    )


def test_a_new_person_with_their_institution_role_and_contacts() -> None:
    new = added(
        'person Sam Lee #stmarys role:"parent governor" phone:"07700 900123" email:sam@example.org'
    )
    person = new.person
    assert (person.name, person.phone, person.email) == (
        "Sam Lee",
        "07700 900123",
        "sam@example.org",
    )
    assert person.memberships == [Membership(institution_id=SCHOOL.id, role="parent governor")]
    assert person.ladder_stage is LadderStage.CONTACT
    assert not person.consent_to_contact.given
    assert new.records == [person]
    assert new.summary == (
        "new person Sam Lee (St Mary's Primary, parent governor), phone 07700 900123, "
        "email sam@example.org"
    )


def test_with_a_quoted_name_the_other_words_are_notes() -> None:
    new = added('person @"Sam Lee" met at the school gate notes:"runs the PTA"')
    assert new.person.notes == "runs the PTA\nmet at the school gate"
    assert new.summary == "new person Sam Lee, notes “runs the PTA”"


def test_someone_already_on_record_is_not_added_again() -> None:
    assert refused("person zofia wojcik") == (
        "Zofia Wójcik (St Mary's Primary) is already on record: log a 1-2-1 with "
        '@"Zofia Wójcik", or add a second person of that name in People.',
    )


def test_what_a_person_cannot_have_is_refused() -> None:
    assert refused("person Sam Lee 40m tension:damp") == (
        "tension: is for a 1-2-1; a new person takes role:, phone:, email: and notes:.",
        "A length is for a 1-2-1, not a new person.",
    )
    assert refused("person") == ('Give their name: person Sam Lee, or person @"Sam Lee".',)
    assert refused("person Sam role:head") == (
        "role: is their role at an institution; name it with #tag.",
    )
    assert refused("person Sam email:nope") == (
        "Email is not an email address (it should look like name@example.org).",
    )
    assert refused("person Sam #nowhere")[0].startswith("No institution has the tag #nowhere")


def test_a_1_2_1_cannot_change_someone_s_details() -> None:
    assert refused("121 @Zofia phone:0116") == (
        'phone: is for a new person (person @"Sam Lee" phone:…); change someone\'s details '
        "in People.",
    )
