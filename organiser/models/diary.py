"""What goes into the organiser's diary (an iCalendar file), and the file kept up to date."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field

from organiser.models.base import Line, Part


class DiaryKind(StrEnum):
    """One kind of diary entry. The value begins the entry's iCalendar UID, so it never changes."""

    ONE_TO_ONE = "one-to-one"
    FOLLOW_UP = "follow-up"
    TRAINING = "training"
    ACTION = "action"
    MEETING = "meeting"
    ACTION_POINT = "action-point"
    SUPERVISION = "supervision"
    AGREED_ACTION = "agreed-action"
    RENEWAL = "renewal"
    INVOICE = "invoice"

    @property
    def label(self) -> str:
        return DIARY_LABELS[self]

    @property
    def is_due(self) -> bool:
        """Something to do by a day: an all-day event, or a to-do (VTODO) when asked."""
        return self in DUE_KINDS


DIARY_LABELS: dict[DiaryKind, str] = {
    DiaryKind.ONE_TO_ONE: "1-2-1s",
    DiaryKind.FOLLOW_UP: "Follow-ups due",
    DiaryKind.TRAINING: "Training sessions",
    DiaryKind.ACTION: "Public actions",
    DiaryKind.MEETING: "Meetings",
    DiaryKind.ACTION_POINT: "Action points due",
    DiaryKind.SUPERVISION: "Supervision reviews",
    DiaryKind.AGREED_ACTION: "Agreed actions due",
    DiaryKind.RENEWAL: "Institution renewals",
    DiaryKind.INVOICE: "Dues invoices due",
}
DUE_KINDS = frozenset({DiaryKind.FOLLOW_UP, DiaryKind.ACTION_POINT, DiaryKind.AGREED_ACTION})


def _some_kinds(kinds: list[DiaryKind]) -> list[DiaryKind]:
    if not kinds:
        raise ValueError("choose at least one kind of entry")
    return [kind for kind in DiaryKind if kind in kinds]


DiaryKinds = Annotated[list[DiaryKind], AfterValidator(_some_kinds)]


class DiaryFile(Part):
    """The calendar file the app rewrites after every change, and what goes into it."""

    path: Line
    kinds: DiaryKinds = Field(default_factory=lambda: list(DiaryKind))
    include_private: bool = False
    todo: bool = False
    split: bool = False
