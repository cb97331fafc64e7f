"""Fundraising targets and the items that make them up, dues from member institutions first."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StrictInt

from organiser.models.base import Line, Notes, Pence, Record, RecordId


class FundingSource(StrEnum):
    MEMBER_DUES = "member_dues"
    GRANT = "grant"
    DONATION = "donation"
    EVENT = "event"
    OTHER = "other"


class FundingStatus(StrEnum):
    PROSPECT = "prospect"
    ASKED = "asked"
    PLEDGED = "pledged"
    INVOICED = "invoiced"
    PAID = "paid"
    LOST = "lost"


class DuesKind(StrEnum):
    RETENTION = "retention"
    RECRUITMENT = "recruitment"


Year = Annotated[StrictInt, Field(ge=2000, le=2200)]
Percent = Annotated[StrictInt, Field(ge=0, le=100)]


class FundraisingTarget(Record):
    kind = "fundraising_targets"

    year: Year
    target_pence: Pence
    hard_money_percent: Percent = 50


class FundraisingItem(Record):
    kind = "fundraising_items"
    search_fields = ("title", "notes", "lost_reason")

    title: Line = ""
    source: FundingSource
    institution_id: RecordId | None = None
    person_id: RecordId | None = None
    hard_money: bool = False
    amount_pence: Pence
    year: Year
    expected_on: date | None = None
    status: FundingStatus = FundingStatus.PROSPECT
    dues_kind: DuesKind | None = None
    invoiced_on: date | None = None
    due_on: date | None = None
    paid_on: date | None = None
    lost_reason: Notes = ""
    notes: Notes = ""
