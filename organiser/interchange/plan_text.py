"""An import plan in words, for the shell and the app's preview alike.

Columns: First Name → first name · Email → email · Contact ID → not used
3 to create, 1 to update, 2 to skip, 1 invalid (7 rows)
Update Amina Khan (line 4): phone, address
Skip line 7: Nothing new: Amina Khan repeats line 4.
Invalid line 9: Email is not an email address (it should look like name@example.org)
"""

from __future__ import annotations

from collections.abc import Sequence

from organiser.interchange.people_plan import Change, ImportPlan, LineNote

#: Field names as the preview words them.
FIELD_WORDS = {"memberships": "institution"}
#: How many of each kind of line are listed before "… and N more".
SHOWN = 8


def columns_line(plan: ImportPlan) -> str:
    return "Columns: " + " · ".join(f"{what} → {became}" for what, became in plan.source.columns)


def counts_line(plan: ImportPlan) -> str:
    rows = len(plan.source.rows) + len(plan.source.unreadable)
    return f"{plan.counts} ({rows:,} row{'' if rows == 1 else 's'})"


def _more(lines: list[str], total: int, limit: int) -> list[str]:
    if total > limit:
        lines.append(f"  … and {total - limit:,} more")
    return lines


def change_lines(changes: Sequence[Change], verb: str, limit: int = SHOWN) -> list[str]:
    lines = []
    for change in changes[:limit]:
        where = ", ".join(str(line) for line in change.lines[:3])
        words = (FIELD_WORDS.get(f, f.replace("_", " ")) for f in change.fields)
        fields = f": {', '.join(words)}" if change.fields else ""
        label = "line" if len(change.lines) == 1 else "lines"
        lines.append(f"{verb} {change.person.name} ({label} {where}){fields}")
    return _more(lines, len(changes), limit)


def note_lines(notes: Sequence[LineNote], verb: str, limit: int = SHOWN) -> list[str]:
    lines = [f"{verb} line {note.line}: {note.message}" for note in notes[:limit]]
    return _more(lines, len(notes), limit)


def plan_lines(plan: ImportPlan, limit: int = SHOWN) -> list[str]:
    """The whole preview: columns, counts, what the reader noticed, then the rows by kind."""
    lines = [columns_line(plan), counts_line(plan), *plan.notes]
    lines += change_lines(plan.creates, "Create", limit)
    lines += change_lines(plan.updates, "Update", limit)
    unchanged = sum(1 for note in plan.skipped if note.unchanged)
    if unchanged:
        lines.append(f"Skip {unchanged:,} already on record with nothing new")
    lines += note_lines([n for n in plan.skipped if not n.unchanged], "Skip", limit)
    lines += note_lines(plan.invalid, "Invalid", limit)
    return lines


def outcome(plan: ImportPlan) -> str:
    """After applying: "Imported people.csv: 3 created, 1 updated, 2 skipped, 1 invalid."."""
    parts = [
        f"{len(plan.creates):,} created",
        f"{len(plan.updates):,} updated",
        f"{len(plan.skipped):,} skipped",
    ]
    if plan.invalid:
        parts.append(f"{len(plan.invalid):,} invalid")
    return f"Imported {plan.source.name}: {', '.join(parts)}."
