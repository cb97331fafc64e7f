"""The subcommands that work on the database without opening the app."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from cli.contact_check import add_check_arguments, checked, took_over
from organiser.clock import Clock
from organiser.dates import parse_day, parse_moment
from organiser.errors import OrganiserError
from organiser.export_file import write_private
from organiser.lookup import find_person
from organiser.models import OneToOneStatus, Person, Profile, RelationalMeeting
from organiser.repository import Repository
from organiser.text import terminal_safe
from organiser.today import as_json, as_text, build_today
from organiser.validation import describe


class Refused(OrganiserError):
    """The command's input was refused; nothing was saved."""


def print_or_write(text: str, out: str | None, what: str) -> int:
    """Print `text`, or write it to the file `out` (readable by its owner alone) and say
    that `what` was written there."""
    if not out:
        print(terminal_safe(text), end="")
        return 0
    path = Path(out).expanduser()
    try:
        write_private(path, text)
    except OSError as error:
        raise Refused(f"Cannot write {path}: {error.strerror or error}") from error
    print(terminal_safe(f"Wrote {what} to {path}"))
    return 0


def today(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    profile = repo.profile() or Profile(organiser_name="Organiser")
    summary = build_today(repo, profile, clock.today())
    if args.json:
        print(json.dumps(as_json(summary), indent=2, ensure_ascii=False))
    else:
        print(terminal_safe(as_text(summary, profile)), end="")
    return 0


def _moment(text: str | None, now: datetime, what: str) -> datetime | None:
    if text is None:
        return None
    try:
        return parse_moment(text, now)
    except ValueError as error:
        raise Refused(f"{what}: {error}") from error


def log(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    match = find_person(repo.list(Person), args.name)
    person = match.person
    if person is None:
        raise Refused(match.problem())
    now = clock.now()
    when = _moment(args.at, now, "--at") or now
    try:
        due = parse_day(args.due, now.date()) if args.due else None
    except ValueError as error:
        raise Refused(f"--due: {error}") from error
    fields = {
        "person_id": person.id,
        "at": when,
        "status": OneToOneStatus.BOOKED if args.book else OneToOneStatus.HELD,
        "length_minutes": args.minutes,
        "place": args.place or "",
        "interests": args.interests or "",
        "self_interest": args.self_interest or "",
        "story": args.story or "",
        "tension": args.tension or "",
        "potential": args.potential,
        "follow_up": args.follow_up or "",
        "follow_up_due": due,
        "next_meeting_at": _moment(args.next, now, "--next"),
    }
    try:
        meeting = RelationalMeeting.model_validate(fields)
    except ValidationError as error:
        raise Refused(describe(error)) from error
    if args.book and meeting.at <= now:
        raise Refused("--book is for a 1-2-1 in the future; give --at a later date and time.")
    saving = checked(repo, meeting, person.name, now, args)
    repo.save(saving)
    if took_over(saving, meeting):
        held = saving.at.astimezone(clock.tz)
        said = f"Marked the 1-2-1 with {person.name} on {held:%a %d %b %Y %H:%M} held."
        print(terminal_safe(said))
        return 0
    verb = "Booked" if args.book else "Logged"
    print(terminal_safe(f"{verb} a 1-2-1 with {person.name} on {when:%a %d %b %Y %H:%M}."))
    return 0


def add_log_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="part of the person's name (it must match one person)")
    parser.add_argument(
        "--at", metavar="WHEN", help='when it was held (default now; "today 14:30")'
    )
    parser.add_argument("--book", action="store_true", help="book a future 1-2-1 instead")
    parser.add_argument("--minutes", type=int, help="how long it lasted")
    parser.add_argument("--place", help="where you met")
    parser.add_argument("--interests", help="what they care about")
    parser.add_argument("--self-interest", dest="self_interest", help="their self-interest")
    parser.add_argument("--story", help="their story")
    parser.add_argument("--tension", help="the tension or anger that could move them")
    parser.add_argument("--potential", type=int, help="leadership potential, 1 to 5")
    parser.add_argument("--follow-up", dest="follow_up", help="the follow-up you agreed")
    parser.add_argument("--due", help="when the follow-up is due (2026-12-01, fri, tomorrow)")
    parser.add_argument("--next", metavar="WHEN", help="the next meeting booked")
    add_check_arguments(parser)
