"""`organiser rollcall ACTION`: an action's roll-call sheet as Markdown or a page to print.

ACTION is the action's name (or part of it, or its id). Without --out the sheet is printed.
"""

from __future__ import annotations

import argparse

from cli.commands import Refused, print_or_write
from organiser.clock import Clock
from organiser.models import Institution, PublicAction
from organiser.repository import Repository
from organiser.roll_call import RollCallFormat, find_action, render, roll_call


def add_rollcall_parser(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    parser = commands.add_parser(
        "rollcall",
        parents=[common],
        help="print or write an action's roll-call sheet (md or html)",
        description="The roll-call sheet of a public action or assembly: each institution in "
        "alphabetical order with what it pledged, what it delivered and the percentage, "
        "with totals.",
    )
    parser.add_argument("action", metavar="ACTION", help="the action's name, part of it, or id")
    parser.add_argument(
        "--format", choices=[f.value for f in RollCallFormat], default="md", help="md or html"
    )
    parser.add_argument("--out", metavar="PATH", help="write to this file (private, 0600)")


def rollcall(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    action, problem = find_action(repo.list(PublicAction), args.action)
    if action is None:
        raise Refused(problem)
    institutions = {i.id: i for i in repo.list(Institution)}
    text = render(roll_call(action, institutions), RollCallFormat(args.format), clock.tz)
    return print_or_write(text, args.out, "the roll-call sheet")
