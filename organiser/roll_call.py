"""The roll call of an assembly or public action: each member institution called in turn,
what it pledged and what it delivered, with totals; and each institution's record over
the actions it has pledged to.

Institutions are called in alphabetical order (ignoring case and accents), the order a chair
can follow down a printed sheet; lines for an institution no longer on record come last.
A percentage is delivered of pledged; with nothing pledged it is "—", never a division.

    sheet = roll_call(action, institutions_by_id)
    text = render(sheet, RollCallFormat.HTML, zone)
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from organiser.actions import KIND_LABELS, percent
from organiser.lookup import fold
from organiser.models import Institution, InstitutionTurnout, PublicAction
from organiser.review_export import md_escape
from organiser.review_page import page

NO_PERCENT = "—"
GONE = "(an institution no longer on record)"


def percent_text(delivered: int, pledged: int) -> str:
    """ "84%", or "—" when nothing was pledged."""
    share = percent(delivered, pledged)
    return NO_PERCENT if share is None else f"{share}%"


@dataclass(frozen=True)
class CallLine:
    """One institution's line on the sheet."""

    institution_id: str
    name: str
    pledged: int
    delivered: int

    @property
    def percent(self) -> str:
        return percent_text(self.delivered, self.pledged)


@dataclass(frozen=True)
class RollCall:
    """An action's roll-call sheet, in calling order, with totals."""

    action: PublicAction
    lines: tuple[CallLine, ...]

    @property
    def pledged(self) -> int:
        return sum(line.pledged for line in self.lines)

    @property
    def delivered(self) -> int:
        return sum(line.delivered for line in self.lines)

    @property
    def percent(self) -> str:
        return percent_text(self.delivered, self.pledged)


def roll_call(action: PublicAction, institutions: Mapping[str, Institution]) -> RollCall:
    """The sheet for `action`: institutions on record alphabetically, then any others."""

    def order(line: CallLine) -> tuple[bool, str, str]:
        gone = line.institution_id not in institutions
        return gone, fold(line.name), line.institution_id

    lines = [
        CallLine(
            t.institution_id,
            institutions[t.institution_id].name if t.institution_id in institutions else GONE,
            t.pledged,
            t.delivered,
        )
        for t in action.turnout_by_institution
    ]
    return RollCall(action, tuple(sorted(lines, key=order)))


def line_for(action: PublicAction, institution_id: str) -> InstitutionTurnout | None:
    return next(
        (t for t in action.turnout_by_institution if t.institution_id == institution_id), None
    )


def _with_line(action: PublicAction, line: InstitutionTurnout) -> PublicAction:
    """`action` with `line` in place of the institution's earlier line (kept in its place)."""
    lines = list(action.turnout_by_institution)
    at = next((n for n, t in enumerate(lines) if t.institution_id == line.institution_id), None)
    if at is None:
        lines.append(line)
    else:
        lines[at] = line
    return action.evolve(turnout_by_institution=lines)


def pledge(action: PublicAction, institution_id: str, pledged: int) -> PublicAction:
    """Record what an institution pledges to bring, keeping what it has delivered."""
    held = line_for(action, institution_id)
    delivered = held.delivered if held else 0
    line = InstitutionTurnout(institution_id=institution_id, pledged=pledged, delivered=delivered)
    return _with_line(action, line)


def deliver(action: PublicAction, institution_id: str, delivered: int) -> PublicAction:
    """Record what an institution brought at the roll call, keeping its pledge."""
    held = line_for(action, institution_id)
    pledged = held.pledged if held else 0
    line = InstitutionTurnout(institution_id=institution_id, pledged=pledged, delivered=delivered)
    return _with_line(action, line)


def find_institution(
    institutions: Iterable[Institution], typed: str
) -> tuple[Institution | None, str]:
    """One institution from its name or part of it (case and accents ignored): the
    institution, or None and why ("" when nothing was typed)."""
    wanted = " ".join(fold(typed).split())
    if not wanted:
        return None, "Type the institution's name (or the start of it)."
    every = list(institutions)
    exact = [i for i in every if " ".join(fold(i.name).split()) == wanted]
    found = exact or [i for i in every if wanted in fold(i.name)]
    if len(found) == 1:
        return found[0], ""
    if not found:
        return None, f'No institution on record matches "{typed.strip()}".'
    names = ", ".join(sorted(i.name for i in found)[:6])
    return None, f'"{typed.strip()}" matches {len(found)} institutions: {names}. Be more specific.'


# The delivery record of one institution --------------------------------------------------


@dataclass(frozen=True)
class Delivery:
    """What an institution pledged to one action, and what it delivered (None: still to come)."""

    action_id: str
    action_name: str
    at: datetime
    pledged: int
    delivered: int | None

    @property
    def percent(self) -> str:
        return "to come" if self.delivered is None else percent_text(self.delivered, self.pledged)


@dataclass(frozen=True)
class DeliveryRecord:
    """Every action an institution has a roll-call line at, newest first; the totals count
    the actions that have happened."""

    deliveries: tuple[Delivery, ...]

    @property
    def past(self) -> list[Delivery]:
        return [d for d in self.deliveries if d.delivered is not None]

    @property
    def pledged(self) -> int:
        return sum(d.pledged for d in self.past)

    @property
    def delivered(self) -> int:
        return sum(d.delivered or 0 for d in self.past)

    @property
    def percent(self) -> str:
        return percent_text(self.delivered, self.pledged)

    @property
    def summary(self) -> str:
        """ "Delivered 84 of 100 pledged (84%) over 3 actions" """
        count = len(self.past)
        if not count:
            return "No past action yet" + (" (pledged to one to come)" if self.deliveries else "")
        actions = "1 action" if count == 1 else f"{count:,} actions"
        return (
            f"Delivered {self.delivered:,} of {self.pledged:,} pledged ({self.percent}) "
            f"over {actions}"
        )


