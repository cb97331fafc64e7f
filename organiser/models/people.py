"""People and their place on the leadership ladder."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field, model_validator

from organiser.models.base import Email, Line, Name, Notes, Part, Phone, Record, RecordId


class LadderStage(StrEnum):
    """Where a person stands on the leadership ladder, lowest first.

    The values are stable keys; the names shown on screen come from the Profile, so an
    alliance can rename the stages without rewriting anyone's history.
    """

    CONTACT = "contact"
    POTENTIAL_LEADER = "potential_leader"
    EMERGING_LEADER = "emerging_leader"
    LEADER = "leader"
    CORE_TEAM_LEADER = "core_team_leader"

    @property
    def rank(self) -> int:
        return list(LadderStage).index(self)


DEFAULT_STAGE_NAMES: dict[LadderStage, str] = {
    LadderStage.CONTACT: "Contact",
    LadderStage.POTENTIAL_LEADER: "Potential leader",
    LadderStage.EMERGING_LEADER: "Emerging leader",
    LadderStage.LEADER: "Leader",
    LadderStage.CORE_TEAM_LEADER: "Core team leader",
}


class LawfulBasis(StrEnum):
    """The UK GDPR lawful basis relied on for holding the data."""

    CONSENT = "consent"
    LEGITIMATE_INTERESTS = "legitimate_interests"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"


class Consent(Part):
    """Consent for one purpose: whether it was given, when, on what basis, until when."""

    given: bool = False
    on: date | None = None
    basis: LawfulBasis | None = None
    source: Line = ""
    expires: date | None = None

    @model_validator(mode="after")
    def _expires_after_given(self) -> Consent:
        if self.on is not None and self.expires is not None and self.expires < self.on:
            raise ValueError("expires before the day it was given")
        return self

    def valid_on(self, day: date) -> bool:
        return self.given and (self.expires is None or day <= self.expires)


class Membership(Part):
    """A person's link to an institution, and their role there."""

    institution_id: RecordId
    role: Line = ""


class Person(Record):
    kind = "people"
    search_fields = ("name", "email", "phone", "notes", "private_notes", "address")

    name: Name
    phone: Phone = ""
    email: Email = ""
    address: Notes = ""
    memberships: list[Membership] = Field(default_factory=list, max_length=50)
    ladder_stage: LadderStage = LadderStage.CONTACT
    consent_to_contact: Consent = Field(default_factory=Consent)
    consent_to_record: Consent = Field(default_factory=Consent)
    notes: Notes = ""
    private_notes: Notes = ""
    #: The day a retention review last decided to keep them: they leave the sweep until
    #: another retention period has passed.
    reviewed_on: date | None = None

    @property
    def institution_ids(self) -> list[str]:
        return [m.institution_id for m in self.memberships]

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    @property
    def initials(self) -> str:
        return "".join(part[0].upper() + "." for part in self.name.split())


class LadderMove(Record):
    """A step up or down the ladder, with the day and the reason."""

    kind = "ladder_moves"
    search_fields = ("reason",)

    person_id: RecordId
    on: date
    from_stage: LadderStage
    to_stage: LadderStage
    reason: Notes = ""

    @property
    def is_up(self) -> bool:
        return self.to_stage.rank > self.from_stage.rank
