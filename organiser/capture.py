"""Quick capture: a 1-2-1 (or a new person) typed on one line, in the style of taskwarrior
and khal.

    121 @Amina #stmarys 40m tension:"damp flats" next:"invite to training" due:fri
    person Sam Lee #stmarys role:"parent governor" phone:"07700 900123"

The grammar, word by word (words are separated by spaces; a double-quoted part, "like
this" or “like this”, keeps its spaces, and inside it \\" is a quote and \\\\ a backslash):

- The first word says what is recorded: `121`, `1-2-1`, `one-to-one` or `1to1` for a 1-2-1
  held (now, unless `at:` says when; a time still to come books it instead), or `book` for
  a 1-2-1 booked ahead (it needs `at:` with a time still to come).
- `@name` is the person, by part of their name; `@"Amina Khan"` for a name with spaces.
- `#tag` is an institution, by its tag: the person must belong to it, which also narrows
  whom `@name` can mean.
- A length: `40m`, `40min`, `1h`, `1h30`, `1h30m`, `90mins`.
- `key:value` fields, the value quoted when it has spaces (`tension:"damp flats"`):
  `at:` when it was held or is booked (`at:"tomorrow 14:00"`, `at:2026-12-01`), `place:`,
  `interests:`, `self:` (their self-interest), `story:`, `tension:`, `potential:` (1 to 5),
  `next:` (the follow-up agreed), `due:` (when it is due: `fri`, `2026-12-01`), `again:`
  (the next 1-2-1, booked with it), `notes:`. Other spellings are listed in `KEYS`.
- Every other word is a note: together with `notes:` they are kept as what the person
  cares about (the 1-2-1's interests).
- `person` instead adds someone new: their name (`@"Sam Lee"`, or the words after
  `person`), `#tag` the institution they belong to, `role:` their role there, `phone:`,
  `email:` and `notes:`.

`parse` reads a line into a `Capture`, or gives `Problems` saying what to change; it
raises nothing. Names and tags are only looked up later (organiser/capture_plan.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from difflib import get_close_matches
from enum import StrEnum

from organiser.capture_words import Word, length_minutes, shorten, split_words
from organiser.dates import parse_day, parse_moment

#: Longer than any line a person types; a longer one is refused before it is read.
LINE_LIMIT = 10_000


class CaptureKind(StrEnum):
    HELD = "held"
    BOOKED = "booked"
    PERSON = "person"


RECORD_WORDS: dict[str, CaptureKind] = {
    "121": CaptureKind.HELD,
    "1-2-1": CaptureKind.HELD,
    "1to1": CaptureKind.HELD,
    "one-to-one": CaptureKind.HELD,
    "onetoone": CaptureKind.HELD,
    "book": CaptureKind.BOOKED,
    "person": CaptureKind.PERSON,
}

#: Each key as typed, and the field it fills.
KEYS: dict[str, str] = {
    "at": "at",
    "when": "at",
    "on": "at",
    "place": "place",
    "where": "place",
    "interests": "interests",
    "interest": "interests",
    "cares": "interests",
    "self": "self_interest",
    "selfinterest": "self_interest",
    "self-interest": "self_interest",
    "self_interest": "self_interest",
    "story": "story",
    "tension": "tension",
    "anger": "tension",
    "potential": "potential",
    "pot": "potential",
    "next": "follow_up",
    "followup": "follow_up",
    "follow-up": "follow_up",
    "follow_up": "follow_up",
    "due": "follow_up_due",
    "again": "next_meeting_at",
    "rebook": "next_meeting_at",
    "notes": "notes",
    "note": "notes",
    "length": "length",
    "len": "length",
    "phone": "phone",
    "tel": "phone",
    "email": "email",
    "mail": "email",
    "role": "role",
}
#: What a new person takes; everything else is for a 1-2-1.
PERSON_FIELDS = frozenset({"phone", "email", "role", "notes"})
#: The fields that hold words as typed (the rest are dates and numbers).
TEXT_FIELDS = (
    "place", "interests", "self_interest", "story", "tension", "follow_up", "notes",
    "phone", "email", "role",
)  # fmt: skip

_KEY = re.compile(r"([A-Za-z][A-Za-z_-]*):")


@dataclass(frozen=True)
class Problems:
    """Why a line cannot be saved: each message says what to type instead."""

    messages: tuple[str, ...]


@dataclass(frozen=True)
class Capture:
    """A line as read, before any name or tag is looked up."""

    kind: CaptureKind
    person: str | None = None
    tag: str | None = None
    minutes: int | None = None
    at: datetime | None = None
    follow_up_due: date | None = None
    next_meeting_at: datetime | None = None
    potential: int | None = None
    #: Text fields by field name (`TEXT_FIELDS`), as typed.
    texts: dict[str, str] = field(default_factory=dict)
    #: Words that are none of the above, in order.
    words: tuple[str, ...] = ()

    @property
    def notes(self) -> str:
        """The `notes:` field and the free words, as one text."""
        parts = [self.texts.get("notes", ""), " ".join(self.words)]
        return "\n".join(part for part in parts if part)


_SHOWN_KEYS = "at:, place:, interests:, self:, story:, tension:, potential:, next:, due:, again:"


class _Reader:
    def __init__(self, now: datetime) -> None:
        self.now = now
        self.kind = CaptureKind.HELD
        self.problems: list[str] = []
        self.values: dict[str, object] = {}
        self.texts: dict[str, str] = {}
        self.words: list[str] = []
        self.typed: dict[str, str] = {}
        #: A date and time waiting to see whether the next word is its time (at:fri 14:00).
        self.pending: tuple[str, str, str] | None = None

    def once(self, name: str, typed: str, shown: str) -> bool:
        if name in self.typed:
            self.problems.append(f"{shown} is given twice ({self.typed[name]} and {typed}).")
            return False
        self.typed[name] = typed
        return True

    def key(self, key: str, value: str, raw: str) -> None:
        name = KEYS.get(key.casefold())
        if name is None:
            close = get_close_matches(key.casefold(), KEYS, n=1)
            hint = f"Did you mean {close[0]}:? " if close else ""
            self.problems.append(
                f"{key}: is not a field I know. {hint}Use {_SHOWN_KEYS}, "
                'or put the words in quotes ("like: this").'
            )
            return
        if not self._fits(key, name) or not self.once(name, raw, f"{key}:"):
            return
        if not value.strip():
            self.problems.append(f'{key}: has no value (write {key}:something, or {key}:"a b").')
            return
        if name in TEXT_FIELDS:
            self.texts[name] = value
        elif name == "length":
            self.length(value, raw)
        elif name == "potential":
            self.potential(key, value)
        elif name == "follow_up_due":
            self.when(key, name, value, day=True)
        else:
            self.pending = (key, name, value)

    def _fits(self, key: str, name: str) -> bool:
        """Whether the field is one the record being captured has (saying so if not)."""
        if self.kind is CaptureKind.PERSON and name not in PERSON_FIELDS:
            self.problems.append(
                f"{key}: is for a 1-2-1; a new person takes role:, phone:, email: and notes:."
            )
            return False
        if self.kind is not CaptureKind.PERSON and name in PERSON_FIELDS - {"notes"}:
            self.problems.append(
                f'{key}: is for a new person (person @"Sam Lee" {key}:…); '
                "change someone's details in People."
            )
            return False
        return True

    def length(self, value: str, raw: str) -> None:
        text = value.strip()
        found = length_minutes(text + "m" if text.isdigit() else text)
        if found is None:
            self.problems.append(f"{raw} is not a length (try 40m, 1h or 1h30).")
        else:
            self.values["minutes"] = found

    def potential(self, key: str, value: str) -> None:
        text = value.strip()
        if not (text.isascii() and text.isdigit() and len(text) < 3 and 1 <= int(text) <= 5):
            self.problems.append(
                f"{key}: leadership potential is a whole number from 1 to 5, not “{shorten(text)}”."
            )
            return
        self.values["potential"] = int(text)

    def when(self, key: str, name: str, value: str, *, day: bool) -> None:
        try:
            found: date | datetime = (
                parse_day(value, self.now.date()) if day else parse_moment(value, self.now)
            )
        except ValueError as error:
            self.problems.append(f"{key}: {error}.")
            return
        self.values[name] = found

    def flush(self) -> None:
        if self.pending is not None:
            key, name, value = self.pending
            self.pending = None
            self.when(key, name, value, day=False)

    def time_of_pending(self, word: Word) -> bool:
        """Whether `word` is the time of the moment before it (`at:fri 14:00`)."""
        if self.pending is None or word.quoted or word.head[:1] in ("@", "#"):
            return False
        if _KEY.match(word.head) or len(word.text) > 10:
            return False
        key, name, value = self.pending
        try:
            found = parse_moment(f"{value} {word.text}", self.now)
        except ValueError:
            return False
        self.pending = None
        self.values[name] = found
        return True

    def word(self, word: Word, first: bool) -> CaptureKind | None:
        if self.time_of_pending(word):
            return None
        self.flush()
        head = word.head
        if first and not word.quoted and head.casefold() in RECORD_WORDS:
            return RECORD_WORDS[head.casefold()]
        if head.startswith("@") and len(word.text) > 1:
            if self.once("person", word.text, "A person (@)"):
                self.values["person"] = word.text[1:]
        elif head.startswith("#") and len(word.text) > 1:
            if self.once("tag", word.text, "An institution (#)"):
                self.values["tag"] = word.text[1:]
        elif (match := _KEY.match(head)) is not None:
            self.key(match[1], word.text[match.end() :], word.text)
        elif not word.quoted and (minutes := length_minutes(head)) is not None:
            if self.once("length", word.text, "A length"):
                self.values["minutes"] = minutes
        else:
            self.words.append(word.text)
        return None


def _start_message(first: str) -> str:
    return (
        "Start with what you are recording: 121 for a 1-2-1 held, book for one booked "
        f"ahead, or person for someone new (not “{shorten(first)}”). "
        'For example: 121 @Amina 40m tension:"damp flats".'
    )


def parse(line: str, now: datetime) -> Capture | Problems:
    """Read `line`, with relative dates (`fri`, `tomorrow 14:00`) counted from `now`."""
    try:
        return _parse(line, now)
    except Exception as error:  # a last guard: a capture box must never crash the app
        return Problems((f"That line could not be read ({type(error).__name__}).",))


def _parse(line: str, now: datetime) -> Capture | Problems:
    if len(line) > LINE_LIMIT:
        return Problems(
            (f"That is too long for one line ({len(line):,} characters; at most {LINE_LIMIT:,}).",)
        )
    reader = _Reader(now)
    words = split_words(line, reader.problems)
    if not words:
        return Problems(("Type a 1-2-1 to capture, e.g. 121 @Amina 40m due:fri.",))
    kind = reader.word(words[0], first=True)
    if kind is None:
        return Problems((_start_message(words[0].text), *reader.problems))
    reader.kind = kind
    for word in words[1:]:
        reader.word(word, first=False)
    reader.flush()
    values = reader.values
    if kind is CaptureKind.PERSON:
        _new_person(reader)
    elif "person" not in values and not reader.problems:
        reader.problems.append('Say who with @name (for example @Amina or @"Amina Khan").')
    if kind is CaptureKind.BOOKED and "at" not in values and "at" not in reader.typed:
        reader.problems.append('A booking needs at: with a time still to come (at:"fri 14:00").')
    if reader.problems:
        return Problems(tuple(reader.problems))
    return Capture(
        kind=kind,
        person=_text(values.get("person")),
        tag=_text(values.get("tag")),
        minutes=_number(values.get("minutes")),
        at=_moment(values.get("at")),
        follow_up_due=_day(values.get("follow_up_due")),
        next_meeting_at=_moment(values.get("next_meeting_at")),
        potential=_number(values.get("potential")),
        texts=reader.texts,
        words=tuple(reader.words),
    )


def _new_person(reader: _Reader) -> None:
    """A new person's name is `@"Sam Lee"`, or else the words after `person`."""
    if "minutes" in reader.values:
        reader.problems.append("A length is for a 1-2-1, not a new person.")
    if "person" not in reader.values and reader.words:
        reader.values["person"] = " ".join(reader.words)
        reader.words.clear()
    if "person" not in reader.values and not reader.problems:
        reader.problems.append('Give their name: person Sam Lee, or person @"Sam Lee".')


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _number(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _moment(value: object) -> datetime | None:
    return value if isinstance(value, datetime) else None


def _day(value: object) -> date | None:
    return value if isinstance(value, date) and not isinstance(value, datetime) else None
