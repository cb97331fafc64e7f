"""The power grid: influence (5 at the top) against stance (opposed to champion), each
entry's name in its cell."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text

from organiser.campaigns import INFLUENCE_ROWS, STANCE_LABELS, power_grid
from organiser.models import PowerMapEntry


def grid_table(entries: Iterable[PowerMapEntry]) -> Table:
    """A Rich table; names are plain text, decision-makers marked with ★."""
    listed = list(entries)
    deciders = {e.name for e in listed if e.is_decision_maker}
    cells = power_grid(listed)
    table = Table(expand=True, show_lines=True, title_justify="left")
    table.add_column(Text("Influence"), width=9, justify="center", no_wrap=True)
    for label in STANCE_LABELS.values():
        table.add_column(Text(label), ratio=1)
    for influence in INFLUENCE_ROWS:
        row: list[Text] = [Text(str(influence), style="bold")]
        for stance in STANCE_LABELS:
            text = Text()
            for n, name in enumerate(cells[(influence, stance)]):
                if n:
                    text.append("\n")
                text.append(("★ " if name in deciders else "") + name)
            row.append(text)
        table.add_row(*row)
    return table
