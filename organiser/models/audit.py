"""The audit trail: when something was done to the records that must be accounted for, and why.

An entry never says who it was about: an erasure's entry records when it happened, the
reason given and how many records it changed, and nothing that could identify the person.
"""

from __future__ import annotations

from enum import StrEnum

from organiser.models.base import Count, Moment, Name, Record


class AuditEvent(StrEnum):
    ERASURE = "erasure"

    @property
    def label(self) -> str:
        return AUDIT_LABELS[self]


AUDIT_LABELS: dict[AuditEvent, str] = {AuditEvent.ERASURE: "A person erased"}


class AuditEntry(Record):
    kind = "audit"

    at: Moment
    event: AuditEvent = AuditEvent.ERASURE
    #: Why, in the organiser's words ("Asked to be forgotten", "Retention review").
    reason: Name
    #: How many other records the event changed, and how many were deleted.
    changed: Count = 0
    deleted: Count = 0
    #: Mentions in free text replaced with "[erased]", and those the organiser kept.
    replaced: Count = 0
    skipped: Count = 0
