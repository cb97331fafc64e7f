"""People and events as OSDI-shaped JSON, to hand over to Action Network or Action Builder.

    text = osdi_text(repo, today)

OSDI (the Open Supporter Data Interface) names the fields those tools read. The file holds:

- `osdi:people`: each person with `identifiers` (`organiser:<id>`, stable across exports),
  `given_name` and `family_name` (the last word of the name is the family name),
  `email_addresses` and `phone_numbers` (the one each person has, marked primary, its
  `status` "subscribed" only while they consent to be contacted), `postal_addresses`
  (the address's lines, and its postcode when a line is one), `custom_fields` (ladder stage,
  institutions and roles, consent) and `add_tags` (their ladder stage and each institution).
- `osdi:events`: public actions, trainings and meetings, each with its
  `osdi:attendances`: who was there or is expected (leaders with a role at an action,
  trainees, meeting attendees), by the person's identifier, with a `status` and `attended`.
- `osdi:tags`: every tag used, once.

Never in it: private notes, 1-2-1s and their notes, meeting minutes, evaluations, training
notes. The same database on the same day gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from organiser.actions import KIND_LABELS as ACTION_LABELS
from organiser.interchange.addresses import split_address
from organiser.interchange.backup import Progress, quiet, steps
from organiser.interchange.csv_export import split_name
from organiser.meetings import KIND_LABELS as MEETING_LABELS
from organiser.models import (
    Institution,
    Meeting,
    ParticipationStatus,
    Person,
    Profile,
    PublicAction,
    Record,
    TrainingSession,
)
from organiser.repository import Repository
from organiser.trainings import KIND_LABELS as TRAINING_LABELS

#: The issuer part of every identifier: "organiser:3f2a…".
ISSUER = "organiser"
ORIGIN = "Organiser"
#: The default file, beside the database: organiser-osdi.json.
FILE_ENDING = "-osdi.json"

Document = dict[str, Any]

#: A trainee's participation as an attendance: (status, attended).
TRAINEE_STATUS: Mapping[ParticipationStatus, tuple[str, bool]] = {
    ParticipationStatus.NOMINATED: ("needs action", False),
    ParticipationStatus.CONFIRMED: ("accepted", False),
    ParticipationStatus.ATTENDED: ("accepted", True),
    ParticipationStatus.COMPLETED: ("accepted", True),
    ParticipationStatus.DID_NOT_ATTEND: ("accepted", False),
}


def identifier(record_id: str) -> str:
    return f"{ISSUER}:{record_id}"


def _dates(record: Record) -> Document:
    return {"created_date": record.created.isoformat(), "modified_date": record.updated.isoformat()}


def stage_tag(profile: Profile, person: Person) -> str:
    return f"Ladder: {profile.stage_name(person.ladder_stage)}"


def institution_tag(institution: Institution) -> str:
    return f"Institution: {institution.name}"


def person_tags(
    person: Person, profile: Profile, institutions: Mapping[str, Institution]
) -> list[str]:
    """The person's ladder stage, then each institution they belong to."""
    found = [stage_tag(profile, person)]
    for membership in person.memberships:
        institution = institutions.get(membership.institution_id)
        if institution is not None:
            found.append(institution_tag(institution))
    return list(dict.fromkeys(found))


def osdi_person(
    person: Person, profile: Profile, institutions: Mapping[str, Institution], today: date
) -> Document:
    given, family = split_name(person.name)
    contact = "subscribed" if person.consent_to_contact.valid_on(today) else "unsubscribed"
    document: Document = {
        "identifiers": [identifier(person.id)],
        "origin_system": ORIGIN,
        "given_name": given,
        "family_name": family,
        "email_addresses": [{"address": person.email, "primary": True, "status": contact}]
        if person.email
        else [],
        "phone_numbers": [{"number": person.phone, "primary": True, "status": contact}]
        if person.phone
        else [],
        "postal_addresses": [],
        "custom_fields": _custom_fields(person, profile, institutions, today),
        "add_tags": person_tags(person, profile, institutions),
        **_dates(person),
    }
    if person.address.strip():
        address = split_address(person.address)
        postal: Document = {"primary": True, "address_lines": list(address.lines)}
        if address.postcode:
            postal["postal_code"] = address.postcode
        document["postal_addresses"] = [postal]
    return document


def _custom_fields(
    person: Person, profile: Profile, institutions: Mapping[str, Institution], today: date
) -> Document:
    places = []
    for membership in person.memberships:
        institution = institutions.get(membership.institution_id)
        if institution is not None:
            role = f" ({membership.role})" if membership.role else ""
            places.append(f"{institution.name}{role}")
    return {
        "ladder_stage": profile.stage_name(person.ladder_stage),
        "institutions": "; ".join(places),
        "consent_to_contact": "yes" if person.consent_to_contact.valid_on(today) else "no",
        "consent_to_record": "yes" if person.consent_to_record.valid_on(today) else "no",
    }


