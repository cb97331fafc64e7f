"""Consent that has lapsed, the filter exports use, and the retention sweep's last activity."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from pydantic import ValidationError

from organiser.clock import LONDON, FixedClock
from organiser.consent import (
    Purpose,
    consent_filter,
    describe_consent,
    describe_lapses,
    lapsed,
    noted_in_one_to_ones,
)
from organiser.models import (
    Consent,
    Conversation,
    LadderMove,
    LadderStage,
    LawfulBasis,
    Meeting,
    Participation,
    Person,
    RelationalMeeting,
    TrainingSession,
)
from organiser.retention import keep, last_activity, months_before, read_sweep, sweep
from organiser.validation import field_messages
from store.repository import TinyRepository

TODAY = date(2026, 11, 23)
GIVEN = Consent(given=True, on=date(2025, 1, 5), basis=LawfulBasis.CONSENT, source="card")


def given(**changes: object) -> Consent:
    return Consent.model_validate({**GIVEN.model_dump(), **changes})


def test_consent_lapses_when_it_expires_or_notes_are_kept_without_it() -> None:
    fine = Person(name="Ann", consent_to_record=GIVEN, notes="Likes gardening")
    expired = Person(name="Ben", consent_to_contact=given(expires=date(2026, 1, 1)))
    unrecorded = Person(name="Cat", private_notes="Worried about her visa")
    quiet = Person(name="Dee")
    assert not lapsed(fine, TODAY) and not lapsed(quiet, TODAY)
    assert describe_lapses(expired, TODAY) == (
        "Consent lapsed: consent to be contacted expired on Thu 01 Jan 2026."
    )
    assert describe_lapses(unrecorded, TODAY) == (
        "Consent lapsed: notes are kept without consent to keep notes."
    )
    # Notes kept in 1-2-1s count as notes kept about them.
    meetings = [
        RelationalMeeting(person_id=quiet.id, at=datetime(2026, 1, 5, tzinfo=LONDON), story="x")
    ]
    assert noted_in_one_to_ones(meetings) == {quiet.id}
    assert lapsed(quiet, TODAY, notes_elsewhere=True)
    # The day it expires it still holds; the day after it does not.
    last_day = given(expires=TODAY)
    assert consent_filter([Person(name="Eve", consent_to_contact=last_day)], Purpose.CONTACT, TODAY)
    assert not consent_filter(
        [Person(name="Eve", consent_to_contact=last_day)], Purpose.CONTACT, TODAY + timedelta(1)
    )


def test_the_filter_keeps_order_and_only_those_who_consent() -> None:
    people = [
        Person(name="Zed", consent_to_contact=GIVEN),
        Person(name="Ann"),
        Person(name="Bo", consent_to_contact=GIVEN, consent_to_record=GIVEN),
    ]
    assert [p.name for p in consent_filter(people, Purpose.CONTACT, TODAY)] == ["Zed", "Bo"]
    assert [p.name for p in consent_filter(people, Purpose.RECORD, TODAY)] == ["Bo"]


def test_a_consent_cannot_expire_before_it_was_given() -> None:
    with pytest.raises(ValidationError) as error:
        Person.model_validate(
            {
                "name": "Ann",
                "consent_to_record": {**GIVEN.model_dump(), "expires": date(2024, 1, 1)},
            }
        )
    assert field_messages(error.value) == {
        "consent_to_record": "expires before the day it was given"
    }


def test_consents_are_described_in_words() -> None:
    assert describe_consent(Consent()) == "Not given"
    assert describe_consent(Consent(source="declined at 1-2-1")) == (
        "Not given; source: declined at 1-2-1"
    )
    assert describe_consent(given(expires=date(2027, 1, 5))) == (
        "Given on Sun 05 Jan 2025; basis: consent; source: card; expires Tue 05 Jan 2027"
    )


def test_months_before_clamps_to_the_end_of_a_shorter_month() -> None:
    assert months_before(date(2026, 11, 23), 24) == date(2024, 11, 23)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, tzinfo=LONDON)


def test_the_sweep_lists_the_long_quiet_oldest_first(
    repo: TinyRepository, clock: FixedClock
) -> None:
    clock.at = _at(date(2023, 6, 1))
    ann, ben, cat, dee, eve, fay = repo.save_all(
        [Person(name=n) for n in ("Ann", "Ben", "Cat", "Dee", "Eve", "Fay")]
    )
    clock.at = _at(TODAY)
    repo.save_all(
        [
            RelationalMeeting(person_id=ben.id, at=_at(date(2024, 3, 1))),
            LadderMove(
                person_id=cat.id,
                on=date(2025, 2, 1),
                from_stage=LadderStage.CONTACT,
                to_stage=LadderStage.POTENTIAL_LEADER,
            ),
            TrainingSession(
                name="Taster",
                starts=_at(date(2024, 1, 10)),
                participations=[Participation(person_id=dee.id)],
            ),
            Meeting(title="Team", at=_at(date(2023, 9, 1)), attendee_ids=[eve.id]),
        ]
    )
    found = read_sweep(repo, TODAY, 24, LONDON)
    assert [(d.person.name, d.last.on, d.last.what) for d in found] == [
        ("Ann", date(2023, 6, 1), "added"),
        ("Fay", date(2023, 6, 1), "added"),
        ("Eve", date(2023, 9, 1), "meeting"),
        ("Dee", date(2024, 1, 10), "training"),
        ("Ben", date(2024, 3, 1), "1-2-1"),
    ]
    # A shorter period lists more; Cat's ladder move keeps her off a 24-month sweep.
    assert len(read_sweep(repo, TODAY, 12, LONDON)) == 6
    # Keeping Ann records the review and takes her off the sweep.
    kept = repo.save(keep(ann, TODAY))
    assert kept.reviewed_on == TODAY
    latest = last_activity([kept], [], LONDON)
    assert (latest[kept.id].on, latest[kept.id].what) == (TODAY, "kept at a retention review")
    assert [d.person.name for d in read_sweep(repo, TODAY, 24, LONDON)] == [
        "Fay",
        "Eve",
        "Dee",
        "Ben",
    ]


def test_a_conversation_and_an_edit_are_activity_too() -> None:
    old = _at(date(2023, 1, 1))
    person = Person(name="Gus", created=old, updated=old)
    talk = Conversation(listening_campaign_id="a" * 32, on=date(2026, 5, 1), person_id=person.id)
    assert sweep([person], [talk], TODAY, 24, LONDON) == []
    edited = person.model_copy(update={"updated": _at(date(2026, 2, 1))})
    latest = last_activity([edited], [], LONDON)
    assert latest[person.id].what == "record changed"
