"""Concerns as a horizontal bar chart in the terminal: █ bars scaled to the widest."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

LABEL_MAX = 36
BAR_MAX = 40


def tally_chart(ranked: Sequence[tuple[str, int]], width: int = BAR_MAX + LABEL_MAX + 8) -> Text:
    """One line per concern, "Damp housing  ██████████ 5", in the order given.

    Concerns are shown as typed, never read as markup.
    """
    if not ranked:
        return Text("No concerns raised yet.", style="dim")
    label_width = min(LABEL_MAX, max(len(name) for name, _ in ranked))
    number_width = max(len(f"{count:,}") for _, count in ranked)
    bar_room = max(5, min(BAR_MAX, width - label_width - number_width - 4))
    most = max(count for _, count in ranked)
    lines = []
    for name, count in ranked:
        shown = name if len(name) <= label_width else name[: label_width - 1] + "…"
        filled = max(1, round(count / most * bar_room)) if count else 0
        line = Text(shown.ljust(label_width) + "  ")
        line.append("█" * filled, style="green")
        line.append(" " * (bar_room - filled) + f" {count:>{number_width},}")
        lines.append(line)
    return Text("\n").join(lines)