def attendance(
    event_id: str, person_id: str, status: str, attended: bool, note: str = ""
) -> Document:
    document: Document = {
        "identifiers": [identifier(f"{event_id}-{person_id}")],
        "origin_system": ORIGIN,
        "person": {"identifiers": [identifier(person_id)]},
        "status": status,
        "attended": attended,
    }
    if note:
        document["comment"] = note
    return document


def _event(
    record: Record,
    name: str,
    kind: str,
    start: datetime,
    length: timedelta | None,
    place: str,
    description: str,
    attendances: Iterable[Document],
) -> Document:
    found = sorted(attendances, key=lambda a: a["identifiers"][0])
    document: Document = {
        "identifiers": [identifier(record.id)],
        "origin_system": ORIGIN,
        "name": name,
        "title": name,
        "description": description,
        "status": "confirmed",
        "start_date": start.isoformat(),
        "location": {"venue": place} if place else {},
        "custom_fields": {"kind": kind},
        "total_accepted": sum(1 for a in found if a["status"] == "accepted"),
        "_embedded": {"osdi:attendances": found},
        **_dates(record),
    }
    if length is not None:
        document["end_date"] = (start + length).isoformat()
    return document


def _minutes(count: int | None) -> timedelta | None:
    return timedelta(minutes=count) if count else None


def action_event(action: PublicAction, now: datetime) -> Document:
    held = action.at <= now
    leaders = [
        attendance(action.id, role.person_id, "accepted", held, role.role)
        for role in action.leader_roles
    ]
    description = ACTION_LABELS[action.action_kind]
    if action.ask.strip():
        description += f"\nThe ask: {action.ask.strip()}"
    return _event(
        action,
        action.name,
        "Public action",
        action.at,
        _minutes(action.length_minutes),
        action.place,
        description,
        leaders,
    )


def training_event(session: TrainingSession) -> Document:
    trainees = [
        attendance(session.id, p.person_id, *TRAINEE_STATUS[p.status])
        for p in session.participations
    ]
    description = TRAINING_LABELS[session.training_kind]
    if session.curriculum.strip():
        description += f"\n{session.curriculum.strip()}"
    return _event(
        session,
        session.name,
        "Training",
        session.starts,
        timedelta(hours=session.length_hours),
        session.venue,
        description,
        trainees,
    )


def meeting_event(meeting: Meeting, now: datetime) -> Document:
    held = meeting.at <= now
    present = [
        attendance(meeting.id, p, "accepted", held) for p in dict.fromkeys(meeting.attendee_ids)
    ]
    description = MEETING_LABELS[meeting.meeting_kind]
    if meeting.agenda.strip():
        description += f"\nAgenda: {meeting.agenda.strip()}"
    return _event(
        meeting,
        meeting.title,
        "Meeting",
        meeting.at,
        _minutes(meeting.length_minutes),
        meeting.place,
        description,
        present,
    )


def osdi_document(repo: Repository, now: datetime, *, progress: Progress = quiet) -> Document:
    """Everyone, and every action, training and meeting, as of `now`."""
    profile = repo.profile() or Profile(organiser_name="Organiser")
    institutions = {i.id: i for i in repo.list(Institution)}
    people = sorted(repo.list(Person), key=lambda p: p.id)
    actions = repo.list(PublicAction)
    trainings = repo.list(TrainingSession)
    meetings = repo.list(Meeting)
    total = len(people) + len(actions) + len(trainings) + len(meetings)
    every = steps(total)
    today = now.date()
    found_people = []
    for done, person in enumerate(people, start=1):
        found_people.append(osdi_person(person, profile, institutions, today))
        if done % every == 0:
            progress(done, total)
    events = [action_event(a, now) for a in actions]
    events += [training_event(t) for t in trainings]
    events += [meeting_event(m, now) for m in meetings]
    events.sort(key=lambda e: (datetime.fromisoformat(e["start_date"]), e["identifiers"][0]))
    tags = sorted({tag for person in found_people for tag in person["add_tags"]})
    progress(total, total)
    return {
        "origin_system": ORIGIN,
        "_embedded": {
            "osdi:people": found_people,
            "osdi:events": events,
            "osdi:tags": [{"name": tag} for tag in tags],
        },
    }


def osdi_text(repo: Repository, now: datetime, *, progress: Progress = quiet) -> str:
    """The OSDI file as text: keys sorted, two-space indent, one newline at the end."""
    document = osdi_document(repo, now, progress=progress)
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
