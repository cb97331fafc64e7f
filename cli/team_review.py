"""`organiser review --organiser NAME`: a supervisor's review figures for one organiser, read
from the team database by a supervisor's login (organiser.team_figures.LEFT_OUT says what
such a review cannot hold, and why)."""

from __future__ import annotations

import argparse

from cli.commands import Refused, print_or_write
from organiser.clock import SystemClock
from organiser.dates import parse_day
from organiser.models.supervision import Figure
from organiser.periods import Period, PeriodKind, working_days
from organiser.review_figures import format_value
from organiser.team_figures import (
    LEFT_OUT,
    OrganiserFigures,
    review_figures,
    team_rows,
    whole_team_work,
)
from organiser.team_work import WORK_KEYS, SharedWork, target_text, value_text


def _period(args: argparse.Namespace) -> Period:
    now = SystemClock().today()
    try:
        start = parse_day(args.since, now) if args.since else None
        end = parse_day(args.until, now) if args.until else now
    except ValueError as error:
        raise Refused(f"--since/--until: {error}") from error
    if start is None:
        return Period.named(PeriodKind.LAST_4_WEEKS, end)
    if end < start:
        raise Refused("--until is before --since: a period cannot end before it starts.")
    return Period(start, end)


def organiser_review(url: str | None, args: argparse.Namespace) -> int:
    """The organiser's 1-2-1 figures for the period, against target and the period before."""
    if url is None:
        raise Refused("--organiser reads a team database: give --db postgresql://… as well.")
    if args.latest or args.include_private:
        raise Refused(
            "--organiser makes a review from the figures alone: --latest and "
            "--include-private are for an organiser's own reviews."
        )
    from store.postgres.connection import connect, translated
    from store.postgres.figures import one_to_one_figures, shared_work
    from store.postgres.schema import settle
    from store.postgres.team import is_supervisor

    clock = SystemClock()
    period = _period(args)
    conn = connect(url, read_only=True)
    try:
        with translated("open the team database"):
            settle(conn, read_only=True)
        if not is_supervisor(conn):
            raise Refused(
                "--organiser is for a supervisor's login; your own review is "
                "organiser review --since DATE."
            )
        now = one_to_one_figures(conn, period, clock.tz.key)
        before = one_to_one_figures(conn, period.previous(), clock.tz.key)
        work = shared_work(conn, Period(period.previous().start, period.end))
    finally:
        conn.close()
    name = args.organiser
    found = {row.organiser: row for row in now}
    found.update({owner: OrganiserFigures(owner) for owner in work.owners() - set(found)})
    if name not in found:
        raise Refused(f"{name} is not an organiser of the team: {', '.join(found) or 'none yet'}.")
    earlier = {row.organiser: row for row in before}.get(name, OrganiserFigures(name))
    figures = review_figures(found[name], earlier, period, None, work.of(name))
    text = _render(name, period, figures)
    return print_or_write(text, args.out, f"{name}'s supervision figures")


def _render(name: str, period: Period, figures: list[Figure]) -> str:
    days = working_days(period, range(5))
    lines = [
        f"# Supervision figures: {name}",
        "",
        f"{period.start:%a %d %b %Y} to {period.end:%a %d %b %Y}: {days} working "
        f"day{'' if days == 1 else 's'}, Monday to Friday",
        "",
        "| Figure | This period | Target | Period before |",
        "| --- | ---: | ---: | ---: |",
    ]
    for figure in figures:
        lines.append(
            f"| {figure.label} | {format_value(figure.value, figure.unit)} | "
            f"{format_value(figure.target, figure.unit) or '–'} | "
            f"{format_value(figure.previous, figure.unit) or '–'} |"
        )
    return "\n".join([*lines, "", LEFT_OUT, ""])


_WORK_HEADINGS = (
    "Organiser",
    "Trained",
    "Target",
    "Training days",
    "Target",
    "Paid in",
    "Target",
    "Hard money",
    "Target",
)


def work_table(organisers: list[str], work: SharedWork, period: Period) -> str:
    """`organiser team figures`' second table: each organiser's leaders trained, training
    days and money paid in (by who recorded the session or the money) against one
    organiser's targets for the period, and the whole team's, as the Team figures show."""
    rows = team_rows([OrganiserFigures(name) for name in organisers], period, None, work)
    lines = [[row.organiser] for row in rows]
    for line, row in zip(lines, rows, strict=True):
        for key in WORK_KEYS:
            line += [value_text(row.work[key]), target_text(row.work[key])]
    if len(rows) > 1:
        everyone = whole_team_work(work, period)
        lines.append(["Whole team", *(x for k in WORK_KEYS for x in (value_text(everyone[k]), ""))])
    table = [list(_WORK_HEADINGS), *lines]
    widths = [max(len(line[i]) for line in table) for i in range(len(_WORK_HEADINGS))]
    text = [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in table
    ]
    return "\n".join(
        [
            "Leaders trained, training days and money paid in, by the organiser who recorded "
            "the session or the money, against one organiser's targets for the period:",
            *text,
        ]
    )
