"""`organiser add`: a 1-2-1 (or someone new) captured in one line from the shell.

    organiser add '121 @Amina #stmarys 40m tension:"damp flats" next:"invite to training" due:fri'
    organiser add book @"Amina Khan" at:"fri 14:00" 45m
    organiser add --dry-run 121 @Am 30m          # say what would be saved, save nothing
    organiser add person Sam Lee '#stmarys' role:"parent governor"

The grammar is in organiser/capture.py. Prints what was saved in one line; a line that
cannot be saved (an ambiguous or unknown name, a bad date) is refused with exit 1 and the
reasons on stderr, and nothing is saved.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import replace

from cli.commands import Refused
from cli.contact_check import add_check_arguments, checked, took_over
from organiser.capture import Problems
from organiser.capture_plan import Directory, Planned, plan_line
from organiser.clock import Clock
from organiser.models import Institution, Person, RelationalMeeting
from organiser.one_to_ones import moment_text
from organiser.repository import Repository
from organiser.text import terminal_safe

_PREFIX = re.compile(r"^(@|#|[A-Za-z][A-Za-z_-]*:)")

EPILOG = """\
what a line holds (see the README for all of it):
  121 | book          a 1-2-1 held (now, or at:) or booked ahead (needs at:)
  @name @"A Name"     the person, by part of their name
  #tag                their institution, by its tag
  40m 1h 1h30         how long it lasted
  at:WHEN             when ("tomorrow 14:00", 2026-12-01, fri)
  place: interests: self: story: tension: potential:1-5
  next:"follow-up"    the follow-up agreed, due:WHEN when it is due
  again:WHEN          the next 1-2-1, booked along with it
  other words         notes on what they care about

or someone new:
  person Sam Lee #stmarys role:"parent governor" phone:"07700 900123" email:sam@example.org

a 1-2-1 with someone seen in the last 7 days (the Profile sets how many) is refused
with when and what, unless --anyway is given; it is then saved marked as such.
a 1-2-1 held with someone who has one booked that day (or within those days) is
refused with the booking named: --mark-held marks that booking held with what the
line gives (keeping the booked time when no at: is given); --anyway saves a second one.

exit codes: 0 saved, 1 refused (reasons on stderr; nothing saved), 2 usage error
"""


def add_capture_parser(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    add = commands.add_parser(
        "add",
        parents=[common],
        help="capture a 1-2-1 in one line: 121 @Amina 40m due:fri",
        description="Capture a 1-2-1 in one line, the way you would jot it down.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument(
        "line", nargs="+", metavar="WORD", help="the line (quote it whole, or word by word)"
    )
    add.add_argument(
        "--dry-run", action="store_true", help="say what would be saved, and save nothing"
    )
    add_check_arguments(add)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def rejoin(words: list[str]) -> str:
    """The line the shell split into `words`, with a word the shell unquoted quoted again:
    `tension:"damp flats"` typed unquoted reaches us as `tension:damp flats`."""
    if len(words) == 1:
        return words[0]
    joined: list[str] = []
    for word in words:
        if not any(c.isspace() for c in word):
            joined.append(word)
            continue
        prefix = match[0] if (match := _PREFIX.match(word)) else ""
        joined.append(prefix + _quoted(word[len(prefix) :]))
    return " ".join(joined)


def add(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    now = clock.now()
    directory = Directory(repo.list(Person), repo.list(Institution))
    found = plan_line(rejoin(args.line), directory, lambda: repo.list(RelationalMeeting), now)
    if isinstance(found, Problems):
        raise Refused(" ".join(found.messages))
    if isinstance(found, Planned):
        meeting = checked(repo, found.meeting, found.person.name, now, args)
        if took_over(meeting, found.meeting):
            when = moment_text(meeting.at, clock.tz)
            summary = f"the 1-2-1 booked with {found.person.name} on {when}, now marked held"
            found = replace(found, meeting=meeting, summary=summary)
        else:
            found = replace(found, meeting=meeting)
    if args.dry_run:
        print(terminal_safe(f"Would save: {found.summary}. (Nothing saved.)"))
        return 0
    repo.save_all(found.records)
    print(terminal_safe(f"Saved: {found.summary}."))
    return 0
