"""The common shape of every record and the constrained field types they share."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timezone
from typing import Annotated, Any, ClassVar, Self

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
)

from organiser.text import LINE_MAX, NAME_MAX, NOTES_MAX, check_single_line, clean_notes

#: The created/updated stamp of a record that has never been saved.
UNSAVED = datetime(1970, 1, 1, tzinfo=UTC)
#: One million pounds, in pence: above this an amount is surely a typing slip.
MONEY_MAX = 1_000_000 * 100

_ID = re.compile(r"^[0-9a-f]{32}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()\-.]{5,30}$")


def new_id() -> str:
    """A fresh record id: a uuid4 in hex, also the record's iCalendar UID stem."""
    return uuid.uuid4().hex


def _not_surrogate(text: str) -> str:
    if text.isprintable():  # C speed; surrogates are unprintable
        return text
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        raise ValueError("contains characters that cannot be saved (lone surrogates)")
    return text


def _name(text: str) -> str:
    text = check_single_line(_not_surrogate(text).strip())
    if not text:
        raise ValueError("cannot be empty")
    return text


def _line(text: str) -> str:
    return check_single_line(_not_surrogate(text))


def _email(text: str) -> str:
    text = _line(text)
    if text and not _EMAIL.match(text):
        raise ValueError("is not an email address (it should look like name@example.org)")
    return text


def _phone(text: str) -> str:
    text = _line(text)
    if text and not _PHONE.match(text):
        raise ValueError("should be digits, spaces and + ( ) - only")
    return text



def fixed_offset(moment: datetime) -> datetime:
    """Keep the wall-clock offset but drop the zone rules, so a time in the autumn's repeated
    hour compares and round-trips like any other (PEP 495 makes zone-ruled ones unequal)."""
    zone = moment.tzinfo
    if zone is not None and zone.utcoffset(None) is not None:
        return moment  # a fixed offset already (as every time read back from JSON is)
    offset = moment.utcoffset()
    assert offset is not None  # AwareDatetime has checked
    return moment.astimezone(timezone(offset))


def _too_long(limit: int) -> BeforeValidator:
    def check(value: Any) -> Any:
        if isinstance(value, str) and len(value) > limit:
            raise ValueError(f"is too long ({len(value):,} characters; at most {limit:,})")
        return value

    return BeforeValidator(check)


Name = Annotated[str, _too_long(NAME_MAX), AfterValidator(_name)]
Line = Annotated[str, _too_long(LINE_MAX), AfterValidator(_line)]
Email = Annotated[str, _too_long(LINE_MAX), AfterValidator(_email)]
Phone = Annotated[str, _too_long(LINE_MAX), AfterValidator(_phone)]
Notes = Annotated[str, _too_long(NOTES_MAX), AfterValidator(clean_notes)]
#: Checked by pydantic-core's own regex engine: ids are validated hundreds of thousands of
#: times when a large database loads.
RecordId = Annotated[str, StringConstraints(pattern=_ID.pattern)]
Pence = Annotated[StrictInt, Field(ge=0, le=MONEY_MAX)]
Scale = Annotated[StrictInt, Field(ge=1, le=5)]
Count = Annotated[StrictInt, Field(ge=0, le=1_000_000)]
Minutes = Annotated[StrictInt, Field(ge=0, le=24 * 60)]
Moment = Annotated[AwareDatetime, AfterValidator(fixed_offset)]


class Part(BaseModel):
    """A value inside a record (a consent, a membership, an action point)."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, validate_default=True, defer_build=True
    )


class Record(Part):
    """A stored record: its own id, when it was made and last changed, and its revision.

    Records are immutable; `evolve` makes a changed, validated copy. The store sets
    `created`, `updated` and `revision` when it saves, and refuses a save whose revision
    is not the one it holds (someone else changed the record in between).
    """

    #: The table (TinyDB) or relation (PostgreSQL) the records live in.
    kind: ClassVar[str]
    #: Fields searched by free text, in the order they are most likely to match.
    search_fields: ClassVar[tuple[str, ...]] = ()

    id: RecordId = Field(default_factory=new_id)
    created: Moment = UNSAVED
    updated: Moment = UNSAVED
    revision: Annotated[StrictInt, Field(ge=0)] = 0

    def evolve(self, **changes: Any) -> Self:
        """A copy with `changes` applied and validated as a whole."""
        data = self.model_dump()
        data.update(changes)
        return type(self).model_validate(data)

    @property
    def is_saved(self) -> bool:
        return self.revision > 0


def optional_date(value: date | None) -> str:
    """A date as people read it in lists ("Mon 23 Nov 2026"), or an empty string."""
    return value.strftime("%a %d %b %Y") if value else ""
