"""`organiser review`: a supervision review as Markdown or HTML, from the shell.

With `--since` it assembles a draft for that period (nothing is saved); with `--latest` it
exports the newest finished review as it was frozen.
"""

from __future__ import annotations

import argparse
from datetime import date

from pydantic import ValidationError

from cli.commands import Refused, print_or_write
from organiser.clock import Clock
from organiser.dates import parse_day
from organiser.models import ReviewStatus, SupervisionReview
from organiser.periods import Period
from organiser.repository import Repository
from organiser.review_export import ExportFormat, ReviewExport, render
from organiser.review_records import Records
from organiser.supervision import in_list_order, last_supervisor, start
from organiser.validation import describe

#: Who a draft names when no supervisor was given and none is on record.
NO_SUPERVISOR = "not named"


def add_review_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="DATE", help="the first day of the period")
    parser.add_argument("--until", metavar="DATE", help="the last day (default today)")
    parser.add_argument(
        "--latest", action="store_true", help="export the newest finished review instead"
    )
    parser.add_argument(
        "--format", choices=[f.value for f in ExportFormat], default="md", help="md or html"
    )
    parser.add_argument("--out", metavar="PATH", help="write to this file (private, 0600)")
    parser.add_argument(
        "--include-private",
        dest="include_private",
        action="store_true",
        help="include the review's private notes (left out unless asked)",
    )
    parser.add_argument(
        "--supervisor", metavar="NAME", help="the supervisor's name (default: the last one)"
    )
    parser.add_argument(
        "--organiser",
        metavar="NAME",
        help="a supervisor's login: that organiser's 1-2-1 figures from the team database",
    )


def _day(text: str, today: date, option: str) -> date:
    try:
        return parse_day(text, today)
    except ValueError as error:
        raise Refused(f"{option}: {error}") from error


def _draft(records: Records, clock: Clock, args: argparse.Namespace) -> SupervisionReview:
    today = clock.today()
    since = _day(args.since, today, "--since")
    until = _day(args.until, today, "--until") if args.until else today
    if until < since:
        raise Refused(f"--until ({until:%d %b %Y}) is before --since ({since:%d %b %Y}).")
    supervisor = args.supervisor or last_supervisor(records.reviews) or NO_SUPERVISOR
    try:
        return start(records, supervisor, clock.now(), Period(since, until), today)
    except ValidationError as error:
        raise Refused(describe(error)) from error


def _latest(records: Records) -> SupervisionReview:
    finished = [r for r in records.reviews if r.status is ReviewStatus.FINISHED]
    if not finished:
        raise Refused("There is no finished supervision review yet; use --since DATE for a draft.")
    return in_list_order(finished)[0]


def review(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    if args.latest == bool(args.since):
        raise Refused("Give either --since DATE (a draft for that period) or --latest.")
    if args.latest and args.until:
        raise Refused("--until goes with --since, not with --latest.")
    records = Records.read(repo)
    chosen = _latest(records) if args.latest else _draft(records, clock, args)
    export = ReviewExport.of(
        chosen, [*records.reviews, chosen], records.profile, include_private=args.include_private
    )
    text = render(export, ExportFormat(args.format))
    return print_or_write(text, args.out, "the supervision review")
