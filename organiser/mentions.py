"""Where a person is named in free text: 1-2-1 notes, conversation stories, minutes, anywhere.

A person is recognised by their full name, their first and last name (for a name of three
or more words), their email address and their phone number however it is spaced ("07700
900123" finds "+44 7700 900123"). Matching ignores case and never matches inside a word.
Erasure steps through these mentions to replace them; a subject access export lists them.

Each mention has a stable key (record kind, record id, where in the record, and which match
in that text it is), so a decision taken about it can be applied again to another copy of
the same record, such as a backup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel

from organiser.models import Person, Record
from organiser.models.base import optional_date

#: What an erased mention becomes.
ERASED = "[erased]"
#: Where in a record a text is: field names and list positions ("action_points", 2, "text").
Path = tuple[str | int, ...]
#: (record kind, record id, path, which match in that text, from 0).
MentionKey = tuple[str, str, Path, int]

_STAMPS = frozenset({"id", "created", "updated", "revision"})
_ID = re.compile(r"[0-9a-f]{32}")
_GAP = r"[\s().\-]*"
_UK = r"(?:\+\s*44\s*(?:\(0\)\s*)?|0)"
#: A phone number with fewer digits than this is not looked for: it would match too much.
MIN_PHONE_DIGITS = 6


def _name_pattern(name: str) -> str:
    return r"\s+".join(re.escape(part) for part in name.split())


def _phone_pattern(phone: str) -> str | None:
    digits = "".join(c for c in phone if c.isdigit())
    if len(digits) < MIN_PHONE_DIGITS:
        return None
    if phone.strip().startswith("+44"):
        return _UK + _GAP.join(digits[2:])
    if digits.startswith("0"):
        return _UK + _GAP.join(digits[1:])
    return r"\+?\s*" + _GAP.join(digits)


def identifying_patterns(person: Person) -> list[str]:
    """The regular expressions that find `person`: email, full name, first and last, phone."""
    patterns: list[str] = []
    if person.email:
        patterns.append(re.escape(person.email))
    parts = person.name.split()
    patterns.append(_name_pattern(person.name))
    if len(parts) >= 3:
        patterns.append(_name_pattern(f"{parts[0]} {parts[-1]}"))
    phone = _phone_pattern(person.phone) if person.phone else None
    if phone:
        patterns.append(phone)
    return patterns


class Finder:
    """Finds a person's identifying details in text."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        alternatives = "|".join(f"(?:{p})" for p in self.patterns)
        self._regex = re.compile(rf"(?<![\w@+]){alternatives}(?![\w@])", re.IGNORECASE)

    @classmethod
    def of(cls, person: Person) -> Finder:
        return cls(identifying_patterns(person))

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self._regex.finditer(text)]


def _texts(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(value, Enum):
        return
    if isinstance(value, str):
        if value and not _ID.fullmatch(value):
            yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if not path and name in _STAMPS:
                continue
            yield from _texts(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, str(key)))


def texts(record: Record) -> Iterator[tuple[Path, str]]:
    """Every piece of text in `record` (ids and stamps left out), with where it is."""
    return _texts(record, ())


@dataclass(frozen=True)
class Mention:
    """One match of a person's details in a record's text."""

    record: Record
    path: Path
    ordinal: int
    text: str
    start: int
    end: int

    @property
    def key(self) -> MentionKey:
        return (self.record.kind, self.record.id, self.path, self.ordinal)

    @property
    def found(self) -> str:
        return self.text[self.start : self.end]

    def context(self, width: int = 60) -> tuple[str, str, str]:
        """The text before the match, the match, the text after, each on one line."""
        before = self.text[max(0, self.start - width) : self.start]
        after = self.text[self.end : self.end + width]
        if self.start > width:
            before = "…" + before
        if self.end + width < len(self.text):
            after += "…"
        return _one_line(before), _one_line(self.found), _one_line(after)

    @property
    def where(self) -> str:
        """ "1-2-1 on Mon 02 Mar 2026, story" """
        return f"{describe_record(self.record)}, {field_label(self.path)}"


def _one_line(text: str) -> str:
    return text.replace("\n", " ⏎ ").replace("\t", " ")


def find_mentions(records: Iterable[Record], finder: Finder) -> list[Mention]:
    """Every mention in `records`, in record order then text order."""
    found: list[Mention] = []
    for record in records:
        for path, text in texts(record):
            for ordinal, (start, end) in enumerate(finder.spans(text)):
                found.append(Mention(record, path, ordinal, text, start, end))
    return found


def replaced(
    record: Record, finder: Finder, erase: Callable[[MentionKey], bool]
) -> tuple[Record, int, int]:
    """`record` with each mention that `erase` agrees to replaced by "[erased]"; also how
    many were replaced and how many kept."""
    data = record.model_dump()
    done = kept = 0
    for path, text in list(texts(record)):
        spans = finder.spans(text)
        if not spans:
            continue
        pieces: list[str] = []
        cursor = 0
        for ordinal, (start, end) in enumerate(spans):
            if erase((record.kind, record.id, path, ordinal)):
                pieces += [text[cursor:start], ERASED]
                cursor = end
                done += 1
            else:
                kept += 1
        pieces.append(text[cursor:])
        _set(data, path, "".join(pieces))
    if not done:
        return record, 0, kept
    return type(record).model_validate(data), done, kept


def _set(data: Any, path: Path, value: str) -> None:
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value


KIND_LABELS: dict[str, str] = {
    "profile": "Your profile",
    "people": "Person",
    "institutions": "Institution",
    "one_to_ones": "1-2-1",
    "ladder_moves": "Ladder move",
    "listening_campaigns": "Listening campaign",
    "conversations": "Listening conversation",
    "campaigns": "Campaign",
    "power_map": "Power analysis entry",
    "actions": "Public action",
    "meetings": "Meeting",
    "trainings": "Training",
    "fundraising_targets": "Fundraising target",
    "fundraising_items": "Fundraising item",
    "supervision_reviews": "Supervision review",
    "person_links": "Link between two people",
}


def describe_record(record: Record) -> str:
    """What a record is, as people would say it: "Meeting “Planning Group” on Tue 03 Mar 2026"."""
    label = KIND_LABELS.get(record.kind, record.kind.replace("_", " ").capitalize())
    title = next(
        (value for f in ("name", "title") if isinstance(value := getattr(record, f, None), str)),
        "",
    )
    when = next(
        (getattr(record, f) for f in ("at", "on", "starts") if getattr(record, f, None)), None
    )
    text = f"{label} “{title}”" if title else label
    if when is not None:
        text += f" on {optional_date(when)}"
    return text


def field_label(path: Path) -> str:
    """ "story", "action points 2, text" """
    parts = [str(step + 1) if isinstance(step, int) else step.replace("_", " ") for step in path]
    return ", ".join(parts)