def delivery_record(
    institution_id: str, actions: Iterable[PublicAction], now: datetime
) -> DeliveryRecord:
    """`institution_id`'s line at each action, newest first; actions from `now` on are to come."""
    found = []
    for action in actions:
        line = line_for(action, institution_id)
        if line is None:
            continue
        delivered = line.delivered if action.at < now else None
        found.append(Delivery(action.id, action.name, action.at, line.pledged, delivered))
    found.sort(key=lambda d: d.at, reverse=True)
    return DeliveryRecord(tuple(found))


# The sheet as a file -------------------------------------------------------------------


class RollCallFormat(StrEnum):
    MARKDOWN = "md"
    HTML = "html"


def file_name(action: PublicAction, fmt: RollCallFormat, zone: ZoneInfo) -> str:
    """ "roll-call-housing-assembly-2026-11-23.md" """
    words = ("".join(c for c in w if c.isalnum()) for w in fold(action.name).split())
    slug = "-".join(w for w in words if w)[:60] or "action"
    day: date = action.at.astimezone(zone).date()
    return f"roll-call-{slug}-{day.isoformat()}.{fmt.value}"


def _facts(sheet: RollCall, zone: ZoneInfo) -> list[tuple[str, str]]:
    action = sheet.action
    facts = [
        ("Kind", KIND_LABELS[action.action_kind]),
        ("When", f"{action.at.astimezone(zone):%A %d %B %Y, %H:%M}"),
    ]
    if action.place:
        facts.append(("Place", action.place))
    facts.append(("Turnout target", f"{action.turnout_target:,}" if action.turnout_target else ""))
    return [(k, v) for k, v in facts if v]


def _title(sheet: RollCall) -> str:
    return f"Roll call: {sheet.action.name}"


def to_markdown(sheet: RollCall, zone: ZoneInfo) -> str:
    lines = [f"# {md_escape(_title(sheet))}", ""]
    lines += [f"- **{k}:** {md_escape(v)}" for k, v in _facts(sheet, zone)]
    lines.append("")
    if not sheet.lines:
        lines.append("_No institution has pledged yet._")
    else:
        lines += ["| Institution | Pledged | Delivered | % |", "| --- | ---: | ---: | ---: |"]
        lines += [
            f"| {md_escape(line.name)} | {line.pledged:,} | {line.delivered:,} | {line.percent} |"
            for line in sheet.lines
        ]
        lines.append(
            f"| **Total** | **{sheet.pledged:,}** | **{sheet.delivered:,}** | **{sheet.percent}** |"
        )
    return "\n".join(lines) + "\n"


def to_html(sheet: RollCall, zone: ZoneInfo) -> str:
    """A self-contained page to print and read out: styles inline, nothing fetched."""
    h = html.escape
    facts = "\n".join(f"<dt>{h(k)}</dt><dd>{h(v)}</dd>" for k, v in _facts(sheet, zone))
    if not sheet.lines:
        body = '<p class="none">No institution has pledged yet.</p>'
    else:
        rows = "\n".join(
            f'<tr><th scope="row">{h(line.name)}</th><td>{line.pledged:,}</td>'
            f"<td>{line.delivered:,}</td><td>{h(line.percent)}</td></tr>"
            for line in sheet.lines
        )
        body = (
            '<section>\n<table>\n<thead><tr><th scope="col">Institution</th>'
            '<th scope="col">Pledged</th><th scope="col">Delivered</th>'
            '<th scope="col">%</th></tr></thead>\n'
            f"<tbody>\n{rows}\n</tbody>\n"
            f'<tfoot><tr><th scope="row"><strong>Total</strong></th>'
            f"<td><strong>{sheet.pledged:,}</strong></td>"
            f"<td><strong>{sheet.delivered:,}</strong></td>"
            f"<td><strong>{h(sheet.percent)}</strong></td></tr></tfoot>\n"
            "</table>\n</section>"
        )
    return page(h(_title(sheet)), f"<dl>\n{facts}\n</dl>", body)


def render(sheet: RollCall, fmt: RollCallFormat, zone: ZoneInfo) -> str:
    return to_html(sheet, zone) if fmt is RollCallFormat.HTML else to_markdown(sheet, zone)


def find_action(actions: Sequence[PublicAction], typed: str) -> tuple[PublicAction | None, str]:
    """One action from its id or its name or part of it (for the command line)."""
    by_id = next((a for a in actions if a.id == typed.strip()), None)
    if by_id is not None:
        return by_id, ""
    wanted = " ".join(fold(typed).split())
    exact = [a for a in actions if " ".join(fold(a.name).split()) == wanted]
    found = exact or [a for a in actions if wanted and wanted in fold(a.name)]
    if len(found) == 1:
        return found[0], ""
    if not found:
        return None, f'No public action matches "{typed}".'
    names = "; ".join(f"{a.name} ({a.at:%d %b %Y})" for a in found[:6])
    return (
        None,
        f'"{typed}" matches {len(found)} actions: {names}. Be more specific (or give the id).',
    )
