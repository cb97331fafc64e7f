"""The list commands: records printed for reading or, with `--json`, for scripts.

    organiser find damp                         # people, 1-2-1 notes, conversations, minutes
    organiser people --stage leader --institution stmarys
    organiser campaigns --json
    organiser leaders                           # the leader pipeline, by ladder stage

JSON has stable keys, ids and ISO dates; no list ever prints a private note. Exit codes:
0 success (an empty list too), 1 refused (an unknown stage or tag), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from typing import Any

from cli.commands import Refused
from organiser.clock import Clock
from organiser.finding import LIMIT, as_text, find_everything
from organiser.listings import (
    campaign_rows,
    campaigns_table,
    cycle_stage,
    institution_by_tag,
    ladder_stage,
    members_of,
    people_rows,
    people_table,
    pipeline_rows,
    pipeline_stages,
    pipeline_table,
    render_table,
)
from organiser.models import (
    Campaign,
    Institution,
    LadderMove,
    Person,
    Profile,
    RelationalMeeting,
)
from organiser.repository import Repository
from organiser.text import terminal_safe

_EXIT_CODES = "exit codes: 0 success (an empty list too), 1 refused, 2 usage error"


def add_list_parsers(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    def parser(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        made: argparse.ArgumentParser = commands.add_parser(
            name, parents=[common], help=summary, description=description, epilog=_EXIT_CODES
        )
        made.add_argument("--json", action="store_true", help="print JSON for scripts")
        return made

    find = parser(
        "find",
        "search people, 1-2-1 notes, listening conversations and meeting minutes",
        "Find every word of TEXT (case and accents ignored) in people (name, institution, "
        "role, contacts, notes; never private notes), 1-2-1s, listening conversations "
        "(concerns and stories) and meetings (titles and minutes).",
    )
    find.add_argument("text", nargs="+", metavar="TEXT", help="the words to find")
    find.add_argument(
        "--limit", type=int, default=LIMIT, help=f"at most this many of each kind ({LIMIT})"
    )
    people = parser("people", "list people", "Everyone on record, by name.")
    campaigns = parser(
        "campaigns", "list campaigns", "Campaigns in the order of the cycle of action."
    )
    leaders = parser(
        "leaders",
        "the leader pipeline, by ladder stage",
        "People from potential leader up, by ladder stage, with their latest 1-2-1 and who "
        "is losing touch (overdue a 1-2-1 against their stage's cadence in the Profile).",
    )
    for command, where in ((people, "whose"), (leaders, "only one")):
        command.add_argument(
            "--stage", metavar="STAGE", help=f"{where} ladder stage (leader, potential_leader…)"
        )
        command.add_argument(
            "--institution", metavar="TAG", help="only members of the institution with this tag"
        )
    campaigns.add_argument("--stage", metavar="STAGE", help="only this stage (listen, plan…)")


def _profile(repo: Repository) -> Profile:
    return repo.profile() or Profile(organiser_name="Organiser")


def _refusing(read: Callable[[], Any]) -> Any:
    try:
        return read()
    except ValueError as error:
        raise Refused(str(error)) from error


def _print(args: argparse.Namespace, data: Any, table: tuple[list[str], list[list[str]]]) -> int:
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    elif not table[1]:
        print("None on record.")
    else:
        print(terminal_safe(render_table(*table)), end="")
    return 0


def _people(repo: Repository, args: argparse.Namespace) -> Sequence[Person]:
    people: Sequence[Person] = repo.list(Person)
    if args.institution:
        institution = _refusing(
            lambda: institution_by_tag(args.institution, repo.list(Institution))
        )
        people = members_of(people, institution)
    if args.stage:
        stage = _refusing(lambda: ladder_stage(args.stage, _profile(repo)))
        people = [p for p in people if p.ladder_stage is stage]
    return people


def people(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    chosen = _people(repo, args)
    rows = people_rows(chosen, repo.list(Institution), repo.list(RelationalMeeting), _profile(repo))
    return _print(args, rows, people_table(rows))


def campaigns(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    profile = _profile(repo)
    chosen = repo.list(Campaign)
    if args.stage:
        stage = _refusing(lambda: cycle_stage(args.stage, profile))
        chosen = [c for c in chosen if c.stage is stage]
    rows = campaign_rows(chosen, repo.list(Institution), profile)
    return _print(args, rows, campaigns_table(rows))


def leaders(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    profile = _profile(repo)
    only = _refusing(lambda: ladder_stage(args.stage, profile)) if args.stage else None
    pool = _people(repo, argparse.Namespace(institution=args.institution, stage=None))
    rows = pipeline_rows(
        pool,
        repo.list(Institution),
        repo.list(RelationalMeeting),
        profile,
        clock.today(),
        pipeline_stages(only),
        repo.list(LadderMove),
    )
    return _print(args, rows, pipeline_table(rows))


def find(repo: Repository, clock: Clock, args: argparse.Namespace) -> int:
    text = " ".join(args.text)
    if not text.strip():
        raise Refused("Give some words to find, e.g. organiser find damp.")
    if args.limit < 1:
        raise Refused("--limit must be at least 1.")
    found = find_everything(repo, text, args.limit)
    if args.json:
        print(json.dumps(found.as_json(), indent=2, ensure_ascii=False))
    else:
        print(terminal_safe(as_text(found)), end="")
    return 0
