"""Who knows whom: a link between two people, the raw material of a route to a target."""

from __future__ import annotations

from enum import StrEnum

from pydantic import model_validator

from organiser.models.base import Line, Record, RecordId


class LinkKind(StrEnum):
    """How two people know each other. The values are stable keys; labels are in
    `organiser.routes.LINK_LABELS`."""

    KNOWS = "knows"
    WORKS_WITH = "works_with"
    FAMILY = "family"
    SAME_CONGREGATION = "same_congregation"
    OTHER = "other"


class PersonLink(Record):
    """Two people who know each other. A link has no direction: `person_id` and `other_id`
    are simply its two ends (the one it was added from first)."""

    kind = "person_links"
    search_fields = ("note",)

    person_id: RecordId
    other_id: RecordId
    link_kind: LinkKind = LinkKind.KNOWS
    note: Line = ""

    @model_validator(mode="after")
    def _two_people(self) -> PersonLink:
        if self.person_id == self.other_id:
            raise ValueError("links a person to themselves")
        return self

    def joins(self, person_id: str) -> bool:
        return person_id in (self.person_id, self.other_id)

    def other_end(self, person_id: str) -> str:
        """The person at the other end from `person_id`."""
        return self.other_id if person_id == self.person_id else self.person_id
