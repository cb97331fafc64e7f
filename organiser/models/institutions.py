"""Member institutions: the schools, congregations, branches and groups an alliance is made of."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from organiser.models.base import Line, Name, Notes, Pence, Record, RecordId


class InstitutionKind(StrEnum):
    SCHOOL = "school"
    FAITH_CONGREGATION = "faith_congregation"
    UNION_BRANCH = "union_branch"
    MIGRANT_GROUP = "migrant_group"
    UNIVERSITY = "university"
    COMMUNITY_GROUP = "community_group"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class MembershipStatus(StrEnum):
    PROSPECT = "prospect"
    MEMBER = "member"
    LAPSED = "lapsed"


class Institution(Record):
    kind = "institutions"
    search_fields = ("name", "tag", "notes", "address")

    name: Name
    institution_kind: InstitutionKind = InstitutionKind.OTHER
    #: A short handle for quick capture (`#stmarys`).
    tag: Line = ""
    address: Notes = ""
    status: MembershipStatus = MembershipStatus.PROSPECT
    annual_dues_pence: Pence = 0
    letter_signed: bool = False
    letter_signed_on: date | None = None
    renewal_date: date | None = None
    core_team_ids: list[RecordId] = Field(default_factory=list, max_length=200)
    notes: Notes = ""
