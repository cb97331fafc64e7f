"""Quick capture, second step: the names and tags of a `Capture` looked up among the records,
and the 1-2-1 it describes checked as the Log a 1-2-1 form checks it.

`plan` gives the records to save and a one-line summary of them, or `Problems`: a name that
matches several people lists them (with their institutions) and a name or tag that matches
nothing suggests the nearest; nothing is saved either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from organiser.capture import Capture, CaptureKind, Problems, parse
from organiser.capture_directory import Directory, tag_match
from organiser.capture_person import NewPerson, plan_person
from organiser.dates import format_day
from organiser.models import Institution, OneToOneStatus, Person, Record, RelationalMeeting
from organiser.one_to_ones import CONVERSATION, OneToOneTexts, moment_text, plan_booking, read_texts

__all__ = ["Directory", "NewPerson", "Planned", "plan", "plan_line"]


@dataclass(frozen=True)
class Planned:
    """What a captured line will save, and how to say so in one line."""

    meeting: RelationalMeeting
    person: Person
    institution: Institution | None
    #: The next 1-2-1, booked along with this one when `again:` was given.
    booking: RelationalMeeting | None
    summary: str

    @property
    def records(self) -> list[Record]:
        return [r for r in (self.meeting, self.booking) if r is not None]


def _person(
    capture: Capture, directory: Directory, institution: Institution | None
) -> Person | str:
    """The one person `@name` means (among the institution's members when `#tag` was given)."""
    name = capture.person or ""
    label = directory.label
    pool = directory.everyone if institution is None else directory.members(institution)
    match = pool.find(name)
    if match.person is not None:
        return match.person
    if match.candidates:
        example = match.candidates[0].name
        return f'{match.problem(label)} Write more of the name, e.g. @"{example}".'
    where = f" at {institution.name}" if institution is not None else ""
    elsewhere = directory.everyone.find(name).candidates if institution is not None else ()
    if elsewhere:
        shown = ", ".join(label(p) for p in elsewhere[:3])
        return f'No one{where} matches "{name}"; elsewhere: {shown}.'
    near = pool.closest(name)
    hint = f" Did you mean {' or '.join(label(p) for p in near)}?" if near else ""
    return f'No one{where} matches "{name}".{hint}'


def _texts(capture: Capture, now: datetime) -> OneToOneTexts:
    tz = now.tzinfo
    assert tz is not None  # `now` is always aware
    interests = "\n".join(t for t in (capture.texts.get("interests", ""), capture.notes) if t)
    return OneToOneTexts(
        at=moment_text(capture.at, tz) if capture.at else "now",
        length_minutes="" if capture.minutes is None else str(capture.minutes),
        place=capture.texts.get("place", ""),
        interests=interests,
        self_interest=capture.texts.get("self_interest", ""),
        story=capture.texts.get("story", ""),
        tension=capture.texts.get("tension", ""),
        potential="" if capture.potential is None else str(capture.potential),
        follow_up=capture.texts.get("follow_up", ""),
        follow_up_due=format_day(capture.follow_up_due) if capture.follow_up_due else "",
        next_meeting_at=(
            moment_text(capture.next_meeting_at, tz) if capture.next_meeting_at else ""
        ),
    )


def _status(capture: Capture, now: datetime) -> OneToOneStatus:
    if capture.kind is CaptureKind.BOOKED or (capture.at is not None and capture.at > now):
        return OneToOneStatus.BOOKED
    return OneToOneStatus.HELD


_SAID = {
    "interests": "notes",
    "self_interest": "self:",
    "story": "story:",
    "tension": "tension:",
    "potential": "potential:",
    "follow_up": "next:",
    "follow_up_due": "due:",
    "next_meeting_at": "again:",
}


def _said_at_a_booking(texts: OneToOneTexts) -> list[str]:
    """What was typed that only a held 1-2-1 keeps."""
    return [_SAID[name] for name in CONVERSATION if getattr(texts, name).strip()]


def summary(meeting: RelationalMeeting, who: str, now: datetime) -> str:
    """ "1-2-1 with Amina Khan (St Mary's), now, 40 min, follow-up “…” due Fri 27 Nov"."""
    zone = now.tzinfo
    assert zone is not None
    booked = meeting.status is OneToOneStatus.BOOKED
    when = "now" if abs((meeting.at - now).total_seconds()) < 60 else moment_text(meeting.at, zone)
    parts = [f"{'1-2-1 booked' if booked else '1-2-1'} with {who}, {when}"]
    if meeting.length_minutes is not None:
        parts.append(f"{meeting.length_minutes} min")
    if meeting.place:
        parts.append(f"at {meeting.place}")
    said = (
        ("cares about", meeting.interests),
        ("self-interest", meeting.self_interest),
        ("story", meeting.story),
        ("tension", meeting.tension),
    )
    parts.extend(f"{label} “{_first_line(text)}”" for label, text in said if text)
    if meeting.potential is not None:
        parts.append(f"potential {meeting.potential}/5")
    if meeting.follow_up:
        due = f" due {meeting.follow_up_due:%a %d %b}" if meeting.follow_up_due else ""
        parts.append(f"follow-up “{_first_line(meeting.follow_up)}”{due}")
    if meeting.next_meeting_at is not None:
        parts.append(f"next 1-2-1 {moment_text(meeting.next_meeting_at, zone)}")
    return ", ".join(parts)


def _first_line(text: str, limit: int = 40) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"


def plan(
    capture: Capture,
    directory: Directory,
    meetings: Callable[[], Iterable[RelationalMeeting]],
    now: datetime,
) -> Planned | NewPerson | Problems:
    """The records `capture` saves; `meetings` is asked for only when a next 1-2-1 is booked."""
    if capture.kind is CaptureKind.PERSON:
        return plan_person(capture, directory)
    institution: Institution | None = None
    problems: list[str] = []
    if capture.tag is not None:
        found = tag_match(capture.tag, directory)
        if isinstance(found, str):
            return Problems((found,))
        institution = found
    person = _person(capture, directory, institution)
    if isinstance(person, str):
        return Problems((person,))
    texts = _texts(capture, now)
    status = _status(capture, now)
    if status is OneToOneStatus.BOOKED and (said := _said_at_a_booking(texts)):
        problems.append(
            f"A booked 1-2-1 has not happened yet: {', '.join(said)} can wait until it is "
            "held (or leave out at: to log one held now)."
        )
    if capture.follow_up_due is not None and not texts.follow_up.strip():
        problems.append('due: is when the follow-up is due; say what it is with next:"…".')
    if problems:
        return Problems(tuple(problems))
    meeting, errors = read_texts(texts, person_id=person.id, status=status, now=now)
    if meeting is None:
        return Problems(tuple(dict.fromkeys(errors.values())))
    booking = plan_booking(meeting, None, meetings()) if meeting.next_meeting_at else None
    who = f"{person.name} ({institution.name})" if institution else directory.label(person)
    return Planned(meeting, person, institution, booking, summary(meeting, who, now))


def plan_line(
    line: str,
    directory: Directory,
    meetings: Callable[[], Iterable[RelationalMeeting]],
    now: datetime,
) -> Planned | NewPerson | Problems:
    """`parse` and `plan` in one step: what a typed line will save, or why it cannot."""
    capture = parse(line, now)
    if isinstance(capture, Problems):
        return capture
    return plan(capture, directory, meetings, now)
