"""Consent under UK GDPR: what each person agreed to, whether it still holds, and who may be
included in something shared.

Each person has two consents: to be contacted, and to have notes kept about them. A consent
*lapses* when it has expired, and keeping notes lapses too when notes are kept about someone
who never gave (or no longer gives) consent for them. Lapsed people are flagged in the
People list and on their own screen; `consent_filter` leaves them out of exports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from organiser.models import Consent, Person, RelationalMeeting
from organiser.models.base import optional_date

#: The 1-2-1 fields that are notes about the person met.
ONE_TO_ONE_NOTES = ("interests", "self_interest", "story", "tension", "follow_up")


class Purpose(StrEnum):
    """What a consent is for."""

    CONTACT = "contact"
    RECORD = "record"

    @property
    def label(self) -> str:
        return "be contacted" if self is Purpose.CONTACT else "keep notes about them"


def consent_for(person: Person, purpose: Purpose) -> Consent:
    return person.consent_to_contact if purpose is Purpose.CONTACT else person.consent_to_record


def consent_filter(people: Iterable[Person], purpose: Purpose, day: date) -> list[Person]:
    """The people whose consent for `purpose` holds on `day`, in the order given: what an
    export filtered by consent includes."""
    return [p for p in people if consent_for(p, purpose).valid_on(day)]


def describe_consent(consent: Consent) -> str:
    """ "Given on Mon 05 Jan 2026; basis: consent; source: sign-up sheet; expires …", or
    "Not given"."""
    if not consent.given:
        text = "Not given"
    else:
        text = "Given" + (
            f" on {optional_date(consent.on)}" if consent.on else " (date not recorded)"
        )
    if consent.basis is not None:
        text += f"; basis: {consent.basis.value.replace('_', ' ')}"
    if consent.source:
        text += f"; source: {consent.source}"
    if consent.given and consent.expires is not None:
        text += f"; expires {optional_date(consent.expires)}"
    return text


def has_notes(person: Person) -> bool:
    """Whether the person's own record holds notes about them."""
    return bool(person.notes or person.private_notes)


def noted_in_one_to_ones(meetings: Iterable[RelationalMeeting]) -> set[str]:
    """The ids of people some 1-2-1 keeps notes about."""
    return {m.person_id for m in meetings if any(getattr(m, f) for f in ONE_TO_ONE_NOTES)}


@dataclass(frozen=True)
class Lapse:
    """One way a person's consent no longer covers what is held."""

    purpose: Purpose
    why: str


def lapses(person: Person, day: date, *, notes_elsewhere: bool = False) -> list[Lapse]:
    """What is wrong with `person`'s consent on `day`: an expired consent, or notes kept
    (on their record, or elsewhere when `notes_elsewhere`) without consent to keep them."""
    found: list[Lapse] = []
    for purpose in Purpose:
        consent = consent_for(person, purpose)
        if consent.given and consent.expires is not None and consent.expires < day:
            expired = optional_date(consent.expires)
            found.append(Lapse(purpose, f"Consent to {purpose.label} expired on {expired}"))
    record = person.consent_to_record
    noted = has_notes(person) or notes_elsewhere
    if noted and not record.given:
        found.append(Lapse(Purpose.RECORD, "Notes are kept without consent to keep notes"))
    return found


def lapsed(person: Person, day: date, *, notes_elsewhere: bool = False) -> bool:
    return bool(lapses(person, day, notes_elsewhere=notes_elsewhere))


def describe_lapses(person: Person, day: date, *, notes_elsewhere: bool = False) -> str:
    """ "Consent lapsed: consent to be contacted expired on Mon 05 Jan 2026." or ""."""
    found = lapses(person, day, notes_elsewhere=notes_elsewhere)
    if not found:
        return ""
    return (
        "Consent lapsed: "
        + "; ".join(lapse.why[:1].lower() + lapse.why[1:] for lapse in found)
        + "."
    )
