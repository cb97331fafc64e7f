"""The OSDI hand-off: the shape Action Network reads, everyone and every attendance in it,
the same bytes each time, and never a private note."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from organiser.clock import FixedClock
from organiser.demo import build_demo
from organiser.interchange.osdi import osdi_document, osdi_text
from organiser.models import (
    Consent,
    Institution,
    LeaderRole,
    Meeting,
    Membership,
    Participation,
    ParticipationStatus,
    Person,
    PublicAction,
    RelationalMeeting,
    SupervisionReview,
    TrainingSession,
)
from organiser.repository import Repository
from tests.samples import AWKWARD, LONDON, sample_records


def embedded(document: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return document["_embedded"][f"osdi:{name}"]  # type: ignore[no-any-return]


def test_a_person_has_the_fields_action_network_reads(repo: Repository, clock: FixedClock) -> None:
    repo.save_all(sample_records())
    document = osdi_document(repo, clock.now())
    amina = next(p for p in repo.list(Person) if p.name == "Amina Khan")
    school = repo.list(Institution)[0]
    [person] = embedded(document, "people")
    assert person["identifiers"] == [f"organiser:{amina.id}"]
    assert (person["given_name"], person["family_name"]) == ("Amina", "Khan")
    assert person["email_addresses"] == [
        {"address": "amina@example.org", "primary": True, "status": "subscribed"}
    ]
    assert person["phone_numbers"] == [
        {"number": "+44 7700 900123", "primary": True, "status": "subscribed"}
    ]
    assert person["postal_addresses"] == [
        {"primary": True, "address_lines": ["1 High Street", "Leicester"]}
    ]
    assert person["add_tags"] == ["Ladder: Leader", f"Institution: {school.name}"]
    assert person["custom_fields"]["institutions"] == "St Mary's Primary (parent governor)"
    assert person["custom_fields"]["consent_to_record"] == "yes"
    assert person["created_date"] == amina.created.isoformat()
    assert {t["name"] for t in embedded(document, "tags")} == set(person["add_tags"])


def test_no_consent_to_contact_means_unsubscribed(repo: Repository, clock: FixedClock) -> None:
    repo.save(
        Person(
            name="Zofia Maria Wójcik",
            email="zofia@example.org",
            address="2 Low Road\nLE2 3FG",
            consent_to_contact=Consent(given=False),
        )
    )
    [person] = embedded(osdi_document(repo, clock.now()), "people")
    assert (person["given_name"], person["family_name"]) == ("Zofia Maria", "Wójcik")
    assert person["email_addresses"][0]["status"] == "unsubscribed"
    assert person["phone_numbers"] == []
    assert person["postal_addresses"] == [
        {"primary": True, "address_lines": ["2 Low Road"], "postal_code": "LE2 3FG"}
    ]


def test_events_carry_their_attendances(repo: Repository, clock: FixedClock) -> None:
    people = [Person(name=n) for n in ("Amina Khan", "Bilal Hussain", "Carol Evans")]
    amina, bilal, carol = people
    past = datetime(2026, 10, 1, 19, 0, tzinfo=LONDON)
    future = datetime(2026, 12, 1, 19, 0, tzinfo=LONDON)
    action = PublicAction(
        name="Housing assembly",
        at=past,
        length_minutes=90,
        place="Town Hall",
        ask="Extend licensing",
        evaluation="Private: the councillor wobbled",
        leader_roles=[LeaderRole(person_id=amina.id, role="chair")],
    )
    training = TrainingSession(
        name="Leadership taster",
        starts=future,
        participations=[
            Participation(person_id=bilal.id, status=ParticipationStatus.NOMINATED),
            Participation(person_id=carol.id, status=ParticipationStatus.CONFIRMED),
        ],
        notes="Private: Bilal is nervous",
    )
    meeting = Meeting(
        title="Planning Group",
        at=past.replace(day=2),
        attendee_ids=[amina.id, carol.id],
        minutes="Private: minutes",
    )
    repo.save_all([*people, action, training, meeting])
    document = osdi_document(repo, clock.now())
    events = embedded(document, "events")
    assert [e["name"] for e in events] == [
        "Housing assembly",
        "Planning Group",
        "Leadership taster",
    ]
    assembly, planning, taster = events
    assert assembly["start_date"] == "2026-10-01T19:00:00+01:00"
    assert assembly["end_date"] == "2026-10-01T20:30:00+01:00"
    assert assembly["location"] == {"venue": "Town Hall"}
    assert "The ask: Extend licensing" in assembly["description"]
    [chair] = assembly["_embedded"]["osdi:attendances"]
    assert chair["person"] == {"identifiers": [f"organiser:{amina.id}"]}
    assert (chair["status"], chair["attended"], chair["comment"]) == ("accepted", True, "chair")
    statuses = {
        a["person"]["identifiers"][0]: (a["status"], a["attended"])
        for a in taster["_embedded"]["osdi:attendances"]
    }
    assert statuses == {
        f"organiser:{bilal.id}": ("needs action", False),
        f"organiser:{carol.id}": ("accepted", False),
    }
    assert taster["total_accepted"] == 1
    assert len(planning["_embedded"]["osdi:attendances"]) == 2
    assert "Private" not in osdi_text(repo, clock.now())


def test_the_demo_alliance_has_everyone_and_every_attendance(
    repo: Repository, clock: FixedClock
) -> None:
    repo.save_all(build_demo(clock.today()).records)
    text = osdi_text(repo, clock.now())
    assert text == osdi_text(repo, clock.now())  # the same bytes each time
    assert text.endswith("}\n")
    document = json.loads(text)
    people = {p["identifiers"][0] for p in embedded(document, "people")}
    assert people == {f"organiser:{p.id}" for p in repo.list(Person)}
    expected = (
        sum(len(a.leader_roles) for a in repo.list(PublicAction))
        + sum(len(t.participations) for t in repo.list(TrainingSession))
        + sum(len(set(m.attendee_ids)) for m in repo.list(Meeting))
    )
    attendances = [
        a for e in embedded(document, "events") for a in e["_embedded"]["osdi:attendances"]
    ]
    assert len(attendances) == expected > 0
    assert {a["person"]["identifiers"][0] for a in attendances} <= people
    events = {e["identifiers"][0] for e in embedded(document, "events")}
    kinds = (PublicAction, TrainingSession, Meeting)
    assert events == {f"organiser:{r.id}" for kind in kinds for r in repo.list(kind)}


def test_private_notes_and_1_2_1s_never_go_in(repo: Repository, clock: FixedClock) -> None:
    repo.save_all(sample_records())
    text = osdi_text(repo, clock.now())
    assert "worried about her visa" not in text
    assert AWKWARD.split(",")[0] not in text  # the notes, story and minutes hold it
    for one_to_one in repo.list(RelationalMeeting):
        assert one_to_one.id not in text
    for review in repo.list(SupervisionReview):
        assert review.id not in text


def test_a_membership_of_an_institution_gone_is_left_out(
    repo: Repository, clock: FixedClock
) -> None:
    repo.save(Person(name="Dara", memberships=[Membership(institution_id="a" * 32)]))
    [person] = embedded(osdi_document(repo, clock.now()), "people")
    assert person["add_tags"] == ["Ladder: Contact"]
    assert person["family_name"] == ""
